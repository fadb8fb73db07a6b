using System;
using System.Collections.Generic;
using Dapper;
using Microsoft.Data.Sqlite;
using PartnerOps.Data;
using PartnerOps.Sqlite;
using Xunit;

namespace PartnerOps.Tests
{
    public sealed class StoreSettingsTests
    {
        [Fact]
        public void Every_connection_syncs_each_commit_and_distrusts_the_schema()
        {
            using var db = new TempDatabase();
            using var store = db.Open();
            Assert.Equal(2, store.Connection.ExecuteScalar<int>("PRAGMA synchronous")); // FULL
            Assert.Equal(0, store.Connection.ExecuteScalar<int>("PRAGMA trusted_schema"));
            Assert.Equal(1, store.Connection.ExecuteScalar<int>("PRAGMA foreign_keys"));
            Assert.Equal(SqliteDatabase.DefaultBusyTimeoutSeconds * 1000, store.Connection.ExecuteScalar<int>("PRAGMA busy_timeout"));
        }

        [Fact]
        public void Defensive_mode_stops_SQL_from_writing_the_schema_table_directly()
        {
            using var db = new TempDatabase();
            using var store = db.Open();
            store.Connection.Execute("PRAGMA writable_schema = ON");
            var ex = Assert.Throws<SqliteException>(() => store.Connection.Execute("UPDATE sqlite_master SET sql = sql WHERE name = 'partners'"));
            Assert.Contains("sqlite_master", ex.Message, StringComparison.OrdinalIgnoreCase);
        }

        [Theory]
        [InlineData(null, 30)]
        [InlineData("", 30)]
        [InlineData("0", 0)]
        [InlineData(" 5 ", 5)]
        [InlineData("3600", 3600)]
        public void The_busy_timeout_comes_from_PARTNEROPS_BUSY_TIMEOUT(string? value, int expected)
        {
            Assert.Equal(expected, SqliteDatabase.BusyTimeoutFromEnvironment(Environment(value)));
        }

        [Theory]
        [InlineData("soon")]
        [InlineData("-1")]
        [InlineData("1.5")]
        [InlineData("3601")]
        public void A_busy_timeout_that_is_not_0_to_3600_seconds_is_InvalidSetting(string value)
        {
            var ex = Assert.Throws<PartnerOpsException>(() => SqliteDatabase.BusyTimeoutFromEnvironment(Environment(value)));
            Assert.Equal(ErrorIds.InvalidSetting, ex.ErrorId);
            Assert.Contains($"'{value}'", ex.Message, StringComparison.Ordinal);
        }

        private static Func<string, string?> Environment(string? busyTimeout) =>
            name => name == SqliteDatabase.BusyTimeoutVariable ? busyTimeout : null;
    }
}
