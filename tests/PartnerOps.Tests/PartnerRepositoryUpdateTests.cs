using System;
using PartnerOps.Data;
using PartnerOps.Sqlite;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests
{
    public class PartnerRepositoryUpdateTests : IDisposable
    {
        private static readonly DateTime Later = new DateTime(2024, 9, 2, 12, 30, 15, DateTimeKind.Utc).AddTicks(1234567);

        private readonly TempDatabase _db = new TempDatabase();
        private readonly SqliteDatabase _store;
        private readonly PartnerRepository _atCreation;
        private readonly PartnerRepository _later;

        public PartnerRepositoryUpdateTests()
        {
            _store = _db.Open();
            _atCreation = Repository(_store);
            _later = Repository(_store, Later);
        }

        public void Dispose()
        {
            _store.Dispose();
            _db.Dispose();
        }

        private Partner AddFull(string name = "Acme") => _atCreation.Add(Draft(
            name,
            type: PartnerType.Distributor,
            tier: PartnerTier.Gold,
            status: PartnerStatus.Active,
            region: "Western Europe",
            country: "DE",
            joinedOn: new DateTime(2021, 4, 1),
            notes: "original notes"));

        [Fact]
        public void Update_changes_only_what_was_asked_and_keeps_the_rest()
        {
            var current = AddFull();

            _later.Update(_later.Require(new PartnerReference(current.Id)), new PartnerChanges { Tier = PartnerTier.Platinum });

            var stored = _later.GetById(current.Id)!;
            Assert.Equal(PartnerTier.Platinum, stored.Tier);
            Assert.Equal("Acme", stored.Name);
            Assert.Equal(PartnerType.Distributor, stored.Type);
            Assert.Equal(PartnerStatus.Active, stored.Status);
            Assert.Equal("Western Europe", stored.Region);
            Assert.Equal("DE", stored.Country);
            Assert.Equal(new DateTime(2021, 4, 1), stored.JoinedOn);
            Assert.Null(stored.EndedOn);
            Assert.Equal("original notes", stored.Notes);
        }

        [Fact]
        public void Update_of_a_partner_removed_meanwhile_is_PartnerNotFound()
        {
            var current = AddFull();
            _later.Remove(current);

            var ex = Assert.Throws<PartnerOpsException>(() => _later.Update(current, new PartnerChanges { Tier = PartnerTier.Gold }));

            Assert.Equal(ErrorIds.PartnerNotFound, ex.ErrorId);
            Assert.Null(_later.GetById(current.Id));
        }

        [Fact]
        public void Update_sets_UpdatedAt_and_keeps_CreatedAt()
        {
            var current = AddFull();

            var returned = _later.Update(_later.Require(new PartnerReference(current.Id)), new PartnerChanges { Notes = "changed", NotesSet = true });

            var stored = _later.GetById(current.Id)!;
            Assert.Equal(Now, stored.CreatedAt);
            Assert.Equal(Later, stored.UpdatedAt);
            Assert.Equal(Now, returned.CreatedAt);
            Assert.Equal(Later, returned.UpdatedAt);
            Assert.Equal("changed", stored.Notes);
        }

        [Fact]
        public void Update_does_not_modify_the_object_it_was_given()
        {
            var current = _later.Require(new PartnerReference(AddFull().Id));
            _later.Update(current, new PartnerChanges { NewName = "Renamed", Tier = PartnerTier.Silver });
            Assert.Equal("Acme", current.Name);
            Assert.Equal(PartnerTier.Gold, current.Tier);
        }

        [Fact]
        public void A_rename_is_stored_trimmed_and_found_under_the_new_name_only()
        {
            var current = AddFull();

            _later.Update(current, new PartnerChanges { NewName = "  Acme Europe " });

            Assert.Null(_later.GetByName("Acme"));
            var renamed = _later.Require(new PartnerReference("ACME EUROPE"));
            Assert.Equal(current.Id, renamed.Id);
            Assert.Equal("Acme Europe", renamed.Name);
        }

        [Fact]
        public void Renaming_to_another_case_of_the_same_name_is_allowed()
        {
            var current = AddFull("acme");
            _later.Update(current, new PartnerChanges { NewName = "ACME" });
            Assert.Equal("ACME", _later.GetById(current.Id)!.Name);
        }

        [Fact]
        public void Renaming_onto_another_partners_name_is_PartnerAlreadyExists_and_changes_nothing()
        {
            AddFull("Acme");
            var other = _atCreation.Add(Draft("Beta"));

            var ex = ThrowsPartnerOps(ErrorIds.PartnerAlreadyExists, () =>
                _later.Update(_later.Require(new PartnerReference(other.Id)), new PartnerChanges { NewName = "ACME", Tier = PartnerTier.Platinum }));
            Assert.Equal(FailureKind.AlreadyExists, ex.Kind);

            var stored = _later.GetById(other.Id)!;
            Assert.Equal("Beta", stored.Name);
            Assert.Equal(PartnerTier.Registered, stored.Tier);
            Assert.Equal(Now, stored.UpdatedAt);
        }

        [Fact]
        public void Terminating_sets_EndedOn_to_today()
        {
            var current = AddFull();
            _later.Update(current, new PartnerChanges { Status = PartnerStatus.Terminated });

            var stored = _later.GetById(current.Id)!;
            Assert.Equal(PartnerStatus.Terminated, stored.Status);
            Assert.Equal(Later.ToLocalTime().Date, stored.EndedOn);
        }

        [Fact]
        public void Terminating_with_an_end_date_keeps_that_date()
        {
            var current = AddFull();
            _later.Update(current, new PartnerChanges { Status = PartnerStatus.Terminated, EndedOn = new DateTime(2023, 12, 31, 8, 0, 0), EndedOnSet = true });
            Assert.Equal(new DateTime(2023, 12, 31), _later.GetById(current.Id)!.EndedOn);
        }

        [Fact]
        public void Leaving_Terminated_clears_EndedOn()
        {
            var current = _atCreation.Add(Draft("Acme", status: PartnerStatus.Terminated, joinedOn: new DateTime(2020, 1, 1), endedOn: new DateTime(2023, 1, 1)));

            _later.Update(_later.Require(new PartnerReference(current.Id)), new PartnerChanges { Status = PartnerStatus.Active });

            var stored = _later.GetById(current.Id)!;
            Assert.Equal(PartnerStatus.Active, stored.Status);
            Assert.Null(stored.EndedOn);
        }

        [Fact]
        public void Changing_something_else_on_a_terminated_partner_keeps_its_end_date()
        {
            var current = _atCreation.Add(Draft("Acme", status: PartnerStatus.Terminated, joinedOn: new DateTime(2020, 1, 1), endedOn: new DateTime(2023, 1, 1)));

            _later.Update(_later.Require(new PartnerReference(current.Id)), new PartnerChanges { Notes = "over", NotesSet = true });

            var stored = _later.GetById(current.Id)!;
            Assert.Equal(PartnerStatus.Terminated, stored.Status);
            Assert.Equal(new DateTime(2023, 1, 1), stored.EndedOn);
        }

        [Fact]
        public void Region_country_and_notes_can_be_cleared_explicitly()
        {
            var current = AddFull();

            _later.Update(current, new PartnerChanges { RegionSet = true, Region = null, CountrySet = true, Country = "", NotesSet = true, Notes = null });

            var stored = _later.GetById(current.Id)!;
            Assert.Null(stored.Region);
            Assert.Null(stored.Country);
            Assert.Null(stored.Notes);
        }

        [Fact]
        public void Update_validates_like_Add()
        {
            var current = AddFull();

            ThrowsPartnerOps(ErrorIds.InvalidCountryCode, () => _later.Update(current, new PartnerChanges { CountrySet = true, Country = "XX" }));
            ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => _later.Update(current, new PartnerChanges { NewName = "   " }));
            ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => _later.Update(current, new PartnerChanges { NewName = new string('x', 201) }));
            ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => _later.Update(current, new PartnerChanges { EndedOnSet = true, EndedOn = new DateTime(2021, 3, 31) }));

            var stored = _later.GetById(current.Id)!;
            Assert.Equal("Acme", stored.Name);
            Assert.Equal("DE", stored.Country);
            Assert.Null(stored.EndedOn);
        }

        [Fact]
        public void Moving_JoinedOn_after_an_existing_end_date_is_rejected()
        {
            var current = _atCreation.Add(Draft("Acme", status: PartnerStatus.Terminated, joinedOn: new DateTime(2020, 1, 1), endedOn: new DateTime(2021, 1, 1)));
            ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => _later.Update(current, new PartnerChanges { JoinedOn = new DateTime(2021, 1, 2) }));
            Assert.Equal(new DateTime(2020, 1, 1), _later.GetById(current.Id)!.JoinedOn);
        }

        [Fact]
        public void Country_is_upper_cased_and_JoinedOn_made_date_only_on_update()
        {
            var current = AddFull();
            _later.Update(current, new PartnerChanges { CountrySet = true, Country = "gb", JoinedOn = new DateTime(2021, 3, 6, 13, 14, 15) });
            var stored = _later.GetById(current.Id)!;
            Assert.Equal("GB", stored.Country);
            Assert.Equal(new DateTime(2021, 3, 6), stored.JoinedOn);
        }
    }
}
