using System.Collections.Generic;

namespace PartnerOps.Data
{
    /// <summary>Yearly exchange rates between currencies (ISO 4217 codes).</summary>
    public interface IExchangeRateRepository
    {
        /// <summary>False when the last <see cref="Set"/> found the rate stored already (nothing written).</summary>
        bool Changed { get; }

        /// <summary>
        /// Stores the rate of a pair for a year (1 <paramref name="from"/> = <paramref name="rate"/> <paramref name="to"/>, an
        /// exact decimal, for the calendar <paramref name="year"/>), adding it or replacing the one stored; checked by
        /// <see cref="ExchangeRateRules.Check"/>. The same rate again writes nothing (<see cref="Changed"/>).
        /// </summary>
        /// <exception cref="PartnerOpsException">InvalidExchangeRate (InvalidArgument), InvalidCurrencyCode.</exception>
        ExchangeRate Set(string from, string to, int year, decimal rate);

        /// <summary>
        /// The rates matching every given restriction (null restricts nothing): the currency converted from, the currency
        /// converted to (ISO 4217 codes, any case), the years; sorted by pair and year, read as they are enumerated.
        /// </summary>
        /// <exception cref="PartnerOpsException">
        /// InvalidCurrencyCode for a <paramref name="from"/> or <paramref name="to"/> that is no ISO 4217 code (thrown by the
        /// call); a named database failure, thrown while the rates are enumerated.
        /// </exception>
        IEnumerable<ExchangeRate> Find(string? from = null, string? to = null, IEnumerable<int>? years = null);

        /// <summary>Every stored rate, ready to convert amounts through the reporting currency.</summary>
        /// <exception cref="PartnerOpsException">A named database failure (DatabaseBusy, DatabaseInvalid, DatabaseError ...).</exception>
        CurrencyConverter Converter();
    }
}
