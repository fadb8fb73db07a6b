using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Dapper;
using PartnerOps.Data;

namespace PartnerOps.PostgreSql
{
    /// <summary>
    /// Targets per metric, region (compared by key; all regions: an empty key) and year on PostgreSQL; Set replaces the value
    /// of an existing one. The same results, order and failures as the SQLite repository (the rules are <see cref="TargetLookup"/>'s).
    /// </summary>
    internal sealed class PgTargetRepository : ITargetRepository
    {
        private readonly PgDatabase _db;
        private readonly Func<DateTime> _utcNow;

        public PgTargetRepository(PgDatabase db, Func<DateTime>? utcNow = null)
        {
            _db = db;
            _utcNow = utcNow ?? (() => DateTime.UtcNow);
        }

        /// <inheritdoc/>
        public PartnerTarget Set(TargetMetric metric, string? region, int year, decimal value, string? currency, IEnumerable<PartnerStatus>? statuses, out bool changed)
        {
            var target = TargetRules.Validate(metric, region, year, value, currency, statuses, () => _db.Currency, _db.Path);
            var existing = Get(target.Metric, target.Region, target.Year);
            if (TargetLookup.ToStore(target, existing) == null)
            {
                changed = false;
                return existing!; // nothing to change: nothing written
            }

            // The region keeps the spelling first stored with its key (the conflict updates the value, never the region).
            var stored = _db.Query<(long Id, string? Region)>(
                @"INSERT INTO targets AS t (metric, region, region_key, year, value, currency, statuses, created_at, updated_at)
                  VALUES (@Metric, @Region, @RegionKey, @Year, @Value, @Currency, @Statuses, @Now, @Now)
                  ON CONFLICT (metric, region_key, year) DO UPDATE SET value = excluded.value, currency = excluded.currency,
                      statuses = excluded.statuses, updated_at = excluded.updated_at
                  RETURNING t.id, t.region",
                TargetLookup.StoredValues(target, _utcNow())).Single();
            changed = true;
            target.Id = stored.Id;
            target.Region = stored.Region;
            return target;
        }

        /// <inheritdoc/>
        public IEnumerable<PartnerTarget> Find(IList<TargetMetric>? metrics = null, IList<int>? years = null, IList<NamePattern>? regions = null)
        {
            var (where, parameters) = TargetFilterSql.Build(new PgFilterDialect(null), metrics, years, regions);
            return _db.Stream<TargetRow>(TargetLookup.Select + where + " ORDER BY year, metric, region_key", parameters).Select(r => r.ToTarget(_db.Path));
        }

        /// <inheritdoc/>
        public string NoneFound(IList<TargetMetric>? metrics, IList<int>? years, IList<string>? regions) =>
            TargetLookup.NoneFound(metrics, years, regions, _db.Query<(long Year, string RegionKey, string? Region)>(
                "SELECT DISTINCT year::bigint, region_key, region FROM targets"), _db.Path);

        /// <inheritdoc/>
        public PartnerTarget? GetById(long id) =>
            _db.Query<TargetRow>(TargetLookup.Select + " WHERE id = @id", new { id }).FirstOrDefault()?.ToTarget(_db.Path);

        /// <inheritdoc/>
        public PartnerTarget? Get(TargetMetric metric, string? region, int year) =>
            _db.Query<TargetRow>(
                TargetLookup.Select + " WHERE metric = @metric AND region_key = @regionKey AND year = @year",
                new { metric = metric.ToString(), regionKey = RevenueRules.Key(PartnerRules.NormalizeRegion(region)) ?? string.Empty, year })
                .FirstOrDefault()?.ToTarget(_db.Path);

        /// <inheritdoc/>
        public void Remove(long id)
        {
            if (_db.Execute("DELETE FROM targets WHERE id = @id", new { id }) == 0)
            {
                throw RecordNotFound.Target($"Id {id.ToString(CultureInfo.InvariantCulture)}", id);
            }
        }

        /// <inheritdoc/>
        public PartnerTarget Require(TargetReference reference) =>
            TargetLookup.Require(reference, location => _db.IsSameDatabase(location), _db.Path, GetById);
    }
}
