using System;
using System.Linq;
using System.Threading;
using PartnerOps.Data;
using PartnerOps.Sqlite;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests
{
    /// <summary>A write batch whose items run on a writer thread (IWriteBatch.InBackground), as Import-Csv | Add-Partner writes.</summary>
    public class WriteQueueTests : OpenStoreFixture
    {
        private string[] StoredNames()
        {
            using var reader = SqliteDatabase.OpenExisting(Db.Path_);
            return Repository(reader).Find(new PartnerFilter()).OrderBy(p => p.Id).Select(p => p.Name).ToArray();
        }

        private static bool DatabaseWide(Exception ex) => !(ex is PartnerOpsException failure) || failure.Kind == FailureKind.Full;

        [Fact]
        public void Items_run_on_another_thread_in_order_and_each_outcome_names_its_own_item()
        {
            var threads = new System.Collections.Concurrent.ConcurrentBag<int>();
            using var batch = new WriteBatch(Store, maxItems: 100, maxAge: Never);
            using var queue = batch.InBackground(DatabaseWide);
            for (var i = 1; i <= 300; i++)
            {
                var name = i == 150 ? "p3" : "P" + i; // the same name as P3: it fails alone
                queue.Post(new WriteOperation(() => { threads.Add(Environment.CurrentManagedThreadId); return Partners.Add(Draft(name)); }, undoesItself: true), "row " + i);
            }

            queue.Flush();
            var outcomes = queue.TakeFinished();
            Assert.Equal(Enumerable.Range(1, 300).Select(i => "row " + i), outcomes.Select(o => (string)o.Target!));
            var failed = Assert.Single(outcomes, o => o.Failure != null);
            Assert.Equal("row 150", failed.Target);
            Assert.Equal(ErrorIds.PartnerAlreadyExists, ((PartnerOpsException)failed.Failure!).ErrorId);
            Assert.DoesNotContain(Environment.CurrentManagedThreadId, threads);
            Assert.Equal(299, StoredNames().Length);
            Assert.Equal("P1", StoredNames()[0]);
            Assert.Empty(queue.TakeFinished());
        }

        [Fact]
        public void Flush_commits_what_was_posted_so_another_connection_sees_it()
        {
            using var batch = new WriteBatch(Store, maxItems: 1000, maxAge: Never);
            using var queue = batch.InBackground(DatabaseWide);
            queue.Post(Partners.Adding(Draft("Alpha")), null);
            queue.Flush();
            Assert.Equal(new[] { "Alpha" }, StoredNames());
            Assert.Null(Store.Transaction);
        }

        [Fact]
        public void Another_batch_on_the_same_file_in_this_thread_first_has_the_queue_written_and_committed()
        {
            using var other = SqliteDatabase.OpenExisting(Db.Path_);
            var otherPartners = Repository(other);
            using var batch = new WriteBatch(Store, maxItems: 1000, maxAge: Never);
            using var queue = batch.InBackground(DatabaseWide);
            for (var i = 1; i <= 10; i++)
            {
                queue.Post(Partners.Adding(Draft("Q" + i)), null);
            }

            // The other command's batch begins: it must not wait on the queue's write lock, and it sees the ten partners.
            using var otherBatch = new WriteBatch(other, maxItems: 1000, maxAge: Never);
            var count = otherBatch.Run(() => otherPartners.Find(new PartnerFilter()).Count());
            otherBatch.Run(() => otherPartners.Add(Draft("Other")));
            Assert.Equal(10, count);
            Assert.Null(Store.Transaction);

            // The queue's next items commit the other batch first.
            queue.Post(Partners.Adding(Draft("Q11")), null);
            queue.Flush();
            Assert.Null(other.Transaction);
            Assert.Equal(12, StoredNames().Length);
        }

        [Fact]
        public void Close_with_drop_leaves_the_items_not_begun_unwritten_and_the_batch_commits_whole_items()
        {
            var gate = new ManualResetEventSlim(false);
            var begun = new ManualResetEventSlim(false);
            using (var batch = new WriteBatch(Store, maxItems: 1000, maxAge: Never))
            {
                var queue = batch.InBackground(DatabaseWide);
                queue.Post(new WriteOperation(() => { var p = Partners.Add(Draft("First")); begun.Set(); gate.Wait(); return p; }, undoesItself: true), null);
                for (var i = 0; i < WriteQueue.GroupSize * 3; i++)
                {
                    queue.Post(Partners.Adding(Draft("Later" + i)), null);
                }

                // The first group is running (held at its first item, which has begun: on a loaded machine the writer thread
                // may start after the posts); the others wait. A stop drops them.
                Assert.True(begun.Wait(TimeSpan.FromMinutes(1)), "the writer thread began the first item");
                var closing = new Thread(() => queue.Close(dropQueued: true));
                closing.Start();
                // The close has dropped the waiting groups before the first item may end (not a fixed sleep: a loaded machine may
                // start the closing thread late).
                Assert.True(SpinWait.SpinUntil(() => queue.Dropped >= WriteQueue.GroupSize * 2, TimeSpan.FromMinutes(1)), "the close dropped the waiting groups");
                gate.Set();
                closing.Join();
                Assert.True(queue.Dropped >= WriteQueue.GroupSize * 2);
                var written = queue.TakeFinished().Count;
                Assert.Equal(WriteQueue.GroupSize * 3 + 1, written + queue.Dropped);
            }

            var names = StoredNames();
            Assert.Equal("First", names[0]);
            Assert.True(names.Length <= WriteQueue.GroupSize);
        }

        [Fact]
        public void A_failure_that_stops_the_writing_drops_the_items_after_it()
        {
            using var batch = new WriteBatch(Store, maxItems: 1000, maxAge: Never);
            using var queue = batch.InBackground(DatabaseWide);
            queue.Post(Partners.Adding(Draft("Before")), "before");
            queue.Post(new WriteOperation(() => throw new InvalidOperationException("boom")), "boom");
            for (var i = 0; i < 100; i++)
            {
                queue.Post(Partners.Adding(Draft("After" + i)), "after");
            }

            queue.Flush();
            var outcomes = queue.TakeFinished();
            Assert.True(queue.Stopped);
            Assert.Equal(new object[] { "before", "boom" }, outcomes.Select(o => o.Target!).ToArray());
            Assert.IsType<InvalidOperationException>(outcomes[1].Failure);
            Assert.Equal(100, queue.Dropped);
            Assert.Equal(new[] { "Before" }, StoredNames());
        }

        [Fact]
        public void Close_without_drop_writes_every_item_posted()
        {
            using (var batch = new WriteBatch(Store, maxItems: 50, maxAge: Never))
            {
                var queue = batch.InBackground(DatabaseWide);
                for (var i = 0; i < 500; i++)
                {
                    queue.Post(Partners.Adding(Draft("P" + i)), null);
                }

                queue.Close(dropQueued: false);
                Assert.Equal(500, queue.TakeFinished().Count);
                Assert.Equal(0, queue.Dropped);
            }

            Assert.Equal(500, StoredNames().Length);
        }
    }
}
