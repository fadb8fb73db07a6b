using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PartnerOps.Measures;
using PartnerOps.Data;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Count, total, average, minimum, maximum and share of revenue, per group of keys, in one currency;
    /// with Year among the keys also the previous year's total and the growth. The database does the sums.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Measure, "PartnerRevenue", DefaultParameterSetName = ByPartner)]
    [OutputType("PartnerOps.RevenueMeasure")]
    public sealed class MeasurePartnerRevenueCommand : RevenueFilterCmdlet
    {
        public const string TypeName = "PartnerOps.RevenueMeasure";

        private readonly List<PartnerReference> _pipedPartners = new List<PartnerReference>();
        private RevenueMeasurer? _given;
        private bool _piped;

        // The database measured: -Database when given, else the first piped object's, else this command's.
        private string? _path;

        #region Parameters

        /// <summary>The keys to group by, in the order the measures show them, each once (InvalidRevenueValue).</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public RevenueGroupKey[]? GroupBy { get; set; }

        /// <summary>
        /// The keys whose groups make each share's whole: Share is a group's total over the total of the groups with the same
        /// values of these keys. Default: the time keys (Year, Quarter, Month) among -GroupBy unless they are all of them, else
        /// everything measured; @() for everything measured. Each must be a -GroupBy key, once, and not all of them
        /// (InvalidRevenueValue).
        /// </summary>
        [Parameter]
        [AllowEmptyCollection]
        [ValidateNotNull]
        public RevenueGroupKey[]? ShareOf { get; set; }

        /// <summary>Partners by name (wildcards) or id.</summary>
        [Parameter(ParameterSetName = ByPartner)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(PartnerNameCompleter))]
        [PartnerReferenceTransformation(Multiple = true)]
        public PartnerReference[]? Partner { get; set; }

        /// <summary>The currency of the figures; default the database's reporting currency.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CurrencyCompleter))]
        [SingleValue]
        public string? Currency { get; set; }

        /// <summary>Only the groups with the largest totals, largest first.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        [IntegerTransformation]
        public int Top { get; set; }

        /// <summary>
        /// Partners (measure only their revenue; matched by name when -Database names another database) or revenue
        /// records (measured as given, with their database's rates; records of another database are refused), live or
        /// deserialized.
        /// </summary>
        [Parameter(ValueFromPipeline = true)]
        public PSObject[]? InputObject { get; set; }

        #endregion

        protected override void BeginProcessing()
        {
            // A -GroupBy key twice, or a -ShareOf that cannot be answered, stops the command before any piped object is read.
            try
            {
                RevenueMeasurer.ShareKeys(GroupBy ?? Array.Empty<RevenueGroupKey>(), ShareOf);
            }
            catch (PartnerOpsException ex)
            {
                Failures.ThrowFailure(ex, ex.Target);
            }
        }

        protected override void ProcessRecord()
        {
            foreach (var item in InputObject ?? Array.Empty<PSObject>())
            {
                _piped = true;
                var piped = PipedObject.Read(item);
                _path ??= Choice.DatabasePathFor(piped.Database);
                switch (piped.Kind)
                {
                    case PipedKind.Partner:
                    case PipedKind.History:
                    case PipedKind.RevenueMeasure:
                    case PipedKind.Row:
                        // The partner it names restricts the measure; a partner of another database is refused unless
                        // -Database says where to measure (then it is matched there by name).
                        Failures.PerItem(item, () =>
                        {
                            PartnerReference partner;
                            try
                            {
                                partner = piped.Partner();
                            }
                            catch (PartnerOpsException ex) when (ex.ErrorId == ErrorIds.InputObjectInvalid)
                            {
                                throw Neither(piped, item);
                            }

                            var store = Stores.ReadStoreAt(_path);
                            partner.For(partner.Database != null && store.IsSameDatabase(partner.Database), store.Path, matchByName: Choice.DatabaseGiven);
                            _pipedPartners.Add(partner);
                        });
                        break;
                    case PipedKind.Revenue:
                        Failures.PerItem(item, () =>
                        {
                            var store = Stores.ReadStoreAt(_path);
                            var record = piped.ToRevenue();
                            new RevenueReference(record.Id, piped.Database, piped.Description).RequireDatabase(piped.Database != null && store.IsSameDatabase(piped.Database), store.Path);
                            if (_given == null)
                            {
                                _given = new RevenueMeasurer(store);
                                _given.BeginGiven();
                            }

                            _given.AddGiven(record);
                        });
                        break;
                    default:
                        Failures.WriteFailure(Neither(piped, item), item);
                        break;
                }
            }
        }

        private static PartnerOpsException Neither(PipedObject piped, PSObject item) => new PartnerOpsException(
            ErrorIds.InvalidRevenueValue,
            FailureKind.InvalidArgument,
            $"Measure-PartnerRevenue measures partners (Get-Partner, or objects that name one) or revenue records (Get-PartnerRevenue); the piped {piped.Description} is neither.",
            item);

        protected override void EndProcessing()
        {
            try
            {
                var partners = Partner?.ToList();
                if (_pipedPartners.Count > 0)
                {
                    partners = (partners ?? new List<PartnerReference>()).Concat(_pipedPartners).ToList();
                }

                if (_piped && _given == null && _pipedPartners.Count == 0)
                {
                    return; // every piped object was refused: measure nothing rather than everything
                }

                // Without piped objects, a partner object given to -Partner says which database is measured.
                var store = Stores.ReadStoreAt(_path ?? Choice.DatabasePathFor(Partner?.FirstOrDefault(p => p.Database != null)?.Database));
                var request = new RevenueMeasureRequest
                {
                    Filter = BuildFilter(store, partners),
                    Currency = Currency,
                    Top = MyInvocation.BoundParameters.ContainsKey(nameof(Top)) ? Top : (int?)null,
                    ShareOf = ShareOf,
                };
                foreach (var key in GroupBy ?? Array.Empty<RevenueGroupKey>())
                {
                    request.GroupBy.Add(key);
                }

                var measurer = _given ?? new RevenueMeasurer(store);
                var measures = measurer.Measure(request);
                if (measurer.Warning != null)
                {
                    WriteWarning(measurer.Warning);
                }

                WriteVerbose($"Measured {measures.Sum(m => m.Count)} revenue record(s) in {measures.Count} group(s).");
                // A region or segment that no record has is most often a typo: say so, with the closest ones in use.
                FilterHintWarnings.Warn(this, store, HintedFilter.RevenueRegion, Region, measures.Sum(m => m.Count) == 0);
                FilterHintWarnings.Warn(this, store, HintedFilter.RevenueSegment, Segment, measures.Sum(m => m.Count) == 0);
                foreach (var measure in measures)
                {
                    WriteObject(ToPSObject(measure, request.GroupBy.Contains(RevenueGroupKey.Year)));
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

        /// <summary>The measure with its keys as properties of their own, in front of the figures.</summary>
        private static PSObject ToPSObject(RevenueMeasure measure, bool withGrowth)
        {
            var result = MeasureView.NewMeasure(TypeName, measure.Keys);

            result.Properties.Add(new PSNoteProperty(nameof(measure.Count), measure.Count));
            result.Properties.Add(new PSNoteProperty(nameof(measure.Total), measure.Total));
            result.Properties.Add(new PSNoteProperty(nameof(measure.Average), measure.Average));
            result.Properties.Add(new PSNoteProperty(nameof(measure.Minimum), measure.Minimum));
            result.Properties.Add(new PSNoteProperty(nameof(measure.Maximum), measure.Maximum));
            result.Properties.Add(new PSNoteProperty(nameof(measure.Share), measure.Share));
            result.Properties.Add(new PSNoteProperty(nameof(measure.Currency), measure.Currency));
            if (withGrowth)
            {
                result.Properties.Add(new PSNoteProperty(nameof(measure.PreviousTotal), measure.PreviousTotal));
                result.Properties.Add(new PSNoteProperty(nameof(measure.Growth), measure.Growth));
            }

            result.Properties.Add(new PSNoteProperty(nameof(measure.Database), measure.Database));

            return result;
        }
    }
}
