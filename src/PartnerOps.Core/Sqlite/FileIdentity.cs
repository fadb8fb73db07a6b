using System;
using System.IO;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using PartnerOps.Data;
using PartnerOps.Sqlite.Native;

namespace PartnerOps.Sqlite
{
    /// <summary>
    /// Which file a path names, as the file system tells it: the device and the file number (the inode on Unix, the
    /// file index on Windows) that no other file has while it exists, how many names (hard links) it has, and its
    /// size and the time it last changed. Two paths name the same file exactly when device and file number agree, so symbolic
    /// links, hard links and (on Windows and macOS) letters in another case all lead to one identity. .NET Standard
    /// has no call for this, so it asks the operating system: statx(2) on Linux, stat(2) on macOS,
    /// GetFileInformationByHandle on Windows.
    /// </summary>
    internal sealed class FileIdentity
    {
        private FileIdentity(ulong device, ulong fileNumber, long links, long size, long changedNanoseconds)
        {
            Device = device;
            FileNumber = fileNumber;
            Links = links;
            Size = size;
            ChangedNanoseconds = changedNanoseconds;
        }

        public ulong Device { get; }

        public ulong FileNumber { get; }

        /// <summary>The file's names (hard links); more than one means other paths lead to it too.</summary>
        public long Links { get; }

        /// <summary>Bytes.</summary>
        public long Size { get; }

        /// <summary>
        /// When the file last changed, in nanoseconds since 1970-01-01 UTC: on Unix its status change time (ctime), which
        /// any write, copy over it, change of mode or attributes, or new link moves and no program can set back; on
        /// Windows its last write time (100 ns steps).
        /// </summary>
        public long ChangedNanoseconds { get; }

        /// <summary>True when this platform's file system can be asked; else <see cref="Of"/> always gives null.</summary>
        public static bool Supported { get; private set; } = true;

        /// <summary>Whether both name the same file (not whether its content is unchanged).</summary>
        public bool SameFile(FileIdentity? other) => other != null && other.Device == Device && other.FileNumber == FileNumber;

        /// <summary>The same file, with the same size and change time: nothing wrote to it or changed its mode in between.</summary>
        public bool Unchanged(FileIdentity? other) =>
            SameFile(other) && other!.Size == Size && other.ChangedNanoseconds == ChangedNanoseconds;

        public override string ToString() => $"{Device}:{FileNumber}";

        /// <summary>
        /// Whether two paths name the same file: the same full path or final path (<see cref="FinalPath"/>: symbolic links in
        /// it resolved; letter case ignored on Windows and macOS), or, for files that exist, the same identity (through hard
        /// links too).
        /// </summary>
        public static bool SamePath(string path, string other)
        {
            if (FinalPath.Same(System.IO.Path.GetFullPath(path), System.IO.Path.GetFullPath(other)) || FinalPath.Same(FinalPath.Of(path), FinalPath.Of(other)))
            {
                return true;
            }

            var identity = Of(path);
            return identity != null && identity.SameFile(Of(other));
        }

        /// <summary>
        /// The identity of the file at <paramref name="path"/> (following symbolic links); null when nothing is there,
        /// when it is a folder, or when the platform cannot say (<see cref="Supported"/> false).
        /// </summary>
        public static FileIdentity? Of(string path)
        {
            if (!Supported)
            {
                return null;
            }

            try
            {
                if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
                {
                    return Windows(path);
                }

                return RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? MacOS(path) : Linux(path);
            }
            catch (Exception ex) when (ex is EntryPointNotFoundException || ex is DllNotFoundException || ex is BadImageFormatException)
            {
                // An old C library without statx (glibc before 2.28), or another platform: identities are then
                // unknown, and callers go by the path alone.
                Supported = false;
                return null;
            }
        }

        // struct statx (linux/stat.h) has one layout on every architecture.
        private const int AtFdCwd = -100;
        private const uint StatxBasicStats = 0x7ff;
        private const int StatxSize = 256;
        private const uint FileTypeMask = 0xF000;
        private const uint RegularFile = 0x8000;

