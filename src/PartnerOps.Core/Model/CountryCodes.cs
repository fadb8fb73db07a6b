using System;
using System.Collections.Generic;

namespace PartnerOps
{
    /// <summary>
    /// The officially assigned ISO 3166-1 alpha-2 country codes, and XK (Kosovo): a user-assigned code that the European
    /// Commission, SWIFT/IBAN, the ISO 4217 agency and .NET's RegionInfo use, and that many partner lists hold.
    /// </summary>
    public static class CountryCodes
    {
        private static readonly HashSet<string> Codes = new HashSet<string>(StringComparer.Ordinal)
        {
            "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
            "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
            "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
            "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
            "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
            "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
            "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
            "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
            "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
            "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
            "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
            "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
            "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
            "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
            "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
            "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
            "XK",
        };

        // Codes in common use that are not the ISO code of the country they mean, each with the code it means. Only those
        // whose meaning is clear: the exceptionally or transitionally reserved codes of ISO 3166-1 whose country has one
        // code now (UK, FX, TP, ZR, BU), the EU's EL for Greece, and KV, an old code of Kosovo in some systems.
        private static readonly Dictionary<string, (string Code, string Country)> Suggestions = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
        {
            ["UK"] = ("GB", "the United Kingdom"),
            ["EL"] = ("GR", "Greece"),
            ["FX"] = ("FR", "France"),
            ["TP"] = ("TL", "Timor-Leste"),
            ["ZR"] = ("CD", "the Democratic Republic of the Congo"),
            ["BU"] = ("MM", "Myanmar"),
            ["KV"] = ("XK", "Kosovo"),
        };

        public static IReadOnlyCollection<string> All => Codes;

        /// <summary>Upper-cases and checks a code; returns null when it is not an assigned code.</summary>
        public static string? Normalize(string? code)
        {
            if (code == null)
            {
                return null;
            }

            var upper = code.Trim().ToUpperInvariant();
            return Codes.Contains(upper) ? upper : null;
        }

        /// <summary>
        /// For a code in common use that is not ISO 3166-1 (UK, EL...): what to write instead, as a sentence ("The United
        /// Kingdom's ISO code is GB."); null for any other code.
        /// </summary>
        public static string? Suggestion(string? code)
        {
            var upper = code?.Trim().ToUpperInvariant();
            return upper != null && Suggestions.TryGetValue(upper, out var right)
                ? $"{upper} is not an ISO 3166-1 code; the code of {right.Country} is {right.Code}."
                : null;
        }
    }
}
