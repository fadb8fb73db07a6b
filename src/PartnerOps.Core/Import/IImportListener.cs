using System;

namespace PartnerOps.Import
{
    /// <summary>
    /// What an import tells its caller while it runs. Every call comes on the thread that called
    /// <see cref="ImportEngine.Run"/>, so a cmdlet can write errors, progress and verbose messages from it.
    /// </summary>
    public interface IImportListener
    {
        /// <summary>A row was rejected; nothing of it was written.</summary>
        void RowFailed(ImportRowError error);

        /// <summary>
        /// Something about the file the user should know that stops nothing, such as columns the import does not
        /// know (a CSV file's before its first row is read; a JSON file's when its end is reached).
        /// </summary>
        void Warning(string message);

        /// <summary>Called at most every <see cref="ImportOptions.ProgressInterval"/>.</summary>
        void Progress(ImportProgress progress);

        /// <summary>A batch was committed: these rows are in the database to stay.</summary>
        void BatchCommitted(long rowsCommitted, long lastLine);
    }

    public sealed class ImportProgress
    {
        public ImportProgress(long rowsRead, long bytesRead, long totalBytes, TimeSpan elapsed)
        {
            RowsRead = rowsRead;
            BytesRead = bytesRead;
            TotalBytes = totalBytes;
            Elapsed = elapsed;
        }

        public long RowsRead { get; }

        public long BytesRead { get; }

        public long TotalBytes { get; }

        public TimeSpan Elapsed { get; }

        /// <summary>0-100 by bytes read.</summary>
        public int Percent => TotalBytes <= 0 ? 100 : (int)Math.Min(100, BytesRead * 100 / TotalBytes);
    }
}
