using System.Globalization;

namespace PartnerOps
{
    /// <summary>The rules of yearly exchange rates (Set-PartnerExchangeRate).</summary>
    public static class ExchangeRateRules
    {
        /// <summary>The largest rate (1 From = Rate To).</summary>
        public const decimal MaxRate = 100_000_000m;

        /// <summary>The smallest rate: the reciprocal of <see cref="MaxRate"/>.</summary>
        public const decimal MinRate = 0.00000001m;

        /// <summary>
        /// A rate as it is stored: two different currencies (ISO 4217) each in use in <paramref name="year"/> (from
        /// <see cref="PartnerRules.MinYear"/> to <see cref="PartnerRules.MaxYear"/>), and a rate from <see cref="MinRate"/> to
        /// <see cref="MaxRate"/> (1 From = Rate To).
        /// </summary>
        /// <exception cref="PartnerOpsException">InvalidExchangeRate (InvalidArgument); InvalidCurrencyCode.</exception>
        public static ExchangeRate Check(string from, string to, int year, decimal rate, string? database)
        {
            var stored = new ExchangeRate { From = CurrencyCodes.Require(from), To = CurrencyCodes.Require(to), Year = year, Rate = rate, Database = database };
            if (stored.From == stored.To)
            {
                throw Invalid($"From and To are both {stored.From}; a rate converts between two different currencies", stored.From);
            }

            if (!PartnerRules.IsYearInRange(year))
            {
                throw Invalid($"Year {year} is not valid: it must be between {PartnerRules.MinYear} and {PartnerRules.MaxYear}", year);
            }

            if (rate < MinRate || rate > MaxRate)
            {
                throw Invalid(
                    $"Rate {rate.ToString(CultureInfo.InvariantCulture)} is not valid: a rate must be between {MinRate.ToString(CultureInfo.InvariantCulture)} and " +
                    $"{MaxRate.ToString("#,0", CultureInfo.InvariantCulture)} (1 {stored.From} = Rate {stored.To}, and its inverse within the same bounds)",
                    rate);
            }

            stored.From = CurrencyCodes.RequireInYear(stored.From, year);
            stored.To = CurrencyCodes.RequireInYear(stored.To, year);

            return stored;
        }

        private static PartnerOpsException Invalid(string message, object? target) =>
            new PartnerOpsException(ErrorIds.InvalidExchangeRate, FailureKind.InvalidArgument, message + ".", target);
    }
}
