using System;
using System.Collections.Generic;
using System.Linq;
using PartnerOps.Data;
using PartnerOps.Sqlite;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests
{
    public class PartnerRepositoryFindTests : IDisposable
    {
        private readonly TempDatabase _db = new TempDatabase();
        private readonly SqliteDatabase _store;
        private readonly PartnerRepository _partners;

        public PartnerRepositoryFindTests()
        {
            _store = _db.Open();
            _partners = Repository(_store);
        }

        public void Dispose()
        {
            _store.Dispose();
            _db.Dispose();
        }

        private void Add(params string[] names)
        {
            foreach (var name in names)
            {
                _partners.Add(Draft(name));
            }
        }

        private string[] Names(PartnerFilter filter) => _partners.Find(filter).Select(p => p.Name).ToArray();

        private static PartnerFilter ByNames(params string[] patterns)
        {
            var filter = new PartnerFilter();
            foreach (var pattern in patterns)
            {
                filter.Names.Add(NamePattern.ParseName(pattern));
            }

            return filter;
        }

        [Fact]
        public void Find_without_a_filter_returns_every_partner_sorted_by_name_ignoring_case()
        {
            Add("delta", "Charlie", "alpha", "Bravo", "echo");
            Assert.Equal(new[] { "alpha", "Bravo", "Charlie", "delta", "echo" }, Names(new PartnerFilter()));
        }

        [Fact]
        public void Find_on_an_empty_database_returns_nothing()
        {
            Assert.Empty(Names(new PartnerFilter()));
            Assert.Equal(0, _partners.Count(new PartnerFilter()));
        }

        [Fact]
        public void Several_names_are_alternatives_and_match_ignoring_case()
        {
            Add("Acme", "Beta Systems", "Gamma", "Ärzte GmbH");
            // Listed by name as people expect: Ärzte (sort key 'arzte gmbh') between Acme and Gamma.
            Assert.Equal(new[] { "Acme", "Ärzte GmbH", "Gamma" }, Names(ByNames("gamma", "ACME", "ärzte gmbh", "Nobody")));
        }

        [Fact]
        public void A_literal_name_is_an_exact_match_not_a_prefix()
        {
            Add("Acme", "Acme Ltd");
            Assert.Equal(new[] { "Acme" }, Names(ByNames("acme")));
        }

        [Fact]
        public void A_star_matches_any_run_of_characters()
        {
            Add("Accenture", "Acme", "ACCESS Partners", "Baccarat", "acc");
            Assert.Equal(new[] { "acc", "Accenture", "ACCESS Partners" }, Names(ByNames("Acc*")));
            Assert.Equal(new[] { "acc", "Accenture", "ACCESS Partners", "Baccarat" }, Names(ByNames("*acc*")));
            Assert.Equal(new[] { "Accenture", "Acme", "Baccarat" }, Names(ByNames("*[et]")));
        }

        [Fact]
        public void A_question_mark_matches_exactly_one_character()
        {
            Add("Net1", "Net12", "Net", "NetA", "Ne");
            Assert.Equal(new[] { "Net1", "NetA" }, Names(ByNames("net?")));
        }

        [Fact]
        public void A_bracket_set_matches_one_of_its_characters_ignoring_case()
        {
            Add("Alpha", "beta", "Charlie", "bravo", "Ärzte");
            Assert.Equal(new[] { "Alpha", "beta", "bravo" }, Names(ByNames("[AB]*")));
            Assert.Equal(new[] { "Alpha", "beta", "bravo", "Charlie" }, Names(ByNames("[a-c]*")));
            Assert.Equal(new[] { "Ärzte" }, Names(ByNames("[ä]*")));
        }

        [Fact]
        public void A_caret_in_a_bracket_set_is_a_plain_character_as_in_PowerShell()
        {
            Add("^Top", "Alpha", "Top");
            // Sorted by the name key (lower case since issue 12): '^' (U+005E) sorts before 'a' (U+0061).
            Assert.Equal(new[] { "^Top", "Alpha" }, Names(ByNames("[a^]*")));
        }

        [Fact]
        public void A_set_of_only_a_caret_matches_a_caret()
        {
            // PowerShell: '^' -like '[^]' is True (no negation in PowerShell wildcards).
            Add("^", "x");
            Assert.Equal(new[] { "^" }, Names(ByNames("[^]")));
        }

        [Fact]
        public void Backtick_escaped_star_and_question_mark_are_literal()
        {
            Add("A*B", "AxB", "A?", "Ab");
            Assert.Equal(new[] { "A*B" }, Names(ByNames("A`*B")));
            Assert.Equal(new[] { "A?" }, Names(ByNames("A`?")));
            Assert.Equal(new[] { "A*B" }, Names(ByNames("a`**")));
        }

        [Fact]
        public void A_backtick_escaped_bracket_is_literal()
        {
            Add("[EMEA] Partner", "E Partner", "EMEA Partner");
            Assert.Equal(new[] { "[EMEA] Partner" }, Names(ByNames("`[EMEA`] Partner")));
            Assert.Equal(new[] { "[EMEA] Partner" }, Names(ByNames("`[EMEA]*")));
        }

        [Fact]
        public void A_literal_name_containing_brackets_is_found_when_the_brackets_are_escaped()
        {
            Add("Acme [Germany]", "Acme G", "Acme");
            Assert.Equal(new[] { "Acme [Germany]" }, Names(ByNames("acme `[germany`]")));

            // Unescaped, PowerShell reads the brackets as a set of one character.
            Assert.Equal(new[] { "Acme G" }, Names(ByNames("Acme [Germany]")));
        }

        [Fact]
        public void An_unclosed_bracket_is_a_literal_character()
        {
            Add("Acme [old", "Acme o");
            Assert.Equal(new[] { "Acme [old" }, Names(ByNames("Acme [old")));
            Assert.Equal(new[] { "Acme [old" }, Names(ByNames("Acme [*")));
        }

        [Fact]
        public void Literal_and_wildcard_names_combine_as_alternatives()
        {
            Add("Acme", "Accenture", "Beta", "Gamma");
            Assert.Equal(new[] { "Accenture", "Beta", "Gamma" }, Names(ByNames("Beta", "acc*", "gamma")));
        }

        [Fact]
        public void A_wildcard_that_matches_nothing_returns_nothing()
        {
            Add("Acme");
            Assert.Empty(Names(ByNames("Zed*")));
        }

        [Fact]
        public void Non_ASCII_names_match_wildcards_ignoring_case()
        {
            Add("Ärzte GmbH", "Ärger AG", "Arzt");
            Assert.Equal(new[] { "Ärger AG", "Ärzte GmbH" }, Names(ByNames("är*")));
            Assert.Equal(new[] { "Ärzte GmbH" }, Names(ByNames("*GMBH")));
        }

        // Found by the round-trip property: Deseret letters (outside the BMP) have case, and a wildcard upper-cased
        // char by char left them lower-case while the stored key is upper-case.
        [Fact]
        public void Letters_with_case_outside_the_BMP_match_wildcards_and_sets_ignoring_case()
        {
            Add("\U00010428x Co", "\U00010400y Co", "Other");
            Assert.Equal(new[] { "\U00010428x Co", "\U00010400y Co" }, Names(ByNames("\U00010428*")));
            Assert.Equal(new[] { "\U00010428x Co" }, Names(ByNames("*\U00010400X CO")));
            Assert.Equal(new[] { "\U00010428x Co", "\U00010400y Co" }, Names(ByNames("[\U00010428]?*")));
            Assert.Equal(new[] { "\U00010428x Co" }, Names(ByNames("\U00010428`**", "\U00010400x*")));
        }

        [Fact]
        public void Ids_select_those_partners()
        {
            var a = _partners.Add(Draft("A"));
            _partners.Add(Draft("B"));
            var c = _partners.Add(Draft("C"));
            var filter = new PartnerFilter();
            filter.Ids.Add(c.Id);
            filter.Ids.Add(a.Id);
            filter.Ids.Add(999);
            Assert.Equal(new[] { "A", "C" }, Names(filter));
        }

        [Fact]
        public void Types_tiers_and_statuses_each_take_several_values_and_combine_with_and()
        {
            _partners.Add(Draft("R-Gold", type: PartnerType.Reseller, tier: PartnerTier.Gold));
            _partners.Add(Draft("D-Gold", type: PartnerType.Distributor, tier: PartnerTier.Gold, status: PartnerStatus.Suspended));
            _partners.Add(Draft("D-Silver", type: PartnerType.Distributor, tier: PartnerTier.Silver));
            _partners.Add(Draft("SI-Platinum", type: PartnerType.SystemIntegrator, tier: PartnerTier.Platinum));

            var types = new PartnerFilter();
            types.Types.Add(PartnerType.Distributor);
            types.Types.Add(PartnerType.SystemIntegrator);
            Assert.Equal(new[] { "D-Gold", "D-Silver", "SI-Platinum" }, Names(types));

            var tiers = new PartnerFilter();
            tiers.Tiers.Add(PartnerTier.Gold);
            Assert.Equal(new[] { "D-Gold", "R-Gold" }, Names(tiers));

            var both = new PartnerFilter();
            both.Types.Add(PartnerType.Distributor);
            both.Tiers.Add(PartnerTier.Gold);
            Assert.Equal(new[] { "D-Gold" }, Names(both));

            var statuses = new PartnerFilter();
            statuses.Statuses.Add(PartnerStatus.Suspended);
            statuses.Statuses.Add(PartnerStatus.Prospect);
            Assert.Equal(new[] { "D-Gold" }, Names(statuses));
        }

        [Fact]
        public void Regions_match_ignoring_case_with_wildcards_and_skip_partners_without_a_region()
        {
            _partners.Add(Draft("WE", region: "Western Europe"));
            _partners.Add(Draft("EE", region: "Eastern Europe"));
            _partners.Add(Draft("CN", region: "China"));
            _partners.Add(Draft("ÖS", region: "Österreich"));
            _partners.Add(Draft("None"));

            var exact = new PartnerFilter();
            exact.Regions.Add(NamePattern.Parse("western europe"));
            Assert.Equal(new[] { "WE" }, Names(exact));

            var wildcard = new PartnerFilter();
            wildcard.Regions.Add(NamePattern.Parse("*EUROPE"));
            Assert.Equal(new[] { "EE", "WE" }, Names(wildcard));

            var several = new PartnerFilter();
            several.Regions.Add(NamePattern.Parse("china"));
            several.Regions.Add(NamePattern.Parse("ö*"));
            Assert.Equal(new[] { "CN", "ÖS" }, Names(several));

            var all = new PartnerFilter();
            all.Regions.Add(NamePattern.Parse("*"));
            Assert.Equal(4, _partners.Count(all));
        }

        [Fact]
        public void Countries_match_ignoring_case()
        {
            _partners.Add(Draft("De", country: "DE"));
            _partners.Add(Draft("Gb", country: "gb"));
            _partners.Add(Draft("Cn", country: "CN"));
            _partners.Add(Draft("None"));

            var filter = new PartnerFilter();
            filter.Countries.Add("de");
            filter.Countries.Add(" GB ");
            Assert.Equal(new[] { "De", "Gb" }, Names(filter));
        }

        [Fact]
        public void JoinedAfter_and_JoinedBefore_are_strict()
        {
            _partners.Add(Draft("Jan", joinedOn: new DateTime(2024, 1, 31)));
            _partners.Add(Draft("Feb", joinedOn: new DateTime(2024, 2, 1)));
            _partners.Add(Draft("Feb15", joinedOn: new DateTime(2024, 2, 15)));
            _partners.Add(Draft("Mar", joinedOn: new DateTime(2024, 3, 1)));

            var after = new PartnerFilter { JoinedAfter = new DateTime(2024, 2, 1) };
            Assert.Equal(new[] { "Feb15", "Mar" }, Names(after));

            var before = new PartnerFilter { JoinedBefore = new DateTime(2024, 2, 15) };
            Assert.Equal(new[] { "Feb", "Jan" }, Names(before));

            var between = new PartnerFilter { JoinedAfter = new DateTime(2024, 1, 31), JoinedBefore = new DateTime(2024, 3, 1) };
            Assert.Equal(new[] { "Feb", "Feb15" }, Names(between));
        }

        [Fact]
        public void AsOf_gives_those_that_were_partners_on_that_date()
        {
            var asOf = new DateTime(2024, 6, 30);
            _partners.Add(Draft("Joined that day", joinedOn: asOf));
            _partners.Add(Draft("Joined the day after", joinedOn: asOf.AddDays(1)));
            _partners.Add(Draft("Ended later", joinedOn: new DateTime(2020, 1, 1), endedOn: asOf.AddDays(1), status: PartnerStatus.Terminated));
            _partners.Add(Draft("Ended that day", joinedOn: new DateTime(2020, 1, 1), endedOn: asOf, status: PartnerStatus.Terminated));
            _partners.Add(Draft("Ended before", joinedOn: new DateTime(2020, 1, 1), endedOn: new DateTime(2023, 1, 1), status: PartnerStatus.Terminated));
            _partners.Add(Draft("Prospect", joinedOn: new DateTime(2020, 1, 1), status: PartnerStatus.Prospect));
            _partners.Add(Draft("Suspended", joinedOn: new DateTime(2020, 1, 1), status: PartnerStatus.Suspended));
            _partners.Add(Draft("Onboarding", joinedOn: new DateTime(2024, 6, 1), status: PartnerStatus.Onboarding));

            var filter = new PartnerFilter { AsOf = asOf };
            Assert.Equal(new[] { "Ended later", "Joined that day", "Onboarding", "Suspended" }, Names(filter));
            Assert.Equal(4, _partners.Count(filter));
        }

        [Fact]
        public void AsOf_ignores_the_time_of_day()
        {
            _partners.Add(Draft("Joined", joinedOn: new DateTime(2024, 6, 30)));
            Assert.Single(Names(new PartnerFilter { AsOf = new DateTime(2024, 6, 30, 0, 0, 0) }));
            Assert.Single(Names(new PartnerFilter { AsOf = new DateTime(2024, 6, 30, 23, 59, 59) }));
            Assert.Empty(Names(new PartnerFilter { AsOf = new DateTime(2024, 6, 29, 23, 59, 59) }));
        }

        [Fact]
        public void Skip_and_First_page_through_the_sorted_list()
        {
            Add("e", "d", "c", "b", "a");
            Assert.Equal(new[] { "b", "c" }, Names(new PartnerFilter { Skip = 1, First = 2 }));
            Assert.Equal(new[] { "a", "b" }, Names(new PartnerFilter { First = 2 }));
            Assert.Equal(new[] { "d", "e" }, Names(new PartnerFilter { Skip = 3 }));
            Assert.Empty(Names(new PartnerFilter { Skip = 10 }));
            Assert.Empty(Names(new PartnerFilter { First = 0 }));
        }

        [Fact]
        public void Unmatched_names_only_the_exact_names_with_no_partner_even_off_the_page()
        {
            Add("Alpha", "Beta", "Gamma");
            var filter = ByNames("alpha", "gamma", "Nobody", "Z*");
            filter.First = 1; // only Alpha is on the page; Gamma exists off it

            var seen = new HashSet<string>(_partners.Find(filter).Select(p => PartnerRules.NameKey(p.Name)));

            Assert.Equal(new[] { "Nobody" }, _partners.Unmatched(filter, seen).Select(n => n.Text).ToArray());
        }

        [Fact]
        public void Count_ignores_paging_but_not_the_filter()
        {
            Add("Acc1", "Acc2", "Acc3", "Other");
            var filter = ByNames("acc*");
            filter.Skip = 1;
            filter.First = 1;
            Assert.Equal(new[] { "Acc2" }, Names(filter));
            Assert.Equal(3, _partners.Count(filter));
        }

        [Fact]
        public void Find_streams_rows_one_at_a_time()
        {
            for (var i = 0; i < 50; i++)
            {
                _partners.Add(Draft("P" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)));
            }

            var found = _partners.Find(new PartnerFilter());
            Assert.IsNotAssignableFrom<ICollection<Partner>>(found);
            using var rows = found.GetEnumerator();
            Assert.True(rows.MoveNext());
            Assert.Equal("P000", rows.Current.Name);
        }
    }
}
