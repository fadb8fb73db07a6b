using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PartnerOps
{
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
