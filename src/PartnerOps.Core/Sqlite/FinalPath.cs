using System;
using System.IO;
using System.Runtime.InteropServices;

namespace PartnerOps.Sqlite
{
    /// <summary>
    /// A path with the symbolic links in it resolved, as the operating system finds the file: realpath(3) on Linux and macOS,
    /// for a file or folder that exists; for a path that does not exist (yet), its folder's final path and its name; the full
    /// path when neither exists. On Windows the full path (links there are not followed). SQLite names a database's -wal,
    /// -shm and -journal files after the database's final path, so two paths lead to one such file exactly when their final
    /// paths are equal.
    /// </summary>
    internal static class FinalPath
    {
        /// <summary>The final path of <paramref name="path"/> (relative paths are taken against the process's folder).</summary>
        public static string Of(string path)
        {
            var full = Path.GetFullPath(path);
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                return full;
            }

            var real = RealPath(full);
            if (real != null)
            {
                return real;
            }

            var folder = Path.GetDirectoryName(full);
            var realFolder = string.IsNullOrEmpty(folder) ? null : RealPath(folder!);
            return realFolder == null ? full : Path.Combine(realFolder, Path.GetFileName(full));
        }

        /// <summary>Whether two final paths are the same: exactly on Linux, ignoring case on Windows and macOS.</summary>
        public static bool Same(string path, string other) =>
            string.Equals(path, other, RuntimeInformation.IsOSPlatform(OSPlatform.Linux) ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);

        private static string? RealPath(string path)
        {
            try
            {
                var resolved = Resolve(path, IntPtr.Zero);
                if (resolved == IntPtr.Zero)
                {
                    return null; // nothing there, or a folder on the way that cannot be searched
                }

                try
                {
                    return Marshal.PtrToStringAnsi(resolved); // UTF-8 on Linux and macOS
                }
                finally
                {
                    Free(resolved);
                }
            }
            catch (Exception ex) when (ex is EntryPointNotFoundException || ex is DllNotFoundException)
            {
                return null;
            }
        }

        [DllImport("libc", EntryPoint = "realpath", SetLastError = true)]
        private static extern IntPtr Resolve([MarshalAs(UnmanagedType.LPStr)] string path, IntPtr resolved);

        [DllImport("libc", EntryPoint = "free")]
        private static extern void Free(IntPtr pointer);
    }
}
