using System;
using System.Collections.Generic;
using System.Linq;
using PartnerOps.Data;

namespace PartnerOps.PostgreSql
{
    /// <summary>
    /// Partners' deals on PostgreSQL (issue 19): reads stream; writes run inside the database's open write transaction (a write
    /// batch's item, under its savepoint, and the database's advisory lock). The same results, order and failures as the
    /// SQLite repository (<see cref="DealLookup"/>, <see cref="DealRegistrations"/>).
    /// </summary>
    internal sealed class PgDealRepository : IDealRepository
    {
        /// <summary>The ids of the conflicting deals (alias o) as comma-separated text.</summary>
        private static readonly string Select = DealLookup.Select("string_agg(o.id::text, ',')");

        private readonly PgDatabase _db;
        private readonly Func<DateTime> _utcNow;
        private readonly Func<DateTime> _today;

        public PgDealRepository(PgDatabase db, Func<DateTime>? utcNow = null, Func<DateTime>? today = null)
        {
            _db = db;
            _utcNow = utcNow ?? (() => DateTime.UtcNow);
            _today = today ?? (() => DateTime.UtcNow.Date);
        }

        /// <inheritdoc/>
        public IEnumerable<PartnerDeal> Find(DealFilter filter)
        {
            var (where, parameters) = DealLookup.Where(new PgFilterDialect(_db), filter);
            return _db.Stream<DealRow>(Select + where + DealLookup.OrderBy, parameters).Select(row => row.ToDeal(_db.Path));
        }

        /// <inheritdoc/>
        public PartnerDeal? GetById(long id, DateTime? day = null) =>
            Read(DealLookup.ById, new { id, day = DealLookup.Day(day ?? _today()) }).FirstOrDefault();

        /// <inheritdoc/>
        public PartnerDeal? GetByReference(string reference) =>
            Read(" WHERE d.reference = @reference", new { reference = reference.Trim(), day = DealLookup.Day(_today()) }).FirstOrDefault();

        /// <inheritdoc/>
        public PartnerDeal Require(long id) =>
            GetById(id) ?? throw DealLookup.NotFound(DealLookup.IdText(id), id, _db.Path);

        /// <inheritdoc/>
        public PartnerDeal Require(string reference) =>
            GetByReference(reference) ?? throw DealLookup.NotFound($"the reference '{TextRules.Shown(reference)}'", reference, _db.Path);

        /// <inheritdoc/>
        public PartnerDeal Require(DealReference reference) =>
            DealLookup.Require(reference, location => _db.IsSameDatabase(location), _db.Path, id => GetById(id));

        /// <inheritdoc/>
        public DealRegistration Register(DealDraft draft)
        {
            var deal = DealRegistrations.ToRegister(
                draft,
                _db.PartnerRepository.Require,
                GetByReference,
                toRegister => Read(DealRegistrations.OwnHeldWhere, DealRegistrations.HoldingParameters(toRegister)),
                (partnerId, day) => _db.Scalar<string?>(DealRegistrations.PartnerStatusOn, new { id = partnerId, day = DealLookup.Day(day) }),
                _db.Path,
                _today());
            var id = _db.Scalar<long>(DealRegistrations.Insert, DealRegistrations.StoredValues(deal, _utcNow()));
            var conflicts = Read(DealRegistrations.OthersHoldingWhere, DealRegistrations.HoldingParameters(deal));
            return new DealRegistration(Require(id), conflicts);
        }

        /// <inheritdoc/>
        public void Remove(PartnerDeal deal)
        {
            if (_db.Execute("DELETE FROM deals WHERE id = @Id", new { deal.Id }) == 0)
            {
                throw DealLookup.NotFound(DealLookup.IdText(deal.Id), deal.Id, _db.Path, ": it was removed meanwhile");
            }
        }

        private IReadOnlyList<PartnerDeal> Read(string where, object parameters) =>
            _db.Query<DealRow>(Select + where, parameters).Select(row => row.ToDeal(_db.Path)).ToList();
    }
}
