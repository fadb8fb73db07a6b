using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using PartnerOps.Data;
using PartnerOps.Import;
using PartnerOps.Sqlite;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests.Import
{
    /// <summary>Records what an import reports, and on which thread.</summary>
    internal sealed class RecordingListener : IImportListener
    {
        private readonly int _thread = Environment.CurrentManagedThreadId;

        public List<ImportRowError> Errors { get; } = new List<ImportRowError>();

        public List<ImportProgress> ProgressReports { get; } = new List<ImportProgress>();

        public List<(long Rows, long LastLine)> Commits { get; } = new List<(long, long)>();

        /// <summary>Calls that came on another thread than the one that created the listener.</summary>
        public int CallsFromOtherThreads { get; private set; }

        public Action<ImportProgress>? OnProgress { get; set; }

        public void RowFailed(ImportRowError error)
        {
            Check();
            Errors.Add(error);
        }

        public List<string> Warnings { get; } = new List<string>();

        public void Warning(string message) => Warnings.Add(message);

        public void Progress(ImportProgress progress)
        {
            Check();
            ProgressReports.Add(progress);
            OnProgress?.Invoke(progress);
        }

        public void BatchCommitted(long rowsCommitted, long lastLine)
        {
            Check();
            Commits.Add((rowsCommitted, lastLine));
        }

        private void Check()
        {
            if (Environment.CurrentManagedThreadId != _thread)
            {
                CallsFromOtherThreads++;
            }
        }
    }

    /// <summary>A temporary database and files to import into it.</summary>
    public abstract class ImportTestBase : IDisposable
    {
        protected ImportTestBase()
        {
            Db = new TempDatabase();
        }

        internal TempDatabase Db { get; }

        internal RecordingListener Listener { get; private set; } = new RecordingListener();

        public void Dispose()
        {
            Db.Dispose();
        }

        /// <summary>Writes a file (UTF-8 without BOM unless bytes are given) and returns its path.</summary>
        protected string WriteFile(string name, string content, Encoding? encoding = null)
        {
            var path = Db.File(name);
            File.WriteAllText(path, content, encoding ?? new UTF8Encoding(false));
            return path;
        }

        protected string WriteCsv(params string[] lines) => WriteFile("partners.csv", string.Join("\n", lines) + "\n");

        internal ImportResult Import(string path, ImportOptions? options = null, CancellationToken cancellation = default)
        {
            Listener = new RecordingListener();
            using var job = PartnerImport.Open(path, options ?? new ImportOptions(), () => Now);
            using var store = Db.Open();
            return job.Run(store, Listener, cancellation);
        }

        internal Partner[] Stored()
        {
            if (!File.Exists(Db.Path_))
            {
                return Array.Empty<Partner>();
            }

            using var store = SqliteDatabase.OpenExisting(Db.Path_);
            return Repository(store).Find(new PartnerFilter()).ToArray();
        }

        internal Partner StoredPartner(string name) => Stored().Single(p => p.Name == name);

        internal void Add(params string[] names)
        {
            using var store = Db.Open();
            var partners = Repository(store);
            store.BeginWrite();
            foreach (var name in names)
            {
                partners.Add(Draft(name, region: "Old Region", country: "FR", joinedOn: new DateTime(2001, 1, 1)));
            }

            store.Commit();
        }
    }
}
