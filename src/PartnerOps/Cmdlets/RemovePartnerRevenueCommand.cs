using System;
using System.Globalization;
using System.Management.Automation;

namespace PartnerOps.Commands
{
    /// <summary>Deletes revenue records by id, or the PartnerRevenue objects piped in.</summary>
    [Cmdlet(VerbsCommon.Remove, "PartnerRevenue", DefaultParameterSetName = ById, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemovePartnerRevenueCommand : PartnerOpsCmdlet, IDisposable
    {
        private const string ById = nameof(ById);
        private const string ByInputObject = nameof(ByInputObject);

        private PipelinedWrites? _writes;

        #region Parameters

        /// <summary>Record ids. (Only PartnerRevenue objects bind from the pipeline, so a piped Partner's Id is never taken for one.)</summary>
        [Parameter(ParameterSetName = ById, Mandatory = true, Position = 0)]
        public long[] Id { get; set; } = Array.Empty<long>();

        [Parameter(ParameterSetName = ByInputObject, Mandatory = true, ValueFromPipeline = true)]
        public PartnerRevenue[] InputObject { get; set; } = Array.Empty<PartnerRevenue>();

        #endregion

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ById)
            {
                foreach (var id in Id)
                {
                    Remove(id, id, "Id " + id.ToString(CultureInfo.InvariantCulture));
                }
            }
            else
            {
                foreach (var record in InputObject)
                {
                    Remove(record.Id, record, $"Id {record.Id.ToString(CultureInfo.InvariantCulture)}: {record}");
                }
            }
        }

        protected override void EndProcessing() => CompleteWrites(_writes, "Removed", "revenue record(s)");

        public void Dispose() => _writes?.Dispose();

        private void Remove(long id, object target, string description)
        {
            if (!ShouldWrite(_writes, description, "Remove revenue", ConfirmImpact.High))
            {
                return;
            }

            var writes = _writes ??= new PipelinedWrites(OpenStore(create: false));
            WriteItem(writes, target, () =>
            {
                writes.Revenue.Remove(id);
                return null;
            });
        }
    }
}
