using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PartnerOps.Data;

namespace PartnerOps.Commands
{
    /// <summary>The changes made through the module, newest first: who changed what, when, with old and new values.</summary>
    [Cmdlet(VerbsCommon.Get, "PartnerHistory", SupportsPaging = true)]
    [OutputType(typeof(HistoryEntry))]
    public sealed class GetPartnerHistoryCommand : PartnerOpsCmdlet
    {
        #region Parameters

        /// <summary>Only changes concerning these partners (their own and their revenue's): names (wildcards) or ids.</summary>
        [Parameter(Position = 0)]
        [ArgumentCompleter(typeof(PartnerNameCompleter))]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [PartnerReferenceTransformation(Multiple = true)]
        public PartnerReference[]? Partner { get; set; }

        /// <summary>
        /// Only changes concerning the partners these objects name, each in its own database unless -Database is given:
        /// partners (live or deserialized), records that name a partner, rows with Name, PartnerName or PartnerId, names or ids.
        /// </summary>
        [Parameter(ValueFromPipeline = true)]
        public PSObject[]? InputObject { get; set; }

        /// <summary>Only changes made at or after this time (local time unless it says otherwise).</summary>
        [Parameter]
        [DateTransformation(Time = true)]
        public DateTime? Since { get; set; }

        [Parameter]
        public HistoryOperation[]? Operation { get; set; }

        [Parameter]
        public HistoryEntity[]? Entity { get; set; }

        #endregion

        protected override void ProcessRecord() => Piped.ReadPerPartner(Partner, InputObject, Write);

        // The history of the partners (all of it without partners), newest first; errors for partners that are not there
        // point at the piped item when there is one.
        private void Write(IPartnerDatabase store, PartnerReference[]? partners, object? item)
        {
            PipelineWriter.SeeOtherWrites(store);
            var filter = new HistoryFilter
            {
                Since = Since,
                Skip = Output.PagingSkip,
                First = Output.PagingFirst,
            };
            if (partners != null)
            {
                // Ids as given: a removed partner's history stays readable by its id.
                filter.PartnerIds = new HashSet<long>();
                foreach (var missing in store.Partners.Resolve(partners, filter.PartnerIds, wildcards: null, idsAsGiven: true))
                {
                    Failures.WriteFailure(missing, item ?? missing.Target);
                }
            }

            foreach (var operation in Operation ?? Array.Empty<HistoryOperation>())
            {
                filter.Operations.Add(operation);
            }

            foreach (var entity in Entity ?? Array.Empty<HistoryEntity>())
            {
                filter.Entities.Add(entity);
            }

            var history = store.History;
            Output.WriteRows(history.Find(filter), () => history.Count(filter));

            SqlTrace.Flush();
        }

        protected override void EndProcessing() => Dispose();
    }
}
