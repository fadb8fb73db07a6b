using System;
using System.Collections.Generic;
using System.Management.Automation;
using PartnerOps.Data;

namespace PartnerOps.Commands
{
    /// <summary>
    /// The dated Status and Tier changes of partners, in the partners' name order, then by effective date: what each partner
    /// was from which day, who recorded it and why. Piped objects name partners (each in its own database unless -Database is
    /// given): partners, records that name one, rows, names or ids.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PartnerStatusHistory")]
    [OutputType(typeof(StatusChange))]
    public sealed class GetPartnerStatusHistoryCommand : PartnerOpsCmdlet
    {
        #region Parameters

        /// <summary>Only the changes of these partners: names (wildcards) or ids, or partner objects.</summary>
        [Parameter(Position = 0)]
        [ArgumentCompleter(typeof(PartnerNameCompleter))]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [PartnerReferenceTransformation(Multiple = true)]
        public PartnerReference[]? Partner { get; set; }

        /// <summary>
        /// Only the changes of the partners these objects name, each in its own database unless -Database is given: partners
        /// (live or deserialized), records that name a partner, rows with Name, PartnerName or PartnerId, names or ids.
        /// </summary>
        [Parameter(ValueFromPipeline = true)]
        public PSObject[]? InputObject { get; set; }

        /// <summary>Only changes of Status, or of Tier; both when not given.</summary>
        [Parameter]
        public StatusAttribute[]? Attribute { get; set; }

        /// <summary>Only changes effective on or after this day.</summary>
        [Parameter]
        [DateTransformation]
        public DateTime? From { get; set; }

        /// <summary>Only changes effective on or before this day.</summary>
        [Parameter]
        [DateTransformation]
        public DateTime? To { get; set; }

        #endregion

        protected override void BeginProcessing()
        {
            // A period that ends before it begins finds nothing: say so before any piped object is read.
            if (From?.Date > To?.Date)
            {
                Failures.ThrowFailure(
                    new PartnerOpsException(
                        ErrorIds.InvalidPartnerValue,
                        FailureKind.InvalidArgument,
                        $"-From {PartnerRules.FormatDate(From!.Value)} is after -To {PartnerRules.FormatDate(To!.Value)}: the period must not end before it begins. Nothing was read.",
                        PartnerRules.FormatDate(From!.Value)),
                    From);
            }
        }

        protected override void ProcessRecord() => Piped.ReadPerPartner(Partner, InputObject, Write);

        // The changes of the partners (all partners' without any), errors for partners that are not there pointing at the
        // piped item when there is one.
        private void Write(IPartnerDatabase store, PartnerReference[]? partners, object? item)
        {
            PipelineWriter.SeeOtherWrites(store);
            var filter = new StatusChangeFilter { From = From?.Date, To = To?.Date };
            if (partners != null)
            {
                filter.PartnerIds = new HashSet<long>();
                foreach (var missing in store.Partners.Resolve(partners, filter.PartnerIds, wildcards: null, idsAsGiven: false))
                {
                    Failures.WriteFailure(missing, item ?? missing.Target);
                }
            }

            foreach (var attribute in Attribute ?? Array.Empty<StatusAttribute>())
            {
                filter.Attributes.Add(attribute);
            }

            Output.WriteRows(store.StatusHistory.Find(filter));

            SqlTrace.Flush();
        }

        protected override void EndProcessing() => Dispose();
    }
}
