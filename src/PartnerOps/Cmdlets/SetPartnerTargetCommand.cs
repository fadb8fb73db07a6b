using System;
using System.Globalization;
using System.Management.Automation;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Sets a target for a metric, region (none = all regions) and year; the value of an existing target
    /// is replaced. PartnerRevenueShare is a fraction (1 = 100%).
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "PartnerTarget", SupportsShouldProcess = true)]
    [OutputType(typeof(PartnerTarget))]
    public sealed class SetPartnerTargetCommand : PartnerOpsCmdlet
    {
        #region Parameters

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [EnumValue(typeof(TargetMetric))]
        public TargetMetric Metric { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [IntegerTransformation]
        public int Year { get; set; }

        /// <summary>The region; omit (or leave the cell empty) for all regions.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsNull]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string? Region { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [DecimalTransformation]
        public decimal Value { get; set; }

        /// <summary>For PartnerRevenue targets; default the database's reporting currency.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsNull]
        [ArgumentCompleter(typeof(CurrencyCompleter))]
        public string? Currency { get; set; }

        /// <summary>
        /// For PartnerCount targets: the partner statuses counted (default Active for a new target; an existing target keeps its
        /// own when -Status is not given). Statuses (a PartnerTarget's property) binds from the pipeline; a text
        /// 'Active,Onboarding' (a CSV cell) is those two.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Statuses")]
        [StatusList]
        public PartnerStatus[]? Status { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The piped object itself (a CSV row): the target of its errors. Its properties bind to the parameters above.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        #endregion

        protected override void ProcessRecord()
        {
            // "PartnerRevenue Western Europe 2015 = 1000000 USD": metric, region, year and value, money with its currency.
            var what = new PartnerTarget
            {
                Metric = Metric,
                Region = Region,
                Year = Year,
                Value = Value,
                Currency = Metric != TargetMetric.PartnerRevenue ? null
                    : string.IsNullOrWhiteSpace(Currency) ? Stores.ReportingCurrencyAt(Choice.DatabasePathFor(PipedObject.ModuleObjectDatabase(InputObject)))
                    : Currency!.Trim().ToUpperInvariant(),
                Statuses = Status,
            }.Describe();
            if (!Writer.ShouldWrite(what, "Set target"))
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

            Writer.WriteItem(writes, InputObject ?? (object)what, () =>
            {
                var target = writes.Targets.Set(Metric, Region, Year, Value, Currency, Status, out var changed);
                if (!changed)
                {
                    WriteVerbose($"The target {what} is stored already: no change, nothing written.");
                    writes.Written--; // not counted among the targets set
                }

                return target;
            }, PassThru);
        }

        protected override void EndProcessing() => Writer.CompleteWrites("Set", "target(s)");
    }
}
