using System.Management.Automation;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Deletes the rule of a tier, region (none = the rule for every region) and type (none = the rule for every type), or the
    /// rules piped in (TierRule objects or rows with Tier, Region and Type), each in the database it came from unless -Database
    /// is given. A rule that is not stored is TierRuleInvalid (ObjectNotFound), listing the stored rules of its tier.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "PartnerTierRule", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemovePartnerTierRuleCommand : PartnerOpsCmdlet
    {
        #region Parameters

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [EnumValue(typeof(PartnerTier))]
        public PartnerTier Tier { get; set; }

        /// <summary>The region; omit (or leave the cell empty) for the rule for every region.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsNull]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string? Region { get; set; }

        /// <summary>The partner type; omit (or leave the cell empty) for the rule for every type.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsNull]
        [EnumValue(typeof(PartnerType))]
        public PartnerType? Type { get; set; }

        /// <summary>The piped object itself (a TierRule, a CSV row): the target of its errors. Its properties bind to the parameters above.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        #endregion

        protected override void ProcessRecord()
        {
            var what = new TierRule { Tier = Tier, Region = Region, Type = Type }.ToString();
            if (!Writer.ShouldWrite(what, "Remove tier rule", ConfirmImpact.High))
            {
                return;
            }

            var origin = PipedObject.ModuleObjectDatabase(InputObject);
            if (!(Stores.WritesFor(origin, create: false, InputObject ?? (object)what) is PipelinedWrites writes))
            {
                return;
            }

            Writer.WriteItem(writes, InputObject ?? (object)what, () =>
            {
                writes.Store.TierRules.Remove(Tier, Region, Type);
                return null;
            });
        }

        protected override void EndProcessing() => Writer.CompleteWrites("Removed", "tier rule(s)");
    }
}
