using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PartnerOps.Data
{
    /// <summary>
    /// The findings of Test-PartnerDatabase that every backend reports alike (their names, pass rules and wording): each backend
    /// runs its own queries and hands the results here, so a problem reads the same on a file and on a server.
    /// </summary>
    public static class DatabaseFindings
    {
        /// <summary>One row of <see cref="StatusSql.Mismatches"/>: a partner whose latest dated changes do not hold its values.</summary>
        public sealed class StatusMismatch
        {
            /// <summary>The partner's id.</summary>
            public long Id { get; set; }

            /// <summary>The partner's name.</summary>
            public string Name { get; set; } = string.Empty;

            /// <summary>The stored status.</summary>
            public string Status { get; set; } = string.Empty;

            /// <summary>The stored status_since ('yyyy-MM-dd').</summary>
            public string StatusSince { get; set; } = string.Empty;

            /// <summary>The stored tier.</summary>
            public string Tier { get; set; } = string.Empty;

            /// <summary>The stored tier_since ('yyyy-MM-dd').</summary>
            public string TierSince { get; set; } = string.Empty;

            /// <summary>The latest Status change's value, or null when there is none.</summary>
            public string? LastStatus { get; set; }

            /// <summary>The latest Status change's effective_on.</summary>
            public string? LastStatusOn { get; set; }

            /// <summary>The latest Tier change's value, or null when there is none.</summary>
            public string? LastTier { get; set; }

            /// <summary>The latest Tier change's effective_on.</summary>
            public string? LastTierOn { get; set; }

            /// <summary>How many partners differ in all.</summary>
            public long Total { get; set; }
        }

        /// <summary>ForeignKey: "ok", or one line per row that refers to a missing row ("revenue row 7 refers to a missing partners row").</summary>
        public static DatabaseFinding ForeignKeys(string database, IEnumerable<(string Table, long RowId, string Parent)> orphans)
        {
            var lines = orphans
                .Select(row => string.Format(CultureInfo.InvariantCulture, "{0} row {1} refers to a missing {2} row", row.Table, row.RowId, row.Parent))
                .ToList();
            return new DatabaseFinding("ForeignKey", lines.Count == 0, lines.Count == 0 ? "ok" : string.Join(Environment.NewLine, lines)) { Database = database };
        }

        /// <summary>Schema: passed when the stored version is the one this build reads and writes (<paramref name="expected"/>).</summary>
        public static DatabaseFinding Schema(string database, int version, int expected) =>
            new DatabaseFinding("Schema", version == expected, version == expected ? $"version {version}" : $"version {version}, expected {expected}") { Database = database };

        /// <summary>RevenueTotals: passed when no stored total (cell) differs from a fresh sum of its records; <paramref name="differing"/> counts the cells that do.</summary>
        public static DatabaseFinding RevenueTotals(string database, long differing) =>
            new DatabaseFinding("RevenueTotals", differing == 0, differing == 0 ? "ok" : $"{differing} revenue total(s) differ from the records they sum") { Database = database };

        /// <summary>SharedNames: "ok", or one failed finding per pair of partners whose names print the same (stored before schema 4).</summary>
        public static IEnumerable<DatabaseFinding> SharedNames(string database, IEnumerable<(long FirstId, string FirstName, long OtherId, string OtherName)> pairs) =>
            Findings(database, "SharedNames", pairs.Select(p => string.Format(
                CultureInfo.InvariantCulture,
                "Partners Id {0} '{1}' and Id {2} '{3}' have names that print the same (equal ignoring case folding, the kind of space and " +
                "invisible characters); they were stored before names were compared this way. Lookups by that name fail (give -Id) until an admin " +
                "resolves it: if they are two partners, rename one (Set-Partner -Id {2} -NewName 'another name'); if they are one, record the revenue " +
                "of Id {2} under Id {0} (Add-PartnerRevenue -Partner (Get-Partner -Id {0}) ...) and remove Id {2} (Remove-Partner -Id {2} -Force).",
                p.FirstId,
                TextRules.Shown(p.FirstName),
                p.OtherId,
                TextRules.Shown(p.OtherName))));

        /// <summary>SharedTargets: "ok", or one failed finding per pair of targets whose regions print the same (stored before schema 6).</summary>
        public static IEnumerable<DatabaseFinding> SharedTargets(
            string database, IEnumerable<(long FirstId, string? FirstRegion, long OtherId, string? OtherRegion, string Metric, int Year)> pairs) =>
            Findings(database, "SharedTargets", pairs.Select(p => string.Format(
                CultureInfo.InvariantCulture,
                "Targets Id {0} and Id {1} ({2} {3}) have regions that print the same ('{4}' and '{5}': equal ignoring case folding, the kind of space " +
                "and invisible characters); they were stored before regions were compared this way. Id {0} is the target of that region; Id {1} " +
                "is not found by region and is measured as the same region. Keep one: Remove-PartnerTarget -Id {1} (or -Id {0}, then Set-PartnerTarget " +
                "with the value to keep).",
                p.FirstId,
                p.OtherId,
                p.Metric,
                p.Year,
                TextRules.Shown(p.FirstRegion),
                TextRules.Shown(p.OtherRegion))));

        /// <summary>
        /// SharedTargets' pairs among <paramref name="targets"/> (every stored target): a target whose stored region key is not its
        /// region's key (<see cref="RevenueRules.Key"/>), with the target of the same metric and year that holds that key; ordered
        /// by the holder's id, then the other's. For a backend that cannot compute the key in SQL.
        /// </summary>
        public static IReadOnlyList<(long FirstId, string? FirstRegion, long OtherId, string? OtherRegion, string Metric, int Year)> SharedTargetPairs(
            IReadOnlyList<(long Id, string? Region, string RegionKey, string Metric, int Year)> targets)
        {
            var holders = targets.ToLookup(t => (t.Metric, t.Year, t.RegionKey));
            return targets
                .Where(b => !string.Equals(b.RegionKey, RevenueRules.Key(b.Region) ?? string.Empty, StringComparison.Ordinal))
                .SelectMany(b => holders[(b.Metric, b.Year, RevenueRules.Key(b.Region) ?? string.Empty)].Select(a => (a.Id, a.Region, b.Id, b.Region, b.Metric, b.Year)))
                .OrderBy(p => p.Item1).ThenBy(p => p.Item3)
                .ToList();
        }

        /// <summary>NameSortKeys: "ok", or one failed finding per partner whose stored sort key is not its name's (another program wrote it).</summary>
        public static IEnumerable<DatabaseFinding> SortKeys(string database, IEnumerable<(long Id, string Name)> partners) =>
            Findings(database, "NameSortKeys", partners.Select(p => string.Format(
                CultureInfo.InvariantCulture,
                "Partner Id {0} '{1}' has a stored sort key that is not its name's (it was written by another program), so Get-Partner lists it " +
                "out of name order; lookups by name are not affected. Renaming it writes the key again: Set-Partner -Id {0} -NewName 'a temporary name', " +
                "then Set-Partner -Id {0} -NewName back.",
                p.Id,
                TextRules.Shown(p.Name))));

        /// <summary>How many partners a failed StatusHistory check names, each in a finding of its own.</summary>
        public const int StatusHistoryNamed = 5;

        /// <summary>
        /// StatusHistory (schema 12): nothing when every partner's latest Status and Tier change holds its status and tier and their
        /// dates (a sound database reports the findings it reported before), else one failed finding per partner of
        /// <paramref name="differing"/> (at most <see cref="StatusHistoryNamed"/>, rows of <see cref="StatusSql.Mismatches"/>) and,
        /// when <paramref name="total"/> is larger, one that counts the rest.
        /// </summary>
        public static IEnumerable<DatabaseFinding> StatusHistory(string database, IReadOnlyList<StatusMismatch> differing, long total)
        {
            static string Latest(string? value, string? on) => value == null ? "none" : $"{value} from {on}";
            var problems = differing.Select(p => string.Format(
                CultureInfo.InvariantCulture,
                "Partner Id {0} '{1}' is {2} since {3} and {4} since {5}, but its latest dated changes say Status {6} and Tier {7} (the partner " +
                "or its changes were written by another program), so -AsOf reads of it may be wrong; its current values are not affected.",
                p.Id,
                TextRules.Shown(p.Name),
                p.Status,
                p.StatusSince,
                p.Tier,
                p.TierSince,
                Latest(p.LastStatus, p.LastStatusOn),
                Latest(p.LastTier, p.LastTierOn)))
                .ToList();
            if (total > differing.Count)
            {
                problems.Add($"{total - differing.Count} more partner(s) differ from their latest dated Status or Tier change in the same way.");
            }

            return problems.Select(problem => new DatabaseFinding("StatusHistory", false, problem) { Database = database });
        }

        // One check's findings: "ok" when nothing failed, else one failed finding per problem.
        private static IEnumerable<DatabaseFinding> Findings(string database, string check, IEnumerable<string> problems)
        {
            var failed = problems.Select(problem => new DatabaseFinding(check, false, problem) { Database = database }).ToList();
            return failed.Count > 0 ? failed : new List<DatabaseFinding> { new DatabaseFinding(check, true, "ok") { Database = database } };
        }
    }
}
