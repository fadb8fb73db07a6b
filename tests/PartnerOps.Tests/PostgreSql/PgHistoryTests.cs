using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Dapper;
using PartnerOps.Data;
using Xunit;

namespace PartnerOps.Tests.PostgreSql
{
    /// <summary>
    /// The server's history reads as SQLite's: the same changes made on both give the same entries (operation, record, partner,
    /// its current name, the changes with their value types) under every filter, newest first, paged; and imported entries carry
    /// their file and line.
    /// </summary>
    public sealed class PgHistoryTests : IDisposable
    {
        private const string NewPartner =
            "INSERT INTO partners (name, name_key, name_dup, name_sort, type, tier, status, region, country, joined_on, created_at, updated_at) " +
            "VALUES (@name, @key, 0, @key, 'Reseller', 'Gold', 'Active', @region, 'DE', '2015-03-01', '2024-05-15 12:00:00.0000000', '2024-05-15 12:00:00.0000000')";

        private const string NewRevenue =
            "INSERT INTO revenue (partner_id, date, amount, currency, segment, segment_key, region, region_key, reference, created_at) " +
            "VALUES (@partner, '2016-02-29', @amount, @currency, 'Carrier', 'CARRIER', NULL, NULL, @reference, '2024-05-15 12:00:00.0000000')";

        private readonly PgTwins _twins = new PgTwins();

        public void Dispose() => _twins.Dispose();

        // The same statements on both databases, each in a write transaction of its own (so each records the history user).
        private void OnBoth(string sql, object? parameters = null)
        {
            _twins.Sqlite.BeginWrite();
            _twins.Sqlite.Connection.Execute(sql, parameters, _twins.Sqlite.Transaction);
            _twins.Sqlite.Commit();
            _twins.Server.BeginWrite();
            _twins.Server.Execute(sql, parameters);
            _twins.Server.Commit();
        }

        private void MakeChanges()
        {
            OnBoth(NewPartner, new { name = "Straße Eins", key = "STRASSE EINS", region = "Großraum" });
            OnBoth(NewPartner, new { name = "Zwei", key = "ZWEI", region = (string?)null });
            OnBoth(NewRevenue, new { partner = 1L, amount = -5L, currency = "EUR", reference = "R-1" });
            OnBoth(NewRevenue, new { partner = 1L, amount = 1250L, currency = "JPY", reference = (string?)null });
            OnBoth("UPDATE partners SET tier = 'Platinum', notes = 'kept' WHERE id = 1");
            OnBoth("UPDATE partners SET tier = 'Platinum' WHERE id = 1"); // changes nothing: no entry
            OnBoth("UPDATE revenue SET partner_id = 2, amount = 123456 WHERE id = 1");
            OnBoth("DELETE FROM revenue WHERE id = 2");
            OnBoth("INSERT INTO exchange_rates (from_currency, to_currency, year, rate, updated_at) VALUES ('EUR', 'USD', 2016, '1.1', '2024-05-15 12:00:00.0000000')");
            OnBoth("UPDATE exchange_rates SET rate = '1.125' WHERE from_currency = 'EUR'");
            OnBoth("INSERT INTO targets (metric, region, region_key, year, value, currency, created_at, updated_at, statuses) " +
                   "VALUES ('PartnerCount', 'Großraum', 'GROSSRAUM', 2016, '12', NULL, '2024-05-15 12:00:00.0000000', '2024-05-15 12:00:00.0000000', 'Active')");
            OnBoth("DELETE FROM revenue WHERE id = 1");
            OnBoth("DELETE FROM partners WHERE id = 2");
        }

        private static List<string> Entries(IEnumerable<HistoryEntry> entries) => entries.Select(e =>
            string.Join(" ", e.Id, e.Operation, e.Entity, e.EntityId, e.PartnerId, e.PartnerName ?? "(none)", e.User, e.Source ?? "-", e.Line) + ": " +
            string.Join("; ", e.Changes.Select(c => $"{c.Property} {Typed(c.Old)} -> {Typed(c.New)}"))).ToList();

        private static string Typed(object? value) => value == null ? "null" : value.GetType().Name + " " + Convert.ToString(value, CultureInfo.InvariantCulture);

        private static IEnumerable<(string Name, HistoryFilter Filter)> Filters()
        {
            yield return ("none", new HistoryFilter());
            yield return ("partner 1", new HistoryFilter { PartnerIds = new HashSet<long> { 1 } });
            yield return ("partners 2 and 9", new HistoryFilter { PartnerIds = new HashSet<long> { 2, 9 } });
            yield return ("no partners", new HistoryFilter { PartnerIds = new HashSet<long>() });
            var updates = new HistoryFilter();
            updates.Operations.Add(HistoryOperation.Update);
            updates.Operations.Add(HistoryOperation.Delete);
            yield return ("updates and deletes", updates);
            var records = new HistoryFilter { Skip = 1, First = 3 };
            records.Entities.Add(HistoryEntity.Revenue);
            records.Entities.Add(HistoryEntity.ExchangeRate);
            yield return ("revenue and rates, paged", records);
            yield return ("paged", new HistoryFilter { Skip = 4, First = 5 });
            yield return ("first none", new HistoryFilter { First = 0 });
            yield return ("skipped past the end", new HistoryFilter { Skip = 100 });
            yield return ("since an hour ago", new HistoryFilter { Since = DateTime.UtcNow.AddHours(-1) });
            yield return ("since tomorrow", new HistoryFilter { Since = DateTime.Now.AddDays(1) });
        }

