using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Dapper;

namespace PartnerOps.Storage
{
    /// <summary>Yearly exchange rates (1 From = Rate To). Rates are stored as exact decimal text.</summary>
    public sealed class ExchangeRateRepository
    {
        /// <summary>
        /// The largest rate (1 From = at most 10^8 To) and, as its reciprocal, the smallest (10^-8): the rate either way round
        /// stays within 10^8, so a conversion through the reporting currency multiplies by at most 10^16 and the largest amount
        /// one record holds (10^12) converts to at most 10^28, inside a decimal (7.9e28). The widest real spreads (1 KWD in
        /// IRR, 1 USD in VES before 2021) are well inside.
        /// </summary>
        public const decimal MaxRate = 100_000_000m;

        /// <summary>The smallest rate: the reciprocal of <see cref="MaxRate"/>.</summary>
        public const decimal MinRate = 0.00000001m;

        private readonly PartnerStore _store;
        private readonly Func<DateTime> _utcNow;

        public ExchangeRateRepository(PartnerStore store, Func<DateTime>? utcNow = null)
        {
            _store = store;
            _utcNow = utcNow ?? (() => DateTime.UtcNow);
        }

        /// <summary>Whether the last <see cref="Set"/> wrote (false: the same rate was stored already, and nothing was written).</summary>
        public bool Changed { get; private set; }

        /// <summary>Adds or replaces the rate for a pair and year; returns it as stored. The same rate again writes nothing (<see cref="Changed"/>).</summary>
        public ExchangeRate Set(string from, string to, int year, decimal rate)
        {
            var stored = new ExchangeRate { From = CurrencyCodes.Require(from), To = CurrencyCodes.Require(to), Year = year, Rate = rate, Database = _store.Path };
            if (stored.From == stored.To)
            {
                throw Invalid($"From and To are both {stored.From}; a rate converts between two different currencies", stored.From);
            }

            if (year < 1900 || year > 2999)
            {
                throw Invalid($"Year {year} is not valid: it must be between 1900 and 2999", year);
            }

            if (rate < MinRate || rate > MaxRate)
            {
                throw Invalid(
                    $"Rate {rate.ToString(CultureInfo.InvariantCulture)} is not valid: a rate must be between {MinRate.ToString(CultureInfo.InvariantCulture)} and " +
                    $"{MaxRate.ToString("#,0", CultureInfo.InvariantCulture)} (1 {stored.From} = Rate {stored.To}, and its inverse within the same bounds)",
                    rate);
            }

            stored.From = CurrencyCodes.RequireInYear(stored.From, year);
            stored.To = CurrencyCodes.RequireInYear(stored.To, year);

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
            var clauses = new List<string>();
            var parameters = new DynamicParameters();
            if (from != null)
            {
                clauses.Add("from_currency = @from");
                parameters.Add("from", CurrencyCodes.Require(from));
            }

            if (to != null)
            {
                clauses.Add("to_currency = @to");
                parameters.Add("to", CurrencyCodes.Require(to));
            }

            SqlList.AddIn(clauses, parameters, "year", "years", years?.ToList() ?? new List<int>());

            var where = clauses.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", clauses);
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

        private static PartnerOpsException Invalid(string message, object? target) =>
            new PartnerOpsException(ErrorIds.InvalidExchangeRate, FailureKind.InvalidArgument, message + ".", target);
    }

    /// <summary>
    /// Converts amounts between currencies with yearly rates: the rate as stored, else its inverse, else
    /// through the database's reporting currency. A missing rate is ExchangeRateMissing, naming the pair and year.
    /// </summary>
    public sealed class CurrencyConverter
    {
        private readonly Dictionary<(string From, string To, int Year), decimal> _rates = new Dictionary<(string, string, int), decimal>();
        private readonly string _reportingCurrency;

        public CurrencyConverter(IEnumerable<ExchangeRate> rates, string reportingCurrency)
        {
            foreach (var rate in rates)
            {
                _rates[(rate.From, rate.To, rate.Year)] = rate.Rate;
            }

            _reportingCurrency = reportingCurrency;
        }

