using System;
using System.Management.Automation;
using PartnerOps.Storage;

namespace PartnerOps.Commands
{
    /// <summary>Shared by Set-Partner and Remove-Partner: one partner named by -Id, -Name or a piped Partner, written in batches.</summary>
    public abstract class PartnerIdentityCmdlet : PartnerOpsCmdlet, IDisposable
    {
        protected const string ByName = nameof(ByName);
        protected const string ById = nameof(ById);
        protected const string ByInputObject = nameof(ByInputObject);

        private PipelinedWrites? _writes;

        #region Parameters

        /// <summary>The exact name (case-insensitive; no wildcards: pipe Get-Partner to act on many).</summary>
        [Parameter(ParameterSetName = ByName, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("PartnerName")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(PartnerNameCompleter))]
        public string? Name { get; set; }

        [Parameter(ParameterSetName = ById, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("PartnerId")]
        public long Id { get; set; }

        [Parameter(ParameterSetName = ByInputObject, Mandatory = true, ValueFromPipeline = true)]
        public Partner? InputObject { get; set; }

        #endregion

        /// <summary>What the errors of this item point at: the piped object, or the id or name given.</summary>
        protected object Target => (object?)InputObject ?? (ParameterSetName == ById ? Id : (object?)Name) ?? string.Empty;

        protected PartnerRepository Partners => _writes!.Partners;

        /// <summary>
        /// Looks the partner up, asks ShouldProcess with the description <paramref name="describe"/> gives (which
        /// may refuse the item by throwing), then runs <paramref name="write"/> in the batch and passes its
        /// result on with -PassThru. The write runs again the checks that must hold inside the transaction.
        /// </summary>
        internal void WithPartner(string action, ConfirmImpact impact, Func<Partner, PipelinedWrites, string> describe, Func<Partner, PipelinedWrites, object?> write, bool emit)
        {
            var writes = _writes ??= new PipelinedWrites(OpenStore(create: false));
            SeeOtherWrites(writes.Store, writes.Batch);
            Partner? partner = null;
            string? description = null;
            PerItem(Target, () =>
            {
                partner = ParameterSetName switch
                {
                    ById => Partners.Require(Id, null),
                    ByInputObject => Partners.Require(InputObject!.Id, null),
                    _ => Partners.Require(null, Name),
                };
                description = describe(partner, writes);
            });
            if (partner == null || description == null || !ShouldWrite(writes, description, action, impact))
            {
                return;
            }

            WriteItem(writes, Target, () => write(partner, writes), emit);
        }

        /// <summary>How -Verbose describes what was done, e.g. "Updated".</summary>
        protected abstract string Verb { get; }

        protected override void EndProcessing() => CompleteWrites(_writes, Verb);

        public void Dispose() => _writes?.Dispose();
    }
}