        [PgFact]
        public void The_same_changes_read_back_as_SQLite_reads_them_under_every_filter()
        {
            MakeChanges();
            foreach (var (name, filter) in Filters())
            {
                var expected = Entries(_twins.Sqlite.History.Find(filter));
                var actual = Entries(_twins.Server.History.Find(filter));
                Assert.True(expected.SequenceEqual(actual), $"{name}:\nSQLite:\n{string.Join("\n", expected)}\nserver:\n{string.Join("\n", actual)}");
                Assert.Equal(_twins.Sqlite.History.Count(filter), _twins.Server.History.Count(filter));
            }

            var all = _twins.Server.History.Find(new HistoryFilter()).ToList();
            Assert.Equal(12, all.Count);
            Assert.All(all, e => Assert.Equal(DateTimeKind.Utc, e.Timestamp.Kind));
            Assert.All(all, e => Assert.InRange(e.Timestamp, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1)));
            Assert.All(all, e => Assert.Equal(_twins.Server.Path, e.Database));
        }

        [PgFact]
        public void A_revenue_record_that_moved_stays_in_the_history_of_the_partner_it_was_booked_to()
        {
            MakeChanges();
            var first = _twins.Server.History.Find(new HistoryFilter { PartnerIds = new HashSet<long> { 1 } }).ToList();

            var booked = Assert.Single(first, e => e.Entity == HistoryEntity.Revenue && e.EntityId == "1" && e.Operation == HistoryOperation.Insert);
            Assert.Equal(1L, booked.PartnerId);
            Assert.Equal("Straße Eins", booked.PartnerName);
            Assert.Contains(booked.Changes, c => c.Property == "Amount" && (string?)c.New == "-0.05");
            var moved = Assert.Single(_twins.Server.History.Find(new HistoryFilter { PartnerIds = new HashSet<long> { 2 } }),
                e => e.Entity == HistoryEntity.Revenue && e.Operation == HistoryOperation.Update);
            Assert.Equal(new object?[] { 1L, 2L }, new[] { moved.Changes[0].Old, moved.Changes[0].New });
            Assert.Null(moved.PartnerName); // partner 2 was removed since
        }

        [PgFact]
        public void Imported_entries_carry_their_file_and_line()
        {
            _twins.Server.BeginWrite();
            _twins.Server.Execute("SELECT set_config('partnerops.source', '/data/partners.csv', true)");
            _twins.Server.Execute(NewPartner, new { name = "Imported", key = "IMPORTED", region = "EMEA" });
            _twins.Server.Execute(
                "INSERT INTO history (at, \"user\", operation, entity, entity_id, partner_id, changes, source, line) " +
                "VALUES ('2024-05-15 12:00:01.250', 'ops', 'Insert', 'Partner', '7', 7, '{\"Name\": [null, \"Seven\"], \"Region\": [null, null]}', '/data/more.csv', 42)");
            _twins.Server.Commit();

            var entries = _twins.Server.History.Find(new HistoryFilter()).ToList();

            Assert.Equal(2, entries.Count);
            Assert.Equal(("/data/more.csv", (long?)42L), (entries[0].Source, entries[0].Line));
            Assert.Equal(new DateTime(2024, 5, 15, 12, 0, 1, 250, DateTimeKind.Utc), entries[0].Timestamp);
            Assert.Equal("Name: (null) -> Seven", string.Join("; ", entries[0].Changes.Select(c => $"{c.Property}: {c.Old ?? "(null)"} -> {c.New}")));
            Assert.Equal(("/data/partners.csv", (long?)null), (entries[1].Source, entries[1].Line));
        }

        [PgFact]
        public void Thousands_of_entries_stream_newest_first_in_pages_without_a_gap()
        {
            _twins.Server.BeginWrite();
            _twins.Server.Execute(
                "INSERT INTO partners (name, name_key, name_dup, name_sort, type, tier, status, joined_on, created_at, updated_at) " +
                "SELECT 'P' || i, 'P' || i, 0, 'P' || i, 'Reseller', 'Gold', 'Active', '2015-01-01', 'x', 'x' FROM generate_series(1, 2500) AS i");
            _twins.Server.Commit();
            var ids = _twins.Server.Query<long>("SELECT id FROM history ORDER BY id DESC");

            Assert.Equal(ids, _twins.Server.History.Find(new HistoryFilter()).Select(e => e.Id));
            Assert.Equal(ids.Skip(999).Take(1200), _twins.Server.History.Find(new HistoryFilter { Skip = 999, First = 1200 }).Select(e => e.Id));
            Assert.Equal(ids.Skip(2000), _twins.Server.History.Find(new HistoryFilter { Skip = 2000, First = 5000 }).Select(e => e.Id));
            Assert.Equal(2500, _twins.Server.History.Count(new HistoryFilter { First = 3 }));
        }

        [PgFact]
        public void The_debug_trace_shows_each_statement_the_history_runs()
        {
            MakeChanges();
            var traced = new List<string>();
            _twins.Server.TraceSql(traced.Add);

            _twins.Server.History.Find(new HistoryFilter { PartnerIds = new HashSet<long> { 1 } }).ToList();

            Assert.Contains(traced, sql => sql.Contains("FROM history h WHERE h.partner_id = ANY(ARRAY[1])")); // with its values, as SQLite shows them
        }
    }
}
