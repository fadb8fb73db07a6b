using System;
using System.Collections.Generic;
using System.Linq;
using Dapper;
using PartnerOps.Data;

namespace PartnerOps.Sqlite
{
    /// <summary>Partners' deals on SQLite (issue 19): reads stream; writes run inside the store's current transaction.</summary>
    public sealed class DealRepository : IDealRepository
    {
        /// <summary>The ids of the conflicting deals (alias o) as comma-separated text.</summary>
        private static readonly string Select = DealLookup.Select("group_concat(o.id)");

        private readonly SqliteDatabase _store;
        private readonly Func<DateTime> _utcNow;
        private readonly Func<DateTime> _today;

        public DealRepository(SqliteDatabase store, Func<DateTime>? utcNow = null, Func<DateTime>? today = null)
        {
            _store = store;
            _utcNow = utcNow ?? (() => DateTime.UtcNow);
            _today = today ?? (() => DateTime.UtcNow.Date);
        }

        /// <inheritdoc/>
        public IEnumerable<PartnerDeal> Find(DealFilter filter) => TranslatedReads.Stream(_store, () =>
        {
            var (where, parameters) = DealLookup.Where(SqliteFilterDialect.Instance, filter);
            return _store.Connection
                .Query<DealRow>(Select + where + DealLookup.OrderBy, parameters, _store.Transaction, buffered: false)
                .Select(row => row.ToDeal(_store.Path));
        });

        /// <inheritdoc/>
        public PartnerDeal? GetById(long id, DateTime? day = null) =>
            Read(DealLookup.ById, new { id, day = DealLookup.Day(day ?? _today()) }).FirstOrDefault();

        /// <inheritdoc/>
        public PartnerDeal? GetByReference(string reference) =>
            Read(" WHERE d.reference = @reference", new { reference = reference.Trim(), day = DealLookup.Day(_today()) }).FirstOrDefault();

        /// <inheritdoc/>
        public PartnerDeal Require(long id) =>
            GetById(id) ?? throw DealLookup.NotFound(DealLookup.IdText(id), id, _store.Path);

        /// <inheritdoc/>
        public PartnerDeal Require(string reference) =>
            GetByReference(reference) ?? throw DealLookup.NotFound($"the reference '{TextRules.Shown(reference)}'", reference, _store.Path);

        /// <inheritdoc/>
        public PartnerDeal Require(DealReference reference) =>
            DealLookup.Require(reference, _store.IsSameDatabase, _store.Path, id => GetById(id));

        /// <inheritdoc/>
        public DealRegistration Register(DealDraft draft)
        {
            var deal = DealRegistrations.ToRegister(
                draft,
                _store.Partners.Require,
                GetByReference,
                toRegister => Read(DealRegistrations.OwnHeldWhere, DealRegistrations.HoldingParameters(toRegister)),
                (partnerId, day) => _store.Connection.ExecuteScalar<string?>(DealRegistrations.PartnerStatusOn, new { id = partnerId, day = DealLookup.Day(day) }, _store.Transaction),
                _store.Path,
                _today());
            var id = _store.Connection.ExecuteScalar<long>(DealRegistrations.Insert, DealRegistrations.StoredValues(deal, _utcNow()), _store.Transaction);
            var conflicts = Read(DealRegistrations.OthersHoldingWhere, DealRegistrations.HoldingParameters(deal));
            return new DealRegistration(Require(id), conflicts);
        }

        /// <inheritdoc/>
        public void Remove(PartnerDeal deal)
        {
            if (_store.Connection.Execute("DELETE FROM deals WHERE id = @Id", new { deal.Id }, _store.Transaction) == 0)
            {
                throw DealLookup.NotFound(DealLookup.IdText(deal.Id), deal.Id, _store.Path, ": it was removed meanwhile");
            }
        }

        private IReadOnlyList<PartnerDeal> Read(string where, object parameters) =>
            TranslatedReads.Run(_store, () => _store.Connection.Query<DealRow>(Select + where, parameters, _store.Transaction).Select(row => row.ToDeal(_store.Path)).ToList());
    }
}
