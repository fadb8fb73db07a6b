using System;
using System.Management.Automation;
using PartnerOps.Data;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Shared by Set-Partner and Remove-Partner: partners named by -Id, -Name, or piped objects (each in its own
    /// database unless -Database is given), written in batches.
    /// </summary>
    public abstract class PartnerIdentityCmdlet : PartnerOpsCmdlet
    {
        protected const string ByName = nameof(ByName);
        protected const string ById = nameof(ById);
        protected const string ByInputObject = nameof(ByInputObject);

        #region Parameters

        /// <summary>The exact name (case-insensitive; no wildcards: pipe Get-Partner to act on many).</summary>
        [Parameter(ParameterSetName = ByName, Mandatory = true, Position = 0)]
        [Alias("PartnerName")]
        [NameTransformation]
        [SingleValue]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(PartnerNameCompleter))]
        public string? Name { get; set; }

        [Parameter(ParameterSetName = ById, Mandatory = true)]
        [Alias("PartnerId")]
        [IntegerTransformation]
        public long Id { get; set; }

        /// <summary>
        /// Partners (live or deserialized), records that name a partner (revenue, history, measures by Partner), rows
        /// with Name, PartnerName or PartnerId, names or ids; one or many.
        /// </summary>
        [Parameter(ParameterSetName = ByInputObject, Mandatory = true, ValueFromPipeline = true)]
        public PSObject[]? InputObject { get; set; }

        #endregion

        protected override void ProcessRecord()
        {
            switch (ParameterSetName)
            {
                case ById:
                    Act(new PartnerReference(Id), Id);
                    break;
                case ByName:
                    Act(new PartnerReference(Name!), Name!);
                    break;
                default:
                    foreach (var (reference, item) in Piped.PipedPartners(InputObject))
                    {
                        Act(reference, item);
                    }

                    break;
            }
        }

        /// <summary>The change for one partner: what ShouldProcess describes and what is written.</summary>
        protected abstract void Act(PartnerReference reference, object target);

        /// <summary>
        /// Looks the partner up in its database (the piped object's own unless -Database is given), asks ShouldProcess
        /// with the description <paramref name="describe"/> gives (which may refuse the item by throwing), then runs
        /// <paramref name="write"/> in that database's batch and passes its result on with -PassThru. The write runs
        /// again the checks that must hold inside the transaction.
        /// </summary>
        internal void WithPartner(
            PartnerReference reference,
            object target,
            string action,
            ConfirmImpact impact,
            Func<Partner, PipelinedWrites, string> describe,
            Func<Partner, PipelinedWrites, object?> write,
            bool emit)
        {
            if (!(Stores.WritesFor(reference.Database, create: false, target) is PipelinedWrites writes))
            {
                return;
            }

            PipelineWriter.SeeOtherWrites(writes.Store, writes.Batch);
            Partner? partner = null;
            string? description = null;
            Failures.PerItem(target, () =>
            {
                partner = writes.Partners.Require(reference);
                description = describe(partner, writes) + Stores.WhereUnlessDefault(writes.Store);
            });
            if (partner == null || description == null || !Writer.ShouldWrite(description, action, impact))
            {
                return;
            }

            Writer.WriteItem(writes, target, () => write(partner, writes), emit);
        }

        /// <summary>How -Verbose describes what was done, e.g. "Updated".</summary>
        protected abstract string Verb { get; }

        protected override void EndProcessing() => Writer.CompleteWrites(Verb);
    }
}
