using System;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using PartnerOps.Data;
using Xunit;

namespace PartnerOps.Tests
{
    /// <summary>
    /// How deals are matched with each other (issue 19): the customer match key (case, accents and spacing ignored), and the
    /// approved days of a deal (Data/DealSql.ApprovedDuring) that the exclusivity of approvals compares, and its held days
    /// (DealSql.HeldDuring) that a registration compares, computed by SQLite over a
    /// table of cases and checked day by day against the status a deal reads (DealSql.StatusOn).
    /// </summary>
    public sealed class DealMatchingTests : IClassFixture<DealSqlDatabase>
    {
        private readonly SqliteConnection _raw;

        public DealMatchingTests(DealSqlDatabase database) => _raw = database.Raw;

        [Theory]
        [InlineData("Soci\u00E9t\u00E9 G\u00E9n\u00E9rale", "Soci\u00E9t\u00E9  G\u00E9n\u00E9rale")] // two spaces
        [InlineData("Soci\u00E9t\u00E9 G\u00E9n\u00E9rale", "Soci\u00E9t\u00E9\u00A0\u00A0G\u00E9n\u00E9rale")] // two no-break spaces
        [InlineData("Soci\u00E9t\u00E9 G\u00E9n\u00E9rale", "Societe Generale")] // no accents
        [InlineData("Soci\u00E9t\u00E9 G\u00E9n\u00E9rale", "SOCIE\u0301TE\u0301 GE\u0301NE\u0301RALE")] // decomposed accents, capitals
        [InlineData("M\u00FCller AG", "Muller AG")]
        [InlineData("\u0130stanbul Boru", "istanbul boru")]
        [InlineData("Gro\u00DFhandel \u00D8st", "GROSSHANDEL \u00D8ST")]
        [InlineData("\uFF21\uFF23\uFF2D\uFF25 \u01C4", "acme dz")] // full-width letters; U+01C4 DŽ loses its caron after its compatibility decomposition
        public void Variants_of_a_customer_name_have_one_match_key(string a, string b)
        {
            Assert.Equal(Key(a), Key(b));
        }

        [Theory]
        [InlineData("Soci\u00E9t\u00E9 G\u00E9n\u00E9rale", "Societe Generales")]
        [InlineData("\u00D8st", "Ost")] // a letter of its own (no mark to remove), as in sorting
        [InlineData("Contoso Retail", "ContosoRetail")]
        public void Other_names_have_other_match_keys(string a, string b)
        {
            Assert.NotEqual(Key(a), Key(b));
        }

        [Fact]
        public void The_match_key_is_the_name_key_without_accents_and_with_single_spaces()
        {
            Assert.Equal("societe generale", Key("  Soci\u00E9t\u00E9 \u2003 G\u00E9n\u00E9rale "));
            Assert.Equal("contoso retail", Key("Contoso   Retail"));
            // The name key itself keeps accents and runs of spaces (Get-PartnerDeal -Customer and completion use it).
            Assert.Equal("soci\u00E9t\u00E9  g\u00E9n\u00E9rale", DealRules.CustomerKey(DealRules.NormalizeCustomer("Soci\u00E9t\u00E9  G\u00E9n\u00E9rale")));
        }

        [Fact]
        public void A_name_of_marks_only_keeps_its_name_key()
        {
            Assert.Equal(DealRules.CustomerKey("\u0301\u0301"), DealRules.CustomerMatchKey("\u0301\u0301"));
        }

        [Theory]
        // Approved 2026-02-01, protected until 2026-04-01: its approved days are 02-01 to 04-01.
        [InlineData("Approved", "2026-02-01", null, "2026-01-01", "2026-01-31", false)]
        [InlineData("Approved", "2026-02-01", null, "2026-01-01", "2026-02-01", true)]
        [InlineData("Approved", "2026-02-01", null, "2026-04-01", "2026-06-30", true)]
        [InlineData("Approved", "2026-02-01", null, "2026-04-02", "2026-06-30", false)]
        [InlineData("Approved", "2026-02-01", null, "2026-02-10", "2026-02-10", true)]
        // Won (approved 02-01) on 03-01: approved up to 02-28; on its close day it reads Won.
        [InlineData("Won", "2026-02-01", "2026-03-01", "2026-02-28", "2026-05-01", true)]
        [InlineData("Won", "2026-02-01", "2026-03-01", "2026-03-01", "2026-05-01", false)]
        [InlineData("Lost", "2026-02-01", "2026-03-01", "2026-01-01", "2026-02-01", true)]
        // Approved and closed on the same day: no approved day at all.
        [InlineData("Won", "2026-02-01", "2026-02-01", "2026-01-01", "2026-12-31", false)]
        // Never approved: Submitted, Denied, lost from Submitted.
        [InlineData("Submitted", null, null, "2026-01-01", "2026-12-31", false)]
        [InlineData("Denied", "2026-02-01", null, "2026-01-01", "2026-12-31", false)]
        [InlineData("Lost", null, "2026-03-01", "2026-01-01", "2026-12-31", false)]
        public void A_deal_is_approved_during_a_period_exactly_when_it_reads_Approved_on_one_of_its_days(
            string stored, string? decidedOn, string? closedOn, string from, string to, bool expected)
        {
            var (during, days) = DuringAndDays(stored, decidedOn, closedOn, from, to, DealSql.ApprovedDuring("d", "from", "to"), status => status == "Approved");
            Assert.Equal(expected, during);
            Assert.Equal(expected, days > 0);
        }

