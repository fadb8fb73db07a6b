using System;
using System.Management.Automation;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Shared by the cmdlets that act on one deal at a time (issue 19: Approve-, Deny-, Set-, Close- and Remove-PartnerDeal): a
    /// deal named by -Id or -Reference, or piped deals (PartnerDeal objects, their deserialized forms, rows exported from them,
    /// rows with only a Reference),
    /// each in its own database unless -Database is given; written in batches. A deal that is not found is one
    /// PartnerDealNotFound error naming it, and the next item is read.
    /// </summary>
    public abstract class DealIdentityCmdlet : PartnerOpsCmdlet
    {
        protected const string ById = nameof(ById);
        protected const string ByReference = nameof(ByReference);
        protected const string ByInputObject = nameof(ByInputObject);

        #region Parameters

        /// <summary>The deal's id.</summary>
        [Parameter(ParameterSetName = ById, Mandatory = true, Position = 0)]
        [ValidateRange(1, long.MaxValue)]
        public long Id { get; set; }

        /// <summary>The deal's reference (exact, trimmed; no wildcards).</summary>
        [Parameter(ParameterSetName = ByReference, Mandatory = true)]
        [SingleValue]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(DealReferenceCompleter))]
        public string? Reference { get; set; }

        /// <summary>
        /// Deals: PartnerDeal objects (Get-PartnerDeal), their deserialized forms, rows with their Id (and PartnerId, Customer),
        /// or rows with only a Reference (looked up as -Reference is). A Reference column cannot bind -Reference by property
        /// name: every piped object binds this parameter first, so such rows are read here (issue 19).
        /// </summary>
        [Parameter(ParameterSetName = ByInputObject, Mandatory = true, ValueFromPipeline = true)]
        public PSObject[]? InputObject { get; set; }

        #endregion

        protected override void ProcessRecord()
        {
            switch (ParameterSetName)
            {
                case ById:
                    Act(null, Id, writes => writes.Deals.Require(Id));
                    return;
                case ByReference:
                    Act(null, Reference!, writes => writes.Deals.Require(Reference!));
                    return;
            }

            foreach (var ((deal, reference), item) in Piped.ReadPiped(InputObject, piped => piped.DealReferenceOnly() is string text ? ((DealReference?)null, (string?)text) : ((DealReference?)piped.Deal(), (string?)null)))
            {
                if (reference != null)
                {
                    Act(null, reference, writes => writes.Deals.Require(reference));
                }
                else
                {
                    Act(deal!.Database, item, writes => writes.Deals.Require(deal));
                }
            }
        }

        /// <summary>
        /// The change for one deal: <paramref name="find"/> reads it (as of today) in the batch of its database
        /// (<paramref name="origin"/>: the piped object's database, or null for this command's); <paramref name="target"/> is the
        /// target of its errors.
        /// </summary>
        private protected abstract void Act(string? origin, object target, Func<PipelinedWrites, PartnerDeal> find);

        /// <summary>
        /// Looks the deal up in its database (the piped object's own unless -Database is given), asks ShouldProcess with the
        /// description <paramref name="describe"/> gives, then runs <paramref name="write"/> in that database's batch and passes
        /// its result on when <paramref name="emit"/>. A failure of the look-up, the description or the write is one error for
        /// the item (nothing written for it); the next item goes on.
        /// </summary>
        internal void WithDeal(
            string? origin,
            object target,
            Func<PipelinedWrites, PartnerDeal> find,
            string action,
            ConfirmImpact impact,
            Func<PartnerDeal, PipelinedWrites, string> describe,
            Func<PartnerDeal, PipelinedWrites, object?> write,
            bool emit) =>
            RecordWrite.With(this, origin, target, find, action, impact, describe, write, emit);
    }
}
