using System;
using System.Globalization;
using System.Management.Automation;

namespace PartnerOps.Commands
{
    /// <summary>Sets the rate of a currency pair for a year (1 From = Rate To); an existing rate is replaced.</summary>
    [Cmdlet(VerbsCommon.Set, "PartnerExchangeRate", SupportsShouldProcess = true)]
    [OutputType(typeof(ExchangeRate))]
    public sealed class SetPartnerExchangeRateCommand : PartnerOpsCmdlet
    {
        #region Parameters

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(CurrencyCompleter))]
        [SingleValue]
        public string From { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(CurrencyCompleter))]
        [SingleValue]
        public string To { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [IntegerTransformation]
        public int Year { get; set; }

        /// <summary>How many To one From is worth in that year.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [DecimalTransformation]
        public decimal Rate { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The piped object itself (a CSV row): the target of its errors. Its properties bind to the parameters above.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        #endregion

        protected override void ProcessRecord()
        {
            var what = $"{Year.ToString(CultureInfo.InvariantCulture)}: 1 {From} = {Rate.ToString(CultureInfo.InvariantCulture)} {To}";
            if (!Writer.ShouldWrite(what, "Set exchange rate"))
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
                var rate = writes.Rates.Set(From, To, Year, Rate);
                if (!writes.Rates.Changed)
                {
                    WriteVerbose($"The rate {what} is stored already: no change, nothing written.");
                    writes.Written--; // not counted among the rates set
                }

                return rate;
            }, PassThru);
        }

        protected override void EndProcessing() => Writer.CompleteWrites("Set", "exchange rate(s)");
    }
}
