using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Dapper;

namespace PartnerOps.Storage
{
    /// <summary>Targets per metric, region (or all regions) and year; Set replaces the value of an existing one.</summary>
    public sealed class TargetRepository
    {
        /// <summary>The largest revenue target, in any currency: 1,000 times <see cref="RevenueRules.MaxAmount"/> (999,999,999,999,990).</summary>
        public const decimal MaxRevenueTarget = RevenueRules.MaxAmount * 1000;

        private const string Select =
            "SELECT id AS Id, metric AS Metric, region AS Region, year AS Year, value AS Value, currency AS Currency FROM targets";

        private readonly PartnerStore _store;
        private readonly Func<DateTime> _utcNow;

        public TargetRepository(PartnerStore store, Func<DateTime>? utcNow = null)
        {
            _store = store;
            _utcNow = utcNow ?? (() => DateTime.UtcNow);
        }

        /// <summary>Adds the target, or changes the value of the one with the same metric, region and year.</summary>
        public PartnerTarget Set(TargetMetric metric, string? region, int year, decimal value, string? currency) =>
            Set(metric, region, year, value, currency, out _);

        /// <summary>
        /// Adds the target, or changes the value of the one with the same metric, region and year. A target already stored
        /// with the same value (as stored: the same decimal text) and currency is left as it is, UpdatedAt and history
        /// included: <paramref name="changed"/> is false then.
        /// </summary>
        public PartnerTarget Set(TargetMetric metric, string? region, int year, decimal value, string? currency, out bool changed)
        {
            var target = Validate(metric, region, year, value, currency);
            var now = PartnerRules.FormatTimestamp(_utcNow());
            var parameters = new
            {
                Metric = target.Metric.ToString(),
                target.Region,
                RegionKey = RevenueRules.Key(target.Region) ?? string.Empty,
                target.Year,
                Value = target.Value.ToString(CultureInfo.InvariantCulture),
                target.Currency,
                Now = now,
            };
            var id = _store.Connection.ExecuteScalar<long?>(
                @"INSERT INTO targets (metric, region, region_key, year, value, currency, created_at, updated_at)
                  VALUES (@Metric, @Region, @RegionKey, @Year, @Value, @Currency, @Now, @Now)
                  ON CONFLICT (metric, region_key, year) DO UPDATE SET value = excluded.value, currency = excluded.currency, updated_at = excluded.updated_at
                  WHERE targets.value IS NOT excluded.value OR targets.currency IS NOT excluded.currency
                  RETURNING id",
                parameters,
                _store.Transaction);
            changed = id != null;
            target.Id = id ?? _store.Connection.ExecuteScalar<long>(
                "SELECT id FROM targets WHERE metric = @Metric AND region_key = @RegionKey AND year = @Year", parameters, _store.Transaction);
            target.Region = _store.Connection.ExecuteScalar<string?>("SELECT region FROM targets WHERE id = @Id", new { target.Id }, _store.Transaction);
            return target;
        }

        /// <summary>Targets matching every given restriction (empty lists restrict nothing), by year, metric and region.</summary>
        public IEnumerable<PartnerTarget> Find(IList<TargetMetric>? metrics = null, IList<int>? years = null, IList<NamePattern>? regions = null) =>
            TranslatedReads.Stream(_store, () =>
            {
                var clauses = new List<string>();
                var parameters = new DynamicParameters();
                SqlList.AddIn(clauses, parameters, "metric", "metrics", (metrics ?? new List<TargetMetric>()).Select(m => m.ToString()).ToList());
                SqlList.AddIn(clauses, parameters, "year", "years", years ?? new List<int>());
                SqlList.AddMatching(clauses, parameters, "region_key", "region", regions ?? new List<NamePattern>(), PatternKeys.Distinct("region_key", "targets"));

                var where = clauses.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", clauses);
                return _store.Connection
                    .Query<Row>(Select + where + " ORDER BY year, metric, region_key", parameters, _store.Transaction, buffered: false)
                    .Select(ToTarget);
            });

        public PartnerTarget? GetById(long id) =>
            TranslatedReads.Run(_store, () => _store.Connection.QuerySingleOrDefault<Row>(Select + " WHERE id = @id", new { id }, _store.Transaction)) is Row row ? ToTarget(row) : null;

        /// <summary>The target for a metric, region (null = all regions) and year, or null.</summary>
        public PartnerTarget? Get(TargetMetric metric, string? region, int year) =>
            _store.Connection.QuerySingleOrDefault<Row>(
                Select + " WHERE metric = @metric AND region_key = @regionKey AND year = @year",
                new { metric = metric.ToString(), regionKey = RevenueRules.Key(PartnerRules.NormalizeRegion(region)) ?? string.Empty, year },
                _store.Transaction) is Row row ? ToTarget(row) : null;

        /// <summary>
        /// Pairs of targets of one metric and year whose regions now share a key (stored before schema 6 compared regions
        /// by <see cref="RevenueRules.Key"/>): the target that holds the key, and the other one, which kept its old key.
        /// </summary>
        public IReadOnlyList<(long FirstId, string? FirstRegion, long OtherId, string? OtherRegion, string Metric, int Year)> SharedRegions() =>
            TranslatedReads.Run(_store, () => _store.Connection.Query<(long, string?, long, string?, string, int)>(
                "SELECT a.id, a.region, b.id, b.region, b.metric, b.year FROM targets b " +
                "JOIN targets a ON a.metric = b.metric AND a.year = b.year AND a.region_key = coalesce(po_key(b.region), '') " +
                "WHERE b.region_key IS NOT coalesce(po_key(b.region), '') ORDER BY a.id, b.id",
                transaction: _store.Transaction).ToList());

