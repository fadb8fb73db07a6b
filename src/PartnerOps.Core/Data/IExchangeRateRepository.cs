using System.Collections.Generic;

namespace PartnerOps.Data
{
    /// <summary>Yearly exchange rates between currencies (ISO 4217 codes).</summary>
    public interface IExchangeRateRepository
    {
        /// <summary>False when the last <see cref="Set"/> found the rate stored already (nothing written).</summary>
        bool Changed { get; }

        /// <summary>Stores the rate of a pair for a year, checked by <see cref="ExchangeRateRules.Check"/>.</summary>
        /// <exception cref="PartnerOpsException">InvalidExchangeRate (InvalidArgument), InvalidCurrencyCode.</exception>
        ExchangeRate Set(string from, string to, int year, decimal rate);

        /// <summary>The rates matching every given restriction.</summary>
        IEnumerable<ExchangeRate> Find(string? from = null, string? to = null, IEnumerable<int>? years = null);

        /// <summary>Every stored rate, ready to convert amounts through the reporting currency.</summary>
        CurrencyConverter Converter();
    }
}
