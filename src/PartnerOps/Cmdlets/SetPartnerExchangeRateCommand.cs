using System;
using System.Globalization;
using System.Management.Automation;

namespace PartnerOps.Commands
{
    /// <summary>Sets the rate of a currency pair for a year (1 From = Rate To); an existing rate is replaced.</summary>
    [Cmdlet(VerbsCommon.Set, "PartnerExchangeRate", SupportsShouldProcess = true)]
    [OutputType(typeof(ExchangeRate))]
    public sealed class SetPartnerExchangeRateCommand : PartnerOpsCmdlet, IDisposable
    {
        private PipelinedWrites? _writes;

        #region Parameters

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(CurrencyCompleter))]
        public string From { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(CurrencyCompleter))]
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
            if (!ShouldWrite(_writes, what, "Set exchange rate"))
            {
                return;
            }

            var writes = _writes ??= new PipelinedWrites(OpenStore(create: true));
            WriteItem(writes, InputObject ?? (object)what, () => writes.Rates.Set(From, To, Year, Rate), PassThru);
        }

        protected override void EndProcessing() => CompleteWrites(_writes, "Set", "exchange rate(s)");

        public void Dispose() => _writes?.Dispose();
    }
}