        public void Remove(long id)
        {
            if (_store.Connection.Execute("DELETE FROM targets WHERE id = @id", new { id }, _store.Transaction) == 0)
            {
                throw NotFound($"Id {id.ToString(CultureInfo.InvariantCulture)}", id);
            }
        }

        /// <summary>
        /// The stored target a piped object names (<see cref="TargetReference"/>): TargetNotFound when no target has its id,
        /// or the one that has it is not the target the object described; ObjectFromOtherDatabase for a target of another database.
        /// </summary>
        /// <exception cref="PartnerOpsException">TargetNotFound, ObjectFromOtherDatabase.</exception>
        public PartnerTarget Require(TargetReference reference)
        {
            reference.RequireDatabase(reference.Database != null && _store.IsSameDatabase(reference.Database), _store.Path);
            var id = "Id " + reference.Id.ToString(CultureInfo.InvariantCulture);
            var found = GetById(reference.Id) ?? throw NotFound(id, reference);
            if (!reference.Matches(found))
            {
                throw new PartnerOpsException(
                    ErrorIds.TargetNotFound,
                    FailureKind.NotFound,
                    $"The {reference.Description} does not describe target {id} in '{_store.Path}', which is '{found}': it was changed, or removed and " +
                    "its id given to another target. Nothing was done; get the targets again (Get-PartnerTarget) and retry.",
                    reference);
            }

            return found;
        }

        public static PartnerOpsException NotFound(string what, object? target) =>
            new PartnerOpsException(ErrorIds.TargetNotFound, FailureKind.NotFound, $"No target with {what} was found.", target);

        private PartnerTarget Validate(TargetMetric metric, string? region, int year, decimal value, string? currency)
        {
            if (!Enum.IsDefined(typeof(TargetMetric), metric))
            {
                throw Invalid("Metric", metric, $"valid values are {string.Join(", ", Enum.GetNames(typeof(TargetMetric)))}");
            }

            if (year < 1900 || year > 2999)
            {
                throw Invalid("Year", year, "it must be between 1900 and 2999");
            }

            var target = new PartnerTarget { Metric = metric, Region = PartnerRules.NormalizeRegion(region, ErrorIds.InvalidTargetValue), Year = year, Value = value, Database = _store.Path };
            switch (metric)
            {
                case TargetMetric.PartnerCount:
                    if (value < 0 || value != decimal.Truncate(value))
                    {
                        throw Invalid("Value", value, "a partner count target is a whole number, 0 or more");
                    }

                    break;
                case TargetMetric.PartnerRevenue:
                    if (value < 0)
                    {
                        throw Invalid("Value", value, "a revenue target is an amount, 0 or more");
                    }

                    // The currency must have been in use in the target's year, and the value must be an amount of it.
                    target.Currency = CurrencyCodes.RequireInYear(string.IsNullOrWhiteSpace(currency) ? _store.Currency : currency, year);
                    if (value > MaxRevenueTarget)
                    {
                        throw Invalid(
                            "Value",
                            value,
                            $"a revenue target is at most {RevenueRules.Format(MaxRevenueTarget, target.Currency)} {target.Currency} " +
                            "(1,000 times the largest amount one record may hold)");
                    }

                    if (RevenueRules.Problem(value, target.Currency) is string problem)
                    {
                        throw Invalid("Value", value, $"a revenue target is an amount of its currency: {problem}");
                    }

                    return target;
                case TargetMetric.PartnerRevenueShare:
                    if (value < 0 || value > 1)
                    {
                        throw Invalid("Value", value, "a share target is a fraction between 0 and 1 (1 = 100%)");
                    }

                    break;
            }

            if (!string.IsNullOrWhiteSpace(currency))
            {
                throw Invalid("Currency", currency, $"only PartnerRevenue targets have a currency, not {metric}");
            }

            return target;
        }

        private static PartnerOpsException Invalid(string property, object? value, string problem) =>
            new PartnerOpsException(
                ErrorIds.InvalidTargetValue,
                FailureKind.InvalidArgument,
                $"{property} '{TextRules.Shown(Convert.ToString(value, CultureInfo.InvariantCulture))}' is not valid: {problem}.",
                value);

        private PartnerTarget ToTarget(Row row) => new PartnerTarget
        {
            Id = row.Id,
            Metric = (TargetMetric)Enum.Parse(typeof(TargetMetric), row.Metric),
            Region = row.Region,
            Year = (int)row.Year,
            Value = decimal.Parse(row.Value, CultureInfo.InvariantCulture),
            Currency = row.Currency,
            Database = _store.Path,
        };

        private sealed class Row
        {
            public long Id { get; set; }

            public string Metric { get; set; } = string.Empty;

            public string? Region { get; set; }

            public long Year { get; set; }

            public string Value { get; set; } = string.Empty;

            public string? Currency { get; set; }
        }
    }
}
