using System;
using System.IO;
using PartnerOps.Data;

namespace PartnerOps.Report
{
    /// <summary>
    /// Writes a report file whole, as Export-Csv replaces a file: the report is written to a new file beside the destination
    /// and moved into place only when it is complete, so a failure leaves the file that was there as it was, and no partial
    /// file behind. What is at the path is respected: a symbolic link is written through (the file it finally points to is
    /// replaced, and the link stays, as Export-Csv writes through links); a FIFO, device, socket or folder is refused and left
    /// as it is; a read-only file is refused (as Export-Csv without -Force); a replaced file keeps its permissions (Unix mode,
    /// and owner when the process may set it, as root does; on Windows File.Replace keeps the old file's ACL and attributes).
    /// </summary>
    public static class ReportFile
    {
        /// <summary>
        /// The full path of the report file <paramref name="path"/> names (a symbolic link stays as given), when a file can be
        /// written there: its folder exists, and the path (or the final target of its link, whose folder exists) is nothing
        /// or a regular file that is not read-only.
        /// </summary>
        /// <exception cref="PartnerOpsException">ReportPathInvalid, naming the path and the problem: InvalidArgument for a
        /// folder, FIFO, device, socket or missing folder (and for a link, its target); ReadOnly for a read-only file.</exception>
        public static string RequireFilePath(string path) => Require(path).Full;

        private static (string Full, ReportPathStatus Status) Require(string path)
        {
            string full;
            try
            {
                full = Path.GetFullPath(path);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
            {
                throw Invalid(path, $"The report path '{path}' is not a usable file path: {ex.Message.TrimEnd('.')}.", ex);
            }

            if (Directory.Exists(full))
            {
                throw Invalid(full, $"The report path '{full}' is a folder, not a file. Give the path of a file in it, such as '{Path.Combine(full, "partner-report.html")}'.");
            }

            var folder = Path.GetDirectoryName(full);
            if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
            {
                var why = File.Exists(folder) ? "is a file, not a folder" : "does not exist";
                throw Invalid(full, $"The report path '{full}' cannot be written: its folder '{folder}' {why}. Give a path in an existing folder, or create the folder first (New-Item -ItemType Directory).");
            }

            return (full, ReportPathStatus.Inspect(full));
        }

        /// <summary>
        /// Writes the file at <paramref name="path"/> (a full path, see <see cref="RequireFilePath"/>) through
        /// <paramref name="write"/>, given a stream on a new file in the same folder; when <paramref name="write"/> returns,
        /// the new file replaces the one at the path (or becomes it). A failure, of <paramref name="write"/> or of the file
        /// system, removes the new file and leaves the path as it was; a failure of <paramref name="write"/> is rethrown as it is.
        /// When the path is a symbolic link, the file it finally points to is replaced (the new file is made in that file's
        /// folder) and the link is kept. On Unix the new file gets the replaced file's permission bits before any byte is
        /// written to it, and its owner and group when the process may set them (else it belongs to the writer).
        /// </summary>
        /// <exception cref="PartnerOpsException">
        /// ReportPathInvalid: PermissionDenied (ReadOnly) when the folder or the file cannot be written to, WriteError (Full)
        /// when the disk has no room, InvalidOperation for any other failure of the file system; each names the path.
        /// </exception>
        public static void Write(string path, Action<Stream> write)
        {
            var status = Require(path).Status;
            var destination = status.Target;
            var folder = Path.GetDirectoryName(destination) ?? string.Empty;
            var partial = PartialFiles.Beside(destination);
            try
            {
                using (var stream = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920))
                {
                    KeepPermissions(status, partial);
                    write(stream);
                    stream.Flush(flushToDisk: true);
                }

                if (File.Exists(destination))
                {
                    // A rename over the old file: readers see the old report or the new one, never a part of either.
                    File.Replace(partial, destination, null);
                }
                else
                {
                    File.Move(partial, destination);
                }
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new PartnerOpsException(ErrorIds.ReportPathInvalid, FailureKind.ReadOnly, $"The report '{destination}' cannot be written: {ex.Message.TrimEnd('.')}. The file there (if any) is unchanged.", destination, ex);
            }
            catch (IOException ex)
            {
                var full = IsDiskFull(ex);
                throw new PartnerOpsException(
                    ErrorIds.ReportPathInvalid,
                    full ? FailureKind.Full : FailureKind.InvalidOperation,
                    $"The report '{destination}' cannot be written: {ex.Message.TrimEnd('.')}{(full ? " (the disk is full)" : string.Empty)}. The file there (if any) is unchanged.",
                    destination,
                    ex);
            }
            finally
            {
                if (File.Exists(partial))
                {
                    try
                    {
                        File.Delete(partial);
                    }
                    catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                    {
                        // Left as it is: the failure being reported says more than this one.
                    }
                }
            }
        }

        // The old file's mode (and owner, where the process may) on the new file, while it is still empty.
        private static void KeepPermissions(ReportPathStatus status, string partial)
        {
            if (!status.Exists || status.Mode < 0)
            {
                return;
            }

            if (status.Uid >= 0)
            {
                // Before the mode: changing the owner clears set-user-id and set-group-id bits.
                UnixNative.TrySetOwner(partial, status.Uid, status.Gid);
            }

            UnixNative.SetMode(partial, status.Mode);
        }

        // ENOSPC (28) on Unix; ERROR_DISK_FULL (112) and ERROR_HANDLE_DISK_FULL (39) on Windows.
        private static bool IsDiskFull(IOException ex)
        {
            var code = ex.HResult & 0xFFFF;
            return code == 28 || code == 112 || code == 39;
        }

        private static PartnerOpsException Invalid(string path, string message, Exception? inner = null) =>
            new PartnerOpsException(ErrorIds.ReportPathInvalid, FailureKind.InvalidArgument, message, path, inner);
    }
}
