using System;
using System.Collections.Generic;

namespace PartnerOps
{
    /// <summary>Active ISO 4217 currency codes.</summary>
    public static class CurrencyCodes
    {
        private static readonly HashSet<string> Codes = new HashSet<string>(StringComparer.Ordinal)
        {
            "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN", "BHD", "BIF",
            "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHF", "CLP", "CNY", "COP", "CRC",
            "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS",
            "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD",
            "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL",
            "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MYR", "MZN", "NAD",
            "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD",
            "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP",
            "SZL", "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS", "VES",
            "VND", "VUV", "WST", "XAF", "XCD", "XCG", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWG",
        };

        public static IReadOnlyCollection<string> All => Codes;

        /// <summary>Upper-cases and checks a code; null when it is not an active ISO 4217 code.</summary>
        public static string? Normalize(string? code)
        {
            var upper = code?.Trim().ToUpperInvariant();
            return upper != null && Codes.Contains(upper) ? upper : null;
        }

        /// <summary>The normalised code, or InvalidCurrencyCode.</summary>
        public static string Require(string? code) => Normalize(code) ?? throw Invalid(code);

        public static PartnerOpsException Invalid(string? code) =>
            new PartnerOpsException(
                ErrorIds.InvalidCurrencyCode,
                FailureKind.InvalidArgument,
                $"Currency '{TextRules.Shown(code)}' is not an ISO 4217 currency code (for example USD, EUR, GBP, CNY).",
                code);
    }
}
