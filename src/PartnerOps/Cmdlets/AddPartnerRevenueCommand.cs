using System;
using System.Management.Automation;
using PartnerOps.Storage;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Books revenue for a partner (a name, an id, or a piped Partner) or, with -Direct, direct revenue.
    /// Every value binds from the pipeline by property name, so CSV rows and PartnerRevenue objects flow in;
    /// an empty PartnerName in a row means direct revenue, as in Import-PartnerRevenue.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "PartnerRevenue", SupportsShouldProcess = true)]
    [OutputType(typeof(PartnerRevenue))]
    public sealed class AddPartnerRevenueCommand : PartnerOpsCmdlet, IDisposable
    {
        private PipelinedWrites? _writes;

        #region Parameters

        /// <summary>The partner: an exact name, an id, or a Partner object.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("PartnerName")]
        [EmptyAsNull]
        [ArgumentCompleter(typeof(PartnerNameCompleter))]
        public PartnerReference? Partner { get; set; }

        /// <summary>The partner's id, as a PartnerRevenue object or a CSV row carries it.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
        [EmptyAsNull]
        public long? PartnerId { get; set; }

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
        public string? Currency { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(SegmentCompleter))]
        public string? Segment { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string? Region { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Reference { get; set; }

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
            // A name wins over an id: a record copied from another database keeps its partner's name, not its id.
            var partner = Partner ?? PipedPartner() ?? (PartnerId is long id ? new PartnerReference(id) : null);
            var target = (object?)InputObject ?? partner ?? (object)Amount;
            if (Direct && partner != null)
            {
                ThrowFailure(
                    new PartnerOpsException(ErrorIds.InvalidRevenueValue, FailureKind.InvalidArgument, $"Give -Direct or a partner ('{partner}'), not both.", partner),
                    partner);
            }

            if (partner == null && !Direct && !MyInvocation.BoundParameters.ContainsKey(nameof(Partner)) && !MyInvocation.BoundParameters.ContainsKey(nameof(PartnerId)))
            {
                ThrowFailure(
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
            };

            var what = $"{PartnerRules.FormatDate(Date)} {Amount} {Currency} {(partner == null ? "direct" : "by " + partner)}";
            if (!ShouldWrite(_writes, what, "Add revenue"))
            {
                return;
            }

            var writes = _writes ??= new PipelinedWrites(OpenStore(create: true));
            // Reads, then one INSERT (totals and history triggers inside it): SQLite undoes it alone when it fails.
            WriteItem(writes, target, () => writes.Revenue.Add(draft), PassThru, oneStatement: true);
        }

        protected override void EndProcessing() => CompleteWrites(_writes, "Added", "revenue record(s)");

        public void Dispose() => _writes?.Dispose();

        private PartnerReference? PipedPartner() => InputObject?.BaseObject switch
        {
            PartnerOps.Partner partner => new PartnerReference(partner),
            string name when !string.IsNullOrWhiteSpace(name) => new PartnerReference(name),
            long id => new PartnerReference(id),
            int id => new PartnerReference(id),
            _ => null,
        };
    }
}
