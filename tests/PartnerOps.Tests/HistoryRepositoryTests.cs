using System;
using System.Collections.Generic;
using System.Linq;
using Dapper;
using PartnerOps.Data;
using PartnerOps.Sqlite;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests
{
    /// <summary>
    /// The history code: the triggers each connection adds (HistoryTriggers) and how HistoryRepository reads, filters
    /// and pages what they wrote. Expected values are written out by hand, never derived with the product's code.
    /// </summary>
    public sealed class HistoryRepositoryTests : IDisposable
    {
        private readonly TempDatabase _db = new TempDatabase();
        private readonly SqliteDatabase _store;
        private readonly PartnerRepository _partners;
        private readonly HistoryRepository _history;

        public HistoryRepositoryTests()
        {
            _store = _db.Open();
            _partners = Repository(_store);
            _history = new HistoryRepository(_store);
        }

        public void Dispose()
        {
            _store.Dispose();
            _db.Dispose();
        }

        private List<HistoryEntry> All(HistoryFilter? filter = null) => _history.Find(filter ?? new HistoryFilter()).ToList();

        // 'Property=old>new' for each change, in the order the history gives them.
        private static List<string> Changes(HistoryEntry entry) =>
            entry.Changes.Select(c => $"{c.Property}={c.Old}>{c.New}").ToList();

        private Partner AddAcme() => _partners.Add(Draft(
            "Acme", PartnerType.Distributor, PartnerTier.Gold, PartnerStatus.Active, "Western Europe", "DE", Day(2021, 4, 1), notes: "first"));

        [Fact]
        public void An_insert_records_every_property_that_has_a_value()
        {
            var acme = AddAcme();

            var entry = Assert.Single(All());

            Assert.Equal(HistoryOperation.Insert, entry.Operation);
            Assert.Equal(HistoryEntity.Partner, entry.Entity);
            Assert.Equal(acme.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.EntityId);
            Assert.Equal(acme.Id, entry.PartnerId);
            Assert.Equal("Acme", entry.PartnerName);
            Assert.Equal(_store.Path, entry.Database);
            // No EndedOn: a property without a value is left out.
            Assert.Equal(
                new[] { "Name=>Acme", "Type=>Distributor", "Tier=>Gold", "Status=>Active", "Region=>Western Europe", "Country=>DE", "JoinedOn=>2021-04-01", "Notes=>first" },
                Changes(entry));
        }

        [Fact]
        public void An_update_records_only_what_changed_and_an_update_that_changes_nothing_is_not_recorded()
        {
            var acme = AddAcme();
            acme = _partners.Update(acme, new PartnerChanges { Tier = PartnerTier.Platinum, NotesSet = true, Notes = null });
            _partners.Update(acme, new PartnerChanges { Tier = PartnerTier.Platinum });

            var entries = All();

            Assert.Equal(new[] { HistoryOperation.Update, HistoryOperation.Insert }, entries.Select(e => e.Operation));
            Assert.Equal(new[] { "Tier=Gold>Platinum", "Notes=first>" }, Changes(entries[0]));
            Assert.Equal(acme.Id, entries[0].PartnerId);
        }

        [Fact]
        public void The_update_trigger_records_nothing_for_an_UPDATE_that_changes_no_value()
        {
            // Straight through the store's connection (the triggers are its TEMP triggers), past the repository's own
            // "nothing changed" check: the trigger's WHEN clause alone must leave the history as it is.
            AddAcme();
            _store.Connection.Execute("UPDATE partners SET notes = notes, tier = tier, ended_on = ended_on");
            Assert.Single(All());

            _store.Connection.Execute("UPDATE partners SET notes = 'second'");
            var update = All()[0];
            Assert.Equal(HistoryOperation.Update, update.Operation);
            Assert.Equal(new[] { "Notes=first>second" }, Changes(update));
        }

        [Fact]
        public void A_delete_records_the_old_values_and_keeps_the_partner_id_without_a_current_name()
        {
            var acme = AddAcme();
            _partners.Remove(acme);

            var entries = All();

            Assert.Equal(new[] { HistoryOperation.Delete, HistoryOperation.Insert }, entries.Select(e => e.Operation));
            var delete = entries[0];
            Assert.Equal(
                new[] { "Name=Acme>", "Type=Distributor>", "Tier=Gold>", "Status=Active>", "Region=Western Europe>", "Country=DE>", "JoinedOn=2021-04-01>", "Notes=first>" },
                Changes(delete));
            Assert.Equal(acme.Id, delete.PartnerId);
            Assert.Null(delete.PartnerName);
        }

        [Fact]
        public void Revenue_amounts_are_exact_text_in_the_currency_s_digits_and_direct_revenue_has_no_partner()
        {
            var acme = AddAcme();
            var revenue = Revenue(_store);
            revenue.Add(Sale(acme, Day(2015, 3, 1), -12.05m, "EUR", reference: "R-1"));
            revenue.Add(DirectSale("China", Day(2015, 3, 2), 1234m, "JPY"));
            revenue.Add(DirectSale("China", Day(2015, 3, 3), 1.5m, "BHD"));

            var inserts = All(new HistoryFilter { Entities = { HistoryEntity.Revenue } });

            Assert.Equal(3, inserts.Count);
            string Amount(HistoryEntry e) => (string)e.Changes.Single(c => c.Property == "Amount").New!;
            Assert.Equal("1.500", Amount(inserts[0]));   // BHD: 3 digits
            Assert.Equal("1234", Amount(inserts[1]));    // JPY: none
            Assert.Equal("-12.05", Amount(inserts[2]));  // EUR: 2
            Assert.Null(inserts[0].PartnerId);
            Assert.Null(inserts[1].PartnerId);
            Assert.Equal(acme.Id, inserts[2].PartnerId);
            Assert.Contains("Reference=>R-1", Changes(inserts[2]));
            Assert.Contains("Date=>2015-03-01", Changes(inserts[2]));
        }

        [Fact]
        public void Exchange_rates_and_targets_are_recorded_under_their_own_ids()
        {
            var rates = new ExchangeRateRepository(_store, () => Now);
            rates.Set("EUR", "USD", 2015, 1.1m);
            rates.Set("EUR", "USD", 2015, 1.12m);
            new TargetRepository(_store, () => Now).Set(TargetMetric.PartnerCount, null, 2015, 10m, null);

            var entries = All();

            Assert.Equal(
                new[] { "Insert Target", "Update ExchangeRate EUR/USD/2015", "Insert ExchangeRate EUR/USD/2015" },
                entries.Select(e => e.Entity == HistoryEntity.Target ? $"{e.Operation} {e.Entity}" : $"{e.Operation} {e.Entity} {e.EntityId}"));
            Assert.Equal(new[] { "Rate=1.1>1.12" }, Changes(entries[1]));
            Assert.All(entries, e => Assert.Null(e.PartnerId));
        }

        [Fact]
        public void Each_entry_names_the_user_and_a_UTC_timestamp_of_when_it_was_written()
        {
            var before = DateTime.UtcNow.AddSeconds(-1);
            AddAcme();
            var after = DateTime.UtcNow.AddSeconds(1);

            var entry = Assert.Single(All());

            Assert.Equal(SqliteDatabase.User, entry.User);
            Assert.False(string.IsNullOrWhiteSpace(entry.User));
            Assert.Equal(DateTimeKind.Utc, entry.Timestamp.Kind);
            Assert.InRange(entry.Timestamp, before, after);
        }

        [Fact]
        public void Since_includes_the_changes_at_or_after_the_instant()
        {
            AddAcme();
            _partners.Add(Draft("Bolt"));
            _partners.Add(Draft("Cog"));
            // The three inserts at known instants (ids 1, 2, 3 in order).
            _store.Connection.Execute("UPDATE history SET at = CASE id WHEN 1 THEN '2015-01-01 09:59:59.999' WHEN 2 THEN '2015-01-01 10:00:00.000' ELSE '2015-01-02 00:00:00.000' END");

            List<string> NamesSince(DateTime since) =>
                All(new HistoryFilter { Since = since }).Select(e => e.PartnerName!).ToList();

            Assert.Equal(new[] { "Cog", "Bolt" }, NamesSince(new DateTime(2015, 1, 1, 10, 0, 0, DateTimeKind.Utc)));
            Assert.Equal(new[] { "Cog", "Bolt", "Acme" }, NamesSince(new DateTime(2015, 1, 1, 9, 59, 59, 999, DateTimeKind.Utc)));
            Assert.Equal(new[] { "Cog" }, NamesSince(new DateTime(2015, 1, 1, 10, 0, 0, 1, DateTimeKind.Utc)));
            Assert.Empty(NamesSince(new DateTime(2015, 1, 2, 0, 0, 0, 1, DateTimeKind.Utc)));
            // The same instant given in another kind: a local time is converted to UTC first.
            Assert.Equal(new[] { "Cog", "Bolt" }, NamesSince(new DateTime(2015, 1, 1, 10, 0, 0, DateTimeKind.Utc).ToLocalTime()));
            Assert.Equal(2, _history.Count(new HistoryFilter { Since = new DateTime(2015, 1, 1, 10, 0, 0, DateTimeKind.Utc) }));
        }

        [Fact]
        public void The_filters_by_partner_operation_and_entity_combine()
        {
            var acme = AddAcme();
            var bolt = _partners.Add(Draft("Bolt"));
            _partners.Update(acme, new PartnerChanges { Tier = PartnerTier.Silver });
            _partners.Update(bolt, new PartnerChanges { Tier = PartnerTier.Silver });
            Revenue(_store).Add(Sale(acme, Day(2015, 1, 1), 5m));

            string Describe(HistoryFilter filter) => string.Join(", ", All(filter).Select(e => $"{e.Operation} {e.Entity} {e.PartnerName}"));

            Assert.Equal(
                "Insert Revenue Acme, Update Partner Acme, Insert Partner Acme",
                Describe(new HistoryFilter { PartnerIds = new HashSet<long> { acme.Id } }));
            Assert.Equal("Update Partner Bolt, Update Partner Acme", Describe(new HistoryFilter { Operations = { HistoryOperation.Update } }));
            Assert.Equal("Insert Revenue Acme", Describe(new HistoryFilter { Entities = { HistoryEntity.Revenue } }));
            Assert.Equal(
                "Update Partner Acme",
                Describe(new HistoryFilter { PartnerIds = new HashSet<long> { acme.Id }, Operations = { HistoryOperation.Update }, Entities = { HistoryEntity.Partner } }));
            // No partners: no changes at all (not every change).
            Assert.Equal(string.Empty, Describe(new HistoryFilter { PartnerIds = new HashSet<long>() }));
            Assert.Equal(0, _history.Count(new HistoryFilter { PartnerIds = new HashSet<long>() }));
            Assert.Equal(2, _history.Count(new HistoryFilter { Operations = { HistoryOperation.Update } }));
            Assert.Equal(5, _history.Count(new HistoryFilter()));
        }

        [Fact]
        public void Entries_come_newest_first_and_page_with_First_and_Skip()
        {
            foreach (var name in new[] { "P1", "P2", "P3", "P4", "P5" })
            {
                _partners.Add(Draft(name));
            }

            List<string> Page(long skip, long? first) =>
                All(new HistoryFilter { Skip = skip, First = first }).Select(e => e.PartnerName!).ToList();

            Assert.Equal(new[] { "P5", "P4", "P3", "P2", "P1" }, Page(0, null));
            Assert.Equal(new[] { "P5", "P4" }, Page(0, 2));
            Assert.Equal(new[] { "P3", "P2" }, Page(2, 2));
            Assert.Equal(new[] { "P1" }, Page(4, 2));
            Assert.Equal(new[] { "P2", "P1" }, Page(3, null));
            Assert.Empty(Page(5, null));
            Assert.Empty(Page(0, 0));
            Assert.Equal(new long[] { 5, 4, 3, 2, 1 }, All().Select(e => e.Id));
        }
    }
}
