using System;
using System.IO;
using System.Linq;
using Dapper;
using PartnerOps.Data;
using PartnerOps.Sqlite;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests
{
    public class DatabaseCheckTests
    {
        [Fact]
        public void A_healthy_database_passes_every_check()
        {
            using var db = new TempDatabase();
            using var store = db.Open();
            Repository(store).Add(Draft("Acme"));

            var findings = store.Check().ToList();

            Assert.Equal(new[] { "Integrity", "ForeignKey", "Schema", "RevenueTotals", "SharedNames", "SharedTargets", "NameSortKeys" }, findings.Select(f => f.Check).ToArray());
            Assert.All(findings, f => Assert.True(f.Passed, f.ToString()));
            Assert.Equal("ok", findings.Single(f => f.Check == "Integrity").Detail);
        }

        [Fact]
        public void GetInfo_describes_the_database()
        {
            using var db = new TempDatabase();
            using var store = SqliteDatabase.Create(db.Path_, "GBP");
            var partners = Repository(store);
            partners.Add(Draft("A"));
            partners.Add(Draft("B"));

            var info = store.GetInfo();
            Assert.Equal(Path.GetFullPath(db.Path_), info.Path);
            Assert.Equal(2, info.PartnerCount);
            Assert.Equal("GBP", info.Currency);
            Assert.Equal(new FileInfo(db.Path_).Length, info.SizeBytes);
            Assert.True(info.SizeBytes > 0);
        }

        [Fact]
        public void A_corrupted_file_is_reported_as_failed_integrity_or_DatabaseInvalid()
        {
            using var db = new TempDatabase();
            using (var store = db.Open())
            {
                var partners = Repository(store);
                store.BeginWrite();
                for (var i = 0; i < 2000; i++)
                {
                    partners.Add(Draft("Partner " + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture), region: "Region " + (i % 17), notes: new string('n', 200)));
                }

                store.Commit();
            }

            SqliteDatabase.ReleasePooledConnections();
            Assert.False(File.Exists(db.Path_ + "-wal"), "closing the last connection checkpoints the WAL into the file");

            int pageSize;
            using (var raw = OpenRaw(db.Path_, Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly))
            {
                pageSize = raw.ExecuteScalar<int>("PRAGMA page_size");
            }

            var length = new FileInfo(db.Path_).Length;
            Assert.True(length > 50 * pageSize, "the database should span many pages");

            // Overwrite a few whole pages in the middle (never page 1, which holds the header and schema).
            var garbage = new byte[pageSize * 3];
            new Random(7).NextBytes(garbage);
            using (var file = new FileStream(db.Path_, FileMode.Open, FileAccess.Write))
            {
                file.Seek((length / 2 / pageSize) * pageSize, SeekOrigin.Begin);
                file.Write(garbage, 0, garbage.Length);
            }

            PartnerOpsException? failure = null;
            DatabaseFinding[]? findings = null;
            try
            {
                using var corrupted = SqliteDatabase.OpenExisting(db.Path_);
                findings = corrupted.Check().ToArray();
            }
            catch (PartnerOpsException ex)
            {
                failure = ex;
            }

            if (failure != null)
            {
                Assert.Equal(ErrorIds.DatabaseInvalid, failure.ErrorId);
            }
            else
            {
                var integrity = Assert.Single(findings!, f => f.Check == "Integrity");
                Assert.False(integrity.Passed);
                Assert.NotEqual("ok", integrity.Detail);
            }
        }
    }
}
