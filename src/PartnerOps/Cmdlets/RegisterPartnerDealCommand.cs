using System;
using System.Globalization;
using System.Management.Automation;
using PartnerOps.Data;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Registers a partner's deal with a customer (issue 19), status Submitted, protected until ExpiresOn (RegisteredOn plus
    /// -ValidDays, 90 by default). The partner by -Partner (a name, an id or a Partner object), a piped Partner (Get-Partner X |
    /// Register-PartnerDeal -Customer .. -CustomerCountry ..), or a row's Partner column (Get-PartnerDeal | Export-Csv, then
    /// Import-Csv | Register-PartnerDeal). When other partners hold the customer (match key: case, accents and spacing ignored; and country) that day, the deal is
    /// registered all the same, with a warning naming their deals.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Register, "PartnerDeal", SupportsShouldProcess = true)]
    [OutputType(typeof(PartnerDeal))]
    public sealed class RegisterPartnerDealCommand : PartnerOpsCmdlet
    {
        #region Parameters

        /// <summary>
        /// The partner: an exact name, an id, or a Partner object; binds from a row's Partner (or PartnerName) column. Without it a
        /// piped Partner (live, deserialized, or a row shaped like one) is the partner.
        /// </summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("PartnerName")]
        [PartnerReferenceTransformation]
        [ArgumentCompleter(typeof(PartnerNameCompleter))]
        public PartnerReference? Partner { get; set; }

        /// <summary>The customer's name (1 to 200 characters, one line); matched with other deals' as partner names are.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [SingleValue]
        [ArgumentCompleter(typeof(DealCustomerCompleter))]
        public string Customer { get; set; } = string.Empty;

        /// <summary>The customer's country: an ISO 3166-1 alpha-2 code.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [SingleValue]
        [ArgumentCompleter(typeof(CountryCompleter))]
        public string CustomerCountry { get; set; } = string.Empty;

        /// <summary>The segment (as revenue's; Enterprise when not given).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsNull]
        [SingleValue]
        [ArgumentCompleter(typeof(SegmentCompleter))]
        public string? Segment { get; set; }

        /// <summary>The product or solution (one line, up to 200 characters).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsNull]
        [SingleValue]
        public string? Product { get; set; }

        /// <summary>The estimated amount (greater than zero, exact in the currency's minor units); give -Currency with it.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [DecimalTransformation]
        public decimal? Amount { get; set; }

        /// <summary>The ISO 4217 code of -Amount (given with it, or not at all).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsNull]
        [SingleValue]
        [ArgumentCompleter(typeof(CurrencyCompleter))]
        public string? Currency { get; set; }

        /// <summary>The day the customer is expected to sign (a calendar day).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [DateTransformation]
        public DateTime? ExpectedClose { get; set; }

        /// <summary>An external id of the deal (one line, up to 100 characters), unique among the database's deals.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsNull]
        [SingleValue]
        public string? Reference { get; set; }

        /// <summary>How many days the registration protects the deal: 1 to 3650, default 90 (ExpiresOn is RegisteredOn plus these days).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [EmptyAsNull]
        [IntegerTransformation]
        public int? ValidDays { get; set; }

        /// <summary>The last day of protection (on or after RegisteredOn), instead of -ValidDays.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [DateTransformation]
        public DateTime? ExpiresOn { get; set; }

        /// <summary>The day of the registration (not after today, UTC); default today.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [DateTransformation]
        public DateTime? RegisteredOn { get; set; }

        /// <summary>Returns the deal as stored.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The piped object: a Partner (the deal's partner), or a row whose properties bind to the parameters above. The target of its errors.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        #endregion

        private bool _partnerTyped;
        private bool _expiresFromRow;

        protected override void BeginProcessing()
        {
            _partnerTyped = MyInvocation.BoundParameters.ContainsKey(nameof(Partner));
            // -ValidDays typed and -ExpiresOn not: an ExpiresOn met in ProcessRecord came from a piped row's column.
            _expiresFromRow = MyInvocation.BoundParameters.ContainsKey(nameof(ValidDays)) && !MyInvocation.BoundParameters.ContainsKey(nameof(ExpiresOn));
        }

        protected override void ProcessRecord()
        {
            var input = InputObject;
            var origin = PipedObject.ModuleObjectDatabase(input) ?? Partner?.Database;
            Piped.WarnOfRowDatabase(input, Choice.DatabasePathFor(origin));
            var partner = Partner;
            var target = (object?)input ?? Customer;
            if (!_partnerTyped && input != null && PipedObject.Read(input) is PipedObject piped && piped.Kind == PipedKind.Partner)
            {
                try
                {
                    partner = piped.Partner();
                }
                catch (PartnerOpsException ex)
                {
                    Failures.WriteFailure(ex, input);
                    return;
                }
            }

            var draft = new DealDraft
            {
                Partner = partner,
                Customer = Customer,
                CustomerCountry = CustomerCountry,
                Segment = Segment,
                Product = Product,
                Amount = Amount,
                Currency = Currency,
                ExpectedClose = ExpectedClose,
                Reference = Reference,
                ValidDays = ValidDays,
                ExpiresOn = ExpiresOn,
                RegisteredOn = RegisteredOn,
                ExpiresOnFromRow = _expiresFromRow,
            };
            var what = $"customer '{TextRules.Shown(Customer)}' ({CustomerCountry})" + (partner == null ? string.Empty : $" for partner '{partner}'");
            if (!Writer.ShouldWrite(what, "Register deal") || !(Stores.WritesFor(origin, create: false, target) is PipelinedWrites writes))
            {
                return;
            }

            // Written here and now, not on a writer thread: a conflict's warning is written with its deal.
            Writer.WriteItem(writes, target, () => Register(writes, draft, DecidedStatus(input)), PassThru);
        }

        protected override void EndProcessing() => Writer.CompleteWrites("Registered", "deal(s)");

        private PartnerDeal Register(PipelinedWrites writes, DealDraft draft, string? decidedStatus)
        {
            var registered = writes.Deals.Register(draft);
            if (registered.Conflicts.Count > 0)
            {
                WriteWarning(DealRegistrations.ConflictWarning(registered.Deal, registered.Conflicts));
            }

            if (decidedStatus != null)
            {
                WriteWarning(
                    $"Deal {registered.Deal.Id.ToString(CultureInfo.InvariantCulture)} of partner '{TextRules.Shown(registered.Deal.Partner)}' was registered as Submitted; the piped deal's Status {TextRules.Shown(decidedStatus)} (and its decision, " +
                    "close and reason) is not carried by a registration: decide it again with Approve-, Deny- or Close-PartnerDeal.");
            }

            return registered.Deal;
        }

        // The Status of a piped deal or row (Get-PartnerDeal | Export-Csv) that a registration does not carry: one other than
        // Submitted or Expired (which a registration reads again from its dates); null when there is none.
        private static string? DecidedStatus(PSObject? input)
        {
            if (input == null || !(PipedObject.Read(input).Kind is PipedKind.Deal or PipedKind.Row))
            {
                return null;
            }

            var value = input.Properties["Status"]?.Value;
            var text = (value is PSObject ps ? ps.BaseObject : value)?.ToString()?.Trim();
            return string.IsNullOrEmpty(text) || string.Equals(text, nameof(DealStatus.Submitted), StringComparison.OrdinalIgnoreCase)
                || string.Equals(text, nameof(DealStatus.Expired), StringComparison.OrdinalIgnoreCase) ? null : text;
        }
    }
}