        /// <summary>
        /// How many <paramref name="to"/> one <paramref name="from"/> was worth in the year (rounded at 28 digits when it is a
        /// quotient; to convert an amount use <see cref="Convert"/>, which divides once).
        /// </summary>
        public decimal Rate(string from, string to, int year)
        {
            var (multiply, divide) = Factors(from, to, year);
            return divide == 1m ? multiply : multiply / divide;
        }

        /// <summary>
        /// An amount in <paramref name="from"/> in <paramref name="to"/>, unrounded: multiplied by the stored rates and divided by
        /// the stored rates used the other way (1234.59 USD with GBP→USD 1.2 is 1234.59 / 1.2 = 1028.825 GBP exactly, where
        /// multiplying by a reciprocal rounded at 28 digits gives 1028.8249…).
        /// </summary>
        public decimal Convert(decimal amount, string from, string to, int year)
        {
            var (multiply, divide) = Factors(from, to, year);
            return divide == 1m ? amount * multiply : amount * multiply / divide;
        }

        /// <summary>
        /// The conversion as a product of stored rates over a product of stored rates (1 From = Multiply / Divide To): the rate as
        /// stored (r / 1), its inverse (1 / r), or through the reporting currency (r1·r2 / 1, r1 / r2, …). ExchangeRateMissing when none.
        /// </summary>
        public (decimal Multiply, decimal Divide) Factors(string from, string to, int year)
        {
            if (TryRate(from, to, year, out var rate))
            {
                return rate;
            }

            if (from != _reportingCurrency && to != _reportingCurrency
                && TryRate(from, _reportingCurrency, year, out var toReporting)
                && TryRate(_reportingCurrency, to, year, out var fromReporting))
            {
                return (toReporting.Multiply * fromReporting.Multiply, toReporting.Divide * fromReporting.Divide);
            }

            throw Missing(from, to, year);
        }

        /// <summary>
        /// ExchangeRateMissing for a conversion that found no path, asking for the rates actually missing on the path it takes.
        /// A conversion between two currencies other than the reporting one goes through the reporting currency (EUR→USD→JPY
        /// with USD reporting), so the error asks for the missing leg(s) of that path (USD→JPY: with it, every currency that has
        /// a rate to USD converts to JPY), not for a direct EUR→JPY rate that would serve this one pair only. A conversion from
        /// or to the reporting currency asks for that one rate.
        /// </summary>
        private PartnerOpsException Missing(string from, string to, int year)
        {
            var yearText = year.ToString(CultureInfo.InvariantCulture);
            var legs = new List<(string From, string To)>();
            if (from == _reportingCurrency || to == _reportingCurrency)
            {
                legs.Add((from, to));
            }
            else
            {
                if (!TryRate(from, _reportingCurrency, year, out _))
                {
                    legs.Add((from, _reportingCurrency));
                }

                if (!TryRate(_reportingCurrency, to, year, out _))
                {
                    legs.Add((_reportingCurrency, to));
                }
            }

            var commands = string.Join("; ", legs.Select(l => $"Set-PartnerExchangeRate -From {l.From} -To {l.To} -Year {yearText} -Rate <rate>"));
            var message = legs.Count == 1 && legs[0] == (from, to)
                ? $"There is no exchange rate from {from} to {to} for {yearText}. Add it with: {commands}"
                : $"There is no exchange rate from {from} to {to} for {yearText}: conversions go through the reporting currency {_reportingCurrency} " +
                  $"({from}→{_reportingCurrency}→{to}), and {string.Join(" and ", legs.Select(l => $"{l.From}→{l.To}"))} " +
                  $"{(legs.Count == 1 ? "is" : "are")} missing. Add {(legs.Count == 1 ? "it" : "them")} with: {commands}";
            return new PartnerOpsException(
                ErrorIds.ExchangeRateMissing,
                FailureKind.InvalidOperation,
                message,
                string.Join(", ", legs.Select(l => $"{l.From}/{l.To} {yearText}")));
        }

        private bool TryRate(string from, string to, int year, out (decimal Multiply, decimal Divide) rate)
        {
            if (from == to)
            {
                rate = (1m, 1m);
                return true;
            }

            if (_rates.TryGetValue((from, to, year), out var stored))
            {
                rate = (stored, 1m);
                return true;
            }

            if (_rates.TryGetValue((to, from, year), out var inverse))
            {
                rate = (1m, inverse);
                return true;
            }

            rate = default;
            return false;
        }
    }
}
