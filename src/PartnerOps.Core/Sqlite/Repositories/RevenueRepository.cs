using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using PartnerOps.Data;
using PartnerOps.Sqlite.Native;

namespace PartnerOps.Sqlite
{
    /// <summary>Revenue records: reads stream; writes run inside the store's current transaction.</summary>
    public sealed class RevenueRepository : IRevenueRepository
    {
        private const string Select =
            "SELECT r.id AS Id, r.partner_id AS PartnerId, p.name AS PartnerName, r.date AS Date, r.amount AS Amount, r.currency AS Currency, " +
            "r.segment AS Segment, r.region AS Region, r.reference AS Reference, r.attribution AS Attribution FROM revenue r LEFT JOIN partners p ON p.id = r.partner_id";

        private readonly SqliteDatabase _store;
        private readonly PartnerRepository _partners;
        private readonly Func<DateTime> _utcNow;
        private RevenueInsertCommand? _insert;
        private string? _currency;

        public RevenueRepository(SqliteDatabase store, Func<DateTime>? utcNow = null)
        {
            _store = store;
            _utcNow = utcNow ?? (() => DateTime.UtcNow);
            _partners = new PartnerRepository(store, _utcNow);
        }

        /// <summary>The database's reporting currency, the default for new records.</summary>
        public string ReportingCurrency => _currency ??= _store.Currency;

        /// <summary>Records matching the filter, by date then id, yielded as they are read.</summary>
        public IEnumerable<PartnerRevenue> Find(RevenueFilter filter) => TranslatedReads.Stream(_store, () =>
        {
            var (where, parameters) = RevenueWhere.Build(filter, totals: false);
            var sql = new StringBuilder(Select).Append(where).Append(" ORDER BY r.date, r.id");
            if (filter.First != null || filter.Skip > 0)
            {
                sql.Append(" LIMIT @first OFFSET @skip");
                parameters.Add("first", filter.First ?? -1);
                parameters.Add("skip", filter.Skip);
            }

            return _store.Connection.Query<RevenueRow>(sql.ToString(), parameters, _store.Transaction, buffered: false).Select(ToRevenue);
        });

        /// <summary>How many records match the filter, ignoring paging.</summary>
        public long Count(RevenueFilter filter)
        {
            var (where, parameters) = RevenueWhere.Build(filter, totals: false);
            return TranslatedReads.Run(_store, () => _store.Connection.ExecuteScalar<long>("SELECT count(*) FROM revenue r" + where, parameters, _store.Transaction));
        }

        public PartnerRevenue? GetById(long id) =>
            TranslatedReads.Run(_store, () => _store.Connection.QuerySingleOrDefault<RevenueRow>(Select + " WHERE r.id = @id", new { id }, _store.Transaction)) is RevenueRow row ? ToRevenue(row) : null;

        /// <summary>Validates a record, fills in its defaults and stores it; returns it as stored.</summary>
        public PartnerRevenue Add(RevenueDraft draft)
        {
            Partner? partner = null;
            if (draft.Partner is PartnerReference reference)
            {
                partner = _partners.Require(reference);
            }

            var (revenue, minor) = RevenueRules.Complete(draft, partner, ReportingCurrency);
            revenue.Database = _store.Path;
            var date = revenue.Date;
            var currency = revenue.Currency;
            var segment = revenue.Segment;
            var region = revenue.Region;

            try
            {
                revenue.Id = (_insert ??= new RevenueInsertCommand(_store)).Execute(
                    revenue.PartnerId,
                    PartnerRules.FormatDate(date),
                    minor,
                    currency,
                    segment,
                    RevenueRules.Key(segment)!,
                    region,
                    RevenueRules.Key(region),
                    revenue.Reference,
                    PartnerRules.FormatTimestamp(_utcNow()),
                    revenue.Attribution?.ToString());
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode == 19 && ex.SqliteExtendedErrorCode == 2067)
            {
                throw RevenueLookup.ReferenceExists(revenue.Reference);
            }
            catch (SqliteException ex) when (RevenueTotals.IsOverflow(ex))
            {
                throw RevenueTotals.Overflow(_store, revenue.PartnerId, revenue.PartnerName, date, revenue.Region, segment, currency, minor);
            }

            return revenue;
        }

        /// <inheritdoc/>
        public WriteOperation Adding(RevenueDraft draft) =>
            // One INSERT (the totals and history triggers inside it): SQLite undoes it alone when it fails, so no savepoint is needed.
            new WriteOperation(() => Add(draft), undoesItself: true);

        /// <summary>
        /// The stored record a piped object names (<see cref="RevenueReference"/>): RevenueNotFound when no record has its id,
        /// or when the one that has it is not the record the object described (changed since, or a new record given a
        /// removed one's id); ObjectFromOtherDatabase for a record of another database.
        /// </summary>
        /// <exception cref="PartnerOpsException">RevenueNotFound, ObjectFromOtherDatabase.</exception>
        public PartnerRevenue Require(RevenueReference reference) =>
            RevenueLookup.Require(reference, _store.IsSameDatabase, _store.Path, GetById);

        /// <summary>Deletes one record; RevenueNotFound when there is none with this id.</summary>
        /// <summary>Deletes a record; RevenueNotFound, or InvalidAmount when its removal would take its cell's total beyond 64 bits.</summary>
        public void Remove(long id)
        {
            int removed;
            try
            {
                removed = _store.Connection.Execute("DELETE FROM revenue WHERE id = @id", new { id }, _store.Transaction);
            }
            catch (SqliteException ex) when (RevenueTotals.IsOverflow(ex))
            {
                var record = GetById(id) ?? throw RevenueLookup.NotFound(id, _store.Path);
                throw RevenueTotals.Overflow(_store, record.PartnerId, record.PartnerName, record.Date, record.Region, record.Segment, record.Currency, RevenueRules.ToMinorUnits(record.Amount, record.Currency), adding: false);
            }

            if (removed == 0)
            {
                throw RevenueLookup.NotFound(id, _store.Path);
            }
        }

        public long CountForPartner(long partnerId) =>
            TranslatedReads.Run(_store, () => _store.Connection.ExecuteScalar<long>("SELECT count(*) FROM revenue WHERE partner_id = @partnerId", new { partnerId }, _store.Transaction));

        /// <summary>
        /// Deletes every record of a partner; returns how many. Every totals cell of the partner ends at nothing, so the cells are
        /// deleted first, as a set: the totals triggers then find no cell to update, and the order the records go in cannot take a
        /// cell's running total beyond 64 bits on the way (a credit note removed before the sales it offsets would).
        /// </summary>
        public int RemoveForPartner(long partnerId)
        {
            _store.Connection.Execute("DELETE FROM revenue_totals WHERE partner_key = @partnerId", new { partnerId }, _store.Transaction);
            return _store.Connection.Execute("DELETE FROM revenue WHERE partner_id = @partnerId", new { partnerId }, _store.Transaction);
        }

        private PartnerRevenue ToRevenue(RevenueRow row) => row.ToRevenue(_store.Path);
    }
}
