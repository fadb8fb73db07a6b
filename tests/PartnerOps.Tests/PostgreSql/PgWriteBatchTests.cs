using System;
using System.Collections.Generic;
using System.Linq;
using PartnerOps.Data;
using PartnerOps.PostgreSql;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests.PostgreSql
{
    /// <summary>
    /// Pipelined writes on the server: a failed item is undone alone and the batch goes on (PostgreSQL would abort the whole
    /// transaction without the item's savepoint), pending items are kept or undone, a writer thread reports every outcome.
    /// </summary>
    public class PgWriteBatchTests
    {
        private static long Count(IPartnerDatabase db) => db.Partners.Count(new PartnerFilter());

        [PgFact]
        public void AFailedItemIsUndoneAloneAndTheBatchGoesOn()
        {
            using var pair = new PgPair();
            var db = pair.Server;
            using var batch = db.NewWriteBatch(maxItems: 1000, maxAge: TimeSpan.FromHours(1));
            batch.Run(db.Partners.Adding(Draft("A", joinedOn: Day(2020, 1, 1))));
            var duplicate = Assert.Throws<PartnerOpsException>(() => batch.Run(db.Partners.Adding(Draft("a", joinedOn: Day(2020, 1, 1)))));
            Assert.Equal(ErrorIds.PartnerAlreadyExists, duplicate.ErrorId);

            // A statement the server refuses (a CHECK), after a write of its own in the same item: both undone, nothing else.
            var refused = Assert.Throws<PartnerOpsException>(() => batch.Run(new WriteOperation(() =>
            {
                db.Partners.Add(Draft("Half", joinedOn: Day(2020, 1, 1)));
                return db.Execute("UPDATE partners SET tier = 'Diamond' WHERE name = 'A'");
            })));
            Assert.Equal(ErrorIds.DatabaseError, refused.ErrorId);
            batch.Run(db.Partners.Adding(Draft("B", joinedOn: Day(2020, 1, 1))));
            Assert.NotNull(db.Transaction); // still one transaction, not yet committed
            batch.Complete();

            Assert.Null(db.Transaction);
            Assert.Equal(2, batch.Committed);
            Assert.Equal(new[] { "A", "B" }, db.Partners.Find(new PartnerFilter()).Select(p => p.Name));

            // The refused duplicate took no id; 'Half', written and then undone with its item, keeps id 2 used (a sequence is
            // not rolled back on PostgreSQL, where SQLite's AUTOINCREMENT would give 2 again).
            Assert.Equal(new long[] { 1, 3 }, db.Partners.Find(new PartnerFilter()).Select(p => p.Id));
        }

        [PgFact]
        public void ABatchCommitsWhenFullAndOtherConnectionsSeeOnlyCommittedItems()
        {
            using var pair = new PgPair();
            var db = pair.Server;
            using var other = PgDatabase.Open(PgLocation.Parse(pair.Location), create: false, "USD");
            using var batch = db.NewWriteBatch(maxItems: 3, maxAge: TimeSpan.FromHours(1));
            for (var i = 0; i < 4; i++)
            {
                batch.Run(db.Partners.Adding(Draft("P" + i, joinedOn: Day(2020, 1, 1))));
            }

            Assert.Equal(3, Count(other));
            Assert.Equal(3, batch.Committed);
            batch.Dispose(); // a stopped pipeline: the whole items open are committed
            Assert.Equal(4, Count(other));
        }

        [PgFact]
        public void PendingItemsAreKeptOrUndone()
        {
            using var pair = new PgPair();
            var db = pair.Server;
            using var batch = db.NewWriteBatch();
            batch.Run(db.Partners.Adding(Draft("Kept", joinedOn: Day(2020, 1, 1))), pending: true);
            Assert.Throws<InvalidOperationException>(() => batch.Run(db.Partners.Adding(Draft("Early", joinedOn: Day(2020, 1, 1)))));
            batch.Keep();
            batch.Run(db.Partners.Adding(Draft("Undone", joinedOn: Day(2020, 1, 1))), pending: true);
            batch.Undo();
            batch.Run(db.Partners.Adding(Draft("After", joinedOn: Day(2020, 1, 1))));
            batch.Run(db.Partners.Adding(Draft("Never passed on", joinedOn: Day(2020, 1, 1))), pending: true);
            batch.Dispose();
            Assert.Equal(new[] { "After", "Kept" }, db.Partners.Find(new PartnerFilter()).Select(p => p.Name));
        }

        [PgFact]
        public void AWriterThreadWritesEveryItemAndReportsEachOutcomeInOrder()
        {
            using var pair = new PgPair();
            var db = pair.Server;
            var outcomes = new List<WriteOutcome>();
            using (var batch = db.NewWriteBatch(maxItems: 50))
            {
                using var queue = batch.InBackground(ex => !(ex is PartnerOpsException p) || p.Kind == FailureKind.Unavailable);
                for (var i = 0; i < 300; i++)
                {
                    var name = i % 10 == 9 ? "Partner " + (i - 1) : "Partner " + i; // every tenth repeats a name
                    queue.Post(db.Partners.Adding(Draft(name, joinedOn: Day(2020, 1, 1))), name);
                    outcomes.AddRange(queue.TakeFinished());
                }

                queue.Flush();
                outcomes.AddRange(queue.TakeFinished());
                queue.Close(dropQueued: false);
                Assert.Equal(0, queue.Dropped);
            }

            Assert.Equal(300, outcomes.Count);
            Assert.Equal(Enumerable.Range(0, 300).Select(i => i % 10 == 9 ? "Partner " + (i - 1) : "Partner " + i), outcomes.Select(o => (string)o.Target!));
            Assert.Equal(30, outcomes.Count(o => o.Failure is PartnerOpsException p && p.ErrorId == ErrorIds.PartnerAlreadyExists));
            Assert.Equal(270, Count(db));
        }

        [PgFact]
        public void SeeingOtherWritesCommitsTheIdleBatchOfAnotherCommand()
        {
            using var pair = new PgPair();
            var writer = pair.Server;
            using var reader = PgDatabase.Open(PgLocation.Parse(pair.Location), create: false, "USD");
            using var batch = writer.NewWriteBatch(maxAge: TimeSpan.FromHours(1));
            batch.Run(writer.Partners.Adding(Draft("Open", joinedOn: Day(2020, 1, 1))));
            Assert.Equal(0, Count(reader));
            reader.SeeOtherWrites();
            Assert.Equal(1, Count(reader));
            Assert.Null(writer.Transaction);
        }
    }
}
