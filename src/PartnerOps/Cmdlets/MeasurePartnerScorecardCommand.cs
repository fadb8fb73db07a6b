using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PartnerOps.Data;
using PartnerOps.Measures;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Each partner in the programme on a day scored from 0 to 100 out of four explainable components (Revenue, Growth, Certified,
    /// Activation: <see cref="ScorecardMeasurer"/>), lowest score first: the partners that need a business review. The database
    /// sums the revenue and counts the certified contacts (<see cref="IQualityInputs"/>); Core combines them.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Measure, "PartnerScorecard")]
    [OutputType(typeof(PartnerScore))]
    public sealed class MeasurePartnerScorecardCommand : PartnerQualityCmdlet
    {
        private ScoreWeights _weights = ScoreWeights.Default;

        #region Parameters

        /// <summary>
        /// The components' weights: keys Revenue, Growth, Certified, Activation (any case), values numbers of 0 or more, at least
        /// one above 0; a missing key weighs 0; scaled to sum 1. Default @{Revenue=0.4; Growth=0.2; Certified=0.2; Activation=0.2}.
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? Weights { get; set; }

        #endregion

        protected override string Measure => "Measure-PartnerScorecard";

        protected override void BeginProcessing()
        {
            if (Weights != null)
            {
                try
                {
                    _weights = ScoreWeights.From(Weights.Cast<DictionaryEntry>().Select(e => new KeyValuePair<object?, object?>(e.Key, Unwrapped(e.Value))));
                }
                catch (PartnerOpsException ex)
                {
                    Failures.ThrowFailure(ex, ex.Target);
                }
            }

            base.BeginProcessing();
        }

        protected override void EndProcessing()
        {
            try
            {
                foreach (var (store, filter, named) in Selections())
                {
                    PipelineWriter.SeeOtherWrites(store);
                    var scores = Score(store, filter);
                    WriteVerbose($"Scored {scores.Count} partner(s) of '{store.Path}' on {PartnerRules.FormatDate(Day)}.");
                    foreach (var score in scores)
                    {
                        WriteObject(score);
                    }

                    ReportNotInProgramme(store, named, new HashSet<long>(scores.Select(s => s.PartnerId)));
                    FilterHintWarnings.Warn(this, store, HintedFilter.PartnerRegion, Region, scores.Count == 0);
                }
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

        // The figures of one database's partners, read in SQL (partners, two revenue windows, certified contacts), then scored.
        private IReadOnlyList<PartnerScore> Score(IPartnerDatabase store, PartnerFilter filter)
        {
            var partners = store.QualityInputs.Partners(Day, filter);
            if (partners.Count == 0)
            {
                return Array.Empty<PartnerScore>();
            }

            var rules = store.TierRules.Find(null, null, null).ToList();
            var converter = store.ExchangeRates.Converter();
            var currency = store.Currency;
            var year = TierAssessor.Window(Day, 12);
            var earlier = TierAssessor.Window(year.FromExclusive, 12);
            var now = ScorecardMeasurer.Totals(store.QualityInputs.Revenue(year.FromExclusive, year.ToInclusive, filter, Day), converter, currency);
            var before = ScorecardMeasurer.Totals(store.QualityInputs.Revenue(earlier.FromExclusive, earlier.ToInclusive, filter, Day), converter, currency);
            var certified = store.QualityInputs.Certified(Day, new string?[] { null }, filter).ToDictionary(c => c.PartnerId, c => c.Certified);
            var figures = partners.Select(p => new ScoreFigures
            {
                PartnerId = p.Id,
                Partner = p.Name,
                Region = p.Region,
                Type = p.Type,
                Tier = p.Tier,
                Revenue = now.TryGetValue(p.Id, out var revenue) ? revenue : 0m,
                PreviousRevenue = before.TryGetValue(p.Id, out var previous) ? previous : 0m,
                Certified = certified.TryGetValue(p.Id, out var count) ? count : 0,
                Required = p.Tier == PartnerTier.Registered ? null : TierRuleRules.Applicable(rules, p.Tier, p.RegionKey, p.Type)?.MinCertified,
                LastRevenue = p.LastRevenueOn,
            }).ToList();
            return ScorecardMeasurer.Score(figures, _weights, Day, currency, store.Path);
        }

        // A value of a hashtable written in PowerShell may come wrapped (a PSObject around a number from a variable).
        private static object? Unwrapped(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;
    }
}
