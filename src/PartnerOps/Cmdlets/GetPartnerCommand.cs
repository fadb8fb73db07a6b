using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PartnerOps.Data;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Finds partners by name (wildcards), id and properties; streams them sorted by name. Piped objects are looked up
    /// again, each in its own database unless -Database is given: partners by their Id (checked against their Name),
    /// records by the partner they name, names from objects literally.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "Partner", DefaultParameterSetName = ByName, SupportsPaging = true)]
    [OutputType(typeof(Partner))]
    public sealed class GetPartnerCommand : PartnerFilterCmdlet
    {
        private const string ByName = nameof(ByName);
        private const string ById = nameof(ById);
        private const string ByInputObject = nameof(ByInputObject);

        #region Parameters

        [Parameter(ParameterSetName = ByName, Position = 0)]
        [Alias("PartnerName")]
        [SupportsWildcards]
        [NameTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(PartnerNameCompleter))]
        public string[]? Name { get; set; }

        [Parameter(ParameterSetName = ById, Mandatory = true)]
        [Alias("PartnerId")]
        [IntegerTransformation(List = true)]
        public long[]? Id { get; set; }

        /// <summary>
        /// Names (wildcards, as typed) or ids, partners (live or deserialized), records that name a partner (revenue,
        /// history, measures by Partner), or rows with Name, PartnerName or PartnerId; one or many.
        /// </summary>
        [Parameter(ParameterSetName = ByInputObject, Mandatory = true, ValueFromPipeline = true)]
        public PSObject[]? InputObject { get; set; }

        /// <summary>
        /// Those that were partners on this date (joined on or before it, not ended by it, Onboarding, Active or Suspended that
        /// day), each with the Status and Tier of that day; -Status and -Tier compare those.
        /// </summary>
        [Parameter]
        [DateTransformation]
        public DateTime? AsOf { get; set; }

        /// <summary>
        /// Active partners (on -AsOf, else today) that became Active at least this many days before and have no revenue dated
        /// on or before that day.
        /// </summary>
        [Parameter]
        [IntegerTransformation]
        [ValidateRange(0, 36500)]
        public int? NotActivatedWithin { get; set; }

        /// <summary>Partners with no revenue record dated on or after this day (those that never sold included).</summary>
        [Parameter]
        [DateTransformation]
        public DateTime? NoRevenueSince { get; set; }

        #endregion

        protected override void ProcessRecord()
        {
            if (ParameterSetName != ByInputObject)
            {
                var store = Stores.ReadStoreAt(Choice.ResolveDatabasePath());
                var filter = BuildFilter();
                AddAll(filter.Names, Name?.Select(NamePattern.ParseName));
                AddAll(filter.Ids, Id);
                var seen = Write(store, filter);
                foreach (var missing in store.Partners.Unmatched(filter, seen))
                {
                    Failures.WriteFailure(RecordNotFound.Partner("'" + missing.Text + "'", missing.Text), missing.Text);
                }

                // A region or country that no partner has is most often a typo: say so, with the closest ones in use.
                WarnOfUnknownFilterValues(store, seen.Count == 0);

                return;
            }

            foreach (var (reference, item) in Piped.PipedPartners(InputObject))
            {
                if (!(Stores.ReadStoreFor(reference.Database, item) is IPartnerDatabase store))
                {
                    continue;
                }

                PipelineWriter.SeeOtherWrites(store);
                var filter = BuildFilter();
                var ids = new HashSet<long>();
                foreach (var missing in store.Partners.Resolve(new[] { reference }, ids, filter.Names, idsAsGiven: false))
                {
                    Failures.WriteFailure(missing, item);
                }

                AddAll(filter.Ids, ids);
                if (filter.Ids.Count > 0 || filter.Names.Count > 0)
                {
                    Write(store, filter);
                }
            }
        }

        // Streams the partners the filter matches; returns the name keys written (for the names that matched nothing).
        private HashSet<string> Write(IPartnerDatabase store, PartnerFilter filter)
        {
            PipelineWriter.SeeOtherWrites(store);
            var partners = store.Partners;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            Output.WriteRows(partners.Find(filter).Select(partner =>
            {
                seen.Add(PartnerRules.NameKey(partner.Name));
                return partner;
            }), () => partners.Count(filter));
            SqlTrace.Flush();
            return seen;
        }

        protected override void EndProcessing() => Dispose();

        private PartnerFilter BuildFilter()
        {
            var filter = BuildPartnerFilter();
            filter.AsOf = AsOf;
            if (AsOf != null)
            {
                WarnOfStatusesNeverOnADay();
            }

            filter.NotActivatedWithin = NotActivatedWithin;
            filter.NoRevenueSince = NoRevenueSince?.Date;
            filter.Today = DateTime.Today;
            filter.Skip = Output.PagingSkip;
            filter.First = Output.PagingFirst;
            return filter;
        }
    }
}
