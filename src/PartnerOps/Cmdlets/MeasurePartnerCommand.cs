using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PartnerOps.Measures;
using PartnerOps.Data;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Partner counts per group as of a date (the partners Get-Partner -AsOf returns), with the count a year earlier,
    /// the growth and the share. The database does the counting.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Measure, "Partner")]
    [OutputType("PartnerOps.PartnerMeasure")]
    public sealed class MeasurePartnerCommand : PartnerFilterCmdlet
    {
        public const string TypeName = "PartnerOps.PartnerMeasure";

        #region Parameters

        /// <summary>The keys to group by, in the order the measures show them, each once.</summary>
        [Parameter(Position = 0)]
        [EnumValue(typeof(PartnerGroupKey), List = true)]
        [ValidateNotNullOrEmpty]
        public PartnerGroupKey[]? GroupBy { get; set; }

        /// <summary>
        /// The day counted as of (its date; 1900 to 2999, else InvalidPartnerValue); default today in the session's time zone.
        /// An empty value is refused, not taken as today.
        /// </summary>
        [Parameter]
        [DateTransformation]
        [ValidateNotNull]
        public DateTime? AsOf { get; set; }

        /// <summary>Only partners with these names (wildcards allowed, case ignored).</summary>
        [Parameter]
        [Alias("PartnerName")]
        [SupportsWildcards]
        [NameTransformation]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(PartnerNameCompleter))]
        public string[]? Name { get; set; }

        #endregion

        protected override void EndProcessing()
        {
            try
            {
                var request = new PartnerMeasureRequest
                {
                    // Today as the session's clock says it (its time zone), as Add-Partner's default JoinedOn.
                    AsOf = AsOf ?? DateTime.Now.Date,
                    Filter = BuildPartnerFilter(),
                };
                foreach (var key in PartnerMeasurer.CheckKeys(GroupBy ?? Array.Empty<PartnerGroupKey>()))
                {
                    request.GroupBy.Add(key);
                }

                PartnerRules.CheckDate(request.AsOf, nameof(AsOf));
                WarnOfStatusesNeverOnADay();
                AddAll(request.Filter.Names, Name?.Select(NamePattern.ParseName));

                var store = Stores.ReadStoreAt(Choice.ResolveDatabasePath());
                PipelineWriter.SeeOtherWrites(store);

                // An exact name that names no partner at all is an error, as with Get-Partner; the measure counts the others.
                var partners = store.Partners;
                foreach (var name in request.Filter.Names.Where(n => !n.IsWildcard))
                {
                    var exact = new PartnerFilter();
                    exact.Names.Add(name);
                    if (partners.Count(exact) == 0)
                    {
                        Failures.WriteFailure(RecordNotFound.Partner("'" + name.Text + "'", name.Text, store.Path), name.Text);
                    }
                }

                var measures = new PartnerMeasurer(store).Measure(request);
                WriteVerbose($"Counted {measures.Sum(m => m.Count)} partner(s) as of {PartnerRules.FormatDate(request.AsOf)} in {measures.Count} group(s).");
                foreach (var measure in measures)
                {
                    WriteObject(ToPSObject(measure));
                }

                // A region or country that no partner has is most often a typo: say so, with the closest ones in use.
                WarnOfUnknownFilterValues(store, measures.Sum(m => m.Count) == 0);
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
        private static PSObject ToPSObject(PartnerMeasure measure)
        {
            var result = MeasureView.NewMeasure(TypeName, measure.Keys);

            result.Properties.Add(new PSNoteProperty(nameof(measure.Count), measure.Count));
            result.Properties.Add(new PSNoteProperty(nameof(measure.Share), measure.Share));
            result.Properties.Add(new PSNoteProperty(nameof(measure.PreviousCount), measure.PreviousCount));
            result.Properties.Add(new PSNoteProperty(nameof(measure.Growth), measure.Growth));
            result.Properties.Add(new PSNoteProperty(nameof(measure.AsOf), measure.AsOf));
            result.Properties.Add(new PSNoteProperty(nameof(measure.Database), measure.Database));
            return result;
        }
    }
}
