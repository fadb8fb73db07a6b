using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PartnerOps.Data;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Lists registered deals as they stood on a day (issue 19; today, UTC, or -AsOf): the deals registered by then, each with its
    /// status that day (a Submitted or Approved deal past its ExpiresOn reads Expired) and the other partners' deals holding the
    /// same customer that day (ConflictsWith). Piped objects name partners (each in its own database unless -Database is given):
    /// partners, records that name one, rows, names or ids. By RegisteredOn, then Id.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PartnerDeal")]
    [OutputType(typeof(PartnerDeal))]
    public sealed class GetPartnerDealCommand : PartnerOpsCmdlet
    {
        #region Parameters

        /// <summary>Partners by name (wildcards) or id.</summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(PartnerNameCompleter))]
        [PartnerReferenceTransformation(Multiple = true)]
        public PartnerReference[]? Partner { get; set; }

        /// <summary>Only deals with these statuses on the day (Submitted, Approved, Denied, Won, Lost, Expired).</summary>
        [Parameter]
        [EnumValue(typeof(DealStatus), List = true)]
        public DealStatus[]? Status { get; set; }

        /// <summary>Customers (wildcards), compared as partner names are (case, width and spaces ignored).</summary>
        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ValueList]
        [ArgumentCompleter(typeof(DealCustomerCompleter))]
        public string[]? Customer { get; set; }

        /// <summary>Deal ids.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public long[]? Id { get; set; }

        /// <summary>References (exact, trimmed).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ValueList]
        [ArgumentCompleter(typeof(DealReferenceCompleter))]
        public string[]? Reference { get; set; }

        /// <summary>Only deals held on the day (Submitted or Approved, not expired) whose ExpiresOn is at most this many days after it (0: that day).</summary>
        [Parameter]
        [ValidateRange(0, DealRules.MaxValidDays)]
        public int? ExpiringWithin { get; set; }

        /// <summary>Only deals held on the day whose customer (match key: case, accents and spacing ignored; and country) another partner holds too.</summary>
        [Parameter]
        public SwitchParameter Conflicting { get; set; }

        /// <summary>The calendar day the deals are read as of (statuses, conflicts, expiry); default today (UTC).</summary>
        [Parameter]
        [DateTransformation]
        public DateTime? AsOf { get; set; }

        /// <summary>
        /// The partners whose deals to get: partners (live or deserialized), records that name a partner, rows with Name,
        /// PartnerName or PartnerId, names (wildcards) or ids.
        /// </summary>
        [Parameter(ValueFromPipeline = true)]
        public PSObject[]? InputObject { get; set; }

        #endregion

        protected override void BeginProcessing()
        {
            // A pattern PowerShell's -like would reject ('[abc') is refused, not matched literally.
            foreach (var pattern in Customer ?? Array.Empty<string>())
            {
                try
                {
                    NamePattern.Require(pattern.Trim(), nameof(Customer), ErrorIds.InvalidPartnerValue);
                }
                catch (PartnerOpsException ex)
                {
                    Failures.ThrowFailure(ex, pattern);
                }
            }

            try
            {
                DealRules.CheckDay(AsOf, nameof(AsOf));
            }
            catch (PartnerOpsException ex)
            {
                Failures.ThrowFailure(ex, AsOf);
            }
        }

        protected override void ProcessRecord() => Piped.ReadPerPartner(Partner, InputObject, Write);

        private void Write(IPartnerDatabase store, PartnerReference[]? partners, object? item)
        {
            PipelineWriter.SeeOtherWrites(store);
            var filter = new DealFilter { AsOf = AsOf?.Date, ExpiringWithin = ExpiringWithin, Conflicting = Conflicting };
            if (partners != null)
            {
                filter.RestrictPartners = true;
                foreach (var missing in store.Partners.Resolve(partners, filter.PartnerIds, filter.PartnerNames, idsAsGiven: false))
                {
                    Failures.WriteFailure(missing, item ?? missing.Target);
                }
            }

            foreach (var customer in Customer ?? Array.Empty<string>())
            {
                filter.Customers.Add(NamePattern.ParseName(customer.Trim()));
            }

            filter.Ids.UnionWith(Id ?? Array.Empty<long>());
            foreach (var reference in Reference ?? Array.Empty<string>())
            {
                filter.References.Add(reference.Trim());
            }

            filter.Statuses.UnionWith(Status ?? Array.Empty<DealStatus>());
            var seenIds = new HashSet<long>();
            var seenReferences = new HashSet<string>(StringComparer.Ordinal);
            Output.WriteRows(store.Deals.Find(filter).Select(deal =>
            {
                seenIds.Add(deal.Id);
                seenReferences.Add(deal.Reference ?? string.Empty);
                return deal;
            }));

            // An -Id or -Reference of no deal at all is an error naming it; one that other filters (or -AsOf) left out is not.
            foreach (var id in filter.Ids.Where(id => !seenIds.Contains(id) && store.Deals.GetById(id) == null))
            {
                Failures.WriteFailure(DealLookup.NotFound(DealLookup.IdText(id), id, store.Path), id);
            }

            foreach (var reference in filter.References.Where(r => !seenReferences.Contains(r) && store.Deals.GetByReference(r) == null))
            {
                Failures.WriteFailure(DealLookup.NotFound($"the reference '{TextRules.Shown(reference)}'", reference, store.Path), reference);
            }

            SqlTrace.Flush();
        }
    }
}
