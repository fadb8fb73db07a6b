using System.Linq;
using Xunit;

namespace PartnerOps.Tests
{
    /// <summary>The sort key partners are listed by (PartnerRules.NameSortKey), each expected key written by hand.</summary>
    public class NameSortKeyTests
    {
        [Theory]
        [InlineData("Acme", "acme")]
        [InlineData("3M", "3m")]
        [InlineData("Ångström Labs", "angstrom labs")]
        [InlineData("Élan", "elan")]
        [InlineData("Zürich", "zurich")]
        [InlineData("Øresund", "oresund")]
        [InlineData("Łódź", "lodz")]
        [InlineData("Ðakovo", "dakovo")]
        [InlineData("Đakovo", "dakovo")]
        [InlineData("Æther", "aether")]
        [InlineData("Œuvre", "oeuvre")]
        [InlineData("Straße", "strasse")]
        [InlineData("GROẞHANDEL", "grosshandel")]
        [InlineData("Þór", "thor")]
        [InlineData("İSTANBUL", "istanbul")]
        [InlineData("ıstanbul", "istanbul")]
        [InlineData("Ｍüller", "muller")] // full-width M: the name key's NFKC makes it M
        [InlineData("Ελλάδα", "ελλαδα")] // the Greek tonos is a combining mark too
        [InlineData("हिन्दी", "हिन्दी")] // Devanagari vowel signs and virama are not diacritics: kept
        [InlineData("北京科技", "北京科技")]
        public void A_name_sorts_by_its_base_letters_case_folded(string name, string expected)
        {
            Assert.Equal(expected, PartnerRules.NameSortKey(name));
        }

        [Fact]
        public void Names_compare_by_sort_key_then_name_key_then_spelling()
        {
            var names = new[] { "Zürich AG", "Élan", "elan systems", "Elan", "Ångström", "Aether", "Æther", "acme" };
            var sorted = names.OrderBy(n => PartnerRules.NameOrder(n)).ToArray();
            // By hand: acme; aether (Aether, key 'aether') then aether (Æther, key 'æther'); angstrom; elan (Elan, key 'elan')
            // then elan (Élan, key 'élan'); elan systems; zurich ag.
            Assert.Equal(new[] { "acme", "Aether", "Æther", "Ångström", "Elan", "Élan", "elan systems", "Zürich AG" }, sorted);
            Assert.True(PartnerRules.CompareNames("Élan", "Elan") > 0);
            Assert.Equal(0, PartnerRules.CompareNames("Acme", "Acme"));
        }
    }
}
