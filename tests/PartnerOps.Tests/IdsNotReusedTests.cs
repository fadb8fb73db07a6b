using System.IO;
using System.Linq;
using Dapper;
using Microsoft.Data.Sqlite;
using PartnerOps.Data;
using PartnerOps.Sqlite;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests
{
    /// <summary>Schema step 3: ids of removed partners, revenue records and targets are never given to new ones.</summary>
    public class IdsNotReusedTests
    {
        // A schema-2 database as the previous PartnerOps left it: partners 1-3 (3 removed since, its id remembered by the
        // history), revenue 1-2 of partner 2 (2 removed), target 4 (removed), a kept revenue record and target.
        private static void MakeVersion2(string path)
        {
            using var raw = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
            raw.Open();
            raw.Execute(Schema.Migrations[0]);
            raw.Execute(Schema.Migrations[1]);
            raw.Execute($"PRAGMA application_id = {Schema.ApplicationId}; PRAGMA user_version = 2;");
            raw.Execute(@"
INSERT INTO meta (key, value) VALUES ('currency', 'USD'), ('created_at', '2020-01-01 00:00:00.000');
INSERT INTO partners (id, name, name_key, type, tier, status, joined_on, created_at, updated_at) VALUES
    (1, 'Alpha', 'ALPHA', 'Other', 'Gold', 'Active', '2015-01-01', '2020-01-01 00:00:00.000', '2020-01-01 00:00:00.000'),
    (2, 'Bravo', 'BRAVO', 'Other', 'Registered', 'Active', '2015-01-01', '2020-01-01 00:00:00.000', '2020-01-01 00:00:00.000');
INSERT INTO revenue (id, partner_id, date, amount, currency, segment, segment_key, region, region_key, created_at) VALUES
    (1, 2, '2015-03-01', 1250, 'USD', 'Enterprise', 'ENTERPRISE', 'China', 'CHINA', '2020-01-01 00:00:00.000');
INSERT INTO targets (id, metric, region, region_key, year, value, created_at, updated_at) VALUES (1, 'PartnerCount', NULL, '', 2016, '3', '2020-01-01 00:00:00.000', '2020-01-01 00:00:00.000');
INSERT INTO history (at, user, operation, entity, entity_id, partner_id, changes) VALUES
    ('2020-01-01 00:00:00.000', 'u', 'Insert', 'Partner', '3', 3, '{}'), ('2020-01-02 00:00:00.000', 'u', 'Delete', 'Partner', '3', 3, '{}'),
    ('2020-01-01 00:00:00.000', 'u', 'Insert', 'Revenue', '2', 2, '{}'), ('2020-01-02 00:00:00.000', 'u', 'Delete', 'Revenue', '2', 2, '{}'),
    ('2020-01-01 00:00:00.000', 'u', 'Insert', 'Target', '4', NULL, '{}'), ('2020-01-02 00:00:00.000', 'u', 'Delete', 'Target', '4', NULL, '{}');");
        }

        [Fact]
        public void Opening_a_schema_2_database_keeps_its_data_and_starts_every_id_above_those_it_ever_had()
        {
            using var db = new TempDatabase();
            MakeVersion2(db.Path_);

            using var store = SqliteDatabase.OpenExisting(db.Path_);
            Assert.Equal(Schema.CurrentVersion, store.GetInfo().SchemaVersion);
            Assert.Equal(new[] { "Alpha Gold", "Bravo Registered" }, store.Connection.Query<string>("SELECT name || ' ' || tier FROM partners ORDER BY id"));
            Assert.All(store.Check(), finding => Assert.True(finding.Passed, finding.ToString()));
            Assert.Equal(12.50m, new RevenueRepository(store).GetById(1)!.Amount);

            var partner = Repository(store).Add(Draft("Charlie"));
            Assert.Equal(4, partner.Id); // 3 was a removed partner's
            var revenue = new RevenueRepository(store).Add(new RevenueDraft { Partner = new PartnerReference("Bravo"), Date = new System.DateTime(2015, 4, 1), Amount = 1 });
            Assert.Equal(3, revenue.Id); // 2 was a removed record's
            var target = new TargetRepository(store).Set(TargetMetric.PartnerCount, "China", 2016, 2, null);
            Assert.Equal(5, target.Id); // 4 was a removed target's
            Assert.Equal(1, store.Connection.ExecuteScalar<long>("PRAGMA foreign_keys"));
        }

        [Fact]
        public void The_id_of_the_last_partner_removed_is_not_given_to_the_next_one()
        {
            using var db = new TempDatabase();
            using var store = db.Open();
            var partners = Repository(store);
            partners.Add(Draft("Alpha"));
            var last = partners.Add(Draft("Bravo"));
            partners.Remove(last);
            Assert.Equal(last.Id + 1, partners.Add(Draft("Charlie")).Id);
        }

        [Fact]
        public void A_schema_2_database_whose_revenue_names_a_missing_partner_is_refused_and_left_as_it_was()
        {
            using var db = new TempDatabase();
            MakeVersion2(db.Path_);
            using (var raw = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db.Path_, Pooling = false }.ToString()))
            {
                raw.Open();
                raw.Execute("PRAGMA foreign_keys = OFF; INSERT INTO revenue (partner_id, date, amount, currency, segment, segment_key, created_at) VALUES (99, '2015-01-01', 1, 'USD', 'E', 'E', 't')");
            }

            var before = File.ReadAllBytes(db.Path_);
            var ex = Assert.Throws<PartnerOpsException>(() => SqliteDatabase.OpenExisting(db.Path_));
            Assert.Equal(ErrorIds.DatabaseInvalid, ex.ErrorId);
            Assert.Contains("whose partner is missing", ex.Message);
            SqliteDatabase.ReleasePooledConnections();
            Assert.Equal(before, File.ReadAllBytes(db.Path_));
        }
    }
}