        private static FileIdentity? Linux(string path)
        {
            var buffer = new byte[StatxSize];
            if (Statx(AtFdCwd, path, 0, StatxBasicStats, buffer) != 0)
            {
                return null;
            }

            var mode = BitConverter.ToUInt16(buffer, 28);
            if ((mode & FileTypeMask) != RegularFile)
            {
                return null;
            }

            var device = ((ulong)BitConverter.ToUInt32(buffer, 136) << 32) | BitConverter.ToUInt32(buffer, 140);
            var ctime = BitConverter.ToInt64(buffer, 96) * 1_000_000_000L + BitConverter.ToUInt32(buffer, 104);
            return new FileIdentity(device, BitConverter.ToUInt64(buffer, 32), BitConverter.ToUInt32(buffer, 16), BitConverter.ToInt64(buffer, 40), ctime);
        }

        [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
        private static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPStr)] string path, int flags, uint mask, byte[] buffer);

        // struct stat with 64-bit inodes: the 'stat' symbol on arm64, 'stat$INODE64' on x86_64.
        private static FileIdentity? MacOS(string path)
        {
            var buffer = new byte[144];
            var result = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? MacStat(path, buffer) : MacStat64(path, buffer);
            if (result != 0)
            {
                return null;
            }

            var mode = BitConverter.ToUInt16(buffer, 4);
            if ((mode & FileTypeMask) != RegularFile)
            {
                return null;
            }

            var ctime = BitConverter.ToInt64(buffer, 64) * 1_000_000_000L + BitConverter.ToInt64(buffer, 72);
            return new FileIdentity(BitConverter.ToUInt32(buffer, 0), BitConverter.ToUInt64(buffer, 8), BitConverter.ToUInt16(buffer, 6), BitConverter.ToInt64(buffer, 96), ctime);
        }

        [DllImport("libc", EntryPoint = "stat", SetLastError = true)]
        private static extern int MacStat([MarshalAs(UnmanagedType.LPStr)] string path, byte[] buffer);

        [DllImport("libc", EntryPoint = "stat$INODE64", SetLastError = true)]
        private static extern int MacStat64([MarshalAs(UnmanagedType.LPStr)] string path, byte[] buffer);

        private static FileIdentity? Windows(string path)
        {
            if (!File.Exists(path))
            {
                return null;
            }

            try
            {
                // Shared for everything, so SQLite's own handles and other processes are not disturbed.
                using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
                {
                    if (!GetFileInformationByHandle(stream.SafeFileHandle, out var info))
                    {
                        return null;
                    }

                    var lastWrite = ((long)info.LastWriteHigh << 32 | info.LastWriteLow) - 116444736000000000L; // 1601 -> 1970, in 100 ns
                    return new FileIdentity(
                        info.VolumeSerialNumber,
                        (ulong)info.FileIndexHigh << 32 | info.FileIndexLow,
                        info.NumberOfLinks,
                        (long)info.FileSizeHigh << 32 | info.FileSizeLow,
                        lastWrite * 100);
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException)
            {
                return null;
            }
        }

        [StructLayout(LayoutKind.Sequential)]
        private struct ByHandleFileInformation
        {
            public uint FileAttributes;
            public uint CreationLow;
            public uint CreationHigh;
            public uint LastAccessLow;
            public uint LastAccessHigh;
            public uint LastWriteLow;
            public uint LastWriteHigh;
            public uint VolumeSerialNumber;
            public uint FileSizeHigh;
            public uint FileSizeLow;
            public uint NumberOfLinks;
            public uint FileIndexHigh;
            public uint FileIndexLow;
        }

        [DllImport("kernel32", SetLastError = true)]
        [return: MarshalAs(UnmanagedType.Bool)]
        private static extern bool GetFileInformationByHandle(SafeFileHandle file, out ByHandleFileInformation information);
    }
}
