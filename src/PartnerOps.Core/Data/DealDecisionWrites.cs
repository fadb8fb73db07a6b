using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PartnerOps.Data
{
    /// <summary>
    /// The transitions of deals (issue 19) with the SQL both backends run, the same text on SQLite and PostgreSQL (days are
    /// 'yyyy-MM-dd' text on both): each reads the deal in the write transaction, decides by <see cref="DealTransitions"/> on its
    /// status that day (<see cref="DealSql.StatusOn"/>) and writes one UPDATE (Close -Won: the revenue record first, through the
    /// revenue repository, in the same item). Writers of one database take turns (SQLite's write lock; on PostgreSQL the
    /// database's advisory lock every write transaction takes), so two approvals cannot both pass the exclusivity check. A
    /// backend gives the statements' runner, its revenue repository and the read of the deal afterwards.
    /// </summary>
    internal abstract class DealDecisionWrites : IDealDecisions
    {
        private readonly Func<DateTime> _utcNow;
        private readonly Func<DateTime> _today;

        protected DealDecisionWrites(Func<DateTime>? utcNow, Func<DateTime>? today)
        {
            _utcNow = utcNow ?? (() => DateTime.UtcNow);
            _today = today ?? (() => DateTime.UtcNow.Date);
        }

        /// <summary>The deal's stored columns and its status on @day (parameters id, day).</summary>
        internal static readonly string SelectState =
            "SELECT d.id AS Id, d.partner_id AS PartnerId, p.name AS Partner, d.customer AS Customer, d.customer_match_key AS CustomerMatchKey, " +
            "d.customer_country AS CustomerCountry, d.status AS Stored, " + DealSql.StatusOn("d", "day") + " AS Status, " +
            "d.registered_on AS RegisteredOn, d.expires_on AS ExpiresOn, d.decided_on AS DecidedOn, d.closed_on AS ClosedOn, " +
            "d.amount AS Amount, d.currency AS Currency, d.expected_close AS ExpectedClose, d.product AS Product, d.segment AS Segment, " +
            "d.reference AS Reference, d.reason AS Reason " +
            "FROM deals d JOIN partners p ON p.id = d.partner_id";

        /// <summary>
        /// Another partner's deal for the customer (parameters matchKey, country, partnerId) that is Approved on @day: the one
        /// whose exclusive protection refuses making an expired deal that was never approved held again.
        /// </summary>
        internal static readonly string ApprovedByOther =
            SelectState + " WHERE d.customer_match_key = @matchKey AND d.customer_country = @country AND d.partner_id <> @partnerId AND " +
            DealSql.ExistsOn("d", "day") + " AND " + DealSql.StatusOn("d", "day") + " = 'Approved' ORDER BY d.decided_on, d.id LIMIT 1";

        /// <summary>
        /// Another partner's deal for the customer (parameters matchKey, country, partnerId, day) approved on some day from @from
        /// to @to (<see cref="DealSql.ApprovedDuring"/>), the first approved: the one whose exclusive protection refuses an
        /// approval, or an extension of an approved deal, over those days.
        /// </summary>
        internal static readonly string ApprovedByOtherDuring =
            SelectState + " WHERE d.customer_match_key = @matchKey AND d.customer_country = @country AND d.partner_id <> @partnerId AND " +
            DealSql.ApprovedDuring("d", "from", "to") + " ORDER BY d.decided_on, d.id LIMIT 1";

        /// <summary>The partner's other deal that holds the customer in the segment on @day (parameters id, matchKey, country, partnerId, segmentKey).</summary>
        internal static readonly string HeldBySamePartner =
            SelectState + " WHERE d.customer_match_key = @matchKey AND d.customer_country = @country AND d.partner_id = @partnerId AND " +
            "d.segment_key = @segmentKey AND d.id <> @id AND " + DealSql.HeldOn("d", "day") + " ORDER BY d.registered_on, d.id LIMIT 1";

        internal const string ApproveSql = "UPDATE deals SET status = 'Approved', decided_on = @day, updated_at = @now WHERE id = @id";

        internal const string DenySql = "UPDATE deals SET status = 'Denied', decided_on = @day, reason = @reason, reason_on = @day, updated_at = @now WHERE id = @id";

        internal const string LostSql = "UPDATE deals SET status = 'Lost', closed_on = @day, reason = @reason, reason_on = @day, updated_at = @now WHERE id = @id";

        internal const string WonSql =
            "UPDATE deals SET status = 'Won', closed_on = @day, revenue_id = @revenueId, won_amount = @amount, won_currency = @currency, updated_at = @now WHERE id = @id";

        internal const string UpdateSql =
            "UPDATE deals SET amount = @Amount, currency = @Currency, expected_close = @ExpectedClose, product = @Product, segment = @Segment, " +
            "segment_key = @SegmentKey, expires_on = @ExpiresOn, reason = @Reason, reason_on = COALESCE(@ReasonOn, reason_on), updated_at = @Now WHERE id = @Id";

        /// <inheritdoc/>
        public PartnerDeal Approve(PartnerDeal deal, DateTime? date) => Transition(deal, DealAction.Approve, date, (state, _) =>
        {
            // Its approved days would be the approval's day to its last day protected: no other partner's may meet them.
            if (ApprovedDuring(state, state.Day, state.ExpiresOn) is DealState holder)
            {
                throw DealTransitions.OverlapRefusal(state, DealAction.Approve, holder, state.Day, state.ExpiresOn);
            }

            Execute(ApproveSql, new { id = state.Id, day = Day(state), now = Now() });
        });

        /// <inheritdoc/>
        public PartnerDeal Deny(PartnerDeal deal, string? reason, DateTime? date)
        {
            var text = DealTransitions.NormalizeReason(reason, "a denial");
            return Transition(deal, DealAction.Deny, date, (state, _) => Execute(DenySql, new { id = state.Id, day = Day(state), reason = text, now = Now() }));
        }

        /// <inheritdoc/>
        public PartnerDeal CloseLost(PartnerDeal deal, string? reason, DateTime? date)
        {
            var text = DealTransitions.NormalizeReason(reason, "a lost deal");
            return Transition(deal, DealAction.CloseLost, date, (state, _) => Execute(LostSql, new { id = state.Id, day = Day(state), reason = text, now = Now() }));
        }

        /// <inheritdoc/>
        public PartnerDeal CloseWon(PartnerDeal deal, decimal amount, string? currency, DateTime date) =>
            Transition(deal, DealAction.CloseWon, date, (state, row) =>
            {
                var code = (string.IsNullOrWhiteSpace(currency) ? row.Currency : currency) ?? Revenue.ReportingCurrency;
                if (amount <= 0)
                {
                    throw RevenueRules.InvalidAmount(amount, CurrencyCodes.Normalize(code) ?? code, "a won deal's amount must be greater than zero");
                }

                var revenue = Revenue.Add(new RevenueDraft
                {
                    Partner = new PartnerReference(state.PartnerId),
                    Date = state.Day,
                    Amount = amount,
                    Currency = code,
                    Segment = row.Segment,
                    Reference = row.Reference,
                    Attribution = nameof(RevenueAttribution.Sourced),
                });
                Execute(WonSql, new
                {
                    id = state.Id,
                    day = Day(state),
                    revenueId = revenue.Id,
                    amount = RevenueRules.ToMinorUnits(revenue.Amount, revenue.Currency),
                    currency = revenue.Currency,
                    now = Now(),
                });
            });

        /// <inheritdoc/>
        public PartnerDeal Update(PartnerDeal deal, DealChanges changes)
        {
            var changed = false;
            var result = Transition(deal, DealAction.Update, null, (state, row) =>
            {
                var current = row.Values();
                if (!(changes.ApplyTo(current, state.RegisteredOn, state.DecidedOn, state.ToString()) is DealValues next))
                {
                    return;
                }

                var heldBefore = state.Status != DealStatus.Expired;
                var heldAfter = next.ExpiresOn >= state.Day;
                if (state.DecidedOn is DateTime approved && next.ExpiresOn > current.ExpiresOn)
                {
                    // An approved deal (held or expired) extended: the days it adds are approved days, which no other partner's may meet.
                    var from = current.ExpiresOn.AddDays(1) > approved ? current.ExpiresOn.AddDays(1) : approved;
                    if (ApprovedDuring(state, from, next.ExpiresOn) is DealState holder)
                    {
                        throw DealTransitions.OverlapRefusal(state, DealAction.Update, holder, from, next.ExpiresOn);
                    }
                }
                else if (heldAfter && !heldBefore && One(ApprovedByOther, Customer(state), state.Day) is DealState holder)
                {
                    throw DealTransitions.ExclusivityRefusal(state, holder);
                }

                if (heldAfter && (!heldBefore || next.SegmentKey != current.SegmentKey)
                    && One(HeldBySamePartner, new { id = state.Id, matchKey = state.CustomerMatchKey, country = state.CustomerCountry, partnerId = state.PartnerId, segmentKey = next.SegmentKey, day = Day(state) }, state.Day) is DealState other)
                {
                    throw HeldAlready(state, next, other);
                }

                Execute(UpdateSql, new
                {
                    state.Id,
                    next.Amount,
                    next.Currency,
                    ExpectedClose = Format(next.ExpectedClose),
                    next.Product,
                    next.Segment,
                    next.SegmentKey,
                    ExpiresOn = PartnerRules.FormatDate(next.ExpiresOn),
                    next.Reason,
                    ReasonOn = changes.ExpiresOn != null ? Day(state) : null, // a new ExpiresOn gives its reason today
                    Now = Now(),
                });
                changed = true;
            });
            return changed ? result : deal;
        }

        /// <summary>Runs a query in the open write transaction; the rows read in full.</summary>
        protected abstract IReadOnlyList<T> Query<T>(string sql, object parameters);

        /// <summary>Runs a statement in the open write transaction; returns the rows it changed.</summary>
        protected abstract int Execute(string sql, object parameters);

        /// <summary>The revenue repository writing in the same transaction (Close -Won's record).</summary>
        protected abstract IRevenueRepository Revenue { get; }

        /// <summary>The database's location, for messages.</summary>
        protected abstract string Location { get; }

        /// <summary>The deal as stored, read as of today (null when it is not stored).</summary>
        protected abstract PartnerDeal? Reread(long id);

        /// <inheritdoc/>
        public void Check(PartnerDeal deal, DealAction action, DateTime? date) => Read(deal, action, date);

        // Reads the deal, checks the day and the transition, writes, and returns the deal as stored afterwards.
        private PartnerDeal Transition(PartnerDeal deal, DealAction action, DateTime? date, Action<DealState, DealStateRow> write)
        {
            var (state, row) = Read(deal, action, date);
            write(state, row);
            return Reread(deal.Id) ?? throw NotFound(deal);
        }

        // Reads the deal as of the transition's day and checks the day and the transition (the same facts -WhatIf is told).
        private (DealState State, DealStateRow Row) Read(PartnerDeal deal, DealAction action, DateTime? date)
        {
            var today = _today().Date;
            var day = PartnerRules.CheckDate(date, "Date") ?? today;
            var row = Query<DealStateRow>(SelectState + " WHERE d.id = @id", new { id = deal.Id, day = PartnerRules.FormatDate(day) }).FirstOrDefault() ?? throw NotFound(deal);
            var state = row.ToState(day);
            DealTransitions.Day(date, state, today);
            DealTransitions.Require(state, action);
            return (state, row);
        }

        private DealState? One(string sql, object parameters, DateTime day) => Query<DealStateRow>(sql, parameters).FirstOrDefault()?.ToState(day);

        private static object Customer(DealState state) =>
            new { matchKey = state.CustomerMatchKey, country = state.CustomerCountry, partnerId = state.PartnerId, day = Day(state) };

        // Another partner's deal for the deal's customer approved on some day from `from` to `to`, or null.
        private DealState? ApprovedDuring(DealState state, DateTime from, DateTime to) => One(
            ApprovedByOtherDuring,
            new
            {
                matchKey = state.CustomerMatchKey,
                country = state.CustomerCountry,
                partnerId = state.PartnerId,
                day = Day(state),
                from = PartnerRules.FormatDate(from),
                to = PartnerRules.FormatDate(to),
            },
            state.Day);

        private static string Day(DealState state) => PartnerRules.FormatDate(state.Day);

        private string Now() => PartnerRules.FormatTimestamp(_utcNow());

        private static string? Format(DateTime? day) => day is DateTime d ? PartnerRules.FormatDate(d) : null;

        private PartnerOpsException NotFound(PartnerDeal deal) =>
            DealLookup.NotFound(DealLookup.IdText(deal.Id), deal.Id, Location, $" (the {deal} was removed meanwhile)");

        private static PartnerOpsException HeldAlready(DealState deal, DealValues next, DealState other) =>
            new PartnerOpsException(
                ErrorIds.PartnerDealExists,
                FailureKind.AlreadyExists,
                $"Partner '{TextRules.Shown(deal.Partner)}' already holds the customer '{TextRules.Shown(other.Customer)}' ({other.CustomerCountry}) in segment " +
                $"'{TextRules.Shown(next.Segment)}' with deal {other.Id.ToString(CultureInfo.InvariantCulture)} ({other.Status}, protected until " +
                $"{PartnerRules.FormatDate(other.ExpiresOn)}): {deal} cannot hold it too; give another segment, or close one of the two deals. {DealRules.MatchedBy}",
                deal.Id);
    }
}
