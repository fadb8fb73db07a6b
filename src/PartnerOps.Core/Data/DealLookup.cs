using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Dapper;

namespace PartnerOps.Data
{
    /// <summary>A deal as both backends read it (the columns of <see cref="DealLookup.Select"/>, by these names).</summary>
    public sealed class DealRow
    {
        public long Id { get; set; }

        public long PartnerId { get; set; }

        /// <summary>The partner's name.</summary>
        public string Partner { get; set; } = string.Empty;

        /// <summary>The partner's region, or null.</summary>
        public string? Region { get; set; }

        public string Customer { get; set; } = string.Empty;

        public string CustomerCountry { get; set; } = string.Empty;

        public string Segment { get; set; } = string.Empty;

        public string? Product { get; set; }

        /// <summary>The amount in whole minor units of <see cref="Currency"/>, or null.</summary>
        public long? AmountMinor { get; set; }

        public string? Currency { get; set; }

        /// <summary>'yyyy-MM-dd', or null.</summary>
        public string? ExpectedClose { get; set; }

        public string? Reference { get; set; }

        /// <summary>The status on the day read (<see cref="DealSql.StatusOn"/>), a <see cref="DealStatus"/> name.</summary>
        public string Status { get; set; } = string.Empty;

        /// <summary>'yyyy-MM-dd'.</summary>
        public string RegisteredOn { get; set; } = string.Empty;

        /// <summary>'yyyy-MM-dd'.</summary>
        public string ExpiresOn { get; set; } = string.Empty;

        /// <summary>'yyyy-MM-dd' when decided by the day read, else null.</summary>
        public string? DecidedOn { get; set; }

        /// <summary>'yyyy-MM-dd' when closed by the day read, else null.</summary>
        public string? ClosedOn { get; set; }

        public string? Reason { get; set; }

        public long? RevenueId { get; set; }

        /// <summary>The amount won in whole minor units of <see cref="WonCurrency"/>, when won by the day read, else null.</summary>
        public long? WonAmountMinor { get; set; }

        /// <summary>The ISO 4217 code of <see cref="WonAmountMinor"/>, or null.</summary>
        public string? WonCurrency { get; set; }

        /// <summary>The ids of the other partners' deals holding the customer on the day read, comma separated, or null.</summary>
        public string? ConflictsWith { get; set; }

        /// <summary>When the deal was stored (UTC, as stored).</summary>
        public DateTime CreatedAt { get; set; }

        /// <summary>When the deal was last changed (UTC, as stored).</summary>
        public DateTime UpdatedAt { get; set; }

        /// <summary>The deal as the cmdlets show it, from <paramref name="database"/>.</summary>
        public PartnerDeal ToDeal(string database) => new PartnerDeal
        {
            Id = Id,
            PartnerId = PartnerId,
            Partner = Partner,
            Region = Region,
            Customer = Customer,
            CustomerCountry = CustomerCountry,
            Segment = Segment,
            Product = Product,
            Amount = AmountMinor is long minor && Currency != null ? RevenueRules.FromMinorUnits(minor, Currency) : (decimal?)null,
            Currency = Currency,
            ExpectedClose = ContactLookup.ParseDate(ExpectedClose),
            Reference = Reference,
            Status = (DealStatus)Enum.Parse(typeof(DealStatus), Status, ignoreCase: false),
            RegisteredOn = ContactLookup.ParseDate(RegisteredOn)!.Value,
            ExpiresOn = ContactLookup.ParseDate(ExpiresOn)!.Value,
            DecidedOn = ContactLookup.ParseDate(DecidedOn),
            ClosedOn = ContactLookup.ParseDate(ClosedOn),
            Reason = Reason,
            RevenueId = RevenueId,
            WonAmount = WonAmountMinor is long won && WonCurrency != null ? RevenueRules.FromMinorUnits(won, WonCurrency) : (decimal?)null,
            WonCurrency = WonAmountMinor != null ? WonCurrency : null,
            ConflictsWith = string.IsNullOrEmpty(ConflictsWith)
                ? Array.Empty<long>()
                : ConflictsWith!.Split(',').Select(id => long.Parse(id, NumberStyles.None, CultureInfo.InvariantCulture)).OrderBy(id => id).ToArray(),
            CreatedAt = CreatedAt,
            UpdatedAt = UpdatedAt,
            Database = database,
        };
    }

    /// <summary>
    /// The SQL of reading deals, the same on every backend but for one aggregate (the list of conflicting ids: SQLite's
    /// group_concat, PostgreSQL's string_agg): statuses, conflicts and expiry as of a day bound as <c>@day</c>.
    /// </summary>
    public static class DealLookup
    {
        /// <summary>
        /// The other partners' deals (alias o) holding the customer of the deal d on the day: same customer match key
        /// (<see cref="DealRules.CustomerMatchKey"/>) and country
        /// (the index deals_customer), another partner, held (<see cref="DealSql.HeldOn"/>).
        /// </summary>
        public static readonly string OthersHolding =
            "FROM deals o WHERE o.customer_match_key = d.customer_match_key AND o.customer_country = d.customer_country AND o.partner_id <> d.partner_id AND "
            + DealSql.HeldOn("o", "day");

