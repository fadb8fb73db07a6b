using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PartnerOps.Data
{
    /// <summary>
    /// The rules of registering a deal (issue 19) that are the same on every backend: the draft validated into the deal to store,
    /// the reads that refuse it or find its conflicts, the insert, and the texts of its refusal and of its conflict warning.
    /// </summary>
    public static class DealRegistrations
    {
        /// <summary>
        /// The other partners' deals that hold a customer (match key and country) on a day from @periodFrom to @periodTo (the new
        /// deal's protection, <see cref="DealSql.HeldDuring"/>), in id order, after <see cref="DealLookup.Select"/>'s columns (read as
        /// of @day): parameters of <see cref="HoldingParameters"/>.
        /// </summary>
        public static readonly string OthersHoldingWhere =
            " WHERE d.customer_match_key = @key AND d.customer_country = @country AND d.partner_id <> @partnerId AND " +
            DealSql.HeldDuring("d", "periodFrom", "periodTo") + " ORDER BY d.id";

        /// <summary>
        /// The partner's own deals that hold a customer (match key and country) and segment on a day from @periodFrom to @periodTo,
        /// first held first: parameters of <see cref="HoldingParameters"/>.
        /// </summary>
        public static readonly string OwnHeldWhere =
            " WHERE d.customer_match_key = @key AND d.customer_country = @country AND d.partner_id = @partnerId AND d.segment_key = @segmentKey AND " +
            DealSql.HeldDuring("d", "periodFrom", "periodTo") + " ORDER BY d.registered_on, d.id";

        /// <summary>
        /// The status (a <see cref="PartnerStatus"/> name) partner @id had on @day ('yyyy-MM-dd'), as Get-Partner -AsOf reads it
        /// (the partner's dated status changes), one text on every backend.
        /// </summary>
        public static readonly string PartnerStatusOn =
            $"SELECT {StatusSql.On(StatusSql.Status, "p", "day")} FROM partners p WHERE p.id = @id";

        /// <summary>The insert of a deal as registered (parameters: <see cref="StoredValues"/>), returning its id.</summary>
        public const string Insert =
            @"INSERT INTO deals (partner_id, customer, customer_key, customer_match_key, customer_country, segment, segment_key, product, amount, currency,
                  expected_close, reference, status, registered_on, expires_on, created_at, updated_at)
              VALUES (@PartnerId, @Customer, @CustomerKey, @CustomerMatchKey, @CustomerCountry, @Segment, @SegmentKey, @Product, @Amount, @Currency,
                  @ExpectedClose, @Reference, 'Submitted', @RegisteredOn, @ExpiresOn, @Now, @Now) RETURNING id";

        /// <summary>
        /// A new deal as it will be stored (status Submitted): its partner (<paramref name="requirePartner"/> resolves the draft's;
        /// in the programme on its RegisteredOn: <paramref name="statusOn"/> gives the partner's status on a day), its values
        /// validated by <see cref="DealRules"/> (today: <paramref name="today"/>, the UTC date), its reference no other deal's
        /// (<paramref name="byReference"/>) and no deal of its partner holding the same customer and segment on any day of its
        /// protection, RegisteredOn to ExpiresOn (<paramref name="ownHeld"/>: the deal's values, the deals found).
        /// </summary>
        /// <exception cref="PartnerOpsException">
        /// InvalidPartnerValue, InvalidCountryCode, InvalidCurrencyCode, InvalidAmount, the partner's PartnerNotFound or
        /// ObjectFromOtherDatabase, PartnerDealExists.
        /// </exception>
        public static PartnerDeal ToRegister(
            DealDraft draft,
            Func<PartnerReference, Partner> requirePartner,
            Func<string, PartnerDeal?> byReference,
            Func<PartnerDeal, IEnumerable<PartnerDeal>> ownHeld,
            Func<long, DateTime, string?> statusOn,
            string database,
            DateTime today)
        {
            var partner = requirePartner(draft.Partner ?? throw new PartnerOpsException(
                ErrorIds.InvalidPartnerValue,
                FailureKind.InvalidArgument,
                $"The deal for customer '{TextRules.Shown(draft.Customer)}' names no partner: give -Partner (a name, an id or a Partner object), or pipe a partner (Get-Partner) or a row with a Partner column.",
                draft.Customer));
            var (registeredOn, expiresOn) = DealRules.Period(draft.RegisteredOn, draft.ValidDays, draft.ExpiresOn, today, draft.ExpiresOnFromRow);
            DealRules.CheckPartnerOn(partner, statusOn(partner.Id, registeredOn), registeredOn, today);
            var customer = DealRules.NormalizeCustomer(draft.Customer);
            var country = DealRules.NormalizeCustomerCountry(draft.CustomerCountry);
            var (amount, currency, _) = DealRules.CheckAmount(draft.Amount, draft.Currency, registeredOn);
            var deal = new PartnerDeal
            {
                PartnerId = partner.Id,
                Partner = partner.Name,
                Region = partner.Region,
                Customer = customer,
                CustomerCountry = country,
                Segment = DealRules.NormalizeSegment(draft.Segment),
                Product = DealRules.NormalizeProduct(draft.Product),
                Amount = amount,
                Currency = currency,
                ExpectedClose = DealRules.CheckDay(draft.ExpectedClose, "ExpectedClose"),
                Reference = DealRules.NormalizeReference(draft.Reference),
                Status = DealStatus.Submitted,
                RegisteredOn = registeredOn,
                ExpiresOn = expiresOn,
                Database = database,
            };
            if (deal.Reference != null && byReference(deal.Reference) is PartnerDeal other)
            {
                throw new PartnerOpsException(
                    ErrorIds.PartnerDealExists,
                    FailureKind.AlreadyExists,
                    $"Reference '{TextRules.Shown(deal.Reference)}' is already used by {Describe(other)}: a deal's reference is unique; nothing was written.",
                    draft.Reference);
            }

            if (ownHeld(deal).FirstOrDefault() is PartnerDeal held)
            {
                // Held on RegisteredOn: named with its status that day; held only from a later day of the period: from that day.
                var when = held.RegisteredOn <= registeredOn
                    ? $"on {PartnerRules.FormatDate(registeredOn)}: {Describe(held)} ({held.Status}, registered {PartnerRules.FormatDate(held.RegisteredOn)}, "
                    : $"from {PartnerRules.FormatDate(held.RegisteredOn)}, within the new deal's protection ({PartnerRules.FormatDate(registeredOn)} to {PartnerRules.FormatDate(expiresOn)}): " +
                      $"{Describe(held)} (registered {PartnerRules.FormatDate(held.RegisteredOn)}, ";
                var shorter = held.RegisteredOn <= registeredOn ? string.Empty
                    : $" To register the earlier deal, give it an ExpiresOn before {PartnerRules.FormatDate(held.RegisteredOn)}.";
                throw new PartnerOpsException(
                    ErrorIds.PartnerDealExists,
                    FailureKind.AlreadyExists,
                    $"Partner '{TextRules.Shown(partner.Name)}' already holds customer '{TextRules.Shown(held.Customer)}' ({held.CustomerCountry}) in segment " +
                    $"'{TextRules.Shown(held.Segment)}' {when}" +
                    $"expires {PartnerRules.FormatDate(held.ExpiresOn)}); nothing was written. {DealRules.MatchedBy} A denied, lost, won or expired deal does not block a new one.{shorter}",
                    draft.Customer);
            }

            return deal;
        }

        /// <summary>The parameters of the reads of <see cref="OwnHeldWhere"/> and <see cref="OthersHoldingWhere"/> for a deal to register.</summary>
        public static object HoldingParameters(PartnerDeal deal) => new
        {
            partnerId = deal.PartnerId,
            key = DealRules.CustomerMatchKey(deal.Customer),
            country = deal.CustomerCountry,
            segmentKey = RevenueRules.Key(deal.Segment),
            day = DealLookup.Day(deal.RegisteredOn),
            periodFrom = DealLookup.Day(deal.RegisteredOn),
            periodTo = DealLookup.Day(deal.ExpiresOn),
        };

        /// <summary>The values of a deal as registered (the insert's parameters, by these names), <paramref name="now"/> (UTC) as the timestamp.</summary>
        public static object StoredValues(PartnerDeal deal, DateTime now) => new
        {
            deal.PartnerId,
            deal.Customer,
            CustomerKey = DealRules.CustomerKey(deal.Customer),
            CustomerMatchKey = DealRules.CustomerMatchKey(deal.Customer),
            deal.CustomerCountry,
            deal.Segment,
            SegmentKey = RevenueRules.Key(deal.Segment),
            deal.Product,
            Amount = deal.Amount is decimal amount ? RevenueRules.ToMinorUnits(amount, deal.Currency!) : (long?)null,
            deal.Currency,
            ExpectedClose = ContactLookup.FormatDate(deal.ExpectedClose),
            deal.Reference,
            RegisteredOn = PartnerRules.FormatDate(deal.RegisteredOn),
            ExpiresOn = PartnerRules.FormatDate(deal.ExpiresOn),
            Now = PartnerRules.FormatTimestamp(now),
        };

        /// <summary>
        /// The warning of a deal registered while other partners held its customer on days of its protection (<paramref name="conflicts"/>,
        /// read as of its RegisteredOn): names those that hold it on RegisteredOn with their status and last day of protection, then
        /// those that hold it only from a later day of the period with the day they were registered.
        /// </summary>
        public static string ConflictWarning(PartnerDeal deal, IEnumerable<PartnerDeal> conflicts)
        {
            var all = conflicts.ToList();
            var onTheDay = all.Where(c => c.RegisteredOn <= deal.RegisteredOn).Select(c =>
                $"{Describe(c)} ({c.Status}, expires {PartnerRules.FormatDate(c.ExpiresOn)})").ToList();
            var later = all.Where(c => c.RegisteredOn > deal.RegisteredOn).Select(c =>
                $"{Describe(c)} (registered {PartnerRules.FormatDate(c.RegisteredOn)}, expires {PartnerRules.FormatDate(c.ExpiresOn)})").ToList();
            var laterText = $"later in its protection (to {PartnerRules.FormatDate(deal.ExpiresOn)}): {string.Join("; ", later)}";
            var held = onTheDay.Count == 0 ? laterText
                : $"on {PartnerRules.FormatDate(deal.RegisteredOn)}: {string.Join("; ", onTheDay)}" + (later.Count == 0 ? string.Empty : "; and " + laterText);
            return $"Deal {deal.Id.ToString(CultureInfo.InvariantCulture)} of partner '{TextRules.Shown(deal.Partner)}' was registered as Submitted, but other partners hold customer " +
                   $"'{TextRules.Shown(deal.Customer)}' ({deal.CustomerCountry}) {held}. {DealRules.MatchedBy} Approve one of them (Approve-PartnerDeal) for exclusive protection.";
        }

        /// <summary>A deal as messages name it: <c>deal 12 of partner 'Acme'</c>.</summary>
        public static string Describe(PartnerDeal deal) =>
            $"deal {deal.Id.ToString(CultureInfo.InvariantCulture)} of partner '{TextRules.Shown(deal.Partner)}'";
    }
}
