using Dapper;
using Xunit;

namespace PartnerOps.Tests
{
    public class SchemaTests
    {
        [Fact]
        public void A_new_database_gets_the_current_schema_version_and_WAL()
        {
            using var db = new TempDatabase();
            using var store = db.Open();
            var info = store.GetInfo();
            Assert.Equal(Storage.Schema.CurrentVersion, info.SchemaVersion);
            Assert.Equal("wal", info.JournalMode);
            Assert.Equal("USD", info.Currency);
            Assert.Equal(Storage.Schema.ApplicationId, store.Connection.ExecuteScalar<int>("PRAGMA application_id"));
        }
    }
}
