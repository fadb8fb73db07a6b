using System;
using System.Management.Automation;
using PartnerOps.Data;

namespace PartnerOps.Commands
{
    /// <summary>Lists the stored exchange rates, by pair and year.</summary>
    [Cmdlet(VerbsCommon.Get, "PartnerExchangeRate")]
    [OutputType(typeof(ExchangeRate))]
    public sealed class GetPartnerExchangeRateCommand : PartnerOpsCmdlet
    {
        #region Parameters

        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CurrencyCompleter))]
        [SingleValue]
        public string? From { get; set; }

        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CurrencyCompleter))]
        [SingleValue]
        public string? To { get; set; }

        [Parameter]
        [IntegerTransformation(List = true)]
        public int[]? Year { get; set; }

        #endregion

        protected override void EndProcessing()
        {
            using (var store = Stores.OpenStore(create: false))
            {
                try
                {
                    foreach (var rate in store.ExchangeRates.Find(From, To, Year))
                    {
                        WriteObject(rate);
                    }
                }
                catch (PartnerOpsException ex)
                {
                    Failures.ThrowFailure(ex, ex.Target);
                }
            }
        }
    }
}
