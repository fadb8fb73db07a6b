using System.Linq;
using Dapper;
using Microsoft.Data.Sqlite;
using PartnerOps.Data;
using PartnerOps.Sqlite;
using Xunit;

namespace PartnerOps.Tests
{
    /// <summary>Issue 12, kind 4: the name key (NFKC_Casefold, İ/ı as i, spaces as space) and the names it refuses.</summary>
    public class NameKeyTests
    {
        [Theory]
        // Each expected key written out by hand from CaseFolding.txt / NFKC.
        [InlineData("Acme GmbH", "acme gmbh")]
        [InlineData("Gro\u00DFhandel", "grosshandel")]           // ß: F 0073 0073
        [InlineData("GRO\u1E9EHANDEL", "grosshandel")]           // ẞ: F 0073 0073
        [InlineData("\u0130STANBUL", "istanbul")]                // İ: i (not i + U+0307)
        [InlineData("\u0131stanbul", "istanbul")]                // ı: i
        [InlineData("I\u0307stanbul", "istanbul")]               // I + combining dot: NFKC composes İ
        [InlineData("Kestrel\u00A0Data", "kestrel data")]        // NBSP: a space
        [InlineData("Kestrel\u1680Data", "kestrel data")]        // OGHAM SPACE MARK (no NFKC mapping): a space
        [InlineData("Kestrel\u200BData", "kestreldata")]         // ZWSP: ignored
        [InlineData("Kes\u00ADtrel", "kestrel")]                 // SOFT HYPHEN: ignored
        [InlineData("\uFF21\uFF23\uFF2D\uFF25", "acme")]         // full-width letters: NFKC
        [InlineData("\uFB01nance", "finance")]                   // ligature ﬁ: NFKC
        [InlineData("M\u00FCller", "m\u00FCller")]               // accents stay
        [InlineData("Mu\u0308ller", "m\u00FCller")]              // decomposed ü composes
        [InlineData("\u039F\u0394\u039F\u03A3", "\u03BF\u03B4\u03BF\u03C3")] // Greek ΟΔΟΣ: σ
        [InlineData("\u03BF\u03B4\u03BF\u03C2", "\u03BF\u03B4\u03BF\u03C3")] // final ς folds to σ
        [InlineData("\U00010400", "\U00010428")]                 // Deseret (outside the BMP)
        [InlineData("Caf\u00E9  Deux", "caf\u00E9  deux")]       // runs of spaces kept
        public void Key_is_NFKC_Casefold_with_turkish_i_and_spaces(string name, string key) =>
            Assert.Equal(key, PartnerRules.NameKey(name));

        [Fact]
        public void Ascii_is_returned_as_it_is_when_already_lower_case() =>
            Assert.Same("acme 42", PartnerRules.NameKey("acme 42"));

        [Theory]
        [InlineData("Kestrel\u200B Data", 0x200B, 8)]
        [InlineData("\uFEFFKestrel", 0xFEFF, 1)]
        [InlineData("Kes\u00ADtrel", 0x00AD, 4)]
        [InlineData("Kestrel \U000E0041", 0xE0041, 9)]
        public void Invisible_characters_are_refused_naming_code_point_and_position(string name, int codePoint, int position)
        {
            var ex = Assert.Throws<PartnerOpsException>(() => PartnerRules.NormalizeName(name));
            Assert.Equal(ErrorIds.InvalidPartnerValue, ex.ErrorId);
            Assert.Contains("U+" + codePoint.ToString("X4") + " ", ex.Message);
            Assert.Contains("at position " + position + ",", ex.Message);
        }

        [Theory]
        [InlineData("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645")] // Persian with ZWNJ: kept
        [InlineData("Team \U0001F468\u200D\U0001F4BB")]                  // emoji with ZWJ: kept
        public void Joiners_that_scripts_need_are_kept_and_ignored_by_the_key(string name)
        {
            Assert.Equal(name, PartnerRules.NormalizeName(name));
            Assert.Equal(-1, PartnerRules.NameKey(name).IndexOf('\u200C'));
            Assert.Equal(-1, PartnerRules.NameKey(name).IndexOf('\u200D'));
        }

        [Fact]
        public void Space_separators_are_stored_as_a_space() =>
            Assert.Equal("Kestrel Data  Ltd", PartnerRules.NormalizeName("\u00A0Kestrel\u2003Data\u202F\u3000Ltd "));

        [Fact]
        public void Patterns_key_each_literal_run_as_a_name()
        {
            var pattern = NamePattern.ParseName("GRO\u1E9E*");
            Assert.Equal("gross", pattern.Prefix);
            Assert.Equal("gross*", pattern.Glob);
            Assert.Equal("grosshandel nord", NamePattern.ParseName("Gro\u00DFhandel\u00A0Nord").Key);
            Assert.Equal("[*]x*", NamePattern.ParseName("`*X*").Glob);
            Assert.Equal("chi*", NamePattern.Parse("CHI*").Glob); // regions and segments are keyed as names are (was upper-case)
            Assert.Equal("grosskunden", NamePattern.Literal("GRO\u1E9EKUNDEN").Key);
        }

        [Theory]
        [InlineData("Kestrel\u2028Data Ltd", "U+2028 LINE SEPARATOR at position 8")]
        [InlineData("Kestrel\u2029Data Ltd", "U+2029 PARAGRAPH SEPARATOR at position 8")]
        public void Line_and_paragraph_separators_are_refused_in_one_line_values_and_kept_in_notes(string text, string expected)
        {
            Assert.Contains(expected, TextRules.Problem(text));
            Assert.Null(TextRules.Problem(text, allowLineBreaks: true));
            Assert.Contains(expected, Assert.Throws<PartnerOpsException>(() => RevenueRules.NormalizeReference(text)).Message);
            Assert.Equal(text, PartnerRules.NormalizeNotes(text));
        }

