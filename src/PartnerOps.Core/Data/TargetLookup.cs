using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PartnerOps.Data
{
    /// <summary>A target as both backends read it (the columns of their SELECT, by these names).</summary>
    public sealed class TargetRow
    {
        /// <summary>The target's id.</summary>
        public long Id { get; set; }

        /// <summary>The metric's name (TargetMetric).</summary>
        public string Metric { get; set; } = string.Empty;

        /// <summary>The region as stored; null for all regions.</summary>
        public string? Region { get; set; }

        /// <summary>The calendar year.</summary>
        public long Year { get; set; }

        /// <summary>The value as exact decimal text (a count, an amount in major units of Currency, or a share 0..1).</summary>
        public string Value { get; set; } = string.Empty;

        /// <summary>ISO 4217 code of a PartnerRevenue target's value, else null.</summary>
        public string? Currency { get; set; }

        /// <summary>The counted statuses of a PartnerCount target as stored (comma-separated), else null.</summary>
        public string? Statuses { get; set; }

        /// <summary>The target as the cmdlets show it.</summary>
        public PartnerTarget ToTarget(string database) => new PartnerTarget
        {
            Id = Id,
            Metric = (TargetMetric)Enum.Parse(typeof(TargetMetric), Metric),
            Region = Region,
            Year = (int)Year,
            Value = decimal.Parse(Value, CultureInfo.InvariantCulture),
            Currency = Currency,
            Statuses = TargetLookup.ParseStatuses(Statuses),
            Database = database,
        };
    }

    /// <summary>The rules of setting, finding and naming targets that are the same on every backend.</summary>
    public static class TargetLookup
    {
        /// <summary>The columns of a target read, named as <see cref="TargetRow"/>'s properties.</summary>
        public const string Select =
            "SELECT id AS Id, metric AS Metric, region AS Region, year AS Year, value AS Value, currency AS Currency, statuses AS Statuses FROM targets";

        /// <summary>
        /// A target's values as stored (the parameters of its upsert, by these names): the metric by name, the region's key
        /// (<see cref="RevenueRules.Key"/>; empty for all regions), the value as exact decimal text, the statuses as
        /// <see cref="TargetRules.FormatStatuses"/> writes them, <paramref name="now"/> (UTC) as the timestamps.
        /// </summary>
        public static object StoredValues(PartnerTarget target, DateTime now) => new
        {
            Metric = target.Metric.ToString(),
            target.Region,
            RegionKey = RevenueRules.Key(target.Region) ?? string.Empty,
            target.Year,
            Value = target.Value.ToString(CultureInfo.InvariantCulture),
            target.Currency,
            Statuses = TargetRules.FormatStatuses(target.Statuses),
            Now = PartnerRules.FormatTimestamp(now),
        };

        /// <summary>Statuses as stored (<see cref="TargetRules.FormatStatuses"/>) read back; null for NULL.</summary>
        public static PartnerStatus[]? ParseStatuses(string? stored) =>
            stored == null ? null : stored.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(s => (PartnerStatus)Enum.Parse(typeof(PartnerStatus), s)).ToArray();

        /// <summary>
        /// The target to store for a Set (validated by <see cref="TargetRules.Validate"/>; a PartnerCount target given no statuses
        /// keeps <paramref name="existing"/>'s, else counts Active), or null when <paramref name="existing"/> already holds the
        /// same value, currency and statuses (nothing is to be written).
        /// </summary>
        /// <exception cref="PartnerOpsException">InvalidTargetValue.</exception>
        public static PartnerTarget? ToStore(PartnerTarget target, PartnerTarget? existing)
        {
            if (target.Metric == TargetMetric.PartnerCount && target.Statuses == null)
            {
                target.Statuses = existing?.Statuses ?? new[] { PartnerStatus.Active };
            }

            return existing != null && existing.Value == target.Value && existing.Currency == target.Currency
                && TargetRules.FormatStatuses(existing.Statuses) == TargetRules.FormatStatuses(target.Statuses)
                ? null
                : target;
        }

        /// <summary>
        /// The sentence for a search that found no target: the filters as given, the years and regions that do have targets
        /// (<paramref name="stored"/>: the distinct year, region key and region of the stored targets), and the Set-PartnerTarget
        /// command that adds one. <paramref name="regions"/> are the -Region values as typed.
        /// </summary>
        public static string NoneFound(IList<TargetMetric>? metrics, IList<int>? years, IList<string>? regions, IReadOnlyList<(long Year, string RegionKey, string? Region)> stored, string database)
        {
            var filters = new List<string>();
            if (metrics != null && metrics.Count > 0)
            {
                filters.Add("-Metric " + string.Join(",", metrics));
            }

            if (years != null && years.Count > 0)
            {
                filters.Add("-Year " + string.Join(",", years.Select(y => y.ToString(CultureInfo.InvariantCulture))));
            }

            if (regions != null && regions.Count > 0)
            {
                filters.Add("-Region " + string.Join(",", regions.Select(r => "'" + TextRules.Shown(r) + "'")));
            }

            var example = "Set-PartnerTarget -Metric <" + string.Join("|", Enum.GetNames(typeof(TargetMetric))) + "> -Year " +
                          (years != null && years.Count > 0 ? years[0].ToString(CultureInfo.InvariantCulture) : "<year>") +
                          (regions != null && regions.Count > 0 && !NamePattern.Parse(regions[0]).IsWildcard ? " -Region '" + TextRules.Shown(regions[0]) + "'" : string.Empty) +
                          " -Value <value>";
            var what = filters.Count == 0 ? $"There are no targets in '{database}'" : $"No target matches {string.Join(" ", filters)} in '{database}'";
            if (stored.Count == 0)
            {
                return filters.Count == 0
                    ? $"{what}. Add one with {example}."
                    : $"{what}: it has no targets at all. Add one with {example}.";
            }

            var storedYears = string.Join(", ", stored.Select(t => t.Year).Distinct().OrderBy(y => y).Select(y => y.ToString(CultureInfo.InvariantCulture)));
            var storedRegions = string.Join(", ", stored
                .GroupBy(t => t.RegionKey)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.Key.Length == 0 ? "(all regions)" : "'" + TextRules.Shown(g.Select(t => t.Region!).OrderBy(r => r, StringComparer.Ordinal).First()) + "'"));
            return $"{what}. Targets exist for the years {storedYears} and the regions {storedRegions}. Add one with {example}.";
        }

        /// <summary>
        /// The stored target a piped object names: <paramref name="getById"/> reads it. TargetNotFound when no target has its
        /// id, or the one that has it is not the target the object described; ObjectFromOtherDatabase.
        /// </summary>
        public static PartnerTarget Require(TargetReference reference, Func<string, bool> sameDatabase, string database, Func<long, PartnerTarget?> getById)
        {
            reference.RequireDatabase(reference.Database != null && sameDatabase(reference.Database), database);
            var id = "Id " + reference.Id.ToString(CultureInfo.InvariantCulture);
            var found = getById(reference.Id) ?? throw RecordNotFound.Target(id, reference);
            if (!reference.Matches(found))
            {
                throw new PartnerOpsException(
                    ErrorIds.TargetNotFound,
                    FailureKind.NotFound,
                    $"The {reference.Description} does not describe target {id} in '{database}', which is '{found}': it was changed, or removed and " +
                    "its id given to another target. Nothing was done; get the targets again (Get-PartnerTarget) and retry.",
                    reference);
            }

            return found;
        }
    }
}
