using System.Globalization;
using System;
using System.Management.Automation;
using PartnerOps.Data;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Books revenue for a partner (a name, an id, or a piped Partner) or, with -Direct, direct revenue.
    /// Every value binds from the pipeline by property name, so CSV rows and PartnerRevenue objects flow in;
    /// an empty PartnerName in a row means direct revenue, as in Import-PartnerRevenue.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "PartnerRevenue", SupportsShouldProcess = true)]
    [OutputType(typeof(PartnerRevenue))]
    public sealed class AddPartnerRevenueCommand : PartnerOpsCmdlet
    {
        #region Parameters

        /// <summary>
        /// The partner: an exact name, an id, or a Partner object. Without it, a piped object names the partner: a Partner
        /// (live, deserialized, or a row shaped like one), or the PartnerName/PartnerId of a record or row (both empty:
        /// direct revenue).
        /// </summary>
        [Parameter(Position = 0)]
        [Alias("PartnerName", "PartnerId")]
        [PartnerReferenceTransformation]
        [ArgumentCompleter(typeof(PartnerNameCompleter))]
        public PartnerReference? Partner { get; set; }

        [Parameter]
        public SwitchParameter Direct { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [DateTransformation]
        public DateTime Date { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [DecimalTransformation]
        public decimal Amount { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(CurrencyCompleter))]
        [SingleValue]
        public string? Currency { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(SegmentCompleter))]
        [SingleValue]
        public string? Segment { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(RegionCompleter))]
        [SingleValue]
        public string? Region { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SingleValue]
        public string? Reference { get; set; }

        /// <summary>
        /// Sourced, Influenced or Fulfilled (issue 19; default Fulfilled for a partner's record). A name, not the enum, so that an
        /// unknown one or one given for direct revenue is the item's InvalidRevenueValue naming it, as Import-PartnerRevenue's row is.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(AttributionCompleter))]
        [EnumName(typeof(RevenueAttribution))]
        [SingleValue]
        public string? Attribution { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>
        /// The piped object: a Partner (the partner of the revenue), a name or an id, or a row whose properties
        /// bind to the parameters above. It is the target of the item's errors.
        /// </summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        #endregion

        protected override void ProcessRecord()
        {
            // -InputObject given an array (not piped): one record for each of its objects, as the pipeline would book them.
            if (!MyInvocation.ExpectingInput && InputObject?.BaseObject is System.Collections.IList many && !(InputObject.BaseObject is string))
            {
                foreach (var one in many)
                {
                    Add(one == null ? null : PSObject.AsPSObject(one));
                }

                return;
            }

            Add(InputObject);
        }

        private void Add(PSObject? input)
        {
            // A record from a piped module object is added to that object's database unless -Database says otherwise;
            // a row is data, added to this command's database.
            var origin = PipedObject.ModuleObjectDatabase(input) ?? Partner?.Database;
            Piped.WarnOfRowDatabase(input, Choice.DatabasePathFor(origin));
            var partnerNamed = MyInvocation.BoundParameters.ContainsKey(nameof(Partner));
            var partner = Partner;
            if (!partnerNamed && input != null)
            {
                try
                {
                    (partner, partnerNamed) = PipedObject.Read(input).PartnerOfNewRecord();
                }
                catch (PartnerOpsException ex)
                {
                    Failures.WriteFailure(ex, input);
                    return;
                }
            }

            var target = (object?)input ?? partner ?? (object)Amount;
            if (Direct && partner != null)
            {
                Failures.ThrowFailure(
                    new PartnerOpsException(ErrorIds.InvalidRevenueValue, FailureKind.InvalidArgument, $"Give -Direct or a partner ('{partner}'), not both.", partner),
                    partner);
            }

            if (partner == null && !Direct && !partnerNamed)
            {
                Failures.ThrowFailure(
                    new PartnerOpsException(ErrorIds.InvalidRevenueValue, FailureKind.InvalidArgument, "Give the partner (-Partner name or id, or pipe a Partner), or -Direct for direct revenue.", null),
                    null);
            }

            var draft = new RevenueDraft
            {
                Partner = partner,
                Date = Date,
                Amount = Amount,
                Currency = Currency,
                Segment = Segment,
                Region = Region,
                Reference = Reference,
                Attribution = Attribution,
            };

            // "2015-01-01 10 USD by Acme": the money with its currency (the database's when not given), the partner or "direct in <region>".
            var currency = string.IsNullOrWhiteSpace(Currency) ? Stores.ReportingCurrencyAt(Choice.DatabasePathFor(origin)) : Currency!.Trim().ToUpperInvariant();
            var by = partner == null ? "direct" + (string.IsNullOrWhiteSpace(Region) ? string.Empty : " in " + Region) : partner.Name != null ? "by " + partner.Name : "by partner Id " + partner;
            var what = $"{PartnerRules.FormatDate(Date)} {Amount.ToString(CultureInfo.InvariantCulture)} {currency} {by}" +
                (string.IsNullOrWhiteSpace(Reference) ? string.Empty : $" (Reference {Reference})");
            if (!Writer.ShouldWrite(what, "Add revenue") || !(Stores.WritesFor(origin, create: true, target) is PipelinedWrites writes))
            {
                return;
            }

            Writer.QueueItem(writes, target, writes.Revenue.Adding(draft), PassThru);
        }

        protected override void EndProcessing() => Writer.CompleteWrites("Added", "revenue record(s)");
    }
}
