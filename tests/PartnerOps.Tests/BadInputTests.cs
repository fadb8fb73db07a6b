using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using PartnerOps.Data;
using PartnerOps.Import;
using PartnerOps.Sqlite;
using PartnerOps.Tests.Import;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests
{
    /// <summary>The Core side of issue 6: bad values are refused with their id and shown readably in the message.</summary>
    public class BadInputTests : ImportTestBase
    {
        [Theory]
        [InlineData("a\0b", "'a`u{0}b'")]
        [InlineData("Esc\u001b[2J", "'Esc`u{1B}[2J'")]
        [InlineData("One\nTwo", "'One`u{A}Two'")]
        [InlineData("M\uFFFDller", "U+FFFD")]
        public void A_name_with_a_control_or_replacement_character_is_refused_showing_it(string name, string shown)
        {
            var ex = ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => PartnerRules.NormalizeName(name));
            Assert.Contains(shown, ex.Message);
        }

        [Fact]
        public void Notes_may_have_line_breaks_and_tabs_but_no_other_control_characters()
        {
            Assert.Equal("a\r\n\tb", PartnerRules.NormalizeNotes("a\r\n\tb"));
            ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => PartnerRules.NormalizeNotes("a\0b"));
        }

        [Fact]
        public void A_long_value_is_shown_as_its_start_and_its_length()
        {
            var ex = ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => PartnerRules.NormalizeName(new string('x', 10000)));
            Assert.Contains("'" + new string('x', 40) + "… (10,000 characters)'", ex.Message);
            Assert.True(ex.Message.Length < 200);
            Assert.Equal(10000, ((string)ex.Target!).Length);
        }

        [Theory]
        [InlineData(1, 1, 1)]
        [InlineData(1899, 12, 31)]
        [InlineData(3000, 1, 1)]
        [InlineData(9999, 12, 31)]
        public void A_partner_date_outside_1900_to_2999_is_refused(int year, int month, int day)
        {
            var ex = ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => PartnerRules.CheckDate(new DateTime(year, month, day), "JoinedOn"));
            Assert.Contains($"'{year:0000}-{month:00}-{day:00}'", ex.Message);
        }

        [Fact]
        public void Set_Partner_with_JoinedOn_0001_01_01_is_refused_rather_than_read_as_today()
        {
            using var store = Db.Open();
            var partners = Repository(store);
            var acme = partners.Add(Draft("Acme", joinedOn: Day(2014, 1, 1)));
            ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => partners.Update(acme, new PartnerChanges { JoinedOn = DateTime.MinValue }));
            Assert.Equal(Day(2014, 1, 1), partners.GetById(acme.Id)!.JoinedOn);
        }

        [Fact]
        public void The_region_of_revenue_and_of_a_target_fails_with_their_own_ids()
        {
            using var store = Db.Open();
            var longRegion = new string('r', 101);
            ThrowsPartnerOps(ErrorIds.InvalidRevenueValue, () => Revenue(store).Add(DirectSale(longRegion, Day(2015, 1, 1), 1)));
            ThrowsPartnerOps(ErrorIds.InvalidTargetValue, () => new TargetRepository(store).Set(TargetMetric.PartnerCount, longRegion, 2015, 1, null));
        }

        [Fact]
        public void A_partner_named_by_a_name_no_partner_could_have_is_not_found()
        {
            using var store = Db.Open();
            var ex = ThrowsPartnerOps(ErrorIds.PartnerNotFound, () => Repository(store).Require(new PartnerReference(new string('p', 10000))));
            Assert.Contains(new string('p', 40) + "… (10,000 characters)", ex.Message);
        }

        [Fact]
        public void An_escaped_wildcard_character_names_the_partner_with_that_character()
        {
            using var store = Db.Open();
            var partners = Repository(store);
            var star = partners.Add(Draft("A*me"));
            partners.Add(Draft("Acme"));
            var ids = new HashSet<long>();
            var missing = partners.Resolve(new[] { new PartnerReference("A`*me") }, ids, null, idsAsGiven: false);
            Assert.Empty(missing);
            Assert.Equal(new[] { star.Id }, ids.ToArray());
        }

        [Theory]
        [InlineData("Short", "1 cell(s) where the header has 3 columns")]
        [InlineData("Long,DE,x,extra", "4 cells where the header has 3 columns (cell 4 holds 'extra')")]
        public void A_row_whose_cells_do_not_fit_the_header_is_refused(string row, string reason)
        {
            var path = WriteCsv("Name,Country,Notes", "Good,DE,", row, "Trailing empty cell,GB,,");

            var result = Import(path);

            Assert.Equal(2, result.Inserted);
            var error = Assert.Single(Listener.Errors);
            Assert.Equal(3, error.Line);
            Assert.Contains(reason, error.Message);
        }

        [Fact]
        public void A_UTF16_file_without_a_byte_order_mark_is_refused_naming_the_encoding_to_give()
        {
            var path = WriteFile("utf16.csv", "Name,Country\nAlpha,DE\n", new UnicodeEncoding(false, false));

            var ex = ThrowsPartnerOps(ErrorIds.ImportFileInvalid, () => Import(path));
            Assert.Contains("-Encoding unicode", ex.Message);
            Assert.Equal(1, Import(path, new ImportOptions { Encoding = new UnicodeEncoding(false, false) }).Inserted);
        }

        [Fact]
        public void A_header_run_together_by_another_delimiter_names_that_delimiter()
        {
            var ex = ThrowsPartnerOps(ErrorIds.ImportHeaderInvalid, () => Import(WriteCsv("Name;Country", "Alpha;DE")));
            Assert.Contains("-Delimiter ';'", ex.Message);
        }
    }
}
