using System.Linq;
using System.Management.Automation;
using PartnerOps.Data;

namespace PartnerOps.Commands
{
    /// <summary>Lists targets, by year, metric and region.</summary>
    [Cmdlet(VerbsCommon.Get, "PartnerTarget")]
    [OutputType(typeof(PartnerTarget))]
    public sealed class GetPartnerTargetCommand : PartnerOpsCmdlet
    {
        #region Parameters

        [Parameter(Position = 0)]
        [EnumValue(typeof(TargetMetric), List = true)]
        public TargetMetric[]? Metric { get; set; }

        [Parameter]
        [IntegerTransformation(List = true)]
        public int[]? Year { get; set; }

        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RegionCompleter))]
        [ValueList]
        public string[]? Region { get; set; }

        #endregion

        protected override void EndProcessing()
        {
            using (var store = Stores.OpenStore(create: false))
            {
                var targets = store.Targets;
                var found = 0;
                Output.WriteRows(FilterHintWarnings.Counted(targets.Find(Metric, Year, Region?.Select(NamePattern.Parse).ToList()), () => found++));
                WarnIfNone(this, store, found == 0, Metric, Year, Region);
            }
        }

        /// <summary>
        /// After a search for targets (Get-PartnerTarget, Measure-PartnerTarget): a warning when it found none (naming the
        /// filters, the years and regions that have targets, and Set-PartnerTarget), and for each exact -Region value no target
        /// has, the closest regions that have one.
        /// </summary>
        internal static void WarnIfNone(PartnerOpsCmdlet cmdlet, IPartnerDatabase store, bool none, TargetMetric[]? metrics, int[]? years, string[]? regions)
        {
            if (none)
            {
                try
                {
                    cmdlet.WriteWarning(store.Targets.NoneFound(metrics, years, regions));
                }
                catch (PartnerOpsException ex)
                {
                    cmdlet.WriteVerbose("The targets held could not be listed: " + ex.Message);
                }
            }

            FilterHintWarnings.Warn(cmdlet, store, HintedFilter.TargetRegion, regions, none);
        }
    }
}
