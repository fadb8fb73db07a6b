using System;
using System.Collections.Generic;
using System.Globalization;
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

        private static readonly HashSet<string> NoMinorUnits = new HashSet<string>(StringComparer.Ordinal)
        {
            "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF",
        };

        private static readonly HashSet<string> ThreeMinorDigits = new HashSet<string>(StringComparer.Ordinal)
        {
            "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND",
        };

        private static readonly decimal[] Units = { 1m, 0.1m, 0.01m, 0.001m };
        private static readonly decimal[] Factors = { 1m, 10m, 100m, 1000m };

        /// <summary>The currencies with 0 or 3 minor digits (every other one has 2).</summary>
        public static IEnumerable<string> CurrenciesWithDigits(int digits) =>
            digits == 0 ? (IEnumerable<string>)NoMinorUnits : digits == 3 ? ThreeMinorDigits : throw new ArgumentOutOfRangeException(nameof(digits));

        /// <summary>ISO 4217 minor-unit digits of a (normalised) currency code.</summary>
        public static int MinorDigits(string currency) =>
            NoMinorUnits.Contains(currency) ? 0 : ThreeMinorDigits.Contains(currency) ? 3 : 2;

        /// <summary>The exact stored form of an amount, or InvalidAmount.</summary>
        public static long ToMinorUnits(decimal amount, string currency)
        {
            if (Math.Abs(amount) > MaxAmount)
            {
                throw InvalidAmount(amount, currency, $"amounts are limited to ±{MaxAmount.ToString("N2", CultureInfo.InvariantCulture)}");
            }

            var digits = MinorDigits(currency);
            var minor = amount * Factors[digits];
            if (minor != decimal.Truncate(minor))
            {
                throw InvalidAmount(
                    amount,
                    currency,
                    digits == 0 ? $"{currency} has no minor unit, so the amount must be whole" : $"{currency} has {digits} decimal places, so it cannot hold a smaller fraction");
            }

            return decimal.ToInt64(minor);
        }

        /// <summary>An amount from its stored form, with the currency's decimal places (10.50, not 10.5).</summary>
        public static decimal FromMinorUnits(long minor, string currency) => minor * Units[MinorDigits(currency)];

        /// <summary>The decimal that one minor unit stands for in a currency (0.01 for USD).</summary>
        public static decimal MinorUnit(string currency) => Units[MinorDigits(currency)];

        /// <summary>Rounds a converted amount to the currency's decimal places (half away from zero).</summary>
        public static decimal Round(decimal amount, string currency) =>
            decimal.Round(amount, MinorDigits(currency), MidpointRounding.AwayFromZero);

        /// <summary>The booking date (date only), or InvalidRevenueValue.</summary>
        public static DateTime NormalizeDate(DateTime date)
        {
            if (date.Year < 1900 || date.Year > 2999)
            {
                throw Invalid("Date", PartnerRules.FormatDate(date), "a booking date must be between the years 1900 and 2999");
            }

            return date.Date;
        }

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

            trimmed = trimmed.Normalize(NormalizationForm.FormC);
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

        /// <summary>The case-insensitive key of a region or segment (null stays null).</summary>
        public static string? Key(string? text) => text?.ToUpperInvariant();

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
    }
}
