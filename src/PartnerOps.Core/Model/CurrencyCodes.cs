using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PartnerOps
{
    /// <summary>
    /// ISO 4217 currency codes with their minor units and the dates they were valid. Source: ISO 4217 list one
    /// (current currencies and funds) and list three (historic denominations, with the month of withdrawal) as
    /// published by SIX Financial Information, the ISO 4217 maintenance agency, up to amendment 179 (2025);
    /// table written 2026-11. A code with "N.A." minor units (gold XAU, SDR XDR, test code XTS, XXX…) is not a
    /// currency an amount can be booked in and is refused with its own message.
    /// </summary>
    /// <remarks>
    /// Validity: list three gives the month a code was withdrawn; a code is taken as valid up to and including the
    /// last day of that month (ISO gives no day, and withdrawn notes were usually exchangeable for weeks). Where an
    /// amendment gives the first day of a new code (VED 2021-10-01, VES 2018-08-20, ZWG 2024-06-25, …) a date before it
    /// is refused. Codes older than list three's records have no start date.
    /// </remarks>
    public static class CurrencyCodes
    {
        /// <summary>One ISO 4217 code: its minor-unit digits (0 to 4), first valid day (null: always) and last valid day (null: still valid).</summary>
        public sealed class Currency
        {
            internal Currency(string code, int digits, DateTime? validFrom, DateTime? validUntil)
            {
                Code = code;
                MinorDigits = digits;
                ValidFrom = validFrom;
                ValidUntil = validUntil;
            }

            /// <summary>The three-letter code.</summary>
            public string Code { get; }

            /// <summary>ISO 4217 minor-unit digits (USD 2, JPY 0, KWD 3, CLF 4).</summary>
            public int MinorDigits { get; }

            /// <summary>The first day the code could be used, or null when it predates the records.</summary>
            public DateTime? ValidFrom { get; }

            /// <summary>The last day the code could be used (the last day of ISO's withdrawal month), or null when it is current.</summary>
            public DateTime? ValidUntil { get; }

            /// <summary>Whether the code was valid on a day.</summary>
            public bool ValidOn(DateTime date) => (ValidFrom == null || date.Date >= ValidFrom) && (ValidUntil == null || date.Date <= ValidUntil);

            /// <summary>Whether the code was valid on at least one day of a year.</summary>
            public bool ValidIn(int year) => (ValidFrom == null || ValidFrom.Value.Year <= year) && (ValidUntil == null || ValidUntil.Value.Year >= year);

            /// <summary>"valid until 2023-01-31 (withdrawn 2023-01)" or "valid from 2021-10-01".</summary>
            public string Validity =>
                ValidUntil is DateTime until
                    ? (ValidFrom is DateTime f ? $"valid from {Day(f)} " : "valid ") + $"until {Day(until)} (withdrawn {until.ToString("yyyy-MM", CultureInfo.InvariantCulture)})"
                    : ValidFrom is DateTime from ? $"valid from {Day(from)}" : "valid";
        }

        // List one: current codes. Digits other than 2 are given; "from" where an amendment introduced the code recently.
        private static readonly Dictionary<string, Currency> Table = Build();

        // Codes ISO lists with "N.A." minor units: no amount can be booked in them. (XTS, the test code, and XXX, "no currency",
        // are refused as not being currency codes.)
        private static readonly HashSet<string> NoMinorUnit = new HashSet<string>(StringComparer.Ordinal)
        {
            "XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XDR", "XPD", "XPT", "XSU", "XUA",
        };

        private static Dictionary<string, Currency> Build()
        {
            var table = new Dictionary<string, Currency>(StringComparer.Ordinal);
            void Add(string codes, int digits = 2, string? from = null, string? withdrawn = null)
            {
                foreach (var code in codes.Split(' '))
                {
                    table.Add(code, new Currency(code, digits, from == null ? (DateTime?)null : Date(from), withdrawn == null ? (DateTime?)null : EndOfMonth(withdrawn)));
                }
            }

            // List one (current).
            Add("AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BZD CAD CDF CHE CHF CHW " +
                "CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF IDR " +
                "ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MUR MVR MWK MXN MXV MYR " +
                "MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SOS SRD SSP SVC " +
                "SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS WST XCD YER ZAR ZMW");
            Add("BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF", 0);
            Add("BHD IQD JOD KWD LYD OMR TND", 3);
            Add("CLF UYW", 4);
            Add("BYN", from: "2016-07-01");
            Add("MRU STN", from: "2018-01-01");
            Add("VES", from: "2018-08-20");
            Add("VED", from: "2021-10-01");
            Add("SLE", from: "2022-07-01");
            Add("ZWG", from: "2024-06-25");
            Add("XCG", from: "2025-03-31");
            Add("ANG"); // list one until Curaçao and Sint Maarten's change to XCG is complete

            // List three (historic), with ISO's withdrawal month.
            Add("DEM FRF NLG ATS FIM IEP", withdrawn: "2002-03");
            Add("ITL ESP BEF PTE LUF GRD", 0, withdrawn: "2002-03");
            Add("SIT", withdrawn: "2007-01");
            Add("CYP MTL", withdrawn: "2008-01");
            Add("SKK", withdrawn: "2009-01");
            Add("EEK", withdrawn: "2011-01");
            Add("LVL", withdrawn: "2014-01");
            Add("LTL", withdrawn: "2014-12");
            Add("HRK", withdrawn: "2023-01");
            Add("ZMK", withdrawn: "2012-12");
            Add("BYR", 0, withdrawn: "2017-01");
            Add("MRO STD", withdrawn: "2017-12");
            Add("VEF", withdrawn: "2018-08");
            Add("CUC", withdrawn: "2021-06");
            Add("SLL", withdrawn: "2023-12");
            Add("ZWL", withdrawn: "2024-08");
            Add("TRL", 0, withdrawn: "2005-12");
            Add("ROL", withdrawn: "2005-06");
            Add("MZM", withdrawn: "2006-06");
            Add("GHC", withdrawn: "2007-06");
            Add("CSD", withdrawn: "2006-10");
            Add("AZM", withdrawn: "2005-12");
            Add("TMM", withdrawn: "2009-01");
            Add("VEB", withdrawn: "2008-01");
            return table;
        }

        // List one's fund codes (accepted, but not offered by tab completion next to the currencies they resemble: USN after USD).
        private static readonly HashSet<string> Funds = new HashSet<string>(StringComparer.Ordinal) { "BOV", "CHE", "CHW", "CLF", "COU", "MXV", "USN", "UYI", "UYW" };

        /// <summary>The currencies current today (ISO 4217 list one, without its fund codes such as USN and CLF), for tab completion.</summary>
        public static IReadOnlyCollection<string> All { get; } = Table.Values.Where(c => c.ValidUntil == null && !Funds.Contains(c.Code)).Select(c => c.Code).ToList();

        /// <summary>Every code this table knows, current or historic.</summary>
        public static IReadOnlyCollection<Currency> Known => Table.Values;

        /// <summary>Upper-cases and checks a code; null when it is not an ISO 4217 code (current or historic) with minor units.</summary>
        public static string? Normalize(string? code)
        {
            var upper = code?.Trim().ToUpperInvariant();
            return upper != null && Table.ContainsKey(upper) ? upper : null;
        }

        /// <summary>The entry of a normalised code; throws InvalidCurrencyCode for an unknown one.</summary>
        public static Currency Get(string code) => Table.TryGetValue(code, out var currency) ? currency : throw Invalid(code);

        /// <summary>The normalised code (current or historic), or InvalidCurrencyCode.</summary>
        public static string Require(string? code) => Normalize(code) ?? throw Invalid(code);

        /// <summary>The normalised code if it was valid on <paramref name="date"/> (a booking date); else InvalidCurrencyCode naming its validity.</summary>
        public static string Require(string? code, DateTime date) =>
            ProblemOn(code, date) is PartnerOpsException problem ? throw problem : Normalize(code)!;

        /// <summary>The normalised code if it was valid on some day of <paramref name="year"/> (a target's or rate's year); else InvalidCurrencyCode.</summary>
        public static string RequireInYear(string? code, int year)
        {
            var normalized = Require(code);
            var currency = Table[normalized];
            if (!currency.ValidIn(year))
            {
                throw new PartnerOpsException(
                    ErrorIds.InvalidCurrencyCode,
                    FailureKind.InvalidArgument,
                    $"Currency '{normalized}' was not in use in {year.ToString(CultureInfo.InvariantCulture)}: ISO 4217 has it {currency.Validity}.",
                    code);
            }

            return normalized;
        }

        /// <summary>Why a code cannot be used on a date (unknown, or not valid then), or null when it can.</summary>
        public static PartnerOpsException? ProblemOn(string? code, DateTime date)
        {
            var normalized = Normalize(code);
            if (normalized == null)
            {
                return Invalid(code);
            }

            var currency = Table[normalized];
            return currency.ValidOn(date)
                ? null
                : new PartnerOpsException(
                    ErrorIds.InvalidCurrencyCode,
                    FailureKind.InvalidArgument,
                    $"Currency '{normalized}' was not in use on {Day(date)}: ISO 4217 has it {currency.Validity}.",
                    code);
        }

        public static PartnerOpsException Invalid(string? code)
        {
            var upper = code?.Trim().ToUpperInvariant();
            return new PartnerOpsException(
                ErrorIds.InvalidCurrencyCode,
                FailureKind.InvalidArgument,
                upper != null && NoMinorUnit.Contains(upper)
                    ? $"Currency '{TextRules.Shown(code)}' has no minor unit in ISO 4217 (a precious metal, a unit of account or a test code), so amounts cannot be booked in it."
                    : $"Currency '{TextRules.Shown(code)}' is not an ISO 4217 currency code (for example USD, EUR, GBP, CNY).",
                code);
        }

        private static string Day(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        private static DateTime Date(string text) => DateTime.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        private static DateTime EndOfMonth(string month)
        {
            var first = DateTime.ParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture);
            return first.AddMonths(1).AddDays(-1);
        }
    }
}
