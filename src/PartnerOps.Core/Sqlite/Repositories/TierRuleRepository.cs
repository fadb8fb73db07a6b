using System;
using System.Collections.Generic;
using System.Linq;
using Dapper;
using PartnerOps.Data;

namespace PartnerOps.Sqlite
{
    /// <summary>Tier rules on SQLite (the rules and SQL are <see cref="TierRuleLookup"/>'s, shared with PostgreSQL).</summary>
    public sealed class TierRuleRepository : ITierRuleRepository
    {
        private readonly SqliteDatabase _store;
        private readonly Func<DateTime> _utcNow;

        public TierRuleRepository(SqliteDatabase store, Func<DateTime>? utcNow = null)
        {
            _store = store;
            _utcNow = utcNow ?? (() => DateTime.UtcNow);
        }

        /// <inheritdoc/>
        public TierRule Set(TierRuleDraft draft, out bool changed) =>
            TierRuleLookup.Set(
                draft,
                () => Get(draft.Tier, draft.Region, draft.Type),
                values => _store.Connection.QuerySingle<(long, string?, string)>(TierRuleLookup.Upsert, values, _store.Transaction),
                () => _store.Currency,
                _store.Path,
                _utcNow(),
                out changed);

        /// <inheritdoc/>
        public IEnumerable<TierRule> Find(IList<PartnerTier>? tiers = null, IList<NamePattern>? regions = null, IList<PartnerType>? types = null) =>
            TranslatedReads.Stream(_store, () =>
            {
                var (where, parameters) = TierRuleLookup.Filter(SqliteFilterDialect.Instance, tiers, regions, types);
                return _store.Connection
                    .Query<TierRuleRow>(TierRuleLookup.Select + where + TierRuleLookup.Order, parameters, _store.Transaction, buffered: false)
                    .Select(r => r.ToRule(_store.Path));
            });

        /// <inheritdoc/>
        public TierRule? Get(PartnerTier tier, string? region, PartnerType? type) =>
            TranslatedReads.Run(_store, () => _store.Connection.QuerySingleOrDefault<TierRuleRow>(
                TierRuleLookup.ByKey, TierRuleLookup.Key(tier, region, type), _store.Transaction))?.ToRule(_store.Path);

        /// <inheritdoc/>
        public TierRule Remove(PartnerTier tier, string? region, PartnerType? type)
        {
            var rule = Get(tier, region, type)
                       ?? throw TierRuleLookup.NotStored(tier, region, type, Find(new[] { tier }).ToList(), _store.Path);
            _store.Connection.Execute("DELETE FROM tier_rules WHERE id = @Id", new { rule.Id }, _store.Transaction);
            return rule;
        }
    }
}
