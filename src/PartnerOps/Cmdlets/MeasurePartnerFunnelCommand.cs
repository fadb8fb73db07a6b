using System;
using System.Linq;
using System.Management.Automation;
using PartnerOps.Data;
using PartnerOps.Measures;

namespace PartnerOps.Commands
{
    /// <summary>
    /// The partner funnel over a period per group: stages at the end, partners at the start and the end, joined,
    /// ended (by reason), churn, revenue lost, entries into each stage, conversions, median days in a stage and activation.
    /// The database does the counting.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Measure, "PartnerFunnel")]
    [OutputType(TypeName)]
    public sealed class MeasurePartnerFunnelCommand : PartnerOpsCmdlet
    {
        public const string TypeName = "PartnerOps.FunnelMeasure";

        #region Parameters

        /// <summary>The first day of the period (its date; 1900 to 2999); default 1 January of -To's year.</summary>
        [Parameter]
        [DateTransformation]
        [ValidateNotNull]
        public DateTime? From { get; set; }

        /// <summary>The last day of the period, included (its date; 1900 to 2999); default today in the session's time zone.</summary>
        [Parameter]
        [DateTransformation]
        [ValidateNotNull]
        public DateTime? To { get; set; }

        /// <summary>Only partners in these (current) regions, matched by their key (RevenueRules.Key); wildcards allowed.</summary>
        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RegionCompleter))]
        [ValueList]
        public string[]? Region { get; set; }

        /// <summary>Only partners of these (current) types.</summary>
        [Parameter]
        [EnumValue(typeof(PartnerType), List = true)]
        public PartnerType[]? Type { get; set; }

        /// <summary>The keys to group by (Region, Type, Year, Quarter), in the order the measures show them, each once.</summary>
        [Parameter(Position = 0)]
        [EnumValue(typeof(FunnelGroupKey), List = true)]
        [ValidateNotNullOrEmpty]
        public FunnelGroupKey[]? GroupBy { get; set; }

        /// <summary>The currency of RevenueLost; default the database's reporting currency.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CurrencyCompleter))]
        [SingleValue]
        public string? Currency { get; set; }

        #endregion

        protected override void EndProcessing()
        {
            try
            {
                // Today as the session's clock says it (its time zone), as Measure-Partner's default AsOf.
                var to = To ?? DateTime.Now.Date;
                var request = new FunnelMeasureRequest
                {
                    To = to,
                    From = From ?? new DateTime(to.Year, 1, 1),
                    Currency = Currency,
                };
                foreach (var key in FunnelMeasurer.CheckKeys(GroupBy ?? Array.Empty<FunnelGroupKey>()))
                {
                    request.GroupBy.Add(key);
                }

                foreach (var type in Type ?? Array.Empty<PartnerType>())
                {
                    request.Filter.Types.Add(type);
                }

                foreach (var region in Region ?? Array.Empty<string>())
                {
                    request.Filter.Regions.Add(NamePattern.Parse(region));
                }

                var store = Stores.ReadStoreAt(Choice.ResolveDatabasePath());
                PipelineWriter.SeeOtherWrites(store);
                var measures = new FunnelMeasurer(store).Measure(request);
                WriteVerbose($"Measured the funnel from {PartnerRules.FormatDate(request.From)} to {PartnerRules.FormatDate(request.To)} in {measures.Count} group(s).");
                foreach (var measure in measures)
                {
                    WriteObject(ToPSObject(measure));
                }

                // A region that no partner has is most often a typo: say so, with the closest ones in use.
                FilterHintWarnings.Warn(this, store, HintedFilter.PartnerRegion, Region, measures.All(m => m.AtEnd == 0 && m.AtStart == 0 && m.Prospects == 0));
            }
            catch (PartnerOpsException ex)
            {
                Failures.ThrowFailure(ex, ex.Target);
            }
            finally
            {
                Dispose();
            }
        }

        /// <summary>The measure with its keys as properties of their own, in front of the figures.</summary>
        private static PSObject ToPSObject(FunnelMeasure measure)
        {
            var result = MeasureView.NewMeasure(TypeName, measure.Keys);
            void Add(string name, object? value) => result.Properties.Add(new PSNoteProperty(name, value));

            Add(nameof(measure.From), measure.From);
            Add(nameof(measure.To), measure.To);
            Add(nameof(measure.Prospects), measure.Prospects);
            Add(nameof(measure.Onboarding), measure.Onboarding);
            Add(nameof(measure.Active), measure.Active);
            Add(nameof(measure.Suspended), measure.Suspended);
            Add(nameof(measure.AtStart), measure.AtStart);
            Add(nameof(measure.AtEnd), measure.AtEnd);
            Add(nameof(measure.Joined), measure.Joined);
            Add(nameof(measure.Ended), measure.Ended);
            Add(nameof(measure.EndedByReason), measure.EndedByReason);
            Add(nameof(measure.NetAdds), measure.NetAdds);
            Add(nameof(measure.ChurnRate), measure.ChurnRate);
            Add(nameof(measure.RevenueLost), measure.RevenueLost);
            Add(nameof(measure.Currency), measure.Currency);
            Add(nameof(measure.EnteredProspect), measure.EnteredProspect);
            Add(nameof(measure.EnteredOnboarding), measure.EnteredOnboarding);
            Add(nameof(measure.EnteredActive), measure.EnteredActive);
            Add(nameof(measure.EnteredSuspended), measure.EnteredSuspended);
            Add(nameof(measure.ProspectToOnboarding), measure.ProspectToOnboarding);
            Add(nameof(measure.OnboardingToActive), measure.OnboardingToActive);
            Add(nameof(measure.MedianDaysProspect), measure.MedianDaysProspect);
            Add(nameof(measure.MedianDaysOnboarding), measure.MedianDaysOnboarding);
            Add(nameof(measure.NewlyActive), measure.NewlyActive);
            Add(nameof(measure.Activated), measure.Activated);
            Add(nameof(measure.ActivationRate), measure.ActivationRate);
            Add(nameof(measure.ActivatedWithin90Days), measure.ActivatedWithin90Days);
            Add(nameof(measure.MedianDaysToFirstRevenue), measure.MedianDaysToFirstRevenue);
            Add(nameof(measure.Database), measure.Database);
            return result;
        }
    }
}
