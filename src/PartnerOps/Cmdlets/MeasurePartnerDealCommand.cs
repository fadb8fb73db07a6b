using System;
using System.Management.Automation;
using PartnerOps.Data;
using PartnerOps.Measures;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Deal registrations per group as they stood on a day (issue 19): how many were registered and how many were Submitted,
    /// Approved, Denied, Won, Lost and Expired then, their amounts in one currency, the win rate and the median days to close.
    /// The database does the counting and summing (<see cref="IDealSums"/>); <see cref="DealMeasurer"/> converts and combines.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Measure, "PartnerDeal")]
    [OutputType(TypeName)]
    public sealed class MeasurePartnerDealCommand : PartnerOpsCmdlet
    {
        public const string TypeName = "PartnerOps.DealMeasure";

        #region Parameters

        /// <summary>The keys to group by (Partner, Region, Segment, Year, Quarter, Status), in the order the measures show them, each once.</summary>
        [Parameter(Position = 0)]
        [EnumValue(typeof(DealGroupKey), List = true)]
        [ValidateNotNullOrEmpty]
        public DealGroupKey[]? GroupBy { get; set; }

        /// <summary>The day the deals are measured as of (its date; 1900 to 2999): their status that day; deals registered later are left out. Default today (UTC).</summary>
        [Parameter]
        [DateTransformation]
        [ValidateNotNull]
        public DateTime? AsOf { get; set; }

        /// <summary>Only the deals of these partners: names (wildcards) or ids. A name or id that matches no partner is PartnerNotFound.</summary>
        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(PartnerNameCompleter))]
        [PartnerReferenceTransformation(Multiple = true)]
        public PartnerReference[]? Partner { get; set; }

        /// <summary>Only the deals of partners in these (current) regions, matched by their key; wildcards allowed.</summary>
        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RegionCompleter))]
        [ValueList]
        public string[]? Region { get; set; }

        /// <summary>Only the deals of these segments, matched by their key; wildcards allowed.</summary>
        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SegmentCompleter))]
        [ValueList]
        public string[]? Segment { get; set; }

        /// <summary>Only the deals registered in these calendar years.</summary>
        [Parameter]
        [IntegerTransformation(List = true)]
        [ValidateRange(1900, 2999)]
        public int[]? Year { get; set; }

        /// <summary>The currency of the amounts; default the database's reporting currency.</summary>
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
                var request = new DealMeasureRequest { AsOf = (AsOf ?? DateTime.UtcNow).Date, Currency = Currency };
                foreach (var key in DealMeasurer.CheckKeys(GroupBy ?? Array.Empty<DealGroupKey>()))
                {
                    request.GroupBy.Add(key);
                }

                var store = Stores.ReadStoreAt(Choice.ResolveDatabasePath());
                PipelineWriter.SeeOtherWrites(store);
                var filter = request.Filter;
                if (Partner != null)
                {
                    filter.RestrictPartners = true;
                    foreach (var missing in store.Partners.Resolve(Partner, filter.PartnerIds, filter.PartnerNames, idsAsGiven: false))
                    {
                        Failures.WriteFailure(missing, missing.Target);
                    }
                }

                foreach (var region in Region ?? Array.Empty<string>())
                {
                    filter.Regions.Add(NamePattern.Parse(region));
                }

                foreach (var segment in Segment ?? Array.Empty<string>())
                {
                    filter.Segments.Add(NamePattern.Parse(segment));
                }

                foreach (var year in Year ?? Array.Empty<int>())
                {
                    filter.Years.Add(year);
                }

                var measures = new DealMeasurer(store).Measure(request);
                WriteVerbose($"Measured the deals as of {PartnerRules.FormatDate(request.AsOf)} in {measures.Count} group(s).");
                foreach (var measure in measures)
                {
                    WriteObject(ToPSObject(measure));
                }

                // A region that no partner has, a segment no deal has, is most often a typo: say so, with the closest ones in use.
                FilterHintWarnings.Warn(this, store, HintedFilter.PartnerRegion, Region, measures.Count == 0);
                FilterHintWarnings.Warn(this, store, HintedFilter.DealSegment, Segment, measures.Count == 0);
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
        private static PSObject ToPSObject(DealMeasure measure)
        {
            var result = MeasureView.NewMeasure(TypeName, measure.Keys);
            void Add(string name, object? value) => result.Properties.Add(new PSNoteProperty(name, value));

            Add(nameof(measure.Registered), measure.Registered);
            Add(nameof(measure.Submitted), measure.Submitted);
            Add(nameof(measure.Approved), measure.Approved);
            Add(nameof(measure.Denied), measure.Denied);
            Add(nameof(measure.Won), measure.Won);
            Add(nameof(measure.Lost), measure.Lost);
            Add(nameof(measure.Expired), measure.Expired);
            Add(nameof(measure.RegisteredAmount), measure.RegisteredAmount);
            Add(nameof(measure.ApprovedAmount), measure.ApprovedAmount);
            Add(nameof(measure.WonAmount), measure.WonAmount);
            Add(nameof(measure.LostAmount), measure.LostAmount);
            Add(nameof(measure.ExpiredAmount), measure.ExpiredAmount);
            Add(nameof(measure.Currency), measure.Currency);
            Add(nameof(measure.WinRate), measure.WinRate);
            Add(nameof(measure.MedianDaysToClose), measure.MedianDaysToClose);
            Add(nameof(measure.AmountMissing), measure.AmountMissing);
            Add(nameof(measure.AsOf), measure.AsOf);
            Add(nameof(measure.Database), measure.Database);
            return result;
        }
    }
}