        [Theory]
        [InlineData("Kestrel\uFFF9Data", 0xFFF9, 8)]
        [InlineData("Kestrel\uFFFBData", 0xFFFB, 8)]
        [InlineData("Kestrel\U00013430Data", 0x13430, 8)]
        [InlineData("Kestrel\U0001343FData", 0x1343F, 8)]
        public void Invisible_format_characters_are_refused_in_names_regions_and_segments(string text, int codePoint, int position)
        {
            Assert.Equal((codePoint, position), NameFolding.FirstRefused(text));
            Assert.Equal(ErrorIds.InvalidPartnerValue, Assert.Throws<PartnerOpsException>(() => PartnerRules.NormalizeName(text)).ErrorId);
            Assert.Equal(ErrorIds.InvalidPartnerValue, Assert.Throws<PartnerOpsException>(() => PartnerRules.NormalizeRegion(text)).ErrorId);
            Assert.Equal(ErrorIds.InvalidRevenueValue, Assert.Throws<PartnerOpsException>(() => RevenueRules.NormalizeSegment(text)).ErrorId);
        }

        [Theory]
        [InlineData("\u0600\u0661\u0662")]  // ARABIC NUMBER SIGN (a prepended concatenation mark, printed)
        [InlineData("\u06DD\u0661")]         // ARABIC END OF AYAH
        [InlineData("\U000110BD1")]           // KAITHI NUMBER SIGN
        public void Visible_format_characters_are_kept(string text) => Assert.Null(NameFolding.FirstRefused(text));

        [Theory]
        // Hand-computed keys: ß folds to ss, İ to i, Ö to ö, NBSP and U+3000 to a space.
        [InlineData("Gro\u00DFkunden", "grosskunden")]
        [InlineData("GROSSKUNDEN", "grosskunden")]
        [InlineData("\u0130stanbul B\u00F6lge", "istanbul b\u00F6lge")]
        [InlineData("ISTANBUL B\u00D6LGE", "istanbul b\u00F6lge")]
        [InlineData("Western\u3000Europe", "western europe")]
        public void Regions_and_segments_are_keyed_as_names(string text, string key) => Assert.Equal(key, RevenueRules.Key(text));

        [Fact]
        public void Regions_and_segments_are_stored_with_plain_spaces() =>
            Assert.Equal(("Western Europe", "Gro\u00DF Kunden"), (PartnerRules.NormalizeRegion("Western\u00A0Europe"), RevenueRules.NormalizeSegment("Gro\u00DF\u2009Kunden")));

        [Fact]
        public void Country_XK_is_accepted_and_UK_suggests_GB()
        {
            Assert.Equal("XK", PartnerRules.NormalizeCountry(" xk "));
            var ex = Assert.Throws<PartnerOpsException>(() => PartnerRules.NormalizeCountry("uk"));
            Assert.Equal(ErrorIds.InvalidCountryCode, ex.ErrorId);
            Assert.Equal("Country 'uk' is not an ISO 3166-1 alpha-2 country code (UK is not an ISO 3166-1 code; the code of the United Kingdom is GB).", ex.Message);
        }

        [Fact]
        public void Schema_4_recomputes_keys_and_keeps_partners_whose_names_now_share_one()
        {
            using var db = new TempDatabase();
            using (var raw = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db.Path_, Pooling = false }.ToString()))
            {
                raw.Open();
                raw.Execute(Schema.Migrations[0] + Schema.Migrations[1] + Schema.Migrations[2]);
                raw.Execute($"PRAGMA application_id = {Schema.ApplicationId}; PRAGMA user_version = 3;");
                raw.Execute("INSERT INTO meta (key, value) VALUES ('currency', 'USD'), ('created_at', '2020-01-01 00:00:00.000')");
                var names = new[] { "Gro\u00DFhandel", "GRO\u1E9EHANDEL", "Solo", "Kestrel\u00A0Data" };
                for (var i = 0; i < names.Length; i++)
                {
                    raw.Execute(
                        "INSERT INTO partners (id, name, name_key, type, tier, status, joined_on, created_at, updated_at) VALUES (@id, @name, @key, 'Other', 'Gold', 'Active', '2015-01-01', '2020-01-01 00:00:00.000', '2020-01-01 00:00:00.000')",
                        new { id = i + 1, name = names[i], key = names[i].ToUpperInvariant() });
                }
            }

            using var store = SqliteDatabase.OpenExisting(db.Path_);
            Assert.Equal(
                new[] { "1 grosshandel 0", "2 grosshandel 2", "3 solo 0", "4 kestrel data 0" },
                store.Connection.Query<string>("SELECT id || ' ' || name_key || ' ' || name_dup FROM partners ORDER BY id"));
            var repository = new PartnerRepository(store);
            var pair = Assert.Single(repository.SharedNames());
            Assert.Equal((1L, "Gro\u00DFhandel", 2L, "GRO\u1E9EHANDEL"), pair);
            Assert.Equal(ErrorIds.PartnerNotFound, Assert.Throws<PartnerOpsException>(() => repository.GetByName("grosshandel")).ErrorId);
            Assert.Equal(4, repository.GetByName("KESTREL DATA")!.Id);
            Assert.Equal("SharedNames", store.Check().Single(f => !f.Passed).Check);
        }
    }
}
