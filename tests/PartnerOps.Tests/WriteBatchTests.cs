using System;
using System.Linq;
using PartnerOps.Data;
using PartnerOps.Sqlite;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests
{
    public class WriteBatchTests : OpenStoreFixture
    {
        private string[] StoredNames()
        {
            using var reader = SqliteDatabase.OpenExisting(Db.Path_);
            return Repository(reader).Find(new PartnerFilter()).Select(p => p.Name).ToArray();
        }

        [Fact]
        public void A_failing_item_is_undone_alone_and_the_others_in_the_batch_commit()
        {
            using (var batch = new WriteBatch(Store, maxItems: 100, maxAge: Never))
            {
                batch.Run(() => Partners.Add(Draft("Alpha")));
                var ex = Assert.Throws<PartnerOpsException>(() => batch.Run(() =>
                {
                    Partners.Add(Draft("Half-written")); // the item's first write...
                    return Partners.Add(Draft("ALPHA")); // ...and its failing second one
                }));
                Assert.Equal(ErrorIds.PartnerAlreadyExists, ex.ErrorId);
                batch.Run(() => Partners.Add(Draft("Gamma")));
                batch.Complete();
                Assert.Equal(2, batch.Committed);
            }

            Assert.Null(Store.Transaction);
            Assert.Equal(new[] { "Alpha", "Gamma" }, StoredNames());
        }

        [Fact]
        public void An_item_that_throws_something_else_is_undone_too_and_the_exception_passes_through()
        {
            using (var batch = new WriteBatch(Store, maxItems: 100, maxAge: Never))
            {
                batch.Run(() => Partners.Add(Draft("Alpha")));
                Assert.Throws<InvalidOperationException>(() => batch.Run<Partner>(() =>
                {
                    Partners.Add(Draft("Beta"));
                    throw new InvalidOperationException("boom");
                }));
                batch.Complete();
            }

            Assert.Equal(new[] { "Alpha" }, StoredNames());
        }

        [Fact]
        public void Run_returns_what_the_item_returns()
        {
            using var batch = new WriteBatch(Store, maxAge: Never);
            var added = batch.Run(() => Partners.Add(Draft("Alpha")));
            Assert.Equal("Alpha", added.Name);
            Assert.True(added.Id > 0);
        }

        [Fact]
        public void Disposing_without_Complete_commits_the_whole_items_of_the_batch_in_progress()
        {
            using (var batch = new WriteBatch(Store, maxItems: 2, maxAge: Never))
            {
                batch.Run(() => Partners.Add(Draft("One")));
                batch.Run(() => Partners.Add(Draft("Two"))); // second item: this batch commits
                Assert.Equal(2, batch.Committed);
                batch.Run(() => Partners.Add(Draft("Three"))); // a new batch, never completed
                Assert.Throws<PartnerOpsException>(() => batch.Run(() => Partners.Add(Draft("three")))); // undone alone
                Assert.Equal(2, batch.Committed);
            }

            Assert.Null(Store.Transaction);
            Assert.Equal(new[] { "One", "Three", "Two" }, StoredNames());
        }

        [Fact]
        public void A_batch_commits_every_MaxItems_items()
        {
            using var batch = new WriteBatch(Store, maxItems: 3, maxAge: Never);
            for (var i = 1; i <= 7; i++)
            {
                batch.Run(() => Partners.Add(Draft("P" + i)));
            }

            Assert.Equal(6, batch.Committed);
            Assert.Equal(6, StoredNames().Length);
            batch.Complete();
            Assert.Equal(7, batch.Committed);
            Assert.Equal(7, StoredNames().Length);
        }

        [Fact]
        public void A_batch_older_than_MaxAge_commits_after_its_next_item()
        {
            using var batch = new WriteBatch(Store, maxItems: 1000, maxAge: TimeSpan.Zero);
            batch.Run(() => Partners.Add(Draft("One")));
            Assert.Equal(1, batch.Committed);
            Assert.Null(Store.Transaction);
            Assert.Equal(new[] { "One" }, StoredNames());
        }

        [Fact]
        public void A_second_connection_does_not_see_uncommitted_rows_until_Complete()
        {
            using var reader = SqliteDatabase.OpenExisting(Db.Path_);
            var readerPartners = Repository(reader);

            using var batch = new WriteBatch(Store, maxItems: 100, maxAge: Never);
            batch.Run(() => Partners.Add(Draft("Pending")));

            Assert.Equal(1, Partners.Count(new PartnerFilter()));
            Assert.Equal(0, readerPartners.Count(new PartnerFilter()));
            Assert.Null(readerPartners.GetByName("Pending"));

            batch.Complete();

            Assert.Equal(1, readerPartners.Count(new PartnerFilter()));
            Assert.NotNull(readerPartners.GetByName("Pending"));
        }

        [Fact]
        public void A_reader_is_not_blocked_by_an_open_batch()
        {
            Partners.Add(Draft("Committed"));
            using var batch = new WriteBatch(Store, maxItems: 100, maxAge: Never);
            batch.Run(() => Partners.Add(Draft("Pending")));

            var started = DateTime.UtcNow;
            using var reader = SqliteDatabase.OpenExisting(Db.Path_);
            Assert.Equal(new[] { "Committed" }, Repository(reader).Find(new PartnerFilter()).Select(p => p.Name).ToArray());
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
        }

        [Fact]
        public void A_full_database_stops_the_batch_with_DatabaseFull_keeps_whole_items_and_leaves_no_transaction()
        {
            using (var first = new WriteBatch(Store))
            {
                first.Run(() => Partners.Add(Draft("Committed")));
                first.Complete();
            }

            // SQLite's page limit gives the same SQLITE_FULL as a full disk, on any machine.
            var pages = Dapper.SqlMapper.ExecuteScalar<long>(Store.Connection, "PRAGMA page_count");
            Dapper.SqlMapper.Execute(Store.Connection, $"PRAGMA max_page_count = {pages + 3}");
            var batch = new WriteBatch(Store, maxItems: 100_000, maxAge: Never);
            var added = 0;
            var failure = Assert.Throws<PartnerOpsException>(() =>
            {
                for (; added < 1000; added++)
                {
                    batch.Run(() => Partners.Add(Draft("Item " + added, notes: new string('n', 3000))));
                }
            });
            batch.Dispose(); // as the pipeline's end does: never throws, commits the whole items it can

            Assert.Equal(ErrorIds.DatabaseFull, failure.ErrorId);
            Assert.Equal(FailureKind.Full, failure.Kind);
            Assert.Contains(Store.Path, failure.Message);
            Assert.InRange(added, 1, 999);
            Assert.Null(Store.Transaction);
            Assert.True(Store.InAutocommit);
            var stored = StoredNames();
            Assert.Contains("Committed", stored);
            Assert.DoesNotContain("Item " + added, stored); // the item that did not fit
            Assert.All(Store.Check(), finding => Assert.True(finding.Passed, finding.ToString()));
        }

        [Fact]
        public void A_failing_one_statement_item_is_undone_by_SQLite_alone_without_a_savepoint()
        {
            using (var batch = new WriteBatch(Store, maxAge: Never))
            {
                batch.Run(() => Partners.Add(Draft("Alpha")), oneStatement: true);
                var failure = Assert.Throws<PartnerOpsException>(() => batch.Run(() => Partners.Add(Draft("ALPHA")), oneStatement: true));
                Assert.Equal(ErrorIds.PartnerAlreadyExists, failure.ErrorId);
                Assert.False(Store.InAutocommit); // the batch's transaction goes on
                batch.Run(() => Partners.Add(Draft("Gamma")), oneStatement: true);
            }

            Assert.Equal(new[] { "Alpha", "Gamma" }, StoredNames());
            var history = Dapper.SqlMapper.ExecuteScalar<long>(Store.Connection, "SELECT count(*) FROM history WHERE entity = 'Partner'");
            Assert.Equal(2, history); // the failed insert's history row went with it
        }

        [Fact]
        public void Rollback_after_SQLite_ended_the_transaction_itself_does_not_throw()
        {
            Store.BeginWrite();
            Dapper.SqlMapper.Execute(Store.Connection, "ROLLBACK"); // as SQLite does after some I/O errors
            Assert.True(Store.InAutocommit);
            Store.Rollback();
            Assert.Null(Store.Transaction);
            Store.BeginWrite(); // the connection is usable again
            Store.Commit();
        }

        [Fact]
        public void Complete_without_pending_items_does_nothing()
        {
            using var batch = new WriteBatch(Store);
            batch.Complete();
            Assert.Equal(0, batch.Committed);
            Assert.Null(Store.Transaction);
        }
    }
}
