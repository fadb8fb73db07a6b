using System.Linq;
using System.Management.Automation;
using PartnerOps.Storage;

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
            using (var store = OpenStore(create: false))
            {
                WriteRows(new TargetRepository(store).Find(Metric, Year, Region?.Select(NamePattern.Parse).ToList()));
            }
        }
    }
}
