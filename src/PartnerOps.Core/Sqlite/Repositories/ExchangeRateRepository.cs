using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Dapper;
using PartnerOps.Data;
using PartnerOps.Sqlite.Native;

namespace PartnerOps.Sqlite
{
    /// <summary>Yearly exchange rates (1 From = Rate To). Rates are stored as exact decimal text.</summary>
    public sealed class ExchangeRateRepository : IExchangeRateRepository
    {
        /// <summary>
        /// The largest rate (1 From = at most 10^8 To) and, as its reciprocal, the smallest (10^-8): the rate either way round
        /// stays within 10^8, so a conversion through the reporting currency multiplies by at most 10^16 and the largest amount
        /// one record holds (10^12) converts to at most 10^28, inside a decimal (7.9e28). The widest real spreads (1 KWD in
        /// IRR, 1 USD in VES before 2021) are well inside.
        /// </summary>
        private readonly SqliteDatabase _store;
        private readonly Func<DateTime> _utcNow;

        public ExchangeRateRepository(SqliteDatabase store, Func<DateTime>? utcNow = null)
        {
            _store = store;
            _utcNow = utcNow ?? (() => DateTime.UtcNow);
        }

        /// <summary>Whether the last <see cref="Set"/> wrote (false: the same rate was stored already, and nothing was written).</summary>
        public bool Changed { get; private set; }

        /// <summary>Adds or replaces the rate for a pair and year; returns it as stored. The same rate again writes nothing (<see cref="Changed"/>).</summary>
        public ExchangeRate Set(string from, string to, int year, decimal rate)
        {
            var stored = ExchangeRateRules.Check(from, to, year, rate, _store.Path);

            // A rate already stored with the same value (as stored) is left as it is, UpdatedAt and history included.
            Changed = 0 < _store.Connection.Execute(
                @"INSERT INTO exchange_rates (from_currency, to_currency, year, rate, updated_at) VALUES (@From, @To, @Year, @Rate, @Now)
                  ON CONFLICT (from_currency, to_currency, year) DO UPDATE SET rate = excluded.rate, updated_at = excluded.updated_at
                  WHERE exchange_rates.rate IS NOT excluded.rate",
                new { stored.From, stored.To, stored.Year, Rate = Format(rate), Now = PartnerRules.FormatTimestamp(_utcNow()) },
                _store.Transaction);
            return stored;
        }

        /// <summary>Stored rates, optionally for one currency on either side or one year; sorted by pair and year.</summary>
        public IEnumerable<ExchangeRate> Find(string? from = null, string? to = null, IEnumerable<int>? years = null)
        {
            var (where, parameters) = ExchangeRateFilterSql.Build(SqliteFilterDialect.Instance, from, to, years);
            return TranslatedReads.Stream(_store, () => _store.Connection
                .Query<(string From, string To, long Year, string Rate)>(
                    "SELECT from_currency, to_currency, year, rate FROM exchange_rates" + where + " ORDER BY from_currency, to_currency, year",
                    parameters,
                    _store.Transaction,
                    buffered: false)
                .Select(r => new ExchangeRate { From = r.From, To = r.To, Year = (int)r.Year, Rate = decimal.Parse(r.Rate, CultureInfo.InvariantCulture), Database = _store.Path }));
        }

        /// <summary>Every stored rate, ready to convert amounts.</summary>
        public CurrencyConverter Converter() => new CurrencyConverter(Find().ToList(), _store.Currency);

        private static string Format(decimal rate) => rate.ToString(CultureInfo.InvariantCulture);

    }

}
