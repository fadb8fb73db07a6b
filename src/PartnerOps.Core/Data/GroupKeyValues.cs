using System;
using System.Collections.Generic;
using System.Globalization;

namespace PartnerOps.Data
{
    /// <summary>
    /// The measures' key values as every backend hands them to the measurers: a column's value read from a GROUP BY row turned
    /// into what Measure-PartnerRevenue and Measure-Partner show (enums, numbers, text; null for none), and the one spelling
    /// shown per region key.
    /// </summary>
    public static class GroupKeyValues
    {
        /// <summary>
        /// A revenue key's value as the measure shows it: enums for Type, Tier and Attribution; Channel from the "direct" flag (1 or true:
        /// Direct, else Partner); numbers for Year, Quarter and Month; text else, empty text as null (no region).
        /// </summary>
        public static object? Revenue(RevenueGroupKey key, object? value)
        {
            if (value == null || value is DBNull)
            {
                return null;
            }

            switch (key)
            {
                case RevenueGroupKey.Type:
                    return (PartnerType)Enum.Parse(typeof(PartnerType), (string)value);
                case RevenueGroupKey.Tier:
                    return (PartnerTier)Enum.Parse(typeof(PartnerTier), (string)value);
                case RevenueGroupKey.Channel:
                    return Convert.ToInt64(value, CultureInfo.InvariantCulture) == 1 ? RevenueChannel.Direct : RevenueChannel.Partner;
                case RevenueGroupKey.Attribution:
                    return (RevenueAttribution)Enum.Parse(typeof(RevenueAttribution), (string)value);
                case RevenueGroupKey.Year:
                case RevenueGroupKey.Quarter:
                case RevenueGroupKey.Month:
                    return Convert.ToInt32(value, CultureInfo.InvariantCulture);
                default:
                    var text = (string)value;
                    return text.Length == 0 ? null : text;
            }
        }

        /// <summary>A partner key's value as the measure shows it: enums for Type, Tier and Status, a number for Year, text else.</summary>
        public static object? Partner(PartnerGroupKey key, object? value)
        {
            if (value == null || value is DBNull)
            {
                return null;
            }

            switch (key)
            {
                case PartnerGroupKey.Type:
                    return (PartnerType)Enum.Parse(typeof(PartnerType), (string)value);
                case PartnerGroupKey.Tier:
                    return (PartnerTier)Enum.Parse(typeof(PartnerTier), (string)value);
                case PartnerGroupKey.Status:
                    return (PartnerStatus)Enum.Parse(typeof(PartnerStatus), (string)value);
                case PartnerGroupKey.Year:
                    return Convert.ToInt32(value, CultureInfo.InvariantCulture);
                default:
                    return (string)value;
            }
        }

        /// <summary>
        /// The spelling shown for each region key (<see cref="RevenueRules.Key"/>): the first of <paramref name="spellings"/>
        /// with that key. Given the database's spellings in its binary order (SQLite's BINARY, PostgreSQL's COLLATE "C"), that is
        /// the smallest, as min() shows it in Measure-PartnerRevenue, whatever the date or filter.
        /// </summary>
        public static Dictionary<string, string> RegionSpellings(IEnumerable<string> spellings)
        {
            var shown = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var region in spellings)
            {
                var key = RevenueRules.Key(region)!;
                if (!shown.ContainsKey(key))
                {
                    shown.Add(key, region);
                }
            }

            return shown;
        }

        /// <summary>A region spelling replaced by the one shown for its key (<see cref="RegionSpellings"/>), or kept when none is known.</summary>
        public static object? ShownRegion(IReadOnlyDictionary<string, string> spellings, object? region) =>
            region is string text && spellings.TryGetValue(RevenueRules.Key(text)!, out var shown) ? shown : region;
    }
}
