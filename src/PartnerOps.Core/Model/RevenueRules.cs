using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace PartnerOps
{
    /// <summary>
    /// Validation and the exact stored form of revenue: amounts are whole minor units of their currency
    /// (cents, pence; yen have none), so sums are integer sums and never drift.
    /// </summary>
    public static class RevenueRules
    {
        public const string DefaultSegment = "Enterprise";
        public const int MaxSegmentLength = 100;
        public const int MaxReferenceLength = 200;

        /// <summary>The largest amount one record may hold, so that sums of many stay inside 64 bits.</summary>
        public const decimal MaxAmount = 999_999_999_999.99m;

        private static readonly decimal[] Units = { 1m, 0.1m, 0.01m, 0.001m, 0.0001m };
        private static readonly decimal[] Factors = { 1m, 10m, 100m, 1000m, 10000m };

        /// <summary>The currencies (current and historic) whose minor unit has this many digits (0, 1, 3 or 4; every other one has 2).</summary>
        public static IEnumerable<string> CurrenciesWithDigits(int digits) =>
            CurrencyCodes.Known.Where(c => c.MinorDigits == digits).Select(c => c.Code);

        /// <summary>ISO 4217 minor-unit digits of a (normalised) currency code (0 to 4; CLF and UYW have 4).</summary>
        public static int MinorDigits(string currency) => CurrencyCodes.Get(currency).MinorDigits;

        /// <summary>The exact stored form of an amount, or InvalidAmount.</summary>
        public static long ToMinorUnits(decimal amount, string currency)
        {
            if (Math.Abs(amount) > MaxAmount)
            {
                throw InvalidAmount(amount, currency, $"amounts are limited to ±{Format(MaxAmountOf(currency), currency)} {currency}");
            }

            var digits = MinorDigits(currency);
            var minor = amount * Factors[digits];
            if (minor != decimal.Truncate(minor))
            {
                throw InvalidAmount(amount, currency, FractionProblem(digits, currency));
            }

            return decimal.ToInt64(minor);
        }

        /// <summary>
        /// Why an amount cannot be an amount of its currency (more decimal places than ISO 4217 gives it: 100.005 USD, 1.5 JPY),
        /// or null when it can. Used for values that are not stored in minor units, such as revenue targets.
        /// </summary>
        public static string? Problem(decimal amount, string currency)
        {
            var digits = MinorDigits(currency);
            // Rounded, not scaled to minor units: amount * 100 overflows near decimal.MaxValue (a threshold refused by its size later).
            return decimal.Round(amount, digits) == amount ? null : FractionProblem(digits, currency);
        }

        private static string FractionProblem(int digits, string currency) =>
            digits == 0 ? $"{currency} has no minor unit, so the amount must be whole" : $"{currency} has {digits} decimal places, so it cannot hold a smaller fraction";

        /// <summary>An amount from its stored form, with the currency's decimal places (10.50, not 10.5).</summary>
        public static decimal FromMinorUnits(long minor, string currency) => minor * Units[MinorDigits(currency)];

        /// <summary>
        /// An amount as messages show it: invariant culture, thousands separators and exactly the currency's ISO 4217 minor digits
        /// (1,234.50 USD, 1,235 JPY, 9,222,999,999,999,907.770 KWD), or more when the value has more (a value refused for them).
        /// </summary>
        public static string Format(decimal amount, string currency)
        {
            var digits = CurrencyCodes.Normalize(currency) is string code ? MinorDigits(code) : 2;
            var places = Math.Max(digits, (decimal.GetBits(amount / 1.0000000000000000000000000000m)[3] >> 16) & 0xFF);
            return amount.ToString("N" + places.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        }

        /// <summary>The largest amount one record may hold in a currency: <see cref="MaxAmount"/> cut to its minor digits (999,999,999,999 JPY).</summary>
        public static decimal MaxAmountOf(string currency)
        {
            var digits = CurrencyCodes.Normalize(currency) is string code ? MinorDigits(code) : 2;
            return decimal.Truncate(MaxAmount * Factors[Math.Min(digits, 2)]) / Factors[Math.Min(digits, 2)];
        }

        /// <summary>The decimal that one minor unit stands for in a currency (0.01 for USD).</summary>
        public static decimal MinorUnit(string currency) => Units[MinorDigits(currency)];

        /// <summary>Rounds a converted amount to the currency's decimal places (half away from zero).</summary>
        public static decimal Round(decimal amount, string currency) =>
            decimal.Round(amount, MinorDigits(currency), MidpointRounding.AwayFromZero);

        /// <summary>The booking date (date only), or InvalidRevenueValue.</summary>
        public static DateTime NormalizeDate(DateTime date)
        {
            if (!PartnerRules.IsYearInRange(date.Year))
            {
                throw Invalid("Date", PartnerRules.FormatDate(date), $"a booking date must be between the years {PartnerRules.MinYear} and {PartnerRules.MaxYear}");
            }

            return date.Date;
        }

        /// <summary>
        /// A segment as stored: trimmed, NFC, every space separator a space (as names are); <see cref="DefaultSegment"/>
        /// when empty. InvalidRevenueValue for control characters, line breaks, invisible characters (as in names) or
        /// more than <see cref="MaxSegmentLength"/> characters.
        /// </summary>
        public static string NormalizeSegment(string? segment)
        {
            var trimmed = (segment ?? string.Empty).Trim();
            if (trimmed.Length == 0)
            {
                return DefaultSegment;
            }

            if (TextRules.Problem(trimmed) is string problem)
            {
                throw Invalid("Segment", segment, problem); // before NFC, which throws on half a surrogate pair
            }

            if (NameFolding.FirstRefused(segment!) is (int codePoint, int position))
            {
                throw Invalid("Segment", segment, NameFolding.InvisibleProblem(codePoint, position, "segments"));
            }

            trimmed = NameFolding.SpacesAsSpace(trimmed).Normalize(NormalizationForm.FormC);
            if (trimmed.Length > MaxSegmentLength)
            {
                throw Invalid("Segment", segment, $"a segment has at most {MaxSegmentLength} characters");
            }

            return trimmed;
        }

        public static string? NormalizeReference(string? reference)
        {
            var trimmed = reference?.Trim();
            if (string.IsNullOrEmpty(trimmed))
            {
                return null;
            }

            if (trimmed!.Length > MaxReferenceLength)
            {
                throw Invalid("Reference", reference, $"a reference has at most {MaxReferenceLength} characters");
            }

            if (TextRules.Problem(trimmed) is string problem)
            {
                throw Invalid("Reference", reference, problem);
            }

            return trimmed;
        }

        /// <summary>
        /// The key under which regions and segments are grouped, matched and unique (targets): the partner name key
        /// (<see cref="PartnerRules.NameKey"/>: NFKC_Casefold with İ and ı as i and every space separator a space), so
        /// 'Großkunden' and 'GROSSKUNDEN' are one segment. Null stays null. Registered in SQLite as po_key.
        /// </summary>
        public static string? Key(string? text) => text == null ? null : NameFolding.Key(text);

        /// <summary>
        /// A record's attribution (issue 19) from the name given (case-insensitive, trimmed; empty = not given): for a partner's
        /// record the name's <see cref="RevenueAttribution"/>, <see cref="RevenueAttribution.Fulfilled"/> when not given; for direct
        /// revenue (<paramref name="direct"/>) null, and a name given is refused.
        /// </summary>
        /// <exception cref="PartnerOpsException">InvalidRevenueValue: an attribution for direct revenue, or a name that is none of the three.</exception>
        public static RevenueAttribution? NormalizeAttribution(string? attribution, bool direct)
        {
            var text = attribution?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                return direct ? (RevenueAttribution?)null : RevenueAttribution.Fulfilled;
            }

            if (direct)
            {
                throw Invalid("Attribution", attribution, "direct revenue has no attribution (only a partner's revenue is Sourced, Influenced or Fulfilled)");
            }

            foreach (RevenueAttribution value in Enum.GetValues(typeof(RevenueAttribution)))
            {
                if (string.Equals(value.ToString(), text, StringComparison.OrdinalIgnoreCase))
                {
                    return value;
                }
            }

            throw Invalid("Attribution", attribution, "it is none of " + string.Join(", ", Enum.GetNames(typeof(RevenueAttribution))));
        }

        public static PartnerOpsException InvalidAmount(decimal amount, string? currency, string problem) =>
            new PartnerOpsException(
                ErrorIds.InvalidAmount,
                FailureKind.InvalidArgument,
                $"Amount {amount.ToString(CultureInfo.InvariantCulture)} {currency} is not valid: {problem}.",
                amount);

        public static PartnerOpsException Invalid(string property, object? value, string problem) =>
            new PartnerOpsException(
                ErrorIds.InvalidRevenueValue,
                FailureKind.InvalidArgument,
                $"{property} '{TextRules.Shown(Convert.ToString(value, CultureInfo.InvariantCulture))}' is not valid: {problem}.",
                value);

        /// <summary>
        /// A record as Add-PartnerRevenue stores it, from what it was given: the date (1900 to 2999), the amount exact in its
        /// currency's minor units (returned as <c>Minor</c> too), and the defaults: the currency is <paramref name="reportingCurrency"/>,
        /// the segment Enterprise, the region the partner's (<paramref name="partner"/>, null for direct revenue, which needs one),
        /// the attribution Fulfilled for a partner's record (none for direct revenue, <see cref="NormalizeAttribution"/>).
        /// </summary>
        /// <exception cref="PartnerOpsException">InvalidRevenueValue, InvalidAmount, InvalidCurrencyCode (InvalidArgument).</exception>
        public static (PartnerRevenue Revenue, long Minor) Complete(RevenueDraft draft, Partner? partner, string reportingCurrency)
        {
            var date = NormalizeDate(draft.Date);
            var currency = CurrencyCodes.Require(string.IsNullOrWhiteSpace(draft.Currency) ? reportingCurrency : draft.Currency, date);
            var minor = ToMinorUnits(draft.Amount, currency);
            var segment = NormalizeSegment(draft.Segment);
            var region = PartnerRules.NormalizeRegion(draft.Region, ErrorIds.InvalidRevenueValue) ?? partner?.Region;
            if (partner == null && region == null)
            {
                throw Invalid("Region", draft.Region, "direct revenue needs a region (partner revenue defaults to the partner's)");
            }

            return (new PartnerRevenue
            {
                PartnerId = partner?.Id,
                PartnerName = partner?.Name,
                Date = date,
                Amount = FromMinorUnits(minor, currency),
                Currency = currency,
                Segment = segment,
                Region = region,
                Reference = NormalizeReference(draft.Reference),
                Attribution = NormalizeAttribution(draft.Attribution, direct: partner == null),
            }, minor);
        }

        /// <summary>
        /// Why a revenue record cannot be written: its amount would take the total of its revenue_totals cell (partner or direct,
        /// year, region, segment, currency) beyond Int64 minor units; the message of Add-PartnerRevenue's InvalidAmount and of an
        /// imported row's failure, on every backend. Amounts and totals in the currency's units (decimal), not minor units.
        /// </summary>
        /// <param name="partner">The partner as shown (quoted name), or null for direct revenue.</param>
        public static string TotalOverflowMessage(decimal amount, string currency, string? partner, int year, string? region, string segment, decimal total, bool adding = true)
        {
            var limit = RevenueRules.FromMinorUnits(long.MaxValue, currency);
            var who = partner == null ? "direct revenue" : $"partner {partner}'s revenue";
            var what = adding ? "Adding" : "Removing";
            return $"{what} amount {RevenueRules.Format(amount, currency)} {currency} would take the total of {who} in {year.ToString(CultureInfo.InvariantCulture)}, " +
                   $"region '{region}', segment '{segment}' ({RevenueRules.Format(total, currency)} {currency} now) beyond the largest total one such group can hold " +
                   $"(±{RevenueRules.Format(limit, currency)} {currency}); nothing was written. Book it in another segment or currency, or split the year's records.";
        }
    }
}
