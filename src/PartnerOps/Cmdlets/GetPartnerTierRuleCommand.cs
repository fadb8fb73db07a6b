using System;
using System.Linq;
using System.Management.Automation;
using PartnerOps.Data;

namespace PartnerOps.Commands
{
    /// <summary>Lists tier rules by tier (Silver, Gold, Platinum), region (every region first) and type (every type first).</summary>
    [Cmdlet(VerbsCommon.Get, "PartnerTierRule")]
    [OutputType(typeof(TierRule))]
    public sealed class GetPartnerTierRuleCommand : PartnerOpsCmdlet
    {
        #region Parameters

        [Parameter(Position = 0)]
        [EnumValue(typeof(PartnerTier), List = true)]
        public PartnerTier[]? Tier { get; set; }

        /// <summary>Rules for these regions (wildcards; compared ignoring case); the rules for every region are not among them.</summary>
        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RegionCompleter))]
        [ValueList]
        public string[]? Region { get; set; }

        /// <summary>Rules for these partner types; the rules for every type are not among them.</summary>
        [Parameter]
        [EnumValue(typeof(PartnerType), List = true)]
        public PartnerType[]? Type { get; set; }

        #endregion

        protected override void EndProcessing()
        {
            foreach (var region in Region ?? Array.Empty<string>())
            {
                try
                {
                    NamePattern.Require(region, "Region", ErrorIds.TierRuleInvalid);
                }
                catch (PartnerOpsException ex)
                {
                    Failures.ThrowFailure(ex, region);
                }
            }

            using (var store = Stores.OpenStore(create: false))
            {
                var found = 0;
                Output.WriteRows(FilterHintWarnings.Counted(store.TierRules.Find(Tier, Region?.Select(NamePattern.Parse).ToList(), Type), () => found++));
                if (found == 0)
                {
                    WriteWarning($"No tier rule matches in '{store.Path}'. Add one with Set-PartnerTierRule -Tier <Silver|Gold|Platinum> " +
                                 "[-MinRevenue <amount>] [-MinCertified <count>] [-MinMonthsActive <months>].");
                }
            }
        }
    }
}