        [Theory]
        // Submitted, registered 2026-01-01, protected until 2026-04-01: held 01-01 to 04-01.
        [InlineData("Submitted", null, null, "2025-12-01", "2025-12-31", false)]
        [InlineData("Submitted", null, null, "2025-12-01", "2026-01-01", true)]
        [InlineData("Submitted", null, null, "2026-04-01", "2026-06-30", true)]
        [InlineData("Submitted", null, null, "2026-04-02", "2026-06-30", false)]
        [InlineData("Approved", "2026-02-01", null, "2026-03-01", "2026-03-01", true)]
        // Denied on 02-01: held up to 01-31.
        [InlineData("Denied", "2026-02-01", null, "2026-01-31", "2026-05-01", true)]
        [InlineData("Denied", "2026-02-01", null, "2026-02-01", "2026-05-01", false)]
        [InlineData("Denied", "2026-01-01", null, "2025-12-01", "2026-05-01", false)]
        // Won (approved 02-01) or lost (from Submitted) on 03-01: held up to 02-28.
        [InlineData("Won", "2026-02-01", "2026-03-01", "2026-02-28", "2026-05-01", true)]
        [InlineData("Won", "2026-02-01", "2026-03-01", "2026-03-01", "2026-05-01", false)]
        [InlineData("Lost", null, "2026-03-01", "2025-06-01", "2026-01-01", true)]
        [InlineData("Lost", null, "2026-03-01", "2026-03-02", "2026-12-31", false)]
        // Closed on its registration day: never held.
        [InlineData("Lost", null, "2026-01-01", "2025-01-01", "2026-12-31", false)]
        public void A_deal_is_held_during_a_period_exactly_when_it_reads_Submitted_or_Approved_on_one_of_its_days(
            string stored, string? decidedOn, string? closedOn, string from, string to, bool expected)
        {
            var (during, days) = DuringAndDays(stored, decidedOn, closedOn, from, to, DealSql.HeldDuring("d", "from", "to"), status => status == "Submitted" || status == "Approved");
            Assert.Equal(expected, during);
            Assert.Equal(expected, days > 0);
        }

        // A deal registered 2026-01-01, protected until 2026-04-01 (stored, decided and closed as given), inserted and rolled back:
        // whether the fragment (over @from, @to) holds for it, and on how many days of the period its status (StatusOn) counts.
        private (bool During, int Days) DuringAndDays(string stored, string? decidedOn, string? closedOn, string from, string to, string fragment, Func<string, bool> counts)
        {
            using var tx = _raw.BeginTransaction();
            var id = _raw.ExecuteScalar<long>(
                "INSERT INTO deals (partner_id, customer, customer_key, customer_match_key, customer_country, segment, segment_key, status, registered_on, " +
                "expires_on, decided_on, closed_on, created_at, updated_at) VALUES (1, 'Contoso', 'contoso', 'contoso', 'GB', 'Enterprise', 'enterprise', " +
                "@stored, '2026-01-01', '2026-04-01', @decidedOn, @closedOn, '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000'); SELECT last_insert_rowid()",
                new { stored, decidedOn, closedOn }, tx);
            var during = _raw.ExecuteScalar<long>($"SELECT {fragment} FROM deals d WHERE d.id = @id", new { id, from, to }, tx);
            var days = 0;
            for (var day = Parse(from); day <= Parse(to); day = day.AddDays(1))
            {
                var status = _raw.ExecuteScalar<string>(
                    $"SELECT {DealSql.StatusOn("d", "day")} FROM deals d WHERE d.id = @id AND {DealSql.ExistsOn("d", "day")}",
                    new { id, day = PartnerRules.FormatDate(day) },
                    tx);
                days += status != null && counts(status) ? 1 : 0;
            }

            tx.Rollback();
            return (during == 1, days);
        }

        private static string Key(string customer) => DealRules.CustomerMatchKey(DealRules.NormalizeCustomer(customer));

        private static DateTime Parse(string day) => DateTime.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
