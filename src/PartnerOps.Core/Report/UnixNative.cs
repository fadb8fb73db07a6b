using System;
using System.IO;
using System.Runtime.InteropServices;

namespace PartnerOps.Report
{
    /// <summary>
    /// The few Unix file calls a report file needs that netstandard2.0 lacks: the kind, mode and owner of a path (through
    /// .NET's own System.Native library, present in every .NET Core process on Unix), and setting the mode and owner of a
    /// new file. Only called outside Windows.
    /// </summary>
    internal static class UnixNative
    {
        private const string DotNetNative = "libSystem.Native";

        /// <summary>stat(2) following links, into .NET's FileStatus layout (int32 Flags, Mode, Uid, Gid, ...); 0 on success.</summary>
        public static int Stat(string path, byte[] status) => SystemNativeStat(Utf8(path), status);

        /// <summary>lstat(2): as <see cref="Stat"/>, describing a link itself.</summary>
        public static int LStat(string path, byte[] status) => SystemNativeLStat(Utf8(path), status);

        /// <summary>
        /// Gives the file at <paramref name="path"/> the permission bits <paramref name="mode"/> (07777): File.SetUnixFileMode
        /// (.NET 7 and later, PowerShell 7.3 and later), else chmod through System.Native.
        /// </summary>
        /// <exception cref="IOException">The mode cannot be set.</exception>
        public static void SetMode(string path, int mode)
        {
            var modeType = typeof(File).Assembly.GetType("System.IO.UnixFileMode");
            var set = modeType == null ? null : typeof(File).GetMethod("SetUnixFileMode", new[] { typeof(string), modeType });
            if (set != null)
            {
                try
                {
                    set.Invoke(null, new[] { path, Enum.ToObject(modeType!, mode) });
                    return;
                }
                catch (System.Reflection.TargetInvocationException ex) when (ex.InnerException != null)
                {
                    throw new IOException($"The permissions of '{path}' cannot be set: {ex.InnerException.Message}", ex.InnerException);
                }
            }

            if (SystemNativeChMod(Utf8(path), mode) != 0)
            {
                throw new IOException($"The permissions of '{path}' cannot be set (error {Marshal.GetLastWin32Error()}).");
            }
        }

        /// <summary>
        /// Gives the file at <paramref name="path"/> the owner <paramref name="uid"/>:<paramref name="gid"/> when the process
        /// may (as root, or a group the user is in); false when it may not or no C library answers. .NET has no owner API.
        /// </summary>
        public static bool TrySetOwner(string path, int uid, int gid)
        {
            try
            {
                return GlibcChown(Utf8(path), uid, gid) == 0;
            }
            catch (Exception ex) when (ex is DllNotFoundException || ex is EntryPointNotFoundException)
            {
                try
                {
                    return LibcChown(Utf8(path), uid, gid) == 0;
                }
                catch (Exception inner) when (inner is DllNotFoundException || inner is EntryPointNotFoundException)
                {
                    return false;
                }
            }
        }

        // A path as the C calls take it: UTF-8, ending in a zero byte.
        private static byte[] Utf8(string path)
        {
            var count = System.Text.Encoding.UTF8.GetByteCount(path);
            var bytes = new byte[count + 1];
            System.Text.Encoding.UTF8.GetBytes(path, 0, path.Length, bytes, 0);
            return bytes;
        }

        [DllImport(DotNetNative, EntryPoint = "SystemNative_Stat", SetLastError = true)]
        private static extern int SystemNativeStat(byte[] path, [Out] byte[] status);

        [DllImport(DotNetNative, EntryPoint = "SystemNative_LStat", SetLastError = true)]
        private static extern int SystemNativeLStat(byte[] path, [Out] byte[] status);

        [DllImport(DotNetNative, EntryPoint = "SystemNative_ChMod", SetLastError = true)]
        private static extern int SystemNativeChMod(byte[] path, int mode);

        // glibc's file name; "libc" finds the C library on macOS and musl.
        [DllImport("libc.so.6", EntryPoint = "chown", SetLastError = true)]
        private static extern int GlibcChown(byte[] path, int uid, int gid);

        [DllImport("libc", EntryPoint = "chown", SetLastError = true)]
        private static extern int LibcChown(byte[] path, int uid, int gid);
    }
}
