using System;
using System.Collections.Generic;
using System.Linq;
using PartnerOps.Data;
using PartnerOps.Tests.PostgreSql;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests
{
    /// <summary>
    /// Certifications (issue 18) on SQLite and, when a test server is set, PostgreSQL: the selection the SQL makes on every day
    /// is the one <see cref="CertificationRules"/> makes in C#, and the failures are the same.
    /// </summary>
    public sealed class CertificationRepositoryTests : IDisposable
    {
        private readonly TempDatabase _file = new TempDatabase();
        private readonly IPartnerDatabase _db;

        public CertificationRepositoryTests()
        {
            _db = _file.Open();
        }

        public void Dispose()
        {
            _db.Dispose();
            _file.Dispose();
        }

        // Contacts of Acme: current since 2020, left on 2024-03-01, starting 2024-06-01, no dates; Globex: one with Acme's last email.
        private static readonly (string Email, DateTime? StartedOn, DateTime? EndedOn)[] Contacts =
        {
            ("cur@acme.example", Day(2020, 1, 1), null),
            ("left@acme.example", null, Day(2024, 3, 1)),
            ("later@acme.example", Day(2024, 6, 1), null),
            ("open@acme.example", null, null),
        };

        // Each contact holds each of these: around the days the test reads (2024-01-15 to 2024-07-15).
        private static readonly (string Name, DateTime EarnedOn, DateTime? ExpiresOn)[] Held =
        {
            ("Old", Day(2023, 1, 1), Day(2024, 3, 1)),
            ("Open", Day(2024, 2, 1), null),
            ("Short", Day(2024, 5, 1), Day(2024, 5, 31)),
            ("Mid", Day(2022, 1, 1), Day(2024, 4, 15)),
        };

        private static void AddAll(IPartnerDatabase db)
        {
            db.Partners.Add(Draft("Acme", joinedOn: Day(2010, 1, 1)));
            db.Partners.Add(Draft("Globex", joinedOn: Day(2010, 1, 1)));
            foreach (var (email, started, ended) in Contacts)
            {
                var contact = db.Contacts.Add(new ContactDraft { Partner = new PartnerReference("Acme"), Name = email, Email = email, StartedOn = started });
                if (ended != null)
                {
                    db.Contacts.Update(contact, new ContactChanges { EndedOnSet = true, EndedOn = ended });
                }

                foreach (var (name, earned, expires) in Held)
                {
                    db.Certifications.Add(new CertificationDraft { ContactEmail = email, Name = name, EarnedOn = earned, ExpiresOn = expires }, Day(2024, 5, 15));
                }
            }

            db.Contacts.Add(new ContactDraft { Partner = new PartnerReference("Globex"), Name = "Shared", Email = "OPEN@acme.example" });
        }

        // "email/name" of what the rules select on a day: all of current contacts, expiring within 30 days, expired.
        private static IEnumerable<string> Expected(DateTime day, string mode) =>
            from contact in Contacts
            from held in Held
            where mode switch
            {
                "all" => CertificationRules.IsContactCurrentOn(day, contact.StartedOn, contact.EndedOn),
                "expiring" => CertificationRules.IsExpiringWithin(day, 30, held.EarnedOn, held.ExpiresOn, contact.StartedOn, contact.EndedOn),
                _ => CertificationRules.IsExpiredOn(day, held.ExpiresOn) && CertificationRules.IsContactCurrentOn(day, contact.StartedOn, contact.EndedOn),
            }
            select $"{contact.Email}/{held.Name}/{CertificationRules.IsValidOn(day, held.EarnedOn, held.ExpiresOn, contact.StartedOn, contact.EndedOn)}";

        private static IEnumerable<string> Found(IPartnerDatabase db, DateTime day, string mode) =>
            db.Certifications.Find(new CertificationFilter { Day = day, ExpiringWithin = mode == "expiring" ? 30 : (int?)null, Expired = mode == "expired" })
                .Select(c => $"{c.Contact}/{c.Name}/{c.Valid}");

        private static IEnumerable<DateTime> Days() => Enumerable.Range(0, 183).Select(i => Day(2024, 1, 15).AddDays(i));

        [Fact]
        public void The_SQL_selects_on_every_day_what_the_rules_select()
        {
            AddAll(_db);
            foreach (var day in Days())
            {
                foreach (var mode in new[] { "all", "expiring", "expired" })
                {
                    // The order is the listing's (email, then name); the comparison is of the sets, each sorted the same way.
                    Assert.Equal(
                        Expected(day, mode).OrderBy(s => s, StringComparer.Ordinal),
                        Found(_db, day, mode).OrderBy(s => s, StringComparer.Ordinal));
                }
            }
        }

        [Fact]
        public void Certifications_are_listed_by_partner_contact_name_and_EarnedOn()
        {
            AddAll(_db);
            var listed = _db.Certifications.Find(new CertificationFilter { Day = Day(2024, 5, 15) }).Select(c => $"{c.Contact}/{c.Name}").ToList();
            Assert.Equal(
                new[] { "cur@acme.example/Mid", "cur@acme.example/Old", "cur@acme.example/Open", "cur@acme.example/Short" },
                listed.Take(4).ToArray());
            Assert.Equal(listed.OrderBy(s => s, StringComparer.Ordinal), listed);
        }

        [Fact]
        public void An_email_two_partners_share_needs_the_partner_and_a_duplicate_is_refused_naming_the_one_held()
        {
            AddAll(_db);
            var day = Day(2024, 5, 15);
            var shared = ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => _db.Certifications.Add(new CertificationDraft { ContactEmail = "open@ACME.example", Name = "New", EarnedOn = day }, day));
            Assert.Contains("('Acme', 'Globex')", shared.Message, StringComparison.Ordinal);
            var added = _db.Certifications.Add(new CertificationDraft { ContactEmail = "open@acme.example", Partner = new PartnerReference("Globex"), Name = "New", EarnedOn = day }, day);
            Assert.Equal(("Globex", "Shared", true), (added.Partner, added.ContactName, added.Valid));

            var twice = ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => _db.Certifications.Add(new CertificationDraft { ContactEmail = "cur@acme.example", Name = " OPEN ", EarnedOn = Day(2024, 2, 1) }, day));
            Assert.Equal(FailureKind.AlreadyExists, twice.Kind);
            Assert.StartsWith("The certification 'Open' of cur@acme.example earned 2024-02-01 (partner 'Acme') is held already", twice.Message, StringComparison.Ordinal);
            ThrowsPartnerOps(ErrorIds.PartnerContactNotFound, () => _db.Certifications.Add(new CertificationDraft { ContactEmail = "none@acme.example", Name = "X", EarnedOn = day }, day));
        }

        [Fact]
        public void A_piped_certification_is_removed_only_while_it_is_the_one_described()
        {
            AddAll(_db);
            var mid = _db.Certifications.Held(new CertificationDraft { ContactEmail = "cur@acme.example", Name = "mid" }, false, Day(2024, 5, 15)).Single();
            var stale = new CertificationReference(mid.Id, _db.Path, "certification " + mid.Id) { Name = "Old" };
            ThrowsPartnerOps(ErrorIds.CertificationNotFound, () => _db.Certifications.Require(stale));
            ThrowsPartnerOps(ErrorIds.ObjectFromOtherDatabase, () => _db.Certifications.Require(new CertificationReference(mid.Id, "/elsewhere.db", "certification")));
            _db.Certifications.Remove(_db.Certifications.Require(new CertificationReference(mid.Id, _db.Path, "certification") { Name = "MID", Contact = "CUR@acme.example", EarnedOn = Day(2022, 1, 1) }).Id);
            ThrowsPartnerOps(ErrorIds.CertificationNotFound, () => _db.Certifications.Remove(mid.Id));
            ThrowsPartnerOps(ErrorIds.CertificationNotFound, () => _db.Certifications.Held(new CertificationDraft { ContactEmail = "cur@acme.example", Name = "Mid" }, false, Day(2024, 5, 15)));
        }

        [PgFact]
        public void PostgreSql_selects_lists_and_refuses_as_SQLite_does()
        {
            using var pair = new PgPair();
            var results = pair.Both.Select(db =>
            {
                AddAll(db);
                var found = string.Join("\n", Days().Where(d => d.Day % 5 == 0).SelectMany(day =>
                    new[] { "all", "expiring", "expired" }.Select(mode => $"{day:yyyy-MM-dd} {mode}: " + string.Join(",", Found(db, day, mode)))));
                var shared = PgPair.Failure(db, () => db.Certifications.Add(new CertificationDraft { ContactEmail = "open@acme.example", Name = "New", EarnedOn = Day(2024, 1, 1) }, Day(2024, 1, 1)));
                var twice = PgPair.Failure(db, () => db.Certifications.Add(new CertificationDraft { ContactEmail = "cur@acme.example", Name = "old", EarnedOn = Day(2023, 1, 1) }, Day(2024, 1, 1)));
                return string.Join("\n", found, shared, twice.Replace(db.Path, "(db)"));
            }).ToList();

            Assert.Equal(results[0], results[1]);
        }
    }
}
