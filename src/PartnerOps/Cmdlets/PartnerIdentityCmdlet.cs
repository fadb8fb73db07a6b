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

        /// <summary>Looks the partner up and runs <paramref name="work"/> on it inside the current batch; work says whether it wrote.</summary>
        internal void WithPartner(Func<Partner, PipelinedWrites, bool> work)
        {
            var writes = _writes ??= new PipelinedWrites(OpenStore(create: false));
            PerItem(Target, () => writes.Batch.Run(() =>
            {
                var partner = ParameterSetName switch
                {
                    ById => Partners.Require(Id, null),
                    ByInputObject => Partners.Require(InputObject!.Id, null),
                    _ => Partners.Require(null, Name),
                };
                if (work(partner, writes))
                {
                    writes.Written++;
                }

                return true;
            }));
        }

        /// <summary>How -Verbose describes what was done, e.g. "Updated".</summary>
        protected abstract string Verb { get; }

        protected override void EndProcessing() => CompleteWrites(_writes, Verb);

        public void Dispose() => _writes?.Dispose();
    }
}
