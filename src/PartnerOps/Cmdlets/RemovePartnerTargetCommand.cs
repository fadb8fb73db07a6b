using System;
using System.Globalization;
using System.Management.Automation;

namespace PartnerOps.Commands
{
    /// <summary>Deletes targets: by metric, year and region, by id, or the PartnerTarget objects piped in.</summary>
    [Cmdlet(VerbsCommon.Remove, "PartnerTarget", DefaultParameterSetName = ByKey, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemovePartnerTargetCommand : PartnerOpsCmdlet, IDisposable
    {
        private const string ByKey = nameof(ByKey);
        private const string ById = nameof(ById);
        private const string ByInputObject = nameof(ByInputObject);

        private PipelinedWrites? _writes;

        #region Parameters

        [Parameter(ParameterSetName = ByKey, Mandatory = true)]
        public TargetMetric Metric { get; set; }

        [Parameter(ParameterSetName = ByKey, Mandatory = true)]
        public int Year { get; set; }

        /// <summary>The region; omit for the all-regions target.</summary>
        [Parameter(ParameterSetName = ByKey)]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string? Region { get; set; }

        [Parameter(ParameterSetName = ById, Mandatory = true)]
        public long[] Id { get; set; } = Array.Empty<long>();

        [Parameter(ParameterSetName = ByInputObject, Mandatory = true, ValueFromPipeline = true)]
        public PartnerTarget[] InputObject { get; set; } = Array.Empty<PartnerTarget>();

        #endregion

        protected override void ProcessRecord()
        {
            switch (ParameterSetName)
            {
                case ByKey:
                    var what = $"{Metric} {Region ?? "(all regions)"} {Year.ToString(CultureInfo.InvariantCulture)}";
                    if (ShouldWrite(_writes, what, "Remove target", ConfirmImpact.High))
                    {
                        var writes = Writes;
                        WriteItem(writes, what, () =>
                        {
                            var target = writes.Targets.Get(Metric, Region, Year) ?? throw Storage.TargetRepository.NotFound(what, what);
                            writes.Targets.Remove(target.Id);
                            return null;
                        });
                    }

                    break;
                case ById:
                    foreach (var id in Id)
                    {
                        Remove(id, id, "Id " + id.ToString(CultureInfo.InvariantCulture));
                    }

                    break;
                default:
                    foreach (var target in InputObject)
                    {
                        Remove(target.Id, target, target.ToString());
                    }

                    break;
            }
        }

        protected override void EndProcessing() => CompleteWrites(_writes, "Removed", "target(s)");

        public void Dispose() => _writes?.Dispose();

        private PipelinedWrites Writes => _writes ??= new PipelinedWrites(OpenStore(create: false));

        private void Remove(long id, object target, string description)
        {
            if (ShouldWrite(_writes, description, "Remove target", ConfirmImpact.High))
            {
                var writes = Writes;
                WriteItem(writes, target, () =>
                {
                    writes.Targets.Remove(id);
                    return null;
                });
            }
        }
    }
}
