using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests
{
    public class CodeTests
    {
        [Theory]
        [InlineData("DE", "DE")]
        [InlineData("de", "DE")]
        [InlineData(" gb ", "GB")]
        [InlineData("Cn", "CN")]
        [InlineData("us", "US")]
        public void Country_codes_are_upper_cased_and_trimmed(string input, string expected)
        {
            Assert.Equal(expected, CountryCodes.Normalize(input));
            Assert.Equal(expected, PartnerRules.NormalizeCountry(input));
        }

        [Theory]
        [InlineData("XX")]
        [InlineData("ZZ")]
        [InlineData("UK")]
        [InlineData("EU")]
        [InlineData("DEU")]
        [InlineData("D")]
        [InlineData("1A")]
        public void Unknown_country_codes_are_rejected(string input)
        {
            Assert.Null(CountryCodes.Normalize(input));
            var ex = ThrowsPartnerOps(ErrorIds.InvalidCountryCode, () => PartnerRules.NormalizeCountry(input));
            Assert.Equal(FailureKind.InvalidArgument, ex.Kind);
            Assert.Equal(input, ex.Target);
            Assert.Contains(input, ex.Message);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("  ")]
        public void No_country_means_null_not_an_error(string? input)
        {
            Assert.Null(PartnerRules.NormalizeCountry(input));
            Assert.Null(CountryCodes.Normalize(null));
        }

        [Fact]
        public void The_country_list_holds_the_249_assigned_codes_and_XK()
        {
            // ISO 3166-1 assigns 249 alpha-2 codes; XK (Kosovo) is user-assigned, used by the EU, banks and .NET's RegionInfo.
            Assert.Equal(250, CountryCodes.All.Count);
            Assert.Contains("XK", CountryCodes.All);
            Assert.All(CountryCodes.All, code => Assert.Matches("^[A-Z]{2}$", code));
        }

        [Theory]
        [InlineData("USD", "USD")]
        [InlineData("usd", "USD")]
        [InlineData(" eur ", "EUR")]
        [InlineData("Gbp", "GBP")]
        [InlineData("cny", "CNY")]
        public void Currency_codes_are_upper_cased_and_trimmed(string input, string expected)
        {
            Assert.Equal(expected, CurrencyCodes.Normalize(input));
            Assert.Equal(expected, CurrencyCodes.Require(input));
        }

        [Theory]
        [InlineData("ZZZ")]
        [InlineData("XX")]
        [InlineData("US")]
        [InlineData("DOLLAR")]
        [InlineData("")]
        [InlineData(null)]
        public void Unknown_currency_codes_are_rejected(string? input)
        {
            Assert.Null(CurrencyCodes.Normalize(input));
            var ex = ThrowsPartnerOps(ErrorIds.InvalidCurrencyCode, () => CurrencyCodes.Require(input));
            Assert.Equal(FailureKind.InvalidArgument, ex.Kind);
            Assert.Equal(input, ex.Target);
        }

        [Fact]
        public void Every_listed_currency_is_three_upper_case_letters()
        {
            Assert.All(CurrencyCodes.All, code => Assert.Matches("^[A-Z]{3}$", code));
            Assert.Contains("USD", CurrencyCodes.All);
            Assert.Contains("GBP", CurrencyCodes.All);
        }
    }
}
