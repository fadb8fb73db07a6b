using System;
using System.Collections.Generic;
using System.Linq;
using PartnerOps.Data;

namespace PartnerOps.PostgreSql
{
    /// <summary>
    /// Tier rules on PostgreSQL: the same results, order and failures as the SQLite repository (the rules and SQL are
    /// <see cref="TierRuleLookup"/>'s).
    /// </summary>
    internal sealed class PgTierRuleRepository : ITierRuleRepository
    {
        private readonly PgDatabase _db;
        private readonly Func<DateTime> _utcNow;

        public PgTierRuleRepository(PgDatabase db, Func<DateTime>? utcNow = null)
        {
            _db = db;
            _utcNow = utcNow ?? (() => DateTime.UtcNow);
        }

        /// <inheritdoc/>
        public TierRule Set(TierRuleDraft draft, out bool changed) =>
            TierRuleLookup.Set(
                draft,
                () => Get(draft.Tier, draft.Region, draft.Type),
                values => _db.Query<(long, string?, string)>(TierRuleLookup.Upsert, values).Single(),
                () => _db.Currency,
                _db.Path,
                _utcNow(),
                out changed);

        /// <inheritdoc/>
        public IEnumerable<TierRule> Find(IList<PartnerTier>? tiers = null, IList<NamePattern>? regions = null, IList<PartnerType>? types = null)
        {
            var (where, parameters) = TierRuleLookup.Filter(new PgFilterDialect(null), tiers, regions, types);
            return _db.Stream<TierRuleRow>(TierRuleLookup.Select + where + TierRuleLookup.Order, parameters).Select(r => r.ToRule(_db.Path));
        }

        /// <inheritdoc/>
        public TierRule? Get(PartnerTier tier, string? region, PartnerType? type) =>
            _db.Query<TierRuleRow>(TierRuleLookup.ByKey, TierRuleLookup.Key(tier, region, type)).FirstOrDefault()?.ToRule(_db.Path);

        /// <inheritdoc/>
        public TierRule Remove(PartnerTier tier, string? region, PartnerType? type)
        {
            var rule = Get(tier, region, type)
                       ?? throw TierRuleLookup.NotStored(tier, region, type, Find(new[] { tier }).ToList(), _db.Path);
            _db.Execute("DELETE FROM tier_rules WHERE id = @Id", new { rule.Id });
            return rule;
        }
    }
}
