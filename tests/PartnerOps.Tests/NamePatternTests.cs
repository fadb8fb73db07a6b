using PartnerOps.Data;
using PartnerOps.Sqlite;
using Xunit;

namespace PartnerOps.Tests
{
    public class NamePatternTests
    {
        [Theory]
        // As PowerShell's -like reads them (checked by hand with 'x' -like $pattern): a set needs its ']'.
        [InlineData("[abc", 1)]
        [InlineData("[]", 1)]
        [InlineData("[a`]", 1)]
        [InlineData("*[", 2)]
        [InlineData("ab[c]d[", 7)]
        [InlineData("[]a]", 0)]
        [InlineData("`[a", 0)]
        [InlineData("[a`]]", 0)]
        [InlineData("[[]", 0)]
        [InlineData("a]", 0)]
        [InlineData("Net[wW]ork*", 0)]
        public void A_set_never_closed_is_not_a_wildcard_pattern(string pattern, int openAt)
        {
            var problem = NamePattern.Problem(pattern);
            if (openAt == 0)
            {
                Assert.Null(problem);
            }
            else
            {
                Assert.Contains($"the '[' at position {openAt} opens a set that is never closed", problem);
            }
        }

        [Theory]
        // Regions and segments are keyed as names are (RevenueRules.Key, the name key), lower-case since issue 12's follow-up.
        [InlineData("Acme", "acme")]
        [InlineData("  Acme Ltd ", "acme ltd")]
        [InlineData("ärzte gmbh", "ärzte gmbh")]
        [InlineData("A\u0308rzte", "ärzte")] // decomposed input gives the composed key
        [InlineData("A`*B", "a*b")]
        [InlineData("A`?", "a?")]
        [InlineData("`[EMEA`] x", "[emea] x")]
        [InlineData("Acme [old", "acme [old")]
        [InlineData("a``b", "a`b")]
        [InlineData("Großkunden", "grosskunden")]
        [InlineData("Western\u00A0Europe", "western europe")]
        public void A_pattern_without_wildcards_is_a_literal_with_the_name_key(string pattern, string key)
        {
            var parsed = NamePattern.Parse(pattern);
            Assert.False(parsed.IsWildcard);
            Assert.Equal(key, parsed.Key);
            Assert.Equal(pattern, parsed.Text);
            Assert.Equal(string.Empty, parsed.Glob);
            Assert.Equal(string.Empty, parsed.Prefix);
        }

        [Theory]
        [InlineData("Acc*", "acc*", "acc")]
        [InlineData("*", "*", "")]
        [InlineData("?cme", "?cme", "")]
        [InlineData("net?", "net?", "net")]
        [InlineData("*acc*", "*acc*", "")]
        [InlineData("[AB]*", "[ab]*", "")]
        [InlineData("x[ab]*", "x[ab]*", "x")]
        [InlineData("[a-c]*", "[a-c]*", "")]
        [InlineData("är*", "är*", "är")]
        [InlineData("a`**", "a[*]*", "a*")]
        [InlineData("a`?*", "a[?]*", "a?")]
        [InlineData("`[EMEA]*", "[[]emea]*", "[emea]")]
        [InlineData("Acme [*", "acme [[]*", "acme [")]
        [InlineData("a*b", "a*b", "a")]
        [InlineData("a*b`*", "a*b[*]", "a")]
        [InlineData("[a^]*", "[a^]*", "")]
        [InlineData("[]]x", "[]]x", "")]
        [InlineData("GRO\u1E9E*", "gross*", "gross")]
        public void A_wildcard_pattern_becomes_a_GLOB_over_the_name_key_with_its_literal_prefix(string pattern, string glob, string prefix)
        {
            var parsed = NamePattern.Parse(pattern);
            Assert.True(parsed.IsWildcard);
            Assert.Equal(glob, parsed.Glob);
            Assert.Equal(prefix, parsed.Prefix);
            Assert.Equal(string.Empty, parsed.Key);
            Assert.Equal(pattern, parsed.Text);
        }

        [Fact]
        public void A_set_containing_a_close_bracket_puts_it_first_so_GLOB_reads_it_literally()
        {
            var parsed = NamePattern.Parse("[a`]]*");
            Assert.True(parsed.IsWildcard);
            Assert.Equal("[]a]*", parsed.Glob);
        }

        [Fact]
        public void A_set_of_only_a_caret_does_not_become_a_negation()
        {
            // GLOB reads "[^...]" as "none of"; PowerShell's [^] is the character ^ itself.
            var parsed = NamePattern.Parse("[^]");
            Assert.True(parsed.IsWildcard);
            Assert.NotEqual("[^]", parsed.Glob);
        }

        [Theory]
        [InlineData("Acc*")]
        [InlineData("*")]
        [InlineData("ÄR*")]
        public void Every_key_that_starts_with_the_prefix_sorts_below_the_upper_bound(string pattern)
        {
            var parsed = NamePattern.Parse(pattern);
            var highest = parsed.Prefix + "\uFFFF\uFFFF" + char.ConvertFromUtf32(0x10FFFE);
            Assert.True(Utf8Compare(parsed.Prefix, parsed.PrefixUpperBound) < 0);
            Assert.True(Utf8Compare(highest, parsed.PrefixUpperBound) < 0);
            Assert.StartsWith(parsed.Prefix, parsed.PrefixUpperBound, System.StringComparison.Ordinal);
        }

        // SQLite compares TEXT with memcmp over UTF-8 (the BINARY collation).
        private static int Utf8Compare(string a, string b)
        {
            var x = System.Text.Encoding.UTF8.GetBytes(a);
            var y = System.Text.Encoding.UTF8.GetBytes(b);
            for (var i = 0; i < x.Length && i < y.Length; i++)
            {
                if (x[i] != y[i])
                {
                    return x[i].CompareTo(y[i]);
                }
            }

            return x.Length.CompareTo(y.Length);
        }
    }
}
