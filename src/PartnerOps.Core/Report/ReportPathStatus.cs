using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;

namespace PartnerOps.Report
{
    /// <summary>
    /// What is at a report path before it is written: the file the report goes to (the final target when the path is a
    /// symbolic link) and, when that file exists, its Unix kind, permission bits and owner. Reads only; changes nothing.
    /// </summary>
    internal sealed class ReportPathStatus
    {
        // File type bits of st_mode, as POSIX gives them.
        private const int TypeMask = 0xF000;
        private const int Fifo = 0x1000;
        private const int CharacterDevice = 0x2000;
        private const int Folder = 0x4000;
        private const int BlockDevice = 0x6000;
        private const int Regular = 0x8000;
        private const int Link = 0xA000;
        private const int Socket = 0xC000;

        private static readonly bool OnWindows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

        private ReportPathStatus(string target, bool exists, int mode, int uid, int gid)
        {
            Target = target;
            Exists = exists;
            Mode = mode;
            Uid = uid;
            Gid = gid;
        }

        /// <summary>The full path of the file the report is written to: the path itself, or the final target of its link.</summary>
        public string Target { get; }

        /// <summary>True when a regular file is at <see cref="Target"/> (it is replaced whole).</summary>
        public bool Exists { get; }

        /// <summary>Unix permission bits (07777) of the existing file; -1 on Windows or when there is no file.</summary>
        public int Mode { get; }

        /// <summary>Unix user and group ids of the existing file's owner; -1 on Windows or when there is no file.</summary>
        public int Uid { get; }

        /// <inheritdoc cref="Uid"/>
        public int Gid { get; }

        /// <summary>
        /// Looks at the full path <paramref name="full"/>: follows a symbolic link to its final target, and returns what is
        /// there when it is a regular file or nothing.
        /// </summary>
        /// <exception cref="PartnerOpsException">ReportPathInvalid (InvalidArgument) naming the path (and the link's target)
        /// when it is a folder, a FIFO, a device or a socket, a link that cannot be followed, or a link whose target's folder
        /// does not exist; (ReadOnly) when it is a read-only file.</exception>
        public static ReportPathStatus Inspect(string full)
        {
            var target = full;
            var linked = IsLink(full);
            if (linked)
            {
                target = FinalTarget(full);
                var targetFolder = Path.GetDirectoryName(target);
                if (!string.IsNullOrEmpty(targetFolder) && !Directory.Exists(targetFolder))
                {
                    throw Invalid(full, $"The report path '{full}' is a symbolic link to '{target}', whose folder '{targetFolder}' does not exist. Create the folder, or give another path; the link is left as it is.");
                }
            }

            var shown = linked ? $"'{full}' (a symbolic link to '{target}')" : $"'{full}'";
            if (Directory.Exists(target))
            {
                throw Invalid(full, $"The report path {shown} is a folder, not a file. Give the path of a file in it, such as '{Path.Combine(target, "partner-report.html")}'.");
            }

            if (OnWindows)
            {
                var info = new FileInfo(target);
                RefuseReadOnly(info.Exists && info.IsReadOnly, full, shown);
                return new ReportPathStatus(target, info.Exists, -1, -1, -1);
            }

            var status = new byte[256];
            if (UnixNative.Stat(target, status) != 0)
            {
                // Nothing there (or nothing this process may look at): the report becomes a new file.
                return new ReportPathStatus(target, false, -1, -1, -1);
            }

            var mode = BitConverter.ToInt32(status, 4);
            var kind = KindName(mode & TypeMask);
            if (kind != null)
            {
                throw Invalid(full, $"The report path {shown} is {kind}, not a regular file. The report is written only to a regular file (or a new one); nothing was written and the {kind.Substring(kind.IndexOf(' ') + 1)} is left as it is. Give the path of a file.");
            }

            RefuseReadOnly(new FileInfo(target).IsReadOnly, full, shown);
            return new ReportPathStatus(target, true, mode & 0xFFF, BitConverter.ToInt32(status, 8), BitConverter.ToInt32(status, 12));
        }

        private static string? KindName(int type)
        {
            switch (type)
            {
                case Regular: return null;
                case Fifo: return "a FIFO (named pipe)";
                case CharacterDevice: return "a character device";
                case BlockDevice: return "a block device";
                case Socket: return "a socket";
                case Folder: return "a folder";
                default: return "a special file";
            }
        }

        private static void RefuseReadOnly(bool readOnly, string full, string shown)
        {
            if (readOnly)
            {
                throw new PartnerOpsException(ErrorIds.ReportPathInvalid, FailureKind.ReadOnly, $"The report path {shown} is a read-only file; it is left as it is. Make it writable (Set-ItemProperty -Name IsReadOnly -Value $false, or chmod u+w), remove it, or give another path.", full);
            }
        }

        private static bool IsLink(string full)
        {
            if (OnWindows)
            {
                var attributes = new FileInfo(full).Attributes;
                return (int)attributes != -1 && (attributes & FileAttributes.ReparsePoint) != 0;
            }

            var status = new byte[256];
            return UnixNative.LStat(full, status) == 0 && (BitConverter.ToInt32(status, 4) & TypeMask) == Link;
        }

        // FileSystemInfo.ResolveLinkTarget(returnFinalTarget: true) exists from .NET 6 (PowerShell 7.2); it is reached by
        // reflection because this assembly targets netstandard2.0.
        private static string FinalTarget(string full)
        {
            var resolve = typeof(FileSystemInfo).GetMethod("ResolveLinkTarget", new[] { typeof(bool) });
            if (resolve == null)
            {
                throw Invalid(full, $"The report path '{full}' is a symbolic link (or another reparse point), and this version of .NET cannot follow it. Give the path of the file it points to.");
            }

            try
            {
                var final = resolve.Invoke(new FileInfo(full), new object[] { true }) as FileSystemInfo;
                if (final == null)
                {
                    throw Invalid(full, $"The report path '{full}' is a reparse point that is not a link to a file. Give the path of a file.");
                }

                return Path.GetFullPath(final.FullName);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is IOException || ex.InnerException is UnauthorizedAccessException)
            {
                throw Invalid(full, $"The report path '{full}' is a symbolic link that cannot be followed: {ex.InnerException.Message.TrimEnd('.')}. Give the path of a file.", ex.InnerException);
            }
        }

        private static PartnerOpsException Invalid(string path, string message, Exception? inner = null) =>
            new PartnerOpsException(ErrorIds.ReportPathInvalid, FailureKind.InvalidArgument, message, path, inner);
    }
}
