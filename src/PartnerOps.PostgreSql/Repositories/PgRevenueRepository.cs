using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Npgsql;
using PartnerOps.Data;

namespace PartnerOps.PostgreSql
{
    /// <summary>
    /// Revenue records on PostgreSQL: reads stream; writes run inside the database's open write transaction (a write batch's
    /// item, under its savepoint); the totals and history triggers follow each write. The same results, order and failures
    /// as the SQLite repository.
    /// </summary>
    internal sealed class PgRevenueRepository : IRevenueRepository
    {
        private const string Select =
            "SELECT r.id AS Id, r.partner_id AS PartnerId, p.name AS PartnerName, r.date AS Date, r.amount AS Amount, r.currency AS Currency, " +
            "r.segment AS Segment, r.region AS Region, r.reference AS Reference, r.attribution AS Attribution FROM revenue r LEFT JOIN partners p ON p.id = r.partner_id";

        // A reference already held inserts nothing and takes no id (as on SQLite); no row back means it is taken. ON CONFLICT
        // stays as the last guard, and leaves the transaction usable where a unique violation would abort it.
        private const string Insert =
            "INSERT INTO revenue (partner_id, date, amount, currency, segment, segment_key, region, region_key, reference, created_at, attribution) " +
            "SELECT @PartnerId, @Date, @Amount, @Currency, @Segment, @SegmentKey, @Region, @RegionKey, @Reference, @CreatedAt, @Attribution " +
            "WHERE @Reference::text IS NULL OR NOT EXISTS (SELECT 1 FROM revenue WHERE reference = @Reference) " +
            "ON CONFLICT (reference) WHERE reference IS NOT NULL DO NOTHING RETURNING id";

        /// <summary>SQLSTATE 22003 numeric_value_out_of_range: a totals cell beyond 64 bits (the triggers' bigint sum).</summary>
        private const string OutOfRange = "22003";

        private readonly PgDatabase _db;
        private readonly Func<DateTime> _utcNow;
        private string? _currency;

        public PgRevenueRepository(PgDatabase db, Func<DateTime>? utcNow = null)
        {
            _db = db;
            _utcNow = utcNow ?? (() => DateTime.UtcNow);
        }

        /// <inheritdoc/>
        public string ReportingCurrency => _currency ??= _db.Currency;

        /// <summary>Records matching the filter, by date then id, yielded as they are read.</summary>
        public IEnumerable<PartnerRevenue> Find(RevenueFilter filter)
        {
            var (where, parameters) = PgRevenueWhere.Build(filter, totals: false);
            var sql = new StringBuilder(Select).Append(where).Append(" ORDER BY r.date, r.id");
            PgPartnerSql.Page(sql, parameters, filter.First, filter.Skip);
            return _db.Stream<RevenueRow>(sql.ToString(), parameters).Select(r => r.ToRevenue(_db.Path));
        }

        /// <inheritdoc/>
        public long Count(RevenueFilter filter)
        {
            var (where, parameters) = PgRevenueWhere.Build(filter, totals: false);
            return _db.Scalar<long>("SELECT count(*) FROM revenue r" + where, parameters);
        }

        /// <inheritdoc/>
        public PartnerRevenue? GetById(long id) =>
            _db.Query<RevenueRow>(Select + " WHERE r.id = @id", new { id }).FirstOrDefault()?.ToRevenue(_db.Path);

        /// <inheritdoc/>
        public PartnerRevenue Add(RevenueDraft draft)
        {
            var partner = draft.Partner is PartnerReference reference ? _db.PartnerRepository.Require(reference) : null;
            var (revenue, minor) = RevenueRules.Complete(draft, partner, ReportingCurrency);
            revenue.Database = _db.Path;
            var parameters = new
            {
                revenue.PartnerId,
                Date = PartnerRules.FormatDate(revenue.Date),
                Amount = minor,
                revenue.Currency,
                revenue.Segment,
                SegmentKey = RevenueRules.Key(revenue.Segment),
                revenue.Region,
                RegionKey = RevenueRules.Key(revenue.Region),
                revenue.Reference,
                CreatedAt = PartnerRules.FormatTimestamp(_utcNow()),
                Attribution = revenue.Attribution?.ToString(),
            };

            var id = Refused(
                () => _db.Alone(Insert, sql => _db.Query<long>(sql, parameters)),
                () => Overflow(revenue.PartnerId, revenue.PartnerName, revenue.Date, revenue.Region, revenue.Segment, revenue.Currency, minor, adding: true));
            revenue.Id = id.Count == 1 ? id[0] : throw RevenueLookup.ReferenceExists(revenue.Reference);
            return revenue;
        }

        /// <inheritdoc/>
        public WriteOperation Adding(RevenueDraft draft) =>
            // On PostgreSQL every item runs under a savepoint (a failed statement aborts the whole transaction).
            new WriteOperation(() => Add(draft));

        /// <inheritdoc/>
        public PartnerRevenue Require(RevenueReference reference) =>
            RevenueLookup.Require(reference, location => _db.IsSameDatabase(location), _db.Path, GetById);

        /// <inheritdoc/>
        public void Remove(long id)
        {
            var removed = Refused(
                () => _db.Alone("DELETE FROM revenue WHERE id = @id", sql => _db.Execute(sql, new { id })),
                () =>
                {
                    var record = GetById(id) ?? throw RevenueLookup.NotFound(id, _db.Path);
                    return Overflow(record.PartnerId, record.PartnerName, record.Date, record.Region, record.Segment, record.Currency,
                        RevenueRules.ToMinorUnits(record.Amount, record.Currency), adding: false);
                });
            if (removed == 0)
            {
                throw RevenueLookup.NotFound(id, _db.Path);
            }
        }

        /// <inheritdoc/>
        public long CountForPartner(long partnerId) =>
            _db.Scalar<long>("SELECT count(*) FROM revenue WHERE partner_id = @partnerId", new { partnerId });

        /// <summary>
        /// Deletes every record of a partner; returns how many. Every totals cell of the partner ends at nothing, so the cells
        /// are deleted first, as a set (as on SQLite): the totals triggers then find no cell to update.
        /// </summary>
        public int RemoveForPartner(long partnerId)
        {
            _db.Execute("DELETE FROM revenue_totals WHERE partner_key = @partnerId", new { partnerId });
            return _db.Execute("DELETE FROM revenue WHERE partner_id = @partnerId", new { partnerId });
        }

        // Runs a write the totals may refuse (a cell beyond 64 bits), undone alone (PgDatabase.Alone), then names the refusal
        // with the amount and the cell's total, as on SQLite (where Remove-PartnerRevenue tries such a removal again later).
        private static T Refused<T>(Func<T> write, Func<PartnerOpsException> overflow)
        {
            try
            {
                return write();
            }
            catch (PartnerOpsException ex) when (ex.InnerException is PostgresException pg && pg.SqlState == OutOfRange)
            {
                throw overflow();
            }
        }

        private PartnerOpsException Overflow(long? partnerId, string? partnerName, DateTime date, string? region, string segment, string currency, long minor, bool adding)
        {
            var total = _db.Scalar<long?>(
                "SELECT total FROM revenue_totals WHERE partner_key = @partner AND year = @year AND region_key = @region AND segment_key = @segment AND currency = @currency",
                new { partner = partnerId ?? 0, year = date.Year, region = RevenueRules.Key(region) ?? string.Empty, segment = RevenueRules.Key(segment), currency }) ?? 0;
            return RevenueLookup.Overflow(partnerId, partnerName, date, region, segment, currency, minor, total, adding);
        }
    }
}
