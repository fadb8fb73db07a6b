using System.Management.Automation;
using PartnerOps.Data;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Adds the rule of a tier, region (none = every region) and partner type (none = every type), or changes the stored one:
    /// each condition given replaces the rule's, the others are kept. A Set that changes nothing writes nothing.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "PartnerTierRule", SupportsShouldProcess = true)]
    [OutputType(typeof(TierRule))]
    public sealed class SetPartnerTierRuleCommand : PartnerOpsCmdlet
    {
        #region Parameters

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [EnumValue(typeof(PartnerTier))]
        [AllowNull]
        public PartnerTier? Tier { get; set; }

        /// <summary>The region; omit (or leave the cell empty) for every region.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsNull]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string? Region { get; set; }

        /// <summary>The partner type; omit (or leave the cell empty) for every type.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsNull]
        [EnumValue(typeof(PartnerType))]
        public PartnerType? Type { get; set; }

        /// <summary>The least revenue over the last -RevenueMonths months, in -Currency; $null (an empty cell) removes the condition.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [DecimalTransformation]
        public decimal? MinRevenue { get; set; }

        /// <summary>The currency of -MinRevenue; default the rule's own, else the database's reporting currency.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsNull]
        [ArgumentCompleter(typeof(CurrencyCompleter))]
        public string? Currency { get; set; }

        /// <summary>The months of revenue counted, 1 to 120 (default 12).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [DecimalTransformation]
        public decimal? RevenueMonths { get; set; }

        /// <summary>The least number of current contacts holding a valid certification (matching -Certification).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [DecimalTransformation]
        public decimal? MinCertified { get; set; }

        /// <summary>A wildcard pattern the counted certifications' names match (default any certification); needs -MinCertified.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsNull]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(CertificationNameCompleter))]
        public string? Certification { get; set; }

        /// <summary>The least number of whole months since the partner first became Active.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [DecimalTransformation]
        public decimal? MinMonthsActive { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The piped object itself (a TierRule, a CSV row): the target of its errors. Its properties bind to the parameters above.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        #endregion

        protected override void ProcessRecord()
        {
            if (!(Tier is PartnerTier tier))
            {
                // An empty Tier cell binds as null (AllowNull): the row gets the module's error, and the next row is set.
                Failures.WriteFailure(
                    new PartnerOpsException(ErrorIds.TierRuleInvalid, FailureKind.InvalidArgument, "Tier '' is not valid: a tier rule needs its tier; give Silver, Gold or Platinum.", InputObject),
                    InputObject);
                return;
            }

            var draft = new TierRuleDraft
            {
                Tier = tier,
                Region = Region,
                Type = Type,
                MinRevenue = MinRevenue,
                Currency = Currency,
                RevenueMonths = RevenueMonths,
                MinCertified = MinCertified,
                Certification = Certification,
                MinMonthsActive = MinMonthsActive,
            };
            foreach (var condition in TierRuleRules.Conditions)
            {
                if (MyInvocation.BoundParameters.ContainsKey(condition))
                {
                    draft.Given.Add(condition);
                }
            }

            // "Gold (Western Europe, all types): MinRevenue = 500000, Currency = USD": the rule and the conditions given.
            var what = draft.Describe();
            if (!Writer.ShouldWrite(what, "Set tier rule"))
            {
                return;
            }

            // A piped module object is written back to its own database unless -Database says otherwise; a row is data.
            var origin = PipedObject.ModuleObjectDatabase(InputObject);
            Piped.WarnOfRowDatabase(InputObject, Choice.DatabasePathFor(origin));
            if (!(Stores.WritesFor(origin, create: true, InputObject ?? (object)what) is PipelinedWrites writes))
            {
                return;
            }

            TierRule? set = null;
            Writer.WriteItem(writes, InputObject ?? (object)what, () =>
            {
                var rule = set = writes.Store.TierRules.Set(draft, out var changed);
                if (!changed)
                {
                    WriteVerbose($"The tier rule {rule.Describe()} is stored already: no change, nothing written.");
                    writes.Written--; // not counted among the rules set
                }

                return rule;
            }, PassThru);

            // A region no partner has is stored (partners may get it later), with a warning naming the close regions in use:
            // a typo ('Atlantis', 'Nort America') would make a rule that never applies.
            if (set?.Region is string region && MyInvocation.BoundParameters.ContainsKey(nameof(Region)))
            {
                WarnOfUnknownRegion(writes.Store, set, region);
            }
        }

        private void WarnOfUnknownRegion(IPartnerDatabase store, TierRule rule, string region)
        {
            try
            {
                foreach (var (_, message) in store.UnknownFilterValues(HintedFilter.PartnerRegion, new[] { region }))
                {
                    WriteWarning($"The tier rule {rule} applies to no partner yet: {message}");
                }
            }
            catch (PartnerOpsException ex)
            {
                WriteVerbose("The region hint could not be read: " + ex.Message); // a courtesy: never an error
            }
        }

        protected override void EndProcessing() => Writer.CompleteWrites("Set", "tier rule(s)");
    }
}