        /// <summary>
        /// The columns of a deal read (alias d, its partner p), named as <see cref="DealRow"/>'s properties, as of the day @day:
        /// its status that day, DecidedOn, ClosedOn, RevenueId and the amount won only when they happened by then, the Reason (of a denial, a loss or
        /// a new ExpiresOn) only from the day it was given (reason_on), and the conflicting deals when it holds its customer that day. <paramref name="idList"/> aggregates
        /// o.id into comma-separated text.
        /// </summary>
        public static string Select(string idList) =>
            "SELECT d.id AS Id, d.partner_id AS PartnerId, p.name AS Partner, p.region AS Region, d.customer AS Customer, " +
            "d.customer_country AS CustomerCountry, d.segment AS Segment, d.product AS Product, d.amount AS AmountMinor, d.currency AS Currency, " +
            "d.expected_close AS ExpectedClose, d.reference AS Reference, " + DealSql.StatusOn("d", "day") + " AS Status, " +
            "d.registered_on AS RegisteredOn, d.expires_on AS ExpiresOn, " +
            "CASE WHEN d.decided_on <= @day THEN d.decided_on END AS DecidedOn, CASE WHEN d.closed_on <= @day THEN d.closed_on END AS ClosedOn, " +
            "CASE WHEN d.reason_on > @day THEN NULL ELSE d.reason END AS Reason, " +
            "CASE WHEN d.closed_on <= @day THEN d.revenue_id END AS RevenueId, " +
            "CASE WHEN d.closed_on <= @day THEN d.won_amount END AS WonAmountMinor, CASE WHEN d.closed_on <= @day THEN d.won_currency END AS WonCurrency, " +
            "CASE WHEN " + DealSql.HeldOn("d", "day") + " THEN (SELECT " + idList + " " + OthersHolding + ") END AS ConflictsWith, " +
            "d.created_at AS CreatedAt, d.updated_at AS UpdatedAt " +
            "FROM deals d JOIN partners p ON p.id = d.partner_id";

        /// <summary>The order deals are listed in: by RegisteredOn, then Id.</summary>
        public const string OrderBy = " ORDER BY d.registered_on, d.id";

        /// <summary>A day as the deals' SQL binds it ('yyyy-MM-dd').</summary>
        public static string Day(DateTime day) => PartnerRules.FormatDate(day);

        /// <summary>
        /// The WHERE clause (with its parameters, @day among them) of a filter over deals (alias d) on any backend: always the deals
        /// registered by the day.
        /// </summary>
        internal static (string Where, DynamicParameters Parameters) Where(FilterDialect sql, DealFilter filter)
        {
            var day = filter.Day;
            var parameters = new DynamicParameters();
            parameters.Add("day", Day(day));
            var clauses = new List<string> { DealSql.ExistsOn("d", "day") };
            if (filter.RestrictPartners)
            {
                clauses.Add(PartnerRestriction.Clause(sql, parameters, "d.partner_id", filter.PartnerIds, filter.PartnerNames));
            }

            sql.AddIn(clauses, parameters, "d.id", "ids", filter.Ids);
            sql.AddIn(clauses, parameters, "d.reference", "references", filter.References);
            sql.AddMatching(clauses, parameters, "d.customer_key", "customer", filter.Customers, "customer_key", "deals");
            if (filter.Statuses.Count > 0)
            {
                clauses.Add(DealSql.StatusOn("d", "day") + " IN (" + string.Join(", ", filter.Statuses.OrderBy(s => s).Select(s => "'" + s + "'")) + ")");
            }

            if (filter.ExpiringWithin is int days)
            {
                clauses.Add(DealSql.HeldOn("d", "day") + " AND d.expires_on <= @until");
                parameters.Add("until", Day(day.AddDays(days)));
            }

            if (filter.Conflicting)
            {
                clauses.Add(DealSql.HeldOn("d", "day") + " AND EXISTS (SELECT 1 " + OthersHolding + ")");
            }

            return (" WHERE " + string.Join(" AND ", clauses), parameters);
        }

        /// <summary>The WHERE clause of one deal by id (@id) as of @day: none when it was registered after that day.</summary>
        public static string ById => " WHERE d.id = @id AND " + DealSql.ExistsOn("d", "day");

        /// <summary>PartnerDealNotFound (NotFound) for a deal named by <paramref name="what"/> ("Id 12", "the reference 'X'").</summary>
        public static PartnerOpsException NotFound(string what, object target, string database, string? more = null) =>
            new PartnerOpsException(
                ErrorIds.PartnerDealNotFound,
                FailureKind.NotFound,
                $"No deal with {what} was found in '{database}'{more}. Get-PartnerDeal lists the deals.",
                target);

        /// <summary>"Id 12", for messages.</summary>
        public static string IdText(long id) => "Id " + id.ToString(CultureInfo.InvariantCulture);

        /// <summary>
        /// The stored deal a piped object names: <paramref name="getById"/> reads it. PartnerDealNotFound when no deal has its
        /// id, or the one that has it is not the deal the object described; ObjectFromOtherDatabase.
        /// </summary>
        public static PartnerDeal Require(DealReference reference, Func<string, bool> sameDatabase, string database, Func<long, PartnerDeal?> getById)
        {
            reference.RequireDatabase(reference.Database != null && sameDatabase(reference.Database), database);
            var id = IdText(reference.Id);
            var found = getById(reference.Id) ?? throw NotFound(id, reference, database, $" (the {reference.Description}): it was removed");
            if (!reference.Matches(found))
            {
                throw new PartnerOpsException(
                    ErrorIds.PartnerDealNotFound,
                    FailureKind.NotFound,
                    $"The {reference.Description} does not describe deal {id} in '{database}', which is customer '{TextRules.Shown(found.Customer)}' of partner " +
                    $"'{TextRules.Shown(found.Partner)}': it was changed, or removed and its id given to another deal. Nothing was done; get the deals again (Get-PartnerDeal) and retry.",
                    reference);
            }

            return found;
        }
    }
}
