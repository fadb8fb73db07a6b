using System;
using PartnerOps.Sqlite;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests
{
    /// <summary>
    /// A temporary database with one store open on it and its partner repository, for the write batch tests
    /// (WriteBatchTests, WriteBatchPendingTests, WriteQueueTests); disposed with the test class.
    /// </summary>
    public abstract class OpenStoreFixture : IDisposable
    {
        /// <summary>A batch age no test reaches: batches commit only when a test says so.</summary>
        protected static readonly TimeSpan Never = TimeSpan.FromHours(1);

        protected OpenStoreFixture()
        {
            Store = Db.Open();
            Partners = Repository(Store);
        }

        protected TempDatabase Db { get; } = new TempDatabase();

        protected SqliteDatabase Store { get; }

        protected PartnerRepository Partners { get; }

        public void Dispose()
        {
            Store.Dispose();
            Db.Dispose();
        }
    }
}
