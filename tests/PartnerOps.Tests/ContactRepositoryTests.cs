using System;
using System.Collections.Generic;
using System.Linq;
using PartnerOps.Data;
using PartnerOps.Tests.PostgreSql;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests
{
    /// <summary>Contacts (issue 18) on SQLite and, when a test server is set, the same results and failures on PostgreSQL.</summary>
    public sealed class ContactRepositoryTests : IDisposable
    {
        private readonly TempDatabase _file = new TempDatabase();
        private readonly IPartnerDatabase _db;

        public ContactRepositoryTests()
        {
            _db = _file.Open();
        }

        public void Dispose()
        {
            _db.Dispose();
            _file.Dispose();
        }

        // Acme's Jane (current), Joe (ended on 2024-03-01), Ann (starts 2030-01-01); Globex's Max (no role) and another Jane.
        private static void AddContacts(IPartnerDatabase db)
        {
            db.Partners.Add(Draft("Acme", joinedOn: Day(2010, 1, 1)));
            db.Partners.Add(Draft("Globex", joinedOn: Day(2010, 1, 1)));
            var acme = new PartnerReference("acme");
            db.Contacts.Add(new ContactDraft { Partner = acme, Name = "Jane Doe", Email = "Jane.Doe@acme.example", Role = "Sales Engineer", StartedOn = Day(2020, 1, 1) });
            var joe = db.Contacts.Add(new ContactDraft { Partner = acme, Name = "Joe Bloggs", Email = "joe@acme.example", Role = "presales" });
            db.Contacts.Update(joe, new ContactChanges { EndedOnSet = true, EndedOn = Day(2024, 3, 1) });
            db.Contacts.Add(new ContactDraft { Partner = acme, Name = "Ann Lee", Email = "ann@acme.example", Role = "SALES manager", StartedOn = Day(2030, 1, 1) });
            db.Contacts.Add(new ContactDraft { Partner = new PartnerReference("Globex"), Name = "Max", Email = "max@globex.example" });
            db.Contacts.Add(new ContactDraft { Partner = new PartnerReference("Globex"), Name = "Jane Doe", Email = "jane.doe@ACME.example", Phone = "0123" });
        }

        private static IEnumerable<(string Case, Action<ContactFilter> Set)> Filters()
        {
            yield return ("current on 2024-02-29", f => f.AsOf = Day(2024, 2, 29));
            yield return ("current on 2024-03-01", f => f.AsOf = Day(2024, 3, 1));
            yield return ("all", f => f.IncludeEnded = true);
            yield return ("email pattern", f => { f.IncludeEnded = true; f.Emails.Add(NamePattern.Parse("J*@ACME.example")); });
            yield return ("email exact", f => { f.IncludeEnded = true; f.Emails.Add(NamePattern.Parse("MAX@globex.example")); });
            yield return ("roles", f => { f.IncludeEnded = true; f.Roles.Add(NamePattern.Parse("sales*")); });
            yield return ("partner id", f => { f.IncludeEnded = true; f.RestrictPartners = true; f.PartnerIds.Add(2); });
            yield return ("partner name", f => { f.IncludeEnded = true; f.RestrictPartners = true; f.PartnerNames.Add(NamePattern.ParseName("AC*")); });
            yield return ("partner none", f => { f.IncludeEnded = true; f.RestrictPartners = true; });
        }

        private static string Show(PartnerContact c) =>
            $"{c.Id} {c.Partner}/{c.PartnerId} {c.Name} <{c.Email}> {c.Role ?? "-"} {c.Phone ?? "-"} {c.StartedOn:yyyy-MM-dd}..{c.EndedOn:yyyy-MM-dd} {(c.Current ? "current" : "not current")}";

        private static string Find(IPartnerDatabase db, Action<ContactFilter> set)
        {
            var filter = new ContactFilter { Today = Day(2024, 5, 15) };
            set(filter);
            return string.Join("\n", db.Contacts.Find(filter).Select(Show));
        }

        [Fact]
        public void Contacts_are_found_by_partner_and_email_ignoring_case_and_by_id()
        {
            AddContacts(_db);
            var acme = _db.Partners.GetByName("Acme")!;
            var jane = _db.Contacts.Get(acme.Id, "  JANE.doe@Acme.Example ")!;
            Assert.Equal(("Jane Doe", "Jane.Doe@acme.example", "Acme"), (jane.Name, jane.Email, jane.Partner));
            Assert.Equal(jane.Email, _db.Contacts.GetById(jane.Id)!.Email);
            Assert.Equal(jane.Id, _db.Contacts.Require(new PartnerReference(acme.Id), "jane.doe@acme.example").Id);
            Assert.Null(_db.Contacts.Get(acme.Id, "max@globex.example"));
            Assert.Null(_db.Contacts.GetById(999));
            Assert.Equal(new[] { "Acme", "Globex" }, _db.Contacts.WithEmail("JANE.DOE@acme.example").Select(c => c.Partner).ToArray());
        }

        [Fact]
        public void Filters_select_by_day_email_role_and_partner()
        {
            AddContacts(_db);
            Assert.Equal(
                "1 Acme/1 Jane Doe <Jane.Doe@acme.example> Sales Engineer - 2020-01-01.. current\n" +
                "2 Acme/1 Joe Bloggs <joe@acme.example> presales - ..2024-03-01 current\n" +
                "5 Globex/2 Jane Doe <jane.doe@ACME.example> - 0123 .. current\n" +
                "4 Globex/2 Max <max@globex.example> - - .. current",
                Find(_db, f => f.AsOf = Day(2024, 2, 29)));
            Assert.Equal(new[] { "Ann Lee", "Jane Doe" }, _db.Contacts.Find(new ContactFilter { IncludeEnded = true, Roles = { NamePattern.Parse("SALES*") } }).Select(c => c.Name).ToArray());
        }

        [Fact]
        public void A_second_email_of_a_partner_is_refused_ignoring_case_and_an_unknown_one_names_the_closest()
        {
            AddContacts(_db);
            var exists = ThrowsPartnerOps(ErrorIds.PartnerContactExists, () => _db.Contacts.Add(new ContactDraft { Partner = new PartnerReference("Acme"), Name = "J", Email = "JOE@acme.example" }));
            Assert.Equal(FailureKind.AlreadyExists, exists.Kind);
            Assert.StartsWith("Partner 'Acme' already has the email 'JOE@acme.example': contact Id 2 'Joe Bloggs' <joe@acme.example>", exists.Message, StringComparison.Ordinal);
            Assert.EndsWith("It ended on 2024-03-01: Set-PartnerContact -Partner 'Acme' -Email 'joe@acme.example' -EndedOn $null brings it back.", exists.Message, StringComparison.Ordinal);

            var missing = ThrowsPartnerOps(ErrorIds.PartnerContactNotFound, () => _db.Contacts.Require(new PartnerReference("Acme"), "jane.deo@acme.example"));
            Assert.Equal($"Partner 'Acme' has no contact with the email 'jane.deo@acme.example' in '{_db.Path}'. Close emails of the partner: 'Jane.Doe@acme.example'.", missing.Message);
            ThrowsPartnerOps(ErrorIds.PartnerNotFound, () => _db.Contacts.Require(new PartnerReference("Nobody"), "x@y.example"));
            ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => _db.Contacts.Add(new ContactDraft { Name = "No partner", Email = "a@b.example" }));
        }

        [Fact]
        public void An_update_that_changes_nothing_returns_the_contact_itself_and_a_taken_email_is_refused()
        {
            AddContacts(_db);
            var jane = _db.Contacts.Require(new PartnerReference("Acme"), "jane.doe@acme.example");
            Assert.Same(jane, _db.Contacts.Update(jane, new ContactChanges { Name = "Jane Doe", RoleSet = true, Role = " Sales Engineer " }));
            ThrowsPartnerOps(ErrorIds.PartnerContactExists, () => _db.Contacts.Update(jane, new ContactChanges { NewEmail = "Ann@acme.example" }));
            var renamed = _db.Contacts.Update(jane, new ContactChanges { NewEmail = "JANE.DOE@acme.example", PhoneSet = true, Phone = "555" });
            Assert.Equal(("JANE.DOE@acme.example", "555"), (renamed.Email, renamed.Phone));
            Assert.Equal("555", _db.Contacts.GetById(jane.Id)!.Phone);
        }

        [Fact]
        public void A_piped_contact_is_found_only_while_it_still_has_its_partner_and_email_and_is_removed_by_id()
        {
            AddContacts(_db);
            var max = _db.Contacts.Get(2, "max@globex.example")!;
            Assert.Equal(max.Id, _db.Contacts.Require(new ContactReference(max.Id, _db.Path, "contact 'max@globex.example'") { PartnerId = 2, Email = "MAX@globex.example" }).Id);
            var stale = ThrowsPartnerOps(ErrorIds.PartnerContactNotFound, () => _db.Contacts.Require(new ContactReference(max.Id, _db.Path, "contact 'old@globex.example'") { Email = "old@globex.example" }));
            Assert.Contains("does not describe contact Id 4", stale.Message, StringComparison.Ordinal);
            ThrowsPartnerOps(ErrorIds.ObjectFromOtherDatabase, () => _db.Contacts.Require(new ContactReference(max.Id, "/elsewhere.db", "contact 'max@globex.example'")));

            Assert.Equal(0, _db.Contacts.Remove(max));
            Assert.Null(_db.Contacts.GetById(max.Id));
            ThrowsPartnerOps(ErrorIds.PartnerContactNotFound, () => _db.Contacts.Remove(max));
        }

        [PgFact]
        public void PostgreSql_gives_the_same_contacts_order_and_failures()
        {
            using var pair = new PgPair();
            var results = pair.Both.Select(db =>
            {
                AddContacts(db);
                var found = string.Join("\n---\n", Filters().Select(f => f.Case + "\n" + Find(db, f.Set)));
                var byEmail = Show(db.Contacts.Get(1, "JANE.DOE@ACME.EXAMPLE")!) + "\n" + Show(db.Contacts.GetById(3)!);
                var exists = PgPair.Failure(db, () => db.Contacts.Add(new ContactDraft { Partner = new PartnerReference("acme"), Name = "J", Email = "Ann@Acme.example" }));
                var missing = PgPair.Failure(db, () => db.Contacts.Require(new PartnerReference("Globex"), "mx@globex.example"));
                var changed = Show(db.Contacts.Update(db.Contacts.GetById(2)!, new ContactChanges { EndedOnSet = true, EndedOn = null, RoleSet = true, Role = null }));
                var removed = db.Contacts.Remove(db.Contacts.GetById(3)!) + " " + string.Join(",", db.Contacts.WithEmail("ann@acme.example").Select(c => c.Id));
                return string.Join("\n", found, byEmail, exists, missing, changed, removed);
            }).ToList();

            Assert.Equal(results[0], results[1]);
            Assert.Contains("Close emails of the partner: 'max@globex.example'.", results[0], StringComparison.Ordinal);
        }
    }
}
