using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Dapper;
using PartnerOps.Data;
using PartnerOps.Sqlite.Native;

namespace PartnerOps.Sqlite
{
    /// <summary>Targets per metric, region (or all regions) and year; Set replaces the value of an existing one.</summary>
    public sealed class TargetRepository : ITargetRepository
    {
        private const string Select = TargetLookup.Select;

        private readonly SqliteDatabase _store;
        private readonly Func<DateTime> _utcNow;

        public TargetRepository(SqliteDatabase store, Func<DateTime>? utcNow = null)
        {
            _store = store;
            _utcNow = utcNow ?? (() => DateTime.UtcNow);
        }

        /// <summary>
        /// Adds the target, or changes the value (and currency, and counted statuses) of the one with the same metric, region and
        /// year. <paramref name="statuses"/> is for PartnerCount targets only: the partner statuses counted (in any order, each
        /// once as stored); null keeps an existing target's statuses and gives a new one Active. A Set that changes nothing
        /// (the same value, currency and statuses) writes nothing: no UpdatedAt, no history.
        /// </summary>
        /// <exception cref="PartnerOpsException">InvalidTargetValue (InvalidArgument): a value, year, currency or statuses that do not fit the metric.</exception>
        public PartnerTarget Set(TargetMetric metric, string? region, int year, decimal value, string? currency, IEnumerable<PartnerStatus>? statuses = null) =>
            Set(metric, region, year, value, currency, statuses, out _);

        /// <summary>
        /// As <see cref="Set(TargetMetric, string?, int, decimal, string?, IEnumerable{PartnerStatus}?)"/>;
        /// <paramref name="changed"/> is false when the target was stored already as given (nothing written).
        /// </summary>
        /// <exception cref="PartnerOpsException">InvalidTargetValue (InvalidArgument): a value, year, currency or statuses that do not fit the metric.</exception>
        public PartnerTarget Set(TargetMetric metric, string? region, int year, decimal value, string? currency, IEnumerable<PartnerStatus>? statuses, out bool changed)
        {
            var target = TargetRules.Validate(metric, region, year, value, currency, statuses, () => _store.Currency, _store.Path);
            var existing = Get(target.Metric, target.Region, target.Year);
            if (TargetLookup.ToStore(target, existing) == null)
            {
                changed = false;
                return existing!; // nothing to change: nothing written
            }

            target.Id = _store.Connection.ExecuteScalar<long>(
                @"INSERT INTO targets (metric, region, region_key, year, value, currency, statuses, created_at, updated_at)
                  VALUES (@Metric, @Region, @RegionKey, @Year, @Value, @Currency, @Statuses, @Now, @Now)
                  ON CONFLICT (metric, region_key, year) DO UPDATE SET value = excluded.value, currency = excluded.currency,
                      statuses = excluded.statuses, updated_at = excluded.updated_at
                  RETURNING id",
                TargetLookup.StoredValues(target, _utcNow()),
                _store.Transaction);
            changed = true;
            target.Region = _store.Connection.ExecuteScalar<string?>("SELECT region FROM targets WHERE id = @Id", new { target.Id }, _store.Transaction);
            return target;
        }

        /// <summary>Targets matching every given restriction (empty lists restrict nothing), by year, metric and region.</summary>
        public IEnumerable<PartnerTarget> Find(IList<TargetMetric>? metrics = null, IList<int>? years = null, IList<NamePattern>? regions = null) =>
            TranslatedReads.Stream(_store, () =>
            {
                var (where, parameters) = TargetFilterSql.Build(SqliteFilterDialect.Instance, metrics, years, regions);
                return _store.Connection
                    .Query<TargetRow>(Select + where + " ORDER BY year, metric, region_key", parameters, _store.Transaction, buffered: false)
                    .Select(ToTarget);
            });

        /// <summary>
        /// The sentence for a search that found no target: the filters as given, the years and regions that do have targets
        /// (one query), and the Set-PartnerTarget command that adds one. <paramref name="regions"/> are the -Region values as typed.
        /// </summary>
        public string NoneFound(IList<TargetMetric>? metrics, IList<int>? years, IList<string>? regions) =>
            TargetLookup.NoneFound(metrics, years, regions, TranslatedReads.Run(_store, () => _store.Connection
                .Query<(long Year, string RegionKey, string? Region)>("SELECT DISTINCT year, region_key, region FROM targets", transaction: _store.Transaction)
                .ToList()), _store.Path);

        public PartnerTarget? GetById(long id) =>
            TranslatedReads.Run(_store, () => _store.Connection.QuerySingleOrDefault<TargetRow>(Select + " WHERE id = @id", new { id }, _store.Transaction)) is TargetRow row ? ToTarget(row) : null;

        /// <summary>The target for a metric, region (null = all regions) and year, or null.</summary>
        public PartnerTarget? Get(TargetMetric metric, string? region, int year) =>
            _store.Connection.QuerySingleOrDefault<TargetRow>(
                Select + " WHERE metric = @metric AND region_key = @regionKey AND year = @year",
                new { metric = metric.ToString(), regionKey = RevenueRules.Key(PartnerRules.NormalizeRegion(region)) ?? string.Empty, year },
                _store.Transaction) is TargetRow row ? ToTarget(row) : null;

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
                throw RecordNotFound.Target($"Id {id.ToString(CultureInfo.InvariantCulture)}", id);
            }
        }

        /// <summary>
        /// The stored target a piped object names (<see cref="TargetReference"/>): TargetNotFound when no target has its id,
        /// or the one that has it is not the target the object described; ObjectFromOtherDatabase for a target of another database.
        /// </summary>
        /// <exception cref="PartnerOpsException">TargetNotFound, ObjectFromOtherDatabase.</exception>
        public PartnerTarget Require(TargetReference reference) =>
            TargetLookup.Require(reference, _store.IsSameDatabase, _store.Path, GetById);

        private PartnerTarget ToTarget(TargetRow row) => row.ToTarget(_store.Path);
    }
}
