using System;
using System.Linq;
using PartnerOps.Data;
using PartnerOps.PostgreSql;
using Xunit;

namespace PartnerOps.Tests.PostgreSql
{
    /// <summary>Get-PartnerDatabase, Test-PartnerDatabase and tab completion on a server, against SQLite's answers for the same data.</summary>
    public sealed class PgDescribeTests : IDisposable
    {
        private readonly PgTwins _twins = new PgTwins();

        public void Dispose() => _twins.Dispose();

        [PgFact]
        public void The_description_names_the_server_its_counts_and_its_size()
        {
            _twins.AddVariedData();
            var file = _twins.Sqlite.GetInfo();

            var info = _twins.Server.GetInfo();

            Assert.Equal(PgLocation.Parse(_twins.Location).Display, info.Path);
            Assert.Equal(info.Path, info.Database);
            Assert.DoesNotContain("password", info.Path, StringComparison.OrdinalIgnoreCase);
            Assert.Equal("PostgreSql", info.Backend);
            Assert.Equal(SchemaVersion.Current, info.SchemaVersion);
            Assert.Equal("server", info.JournalMode);
            Assert.Equal((file.Currency, file.PartnerCount, file.RevenueCount), (info.Currency, info.PartnerCount, info.RevenueCount));
            Assert.Equal((14L, 400L), (info.PartnerCount, info.RevenueCount));
            var before = info.SizeBytes;
            Assert.True(before > 8192 * 7, $"SizeBytes {before}: every table and index takes at least a page");
            _twins.OnServer("INSERT INTO revenue (partner_id, date, amount, currency, segment, segment_key, created_at) " +
                            "SELECT NULL, '2015-06-01', i, 'USD', 'Enterprise', 'ENTERPRISE', repeat('x', 200) FROM generate_series(1, 20000) AS i");
            Assert.True(_twins.Server.GetInfo().SizeBytes > before + 20000 * 200, "the size grows with the rows");
        }

        [PgFact]
        public void A_sound_database_passes_every_server_check()
        {
            _twins.AddVariedData();

            var findings = _twins.Server.Check();

            Assert.Equal(new[] { "ForeignKey", "Schema", "RevenueTotals", "SharedNames", "SharedTargets", "NameSortKeys" }, findings.Select(f => f.Check));
            Assert.All(findings, f => Assert.True(f.Passed, f.ToString()));
            Assert.Equal($"version {SchemaVersion.Current}", findings[1].Detail);
            Assert.All(findings, f => Assert.Equal(_twins.Server.Path, f.Database));
            var fileFindings = _twins.Sqlite.Check().Where(f => f.Check != "Integrity").Select(f => f.ToString());
            Assert.Equal(fileFindings, findings.Select(f => f.ToString()));
        }

        [PgFact]
        public void Each_check_fails_with_SQLite_wording_when_its_rule_is_broken()
        {
            _twins.AddVariedData();
            _twins.OnServer(
                "ALTER TABLE revenue DROP CONSTRAINT revenue_partner_id_fkey; UPDATE revenue SET partner_id = 999 WHERE id IN (3, 5);" +
                "UPDATE revenue_totals SET total = total + 1 WHERE partner_key = 0 AND year = 2015;" +
                "UPDATE partners SET name_dup = 1, name_key = (SELECT name_key FROM partners WHERE id = 2) WHERE id = 4;" +
                "UPDATE partners SET name_sort = 'zzz' WHERE id = 6;" +
                "INSERT INTO targets (metric, region, region_key, year, value, created_at, updated_at) VALUES ('PartnerCount', 'GROSSRAUM', 'stored before keys', 2016, '3', 'x', 'x')");

            var failed = _twins.Server.Check().Where(f => !f.Passed).ToList();

            Assert.Equal(new[] { "ForeignKey", "RevenueTotals", "SharedNames", "SharedTargets", "NameSortKeys" }, failed.Select(f => f.Check));
            Assert.Equal("revenue row 3 refers to a missing partners row" + Environment.NewLine + "revenue row 5 refers to a missing partners row", failed[0].Detail);
            Assert.Matches(@"^\d+ revenue total\(s\) differ from the records they sum$", failed[1].Detail);
            Assert.StartsWith("Partners Id 2 'Partner B' and Id 4 'Partner D' have names that print the same", failed[2].Detail);
            Assert.StartsWith("Targets Id 1 and Id 3 (PartnerCount 2016) have regions that print the same ('Großraum' and 'GROSSRAUM'", failed[3].Detail);
            Assert.StartsWith("Partner Id 6 'Partner F' has a stored sort key that is not its name's", failed[4].Detail);
        }

        [PgFact]
        public void Completion_offers_what_SQLite_offers_for_the_same_data()
        {
            _twins.AddVariedData();
            var files = PartnerDatabases.Completion;
            var server = new PostgreSqlBackend().Completion;
            var path = _twins.Sqlite.Path;

            foreach (var prefix in new[] { string.Empty, "gr", "GROSS", "w", "i", "zz" })
            {
                Assert.Equal(files.Regions(path, prefix), server.Regions(_twins.Location, prefix));
                Assert.Equal(files.Segments(path, prefix), server.Segments(_twins.Location, prefix));
                Assert.Equal(files.Countries(path, prefix), server.Countries(_twins.Location, prefix));
                Assert.Equal(files.Currencies(path, prefix), server.Currencies(_twins.Location, prefix));
            }

            foreach (var prefix in new[] { string.Empty, "partner", "STRASSE", "straße", "partner [a-c]", "?artner*b", "nobody" })
            {
                Assert.Equal(files.PartnerNames(path, prefix), server.PartnerNames(_twins.Location, prefix));
            }

            Assert.Equal(new[] { "Großraum" }, server.Regions(_twins.Location, "GROSS")); // the first stored spelling of the key
            Assert.Equal(new[] { "EUR", "GBP" }, server.Currencies(_twins.Location, string.Empty).Skip(1).Take(2));
        }

        [PgFact]
        public void Completion_sees_a_change_and_gives_nothing_for_a_database_it_cannot_read()
        {
            var server = new PostgreSqlBackend().Completion;
            Assert.DoesNotContain("Atlantis", server.Regions(_twins.Location, string.Empty));
            _twins.OnServer("INSERT INTO targets (metric, region, region_key, year, value, created_at, updated_at) VALUES ('PartnerCount', 'Atlantis', 'ATLANTIS', 2016, '3', 'x', 'x')");

            Assert.Contains("Atlantis", server.Regions(_twins.Location, string.Empty));
            Assert.Empty(server.Regions(_twins.Location.Replace("schema=", "schema=missing_"), string.Empty));
            Assert.Empty(server.PartnerNames("postgresql://nobody@127.0.0.1:1/none", string.Empty));
            Assert.Contains("USD", server.Currencies("postgresql://nobody@127.0.0.1:1/none", "US"));
        }
    }
}
