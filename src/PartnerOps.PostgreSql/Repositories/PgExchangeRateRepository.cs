using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Dapper;
using PartnerOps.Data;

namespace PartnerOps.PostgreSql
{
    /// <summary>
    /// Yearly exchange rates (1 From = Rate To) on PostgreSQL, stored as exact decimal text; the same results and failures as
    /// the SQLite repository (the checks are <see cref="ExchangeRateRules.Check"/>'s).
    /// </summary>
    internal sealed class PgExchangeRateRepository : IExchangeRateRepository
    {
        private readonly PgDatabase _db;
        private readonly Func<DateTime> _utcNow;

        public PgExchangeRateRepository(PgDatabase db, Func<DateTime>? utcNow = null)
        {
            _db = db;
            _utcNow = utcNow ?? (() => DateTime.UtcNow);
        }

        /// <inheritdoc/>
        public bool Changed { get; private set; }

        /// <inheritdoc/>
        public ExchangeRate Set(string from, string to, int year, decimal rate)
        {
            var stored = ExchangeRateRules.Check(from, to, year, rate, _db.Path);

            // A rate already stored with the same value (as stored) is left as it is, UpdatedAt and history included.
            Changed = 0 < _db.Execute(
                @"INSERT INTO exchange_rates AS x (from_currency, to_currency, year, rate, updated_at) VALUES (@From, @To, @Year, @Rate, @Now)
                  ON CONFLICT (from_currency, to_currency, year) DO UPDATE SET rate = excluded.rate, updated_at = excluded.updated_at
                  WHERE x.rate IS DISTINCT FROM excluded.rate",
                new { stored.From, stored.To, stored.Year, Rate = rate.ToString(CultureInfo.InvariantCulture), Now = PartnerRules.FormatTimestamp(_utcNow()) });
            return stored;
        }

        /// <inheritdoc/>
        public IEnumerable<ExchangeRate> Find(string? from = null, string? to = null, IEnumerable<int>? years = null)
        {
            var (where, parameters) = ExchangeRateFilterSql.Build(new PgFilterDialect(null), from, to, years);
            return _db.Stream<(string From, string To, int Year, string Rate)>(
                    "SELECT from_currency, to_currency, year, rate FROM exchange_rates" + where + " ORDER BY from_currency, to_currency, year", parameters)
                .Select(r => new ExchangeRate { From = r.From, To = r.To, Year = r.Year, Rate = decimal.Parse(r.Rate, CultureInfo.InvariantCulture), Database = _db.Path });
        }

        /// <inheritdoc/>
        public CurrencyConverter Converter() => new CurrencyConverter(Find().ToList(), _db.Currency);
    }
}
