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
    /// Validity: a code is accepted from its introduction to the end of its withdrawal month. List three gives the month
    /// a code was withdrawn (its WithdrawalDate, yyyy-MM); a code is taken as valid up to and including the last day of
    /// that month (ISO gives no day, and withdrawn notes were usually exchangeable for weeks). Every code list three
    /// records as withdrawn since 1990 is here (the euro area's legacy codes, XEU, RUR, SDD, ZWD/ZWN/ZWR, YUM, CSD, …).
    /// ISO lists give no start day, so a successor's first day (EUR 1999-01-01, HRK 1994-05-30, SSP 2011-07-18, TRY
    /// 2005-01-01, VES 2018-08-20, ZWG 2024-06-25, …) is the day its notes or redenomination took effect, from the
    /// amendment that introduced it or the issuing central bank; a date before it is refused. A code with no known
    /// start date is accepted from 1900-01-01, the earliest booking date. Dates marked "not certain" in the table could
    /// not be checked against the published list when it was written (2026-11) and are the best known.
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

            /// <summary>The first day the code could be used, or null when it is not known (the code is then accepted from 1900-01-01, the earliest booking date).</summary>
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

            // List one (current). "from": the first day of a code that replaced another since 1990 (the day the new notes or the
            // redenomination took effect, from the ISO amendment or the issuing central bank); the others have no known start here
            // and are accepted from 1900-01-01, the earliest booking date.
            Add("AED AFN ALL AMD AOA ARS AUD AWG BAM BBD BDT BMD BND BOB BOV BRL BSD BTN BWP BZD CAD CDF CHE CHF CHW " +
                "CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB FJD FKP GBP GEL GIP GMD GTQ GYD HKD HNL HTG HUF IDR " +
                "ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MKD MMK MNT MOP MUR MVR MWK MXN MXV MYR " +
                "NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR QAR RUB SAR SBD SCR SEK SGD SHP SOS SVC " +
                "SYP SZL THB TOP TTD TWD TZS USD USN UYU UZS WST XCD YER ZAR");
            Add("BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF", 0);
            Add("BHD IQD JOD KWD LYD OMR TND", 3);
            Add("CLF UYW", 4);
            Add("EUR", from: "1999-01-01");           // the euro as book money (notes and coins 2002-01-01)
            Add("HRK", from: "1994-05-30", withdrawn: "2023-01");
            Add("PLN", from: "1995-01-01");           // PLZ redenominated 10,000:1
            Add("UAH", from: "1996-09-02");           // replaced the karbovanets UAK
            Add("BGN", from: "1999-07-05");           // BGL redenominated 1,000:1
            Add("TJS", from: "2000-10-30");           // replaced the Tajik rouble TJR
            Add("SRD", from: "2004-01-01");           // SRG redenominated 1,000:1
            Add("MGA", from: "2005-01-01");           // the ariary replaced MGF as sole legal tender
            Add("TRY", from: "2005-01-01");           // TRL redenominated 1,000,000:1
            Add("RON", from: "2005-07-01");           // ROL redenominated 10,000:1
            Add("AZN", from: "2006-01-01");           // AZM redenominated 5,000:1
            Add("MZN", from: "2006-07-01");           // MZM redenominated 1,000:1
            Add("RSD", from: "2006-10-25");           // ISO's code after Serbia and Montenegro split (the dinar itself from 2003); date not certain
            Add("SDG", from: "2007-01-10");           // replaced SDD
            Add("GHS", from: "2007-07-01");           // GHC redenominated 10,000:1
            Add("VEF", from: "2008-01-01", withdrawn: "2018-08"); // VEB redenominated 1,000:1
            Add("TMT", from: "2009-01-01");           // TMM redenominated 5,000:1
            Add("ZWL", from: "2009-02-02", withdrawn: "2024-08");
            Add("SSP", from: "2011-07-18");           // South Sudan's own pound
            Add("ZMW", from: "2013-01-01");           // ZMK redenominated 1,000:1
            Add("BYN", from: "2016-07-01");           // BYR redenominated 10,000:1
            Add("MRU STN", from: "2018-01-01");       // MRO 10:1 and STD 1,000:1
            Add("VES", from: "2018-08-20");           // VEF redenominated 100,000:1
            Add("VED", from: "2021-10-01");           // digital bolívar, VES 1,000,000:1
            Add("SLE", from: "2022-07-01");           // SLL redenominated 1,000:1
            Add("ZWG", from: "2024-06-25");           // Zimbabwe Gold (notes from 2024-04-08; ISO's code from amendment 178)
            Add("XCG", from: "2025-03-31");
            Add("ANG"); // list one until Curaçao and Sint Maarten's change to XCG is complete

            // List three (historic), every code withdrawn since 1990, with ISO's withdrawal month. A start date only where the
            // code itself was created after 1990 and the date is known.
            Add("DEM FRF NLG ATS FIM IEP", withdrawn: "2002-03");
            Add("ITL ESP BEF PTE LUF GRD", 0, withdrawn: "2002-03");
            Add("XEU", withdrawn: "1998-12");         // the ECU, replaced 1:1 by the euro on 1999-01-01
            Add("SIT", withdrawn: "2007-01");
            Add("CYP MTL", withdrawn: "2008-01");
            Add("SKK", from: "1993-02-08", withdrawn: "2009-01");
            Add("EEK", withdrawn: "2011-01");
            Add("LVL", from: "1993-03-05", withdrawn: "2014-01");
            Add("LTL", from: "1993-06-25", withdrawn: "2014-12");
            Add("ADP", 0, withdrawn: "2003-07");      // Andorran peseta (pegged to ESP)
            Add("AFA", withdrawn: "2003-01");         // replaced by AFN 1,000:1
            Add("ALK", withdrawn: "1990-12");         // old lek; month not certain
            Add("AOK", 0, withdrawn: "1991-03");
            Add("AON", 0, withdrawn: "2000-02");
            Add("AOR", 0, withdrawn: "2000-02");
            Add("ARA", withdrawn: "1992-01");         // austral, replaced by ARS
            Add("AZM", withdrawn: "2005-12");
            Add("BAD", withdrawn: "1998-07");         // Bosnia and Herzegovina dinar, replaced by BAM
            Add("BGL", withdrawn: "2003-11");
            Add("BRN", withdrawn: "1990-03");         // new cruzado
            Add("BRE", withdrawn: "1993-03");         // cruzeiro
            Add("BRR", withdrawn: "1994-07");         // cruzeiro real, replaced by BRL
            Add("BYB", withdrawn: "2001-01");
            Add("BYR", 0, from: "2000-01-01", withdrawn: "2017-01");
            Add("CSD", from: "2003-07-01", withdrawn: "2006-10"); // Serbian dinar under Serbia and Montenegro; start date not certain
            Add("CSK", withdrawn: "1993-03");         // Czechoslovak koruna
            Add("CUC", withdrawn: "2021-06");
            Add("DDM", withdrawn: "1990-09");         // Mark der DDR (monetary union 1990-07-01; ISO's month)
            Add("ECS", 0, withdrawn: "2000-09");      // sucre, replaced by USD
            Add("GEK", 0, withdrawn: "1995-07");      // Georgian coupon
            Add("GHC", withdrawn: "2007-06");
            Add("GWP", withdrawn: "1997-05");         // Guinea-Bissau peso, replaced by XOF
            Add("HRD", withdrawn: "1995-01");         // Croatian dinar
            Add("LTT", withdrawn: "1993-07");         // talonas
            Add("LVR", withdrawn: "1994-12");         // Latvian rouble
            Add("MGF", 0, withdrawn: "2004-12");
            Add("MRO STD", withdrawn: "2017-12");
            Add("MXP", withdrawn: "1993-01");         // old Mexican peso, replaced by MXN 1,000:1
            Add("MZM", withdrawn: "2006-06");
            Add("NIC", withdrawn: "1990-10");         // córdoba
            Add("PEI", withdrawn: "1991-07");         // inti, replaced by PEN
            Add("PLZ", withdrawn: "1997-01");
            Add("ROL", withdrawn: "2005-06");
            Add("RUR", withdrawn: "2004-01");         // Russian rouble before the 1998 redenomination; ISO kept it listed to 2004-01
            Add("SDD", withdrawn: "2007-06");         // Sudanese dinar, replaced by SDG
            Add("SDP", withdrawn: "1998-06");         // Sudanese pound, replaced by SDD
            Add("SLL", withdrawn: "2023-12");
            Add("SRG", withdrawn: "2003-12");         // Surinam guilder
            Add("SUR", withdrawn: "1990-12");         // Soviet rouble
            Add("TJR", withdrawn: "2001-04");         // Tajik rouble
            Add("TMM", withdrawn: "2009-01");
            Add("TPE", withdrawn: "2002-11");         // Timor escudo
            Add("TRL", 0, withdrawn: "2005-12");
            Add("UAK", withdrawn: "1996-09");         // karbovanets
            Add("UYP", withdrawn: "1993-03");         // old Uruguayan peso
            Add("VEB", withdrawn: "2008-01");
            Add("YDD", withdrawn: "1991-09");         // Yemeni dinar
            Add("YUD", withdrawn: "1990-01");         // new Yugoslavian dinar (month not certain)
            Add("YUM", withdrawn: "2003-07");         // new dinar, replaced by CSD
            Add("YUN", withdrawn: "1995-11");         // Yugoslavian convertible dinar
            Add("ZAL", withdrawn: "1995-03");         // financial rand
            Add("ZMK", withdrawn: "2012-12");
            Add("ZRN", withdrawn: "1999-06");         // new zaïre, replaced by CDF
            Add("ZRZ", withdrawn: "1994-02");         // zaïre
            Add("ZWD", withdrawn: "2008-08");         // Zimbabwe dollar (ISO's month; revalued 2006-08 as ZWN)
            Add("ZWN", from: "2006-08-01", withdrawn: "2008-08"); // second Zimbabwe dollar; withdrawal month not certain
            Add("ZWR", from: "2008-08-01", withdrawn: "2009-06"); // third Zimbabwe dollar
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
