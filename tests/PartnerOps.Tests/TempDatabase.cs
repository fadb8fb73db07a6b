using System;
using System.IO;
using PartnerOps.Data;
using PartnerOps.Sqlite;

namespace PartnerOps.Tests
{
    /// <summary>A folder of its own per test, removed afterwards; databases in it are real SQLite files.</summary>
    public sealed class TempDatabase : IDisposable
    {
        public TempDatabase()
        {
            Folder = Path.Combine(Path.GetTempPath(), "partnerops-tests-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Folder);
            Path_ = System.IO.Path.Combine(Folder, "test.db");
        }

        public string Folder { get; }

        public string Path_ { get; }

        public string File(string name) => System.IO.Path.Combine(Folder, name);

        public SqliteDatabase Open() => SqliteDatabase.OpenOrCreate(Path_);

        public void Dispose()
        {
            SqliteDatabase.ReleasePooledConnections();
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a failing test; the temp folder is cleaned by the OS.
            }
        }
    }
}
