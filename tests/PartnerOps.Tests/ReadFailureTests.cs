using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Data.Sqlite;
using PartnerOps.Data;
using PartnerOps.Sqlite;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests
{
    /// <summary>No raw SQLite exception reaches the user: every failure of a read, also one while its rows stream, is named.</summary>
    public sealed class ReadFailureTests : IDisposable
    {
        private readonly TempDatabase _db = new TempDatabase();

        public void Dispose() => _db.Dispose();

        [Fact]
        public void A_failure_Translate_does_not_name_is_DatabaseError_naming_the_file_SQLite_s_message_and_that_nothing_was_written()
        {
            var sqlite = new SqliteException("SQLite Error 1: 'too many SQL variables'.", 1);
            var failure = Assert.IsType<PartnerOpsException>(SqliteErrors.Translate(sqlite, "/data/partners.db"));
            Assert.Equal(ErrorIds.DatabaseError, failure.ErrorId);
            Assert.Equal(FailureKind.InvalidOperation, failure.Kind);
            Assert.Equal("/data/partners.db", failure.Target);
            Assert.Same(sqlite, failure.InnerException);
            Assert.Contains("'/data/partners.db'", failure.Message);
            Assert.Contains("too many SQL variables", failure.Message);
            Assert.Contains("Nothing was written by the failed statement.", failure.Message);
        }

        [Fact]
        public void Ctrl_C_s_interrupt_stays_as_it_is_and_the_named_codes_keep_their_ids()
        {
            var interrupt = new SqliteException("interrupted", 9);
            Assert.Same(interrupt, SqliteErrors.Translate(interrupt, "x.db"));
            foreach (var (code, id) in new[] { (5, ErrorIds.DatabaseBusy), (6, ErrorIds.DatabaseBusy), (26, ErrorIds.DatabaseInvalid), (11, ErrorIds.DatabaseInvalid), (14, ErrorIds.DatabaseInvalid), (8, ErrorIds.DatabaseReadOnly), (13, ErrorIds.DatabaseFull) })
            {
                Assert.Equal(id, Assert.IsType<PartnerOpsException>(SqliteErrors.Translate(new SqliteException("x", code), "x.db")).ErrorId);
            }
        }

        [Fact]
        public void A_failure_while_partners_stream_is_translated_after_the_rows_read_before_it()
        {
            using var store = _db.Open();
            var partners = Repository(store);
            store.BeginWrite();
            for (var i = 0; i < 500; i++)
            {
                partners.Add(Draft($"P{i:D3}", region: "Europe"));
            }

            store.Commit();

            // po_key(region) runs for each row as it is read: make it fail at the 100th, as a disk might (SQLITE_IOERR).
            var calls = 0;
            store.Connection.CreateFunction("po_key", (string? text) => ++calls < 100 ? text?.ToLowerInvariant() : throw new SqliteException("disk I/O error", 10), isDeterministic: true);
            var filter = new PartnerFilter();
            filter.Regions.Add(NamePattern.Parse("EUR*"));
            var read = new List<Partner>();
            var failure = Assert.Throws<PartnerOpsException>(() => read.AddRange(partners.Find(filter)));
            Assert.Equal(ErrorIds.DatabaseError, failure.ErrorId);
            Assert.Contains("disk I/O error", failure.Message);
            Assert.Equal(99, read.Count);
            Assert.Equal(ErrorIds.DatabaseError, Assert.Throws<PartnerOpsException>(() => partners.Count(filter)).ErrorId);

            // Ctrl+C's interrupt comes through as it is, for the stopping pipeline.
            calls = 0;
            store.Connection.CreateFunction("po_key", (string? text) => ++calls < 10 ? text?.ToLowerInvariant() : throw new SqliteException("interrupted", 9), isDeterministic: true);
            Assert.Equal(9, Assert.Throws<SqliteException>(() => partners.Find(filter).ToList()).SqliteErrorCode);
            store.Connection.CreateFunction("po_key", (string? text) => text?.ToUpperInvariant(), isDeterministic: true);
        }
    }
}
