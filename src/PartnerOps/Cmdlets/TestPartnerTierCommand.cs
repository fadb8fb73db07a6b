using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PartnerOps.Data;
using PartnerOps.Measures;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Each partner in the programme on a day measured against the tier rules: the tier it has, the highest tier whose
    /// applicable rule it meets, Upgrade/Downgrade/Keep, and what the next tier's rule still lacks. The database sums the
    /// revenue and counts the certified contacts (<see cref="IQualityInputs"/>); <see cref="TierAssessor"/> combines them.
    /// Partners named (typed or piped) are collected and assessed at the end, once per database (<see cref="PartnerQualityCmdlet"/>).
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "PartnerTier")]
    [OutputType(typeof(TierAssessment))]
    public sealed class TestPartnerTierCommand : PartnerQualityCmdlet
    {
        protected override string Measure => "Test-PartnerTier";

        protected override void EndProcessing()
        {
            try
            {
                var unruled = new List<TierAssessment>();
                foreach (var (store, filter, named) in Selections())
                {
                    PipelineWriter.SeeOtherWrites(store);
                    var rules = store.TierRules.Find(null, null, null).ToList();
                    var assessments = TierAssessor.Run(store.QualityInputs, rules, store.ExchangeRates.Converter(), Day, filter, store.Path);
                    WriteVerbose($"Assessed {assessments.Count} partner(s) of '{store.Path}' on {PartnerRules.FormatDate(Day)}.");
                    foreach (var assessment in assessments.OrderBy(a => PartnerRules.NameOrder(a.Partner)).ThenBy(a => a.PartnerId))
                    {
                        WriteObject(assessment);
                    }

                    ReportNotInProgramme(store, named, new HashSet<long>(assessments.Select(a => a.PartnerId)));
                    unruled.AddRange(assessments.Where(a => a.QualifiedTier == null));
                    FilterHintWarnings.Warn(this, store, HintedFilter.PartnerRegion, Region, assessments.Count == 0);
                }

                if (unruled.Count > 0)
                {
                    WriteWarning(TierAssessor.NoRuleWarning(unruled));
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
    }
}
