using System;
using System.Linq;
using System.Management.Automation;
using PartnerOps.Measures;
using PartnerOps.Data;

namespace PartnerOps.Commands
{
    /// <summary>Progress toward each target on a date (default today): Actual, Gap, Progress, Expected and OnTrack.</summary>
    [Cmdlet(VerbsDiagnostic.Measure, "PartnerTarget")]
    [OutputType(typeof(TargetProgress))]
    public sealed class MeasurePartnerTargetCommand : PartnerOpsCmdlet
    {
        #region Parameters

        [Parameter(Position = 0)]
        [IntegerTransformation(List = true)]
        public int[]? Year { get; set; }

        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RegionCompleter))]
        [ValueList]
        public string[]? Region { get; set; }

        /// <summary>The date to measure on; default today. Within a target's year, Expected is pro rata to it.</summary>
        [Parameter]
        [DateTransformation]
        public DateTime? AsOf { get; set; }

        #endregion

        protected override void EndProcessing()
        {
            using (var store = Stores.OpenStore(create: false))
            {
                try
                {
                    var measurer = new TargetMeasurer(store);
                    var regions = Region?.Select(NamePattern.Parse).ToList() ?? new System.Collections.Generic.List<NamePattern>();
                    var found = 0;
                    foreach (var progress in measurer.Measure(Year ?? Array.Empty<int>(), regions, AsOf ?? DateTime.Today))
                    {
                        found++;
                        WriteObject(progress);
                    }

                    GetPartnerTargetCommand.WarnIfNone(this, store, found == 0, null, Year, Region);
                }
                catch (PartnerOpsException ex)
                {
                    Failures.ThrowFailure(ex, ex.Target);
                }
            }
        }
    }
}
