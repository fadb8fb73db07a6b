using System;
using System.Linq;
using Dapper;
using Microsoft.Data.Sqlite;
using PartnerOps.Data;
using PartnerOps.Sqlite;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests
{
    /// <summary>
    /// An item about to be passed on (-PassThru) stays pending in the batch until the caller says whether it was passed on
    /// (Keep) or not (Undo); and a stop (SqliteDatabase.Interrupt) never interrupts a transaction that holds a finished or
    /// pending item, since SQLite would roll the whole transaction back, reported items included.
    /// </summary>
    public class WriteBatchPendingTests : OpenStoreFixture
    {
        // Counts to this, calling stop_here(i) for each i: long enough that an interrupt at 1000 is noticed.
        private const string CountingQuery =
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000) SELECT count(*) FROM n WHERE stop_here(i) > 0";

        // What another connection sees: committed partners only.
        private string[] StoredNames()
        {
            using var raw = OpenRaw(Db.Path_, SqliteOpenMode.ReadOnly);
            return raw.Query<string>("SELECT name FROM partners ORDER BY name").ToArray();
        }

        // The partners that committed history entries say were added (an entry left by an undone item shows as its id).
        private string[] HistoryNames()
        {
            using var raw = OpenRaw(Db.Path_, SqliteOpenMode.ReadOnly);
            return raw.Query<string>(
                "SELECT coalesce(p.name, 'no partner ' || h.entity_id) AS name FROM history h LEFT JOIN partners p ON p.id = h.entity_id " +
                "WHERE h.entity = 'Partner' AND h.operation = 'Insert' ORDER BY name").ToArray();
        }

        // Runs the counting query on the store's connection (in its transaction, if one is open), with a stop
        // (SqliteDatabase.Interrupt, as StopProcessing calls it) coming while the query is at its 1000th row.
        private long CountWithStopDuringIt()
        {
            Store.Connection.CreateFunction("stop_here", (long i) =>
            {
                if (i == 1000)
                {
                    Store.Interrupt();
                }

                return 1L;
            });
            return Store.Connection.ExecuteScalar<long>(CountingQuery, transaction: Store.Transaction);
        }

        private static void AssertInterrupted(Action action)
        {
            var ex = Assert.Throws<SqliteException>(action);
            Assert.Equal(9, ex.SqliteErrorCode); // SQLITE_INTERRUPT
        }

        [Fact]
        public void Undo_removes_the_pending_item_and_only_it()
        {
            using (var batch = new WriteBatch(Store, maxItems: 100, maxAge: Never))
            {
                batch.Run(() => Partners.Add(Draft("Alpha")));
                batch.Run(() => Partners.Add(Draft("Beta")), pending: true);
                batch.Keep();
                batch.Run(() =>
                {
                    Partners.Add(Draft("Gamma")); // an item of two writes, both undone
                    return Partners.Add(Draft("Delta"));
                }, pending: true);
                batch.Undo();
                batch.Run(() => Partners.Add(Draft("Epsilon")));
                batch.Complete();
                Assert.Equal(3, batch.Committed);
            }

            Assert.Null(Store.Transaction);
            Assert.Equal(new[] { "Alpha", "Beta", "Epsilon" }, StoredNames());
            Assert.Equal(new[] { "Alpha", "Beta", "Epsilon" }, HistoryNames());
        }

        [Fact]
        public void Undo_removes_a_pending_one_statement_item_too_which_otherwise_has_no_savepoint()
        {
            using (var batch = new WriteBatch(Store, maxItems: 100, maxAge: Never))
            {
                batch.Run(() => Partners.Add(Draft("Alpha")), oneStatement: true, pending: true);
                batch.Keep();
                batch.Run(() => Partners.Add(Draft("Beta")), oneStatement: true, pending: true);
                batch.Undo();
                batch.Run(() => Partners.Add(Draft("Gamma")), oneStatement: true, pending: true);
                batch.Keep();
                batch.Complete();
                Assert.Equal(2, batch.Committed);
            }

            Assert.Equal(new[] { "Alpha", "Gamma" }, StoredNames());
            Assert.Equal(new[] { "Alpha", "Gamma" }, HistoryNames());
        }

        [Fact]
        public void Undo_of_the_only_item_leaves_an_empty_transaction_that_commits_nothing()
        {
            using (var batch = new WriteBatch(Store, maxItems: 100, maxAge: Never))
            {
                batch.Run(() => Partners.Add(Draft("Alpha")), pending: true);
                batch.Undo();
                batch.Complete();
                Assert.Equal(0, batch.Committed);
            }

            Assert.Empty(StoredNames());
            Assert.Empty(HistoryNames());
        }

        [Fact]
        public void A_pending_item_is_not_counted_nor_committed_by_its_batch_until_it_is_kept()
        {
            using var batch = new WriteBatch(Store, maxItems: 2, maxAge: Never);
            batch.Run(() => Partners.Add(Draft("One")));
            batch.Run(() => Partners.Add(Draft("Two")), pending: true);
            Assert.Equal(0, batch.Committed);
            Assert.NotNull(Store.Transaction);
            Assert.Empty(StoredNames()); // the batch is full only once the second item is kept

            batch.Keep();
            Assert.Equal(2, batch.Committed);
            Assert.Null(Store.Transaction);
            Assert.Equal(new[] { "One", "Two" }, StoredNames());
        }

        [Fact]
        public void A_pending_item_of_a_batch_past_MaxAge_commits_when_kept_not_before()
        {
            using var batch = new WriteBatch(Store, maxItems: 1000, maxAge: TimeSpan.Zero);
            batch.Run(() => Partners.Add(Draft("One")), pending: true);
            Assert.Empty(StoredNames());
            batch.Keep();
            Assert.Equal(1, batch.Committed);
            Assert.Equal(new[] { "One" }, StoredNames());
        }

        [Fact]
        public void Run_refuses_a_new_item_while_one_is_pending()
        {
            using var batch = new WriteBatch(Store, maxItems: 100, maxAge: Never);
            batch.Run(() => Partners.Add(Draft("One")), pending: true);
            Assert.Throws<InvalidOperationException>(() => batch.Run(() => Partners.Add(Draft("Two"))));
            batch.Keep();
            batch.Run(() => Partners.Add(Draft("Two")));
            batch.Complete();
            Assert.Equal(new[] { "One", "Two" }, StoredNames());
        }

        [Fact]
        public void Keep_and_Undo_without_a_pending_item_do_nothing()
        {
            using var batch = new WriteBatch(Store, maxItems: 100, maxAge: Never);
            batch.Keep();
            batch.Undo();
            batch.Run(() => Partners.Add(Draft("One")));
            batch.Undo(); // One was not pending: it stays
            batch.Keep();
            batch.Complete();
            Assert.Equal(1, batch.Committed);
            Assert.Equal(new[] { "One" }, StoredNames());
        }

        [Fact]
        public void A_failing_pending_item_is_undone_alone_and_leaves_nothing_pending()
        {
            using (var batch = new WriteBatch(Store, maxItems: 100, maxAge: Never))
            {
                batch.Run(() => Partners.Add(Draft("Alpha")));
                ThrowsPartnerOps(ErrorIds.PartnerAlreadyExists, () => batch.Run(() => Partners.Add(Draft("ALPHA")), oneStatement: true, pending: true));
                batch.Run(() => Partners.Add(Draft("Beta")), pending: true); // no "neither kept nor undone"
                batch.Keep();
            }

            Assert.Equal(new[] { "Alpha", "Beta" }, StoredNames());
        }

        [Fact]
        public void Keep_after_another_batch_on_the_same_file_committed_this_one_keeps_the_item()
        {
            // Add-Partner -PassThru | Set-Partner: the item Add-Partner passes on is pending while Set-Partner, with its
            // own connection to the same file, begins its batch, which first commits Add-Partner's idle batch.
            using var downstreamStore = SqliteDatabase.OpenExisting(Db.Path_);
            var downstreamPartners = Repository(downstreamStore);
            using var upstream = new WriteBatch(Store, maxItems: 100, maxAge: Never);
            using var downstream = new WriteBatch(downstreamStore, maxItems: 100, maxAge: Never);

            upstream.Run(() => Partners.Add(Draft("Before")));
            var passedOn = upstream.Run(() => Partners.Add(Draft("Passed on")), pending: true);
            downstream.Run(() =>
            {
                var current = downstreamPartners.GetById(passedOn.Id)!;
                return downstreamPartners.Update(current, new PartnerChanges { Tier = PartnerTier.Gold });
            });
            Assert.Null(Store.Transaction); // committed by the downstream batch
            Assert.Equal(1, upstream.Committed);

            upstream.Keep();
            Assert.Equal(2, upstream.Committed);
            Assert.Null(Store.Transaction);
            downstream.Complete();

            upstream.Run(() => Partners.Add(Draft("After"))); // the upstream batch goes on, in a new transaction
            upstream.Complete();
            Assert.Equal(3, upstream.Committed);
            Assert.Equal(new[] { "After", "Before", "Passed on" }, StoredNames());
            using var raw = OpenRaw(Db.Path_, SqliteOpenMode.ReadOnly);
            Assert.Equal("Gold", raw.ExecuteScalar<string>("SELECT tier FROM partners WHERE name = 'Passed on'"));
        }

        [Fact]
        public void Keep_after_CommitIdle_for_the_file_keeps_the_item_and_counts_it_once()
        {
            using (var batch = new WriteBatch(Store, maxItems: 100, maxAge: Never))
            {
                batch.Run(() => Partners.Add(Draft("One")), pending: true);
                WriteBatch.CommitIdle(Store.Key);
                Assert.Null(Store.Transaction);
                Assert.Equal(0, batch.Committed);
                batch.Keep();
                Assert.Equal(1, batch.Committed);
                batch.Complete();
                Assert.Equal(1, batch.Committed);
            }

            Assert.Equal(new[] { "One" }, StoredNames());
            Assert.Equal(new[] { "One" }, HistoryNames());
        }

        [Fact]
        public void CommitIdle_for_another_file_leaves_the_pending_item_undecided()
        {
            using var other = new TempDatabase();
            using var otherStore = other.Open();
            using (var batch = new WriteBatch(Store, maxItems: 100, maxAge: Never))
            {
                batch.Run(() => Partners.Add(Draft("One")));
                batch.Run(() => Partners.Add(Draft("Two")), pending: true);
                WriteBatch.CommitIdle(otherStore.Key);
                Assert.NotNull(Store.Transaction);
                batch.Undo();
            }

            Assert.Equal(new[] { "One" }, StoredNames());
        }

        [Fact]
        public void Dispose_with_a_pending_item_undoes_it_and_commits_the_finished_ones()
        {
            using (var batch = new WriteBatch(Store, maxItems: 100, maxAge: Never))
            {
                batch.Run(() => Partners.Add(Draft("One")));
                batch.Run(() => Partners.Add(Draft("Two")), pending: true);
                batch.Keep();
                batch.Run(() => Partners.Add(Draft("Three")), oneStatement: true, pending: true); // never passed on
            }

            Assert.Null(Store.Transaction);
            Assert.Equal(new[] { "One", "Two" }, StoredNames());
            Assert.Equal(new[] { "One", "Two" }, HistoryNames());
        }

        [Fact]
        public void Dispose_with_only_a_pending_item_stores_nothing_and_ends_the_transaction()
        {
            using (var batch = new WriteBatch(Store, maxItems: 100, maxAge: Never))
            {
                batch.Run(() => Partners.Add(Draft("One")), pending: true);
            }

            Assert.Null(Store.Transaction);
            Assert.True(Store.InAutocommit);
            Assert.Empty(StoredNames());
        }

        [Fact]
        public void Dispose_with_a_pending_item_in_a_later_batch_keeps_the_batches_committed_before()
        {
            var batch = new WriteBatch(Store, maxItems: 2, maxAge: Never);
            batch.Run(() => Partners.Add(Draft("One")));
            batch.Run(() => Partners.Add(Draft("Two")), pending: true);
            batch.Keep(); // the first batch commits
            batch.Run(() => Partners.Add(Draft("Three")), pending: true);
            batch.Dispose();

            Assert.Equal(2, batch.Committed);
            Assert.Equal(new[] { "One", "Two" }, StoredNames());
        }

        [Fact]
        public void Interrupt_stops_a_read_when_no_transaction_is_open()
        {
            AssertInterrupted(() => CountWithStopDuringIt());

            // The connection is usable afterwards.
            Assert.Equal(0, Partners.Count(new PartnerFilter()));
        }

        [Fact]
        public void An_item_the_stop_cuts_short_on_the_writer_thread_fails_as_an_interruption_and_a_refused_one_does_not()
        {
            // What a stopped pipelined write reads to tell the item Ctrl+C cut short (not written, not a refusal) from one refused.
            using var batch = new WriteBatch(Store, maxItems: 100, maxAge: Never);
            var queue = batch.InBackground(_ => false);
            queue.Post(new WriteOperation(() => Partners.Add(Draft(" "))), "refused");
            queue.Post(new WriteOperation(() => CountWithStopDuringIt()), "cut short");
            queue.Close(dropQueued: false);

            var outcomes = queue.TakeFinished();
            Assert.Equal(new object[] { "refused", "cut short" }, outcomes.Select(o => o.Target).ToArray());
            Assert.False(Store.IsInterruption(outcomes[0].Failure!));
            Assert.True(Store.IsInterruption(outcomes[1].Failure!), outcomes[1].Failure!.ToString());
            Assert.False(Store.IsInterruption(new InvalidOperationException("not a stop")));
        }

        [Fact]
        public void Interrupt_stops_a_read_in_a_write_transaction_that_holds_no_item_yet()
        {
            using var batch = new WriteBatch(Store, maxItems: 100, maxAge: Never);
            // The batch's first item fails: its transaction is open but holds nothing.
            ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => batch.Run(() => Partners.Add(Draft(" "))));
            Assert.NotNull(Store.Transaction);

            AssertInterrupted(() => CountWithStopDuringIt());
        }

        [Fact]
        public void Interrupt_does_nothing_while_the_open_transaction_holds_a_finished_item()
        {
            using (var batch = new WriteBatch(Store, maxItems: 100, maxAge: Never))
            {
                batch.Run(() => Partners.Add(Draft("Finished")));

                Assert.Equal(200000, CountWithStopDuringIt()); // ran to its end
                Assert.False(Store.InAutocommit); // the transaction, and its item, are still there
                batch.Run(() => Partners.Add(Draft("Next")));
            }

            Assert.Equal(new[] { "Finished", "Next" }, StoredNames());
        }

        [Fact]
        public void Interrupt_does_nothing_while_the_open_transaction_holds_a_pending_item()
        {
            using (var batch = new WriteBatch(Store, maxItems: 100, maxAge: Never))
            {
                batch.Run(() => Partners.Add(Draft("Pending")), oneStatement: true, pending: true);

                Assert.Equal(200000, CountWithStopDuringIt());
                Assert.False(Store.InAutocommit);
                batch.Keep();
            }

            Assert.Equal(new[] { "Pending" }, StoredNames());
        }

        [Fact]
        public void Interrupt_stops_a_read_again_once_the_batch_holding_items_committed()
        {
            using var batch = new WriteBatch(Store, maxItems: 100, maxAge: Never);
            batch.Run(() => Partners.Add(Draft("One")));
            batch.Complete();
            Assert.Null(Store.Transaction);

            AssertInterrupted(() => CountWithStopDuringIt());
            Assert.Equal(new[] { "One" }, StoredNames());
        }

        [Fact]
        public void Interrupt_stops_a_read_again_once_the_batch_holding_a_pending_item_was_committed_by_another()
        {
            using var batch = new WriteBatch(Store, maxItems: 100, maxAge: Never);
            batch.Run(() => Partners.Add(Draft("One")), pending: true);
            WriteBatch.CommitIdle(Store.Key);
            batch.Keep();

            AssertInterrupted(() => CountWithStopDuringIt());
            Assert.Equal(new[] { "One" }, StoredNames());
        }
    }
}
