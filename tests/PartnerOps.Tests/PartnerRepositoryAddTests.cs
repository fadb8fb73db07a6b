using System;
using System.Linq;
using Dapper;
using PartnerOps.Data;
using PartnerOps.Sqlite;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests
{
    public class PartnerRepositoryAddTests : IDisposable
    {
        private readonly TempDatabase _db = new TempDatabase();
        private readonly SqliteDatabase _store;
        private readonly PartnerRepository _partners;

        public PartnerRepositoryAddTests()
        {
            _store = _db.Open();
            _partners = Repository(_store);
        }

        public void Dispose()
        {
            _store.Dispose();
            _db.Dispose();
        }

        [Fact]
        public void Add_stores_the_partner_normalised_and_returns_it_with_its_new_id()
        {
            var added = _partners.Add(Draft(
                "  Acme Channel  ",
                type: PartnerType.Distributor,
                tier: PartnerTier.Gold,
                region: "  Western Europe ",
                country: " de ",
                joinedOn: new DateTime(2023, 3, 7, 17, 45, 12),
                notes: "big-name partner"));

            Assert.True(added.Id > 0);
            var stored = _partners.GetById(added.Id);
            Assert.NotNull(stored);
            Assert.Equal("Acme Channel", stored!.Name);
            Assert.Equal(PartnerType.Distributor, stored.Type);
            Assert.Equal(PartnerTier.Gold, stored.Tier);
            Assert.Equal(PartnerStatus.Active, stored.Status);
            Assert.Equal("Western Europe", stored.Region);
            Assert.Equal("DE", stored.Country);
            Assert.Equal(new DateTime(2023, 3, 7), stored.JoinedOn);
            Assert.Equal(TimeSpan.Zero, stored.JoinedOn.TimeOfDay);
            Assert.Null(stored.EndedOn);
            Assert.Equal("big-name partner", stored.Notes);
            Assert.Equal("Acme Channel", added.Name);
            Assert.Equal("DE", added.Country);
        }

        [Fact]
        public void Add_sets_CreatedAt_and_UpdatedAt_to_now_in_UTC()
        {
            var added = _partners.Add(Draft("Acme"));
            var stored = _partners.GetById(added.Id)!;

            Assert.Equal(Now, stored.CreatedAt);
            Assert.Equal(Now, stored.UpdatedAt);
            Assert.Equal(DateTimeKind.Utc, stored.CreatedAt.Kind);
            Assert.Equal(DateTimeKind.Utc, stored.UpdatedAt.Kind);
        }

        // Found by the round-trip property: SQLite cut text at a NUL, and a lone surrogate became U+FFFD
        // (or, in a name, made NFC normalisation throw an ArgumentException).
        // (Text given as the parts around one UTF-16 code unit: xunit cannot carry a lone surrogate in InlineData.)
        [Theory]
        [InlineData("Name", "Acme", 0x0000, " Ltd")]
        [InlineData("Region", "West", 0x0000, "ern Europe")]
        [InlineData("Notes", "first line", 0x0000, "the rest")]
        [InlineData("Name", "Acme ", 0xD83D, "")]
        [InlineData("Region", "", 0xDE00, " Europe")]
        [InlineData("Notes", "note ", 0xDC00, "\uD83D")]
        public void Text_with_a_NUL_or_half_a_surrogate_pair_is_refused_rather_than_stored_changed(string property, string before, int codeUnit, string after)
        {
            var text = before + (char)codeUnit + after;
            var draft = property == "Name" ? Draft(text) : property == "Region" ? Draft("Acme", region: text) : Draft("Acme", notes: text);
            var ex = ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => _partners.Add(draft));
            Assert.StartsWith(property + " '", ex.Message);
            Assert.Contains(codeUnit == 0 ? "control character `u{0}" : "half of a surrogate pair", ex.Message);
            Assert.Empty(_partners.Find(new PartnerFilter()));
        }

        // Found by the round-trip property: 0001-01-01 (DateTime's default) was taken for "not given" and became today.
        // A given date is now checked like any other: 0001-01-01 is outside the years partners may have.
        [Fact]
        public void JoinedOn_0001_01_01_is_refused_not_taken_for_today()
        {
            var ex = ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => _partners.Add(Draft("Acme", joinedOn: DateTime.MinValue)));
            Assert.Contains("JoinedOn '0001-01-01'", ex.Message);
            Assert.Empty(_partners.Find(new PartnerFilter()));
        }

        [Fact]
        public void Empty_region_country_and_notes_are_stored_as_null()
        {
            var added = _partners.Add(Draft("Acme", region: "   ", country: "", notes: ""));
            var stored = _partners.GetById(added.Id)!;
            Assert.Null(stored.Region);
            Assert.Null(stored.Country);
            Assert.Null(stored.Notes);
        }

        [Fact]
        public void JoinedOn_defaults_to_today()
        {
            var added = _partners.Add(Draft("Acme"));
            Assert.Equal(Today, _partners.GetById(added.Id)!.JoinedOn);
        }

        [Fact]
        public void Today_follows_the_clock_the_repository_was_given()
        {
            var later = new DateTime(2031, 12, 1, 12, 0, 0, DateTimeKind.Utc);
            var added = Repository(_store, later).Add(Draft("Acme"));
            Assert.Equal(later.ToLocalTime().Date, _partners.GetById(added.Id)!.JoinedOn);
        }

        [Fact]
        public void A_terminated_partner_without_an_end_date_ends_today()
        {
            var added = _partners.Add(Draft("Acme", status: PartnerStatus.Terminated, joinedOn: new DateTime(2020, 1, 1)));
            Assert.Equal(Today, _partners.GetById(added.Id)!.EndedOn);
        }

        [Fact]
        public void A_terminated_partner_keeps_the_end_date_it_was_given_as_a_date_only()
        {
            var added = _partners.Add(Draft("Acme", status: PartnerStatus.Terminated, joinedOn: new DateTime(2020, 1, 1), endedOn: new DateTime(2022, 6, 30, 9, 30, 0)));
            Assert.Equal(new DateTime(2022, 6, 30), _partners.GetById(added.Id)!.EndedOn);
        }

        [Fact]
        public void A_terminated_partner_that_joins_in_the_future_ends_on_its_join_date()
        {
            var joined = Today.AddDays(30);
            var added = _partners.Add(Draft("Acme", status: PartnerStatus.Terminated, joinedOn: joined));
            Assert.Equal(joined, _partners.GetById(added.Id)!.EndedOn);
        }

        [Fact]
        public void A_partner_that_is_not_terminated_may_still_have_an_end_date()
        {
            var added = _partners.Add(Draft("Acme", status: PartnerStatus.Suspended, joinedOn: new DateTime(2020, 1, 1), endedOn: new DateTime(2030, 1, 1)));
            Assert.Equal(new DateTime(2030, 1, 1), _partners.GetById(added.Id)!.EndedOn);
        }

        [Fact]
        public void An_end_date_before_the_join_date_is_rejected_and_nothing_is_stored()
        {
            var ex = ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => _partners.Add(Draft(
                "Acme", joinedOn: new DateTime(2022, 1, 10), endedOn: new DateTime(2022, 1, 9))));
            Assert.Equal(FailureKind.InvalidArgument, ex.Kind);
            Assert.Contains("EndedOn", ex.Message);
            Assert.Equal(0, _partners.Count(new PartnerFilter()));
        }

        [Fact]
        public void An_end_date_on_the_join_date_is_accepted()
        {
            var day = new DateTime(2022, 1, 10);
            var added = _partners.Add(Draft("Acme", joinedOn: day, endedOn: day, status: PartnerStatus.Terminated));
            Assert.Equal(day, _partners.GetById(added.Id)!.EndedOn);
        }

        [Theory]
        [InlineData("Acme", "ACME")]
        [InlineData("Acme", "  acme ")]
        [InlineData("Ärzte GmbH", "ÄRZTE GMBH")]
        [InlineData("Ärzte GmbH", "ärzte gmbh")]
        [InlineData("Ärzte GmbH", "A\u0308rzte GmbH")] // the same name, decomposed (NFD)
        [InlineData("Société Générale", "SOCIÉTÉ GÉNÉRALE")]
        [InlineData("Ωmega", "ωMEGA")]
        public void Names_are_unique_ignoring_case_including_non_ASCII_letters(string first, string second)
        {
            _partners.Add(Draft(first));

            var ex = ThrowsPartnerOps(ErrorIds.PartnerAlreadyExists, () => _partners.Add(Draft(second)));
            Assert.Equal(FailureKind.AlreadyExists, ex.Kind);
            Assert.Equal(1, _partners.Count(new PartnerFilter()));
        }

        [Fact]
        public void Names_that_differ_in_more_than_case_are_different_partners()
        {
            _partners.Add(Draft("Ärzte GmbH"));
            _partners.Add(Draft("Arzte GmbH"));
            Assert.Equal(2, _partners.Count(new PartnerFilter()));
        }

        [Theory]
        [InlineData("XX")]
        [InlineData("UK")]
        [InlineData("DEU")]
        [InlineData("D")]
        public void An_unknown_country_is_InvalidCountryCode(string country)
        {
            var ex = ThrowsPartnerOps(ErrorIds.InvalidCountryCode, () => _partners.Add(Draft("Acme", country: country)));
            Assert.Equal(country, ex.Target);
            Assert.Equal(0, _partners.Count(new PartnerFilter()));
        }

        [Theory]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData(null)]
        public void An_empty_name_is_rejected(string? name)
        {
            ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => _partners.Add(new Partner { Name = name! }));
            Assert.Equal(0, _partners.Count(new PartnerFilter()));
        }

        [Fact]
        public void A_name_of_201_characters_is_rejected_and_200_are_accepted()
        {
            ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => _partners.Add(Draft(new string('n', 201))));

            var added = _partners.Add(Draft("  " + new string('m', 200) + "  "));
            Assert.Equal(200, _partners.GetById(added.Id)!.Name.Length);
        }

        [Fact]
        public void Too_long_region_or_notes_are_rejected()
        {
            ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => _partners.Add(Draft("A", region: new string('r', PartnerRules.MaxRegionLength + 1))));
            ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => _partners.Add(Draft("B", notes: new string('n', PartnerRules.MaxNotesLength + 1))));
            Assert.Equal(0, _partners.Count(new PartnerFilter()));
        }

        [Fact]
        public void Undefined_enum_values_are_rejected()
        {
            ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => _partners.Add(Draft("A", type: (PartnerType)99)));
            ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => _partners.Add(Draft("B", tier: (PartnerTier)(-1))));
            ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => _partners.Add(Draft("C", status: (PartnerStatus)42)));
            Assert.Equal(0, _partners.Count(new PartnerFilter()));
        }

        [Theory]
        [InlineData("x'); DROP TABLE partners; --")]
        [InlineData("Robert\"; DELETE FROM partners; --")]
        [InlineData("50% off_[sale]*?")]
        public void A_hostile_name_is_stored_literally_and_harms_nothing(string name)
        {
            _partners.Add(Draft("Innocent"));
            var added = _partners.Add(Draft(name));

            Assert.Equal(name, _partners.GetById(added.Id)!.Name);
            Assert.Equal(name, _partners.GetByName(name)!.Name);
            Assert.Equal(1, _store.Connection.ExecuteScalar<long>("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'partners'"));
            Assert.Equal(2, _partners.Count(new PartnerFilter()));
        }

        [Fact]
        public void GetByName_and_Require_ignore_case_and_surrounding_spaces()
        {
            var added = _partners.Add(Draft("Ärzte GmbH"));
            Assert.Equal(added.Id, _partners.GetByName(" ärzte gmbh ")!.Id);
            Assert.Equal(added.Id, _partners.Require(new PartnerReference("ÄRZTE GMBH")).Id);
            Assert.Equal(added.Id, _partners.Require(new PartnerReference(added.Id)).Id);
        }

        [Fact]
        public void Require_on_an_unknown_id_is_PartnerNotFound()
        {
            _partners.Add(Draft("Acme"));
            var ex = ThrowsPartnerOps(ErrorIds.PartnerNotFound, () => _partners.Require(new PartnerReference(987654)));
            Assert.Equal(FailureKind.NotFound, ex.Kind);
            Assert.Equal(987654L, ex.Target);
            Assert.Contains("987654", ex.Message);
        }

        [Fact]
        public void Require_on_an_unknown_name_is_PartnerNotFound()
        {
            _partners.Add(Draft("Acme"));
            var ex = ThrowsPartnerOps(ErrorIds.PartnerNotFound, () => _partners.Require(new PartnerReference("Acme Ltd")));
            Assert.Equal("Acme Ltd", ex.Target);
            Assert.Contains("Acme Ltd", ex.Message);
        }

        [Fact]
        public void GetById_and_GetByName_return_null_when_nothing_matches()
        {
            Assert.Null(_partners.GetById(1));
            Assert.Null(_partners.GetByName("Nobody"));
        }

        [Fact]
        public void Remove_deletes_only_that_partner()
        {
            var keep = _partners.Add(Draft("Keep"));
            var drop = _partners.Add(Draft("Drop"));

            _partners.Remove(drop);

            Assert.Null(_partners.GetById(drop.Id));
            Assert.NotNull(_partners.GetById(keep.Id));
            Assert.Equal(1, _partners.Count(new PartnerFilter()));
        }

        [Fact]
        public void Removing_a_partner_that_is_gone_is_PartnerNotFound()
        {
            var drop = _partners.Add(Draft("Drop"));
            _partners.Remove(drop);

            var ex = ThrowsPartnerOps(ErrorIds.PartnerNotFound, () => _partners.Remove(drop));
            Assert.Equal(drop.Id, ex.Target);
        }

        [Fact]
        public void A_removed_name_can_be_used_again()
        {
            var first = _partners.Add(Draft("Acme"));
            _partners.Remove(first);
            var second = _partners.Add(Draft("ACME"));
            Assert.NotEqual(0, second.Id);
            Assert.Equal("ACME", _partners.Require(new PartnerReference("acme")).Name);
        }

        [Fact]
        public void Writes_inside_a_rolled_back_transaction_leave_nothing_behind()
        {
            _store.BeginWrite();
            _partners.Add(Draft("Ghost"));
            Assert.Equal(1, _partners.Count(new PartnerFilter()));
            _store.Rollback();

            Assert.Null(_store.Transaction);
            Assert.Equal(0, _partners.Count(new PartnerFilter()));
            Assert.Empty(_partners.Find(new PartnerFilter()).ToList());
        }

        [Fact]
        public void Disposing_a_store_with_an_open_write_rolls_it_back()
        {
            using (var writer = SqliteDatabase.OpenExisting(_db.Path_))
            {
                writer.BeginWrite();
                Repository(writer).Add(Draft("Ghost"));
            }

            Assert.Equal(0, _partners.Count(new PartnerFilter()));
        }
    }
}
