using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PartnerOps
{
    /// <summary>The rules of targets (Set-PartnerTarget): what a target of each metric may hold, and how its statuses are stored.</summary>
    public static class TargetRules
    {
        /// <summary>The largest revenue target, in any currency: 1,000 times <see cref="RevenueRules.MaxAmount"/> (999,999,999,999,990).</summary>
        public const decimal MaxRevenueTarget = RevenueRules.MaxAmount * 1000;

        /// <summary>Statuses as stored: their names in the order of <see cref="PartnerStatus"/>, comma-separated, each once; null for none.</summary>
        public static string? FormatStatuses(IEnumerable<PartnerStatus>? statuses) =>
            statuses == null ? null : string.Join(",", statuses.Distinct().OrderBy(s => s));

        /// <summary>
        /// A target as it is stored, from what Set-PartnerTarget was given: the metric's value checked (a count whole and 0 or more,
        /// revenue an amount of its currency up to <see cref="MaxRevenueTarget"/>, a share from 0 to 1), the year from
        /// <see cref="PartnerRules.MinYear"/> to <see cref="PartnerRules.MaxYear"/>, the region normalized, the statuses counted
        /// (PartnerCount only) each once in order; a revenue target without currency is in <paramref name="reportingCurrency"/>.
        /// </summary>
        /// <exception cref="PartnerOpsException">InvalidTargetValue (InvalidArgument), naming the property; InvalidCurrencyCode.</exception>
        public static PartnerTarget Validate(TargetMetric metric, string? region, int year, decimal value, string? currency, IEnumerable<PartnerStatus>? statuses, Func<string> reportingCurrency, string? database)
        {
            if (!Enum.IsDefined(typeof(TargetMetric), metric))
            {
                throw Invalid("Metric", metric, $"valid values are {string.Join(", ", Enum.GetNames(typeof(TargetMetric)))}");
            }

            if (!PartnerRules.IsYearInRange(year))
            {
                throw Invalid("Year", year, $"it must be between {PartnerRules.MinYear} and {PartnerRules.MaxYear}");
            }

            var target = new PartnerTarget { Metric = metric, Region = PartnerRules.NormalizeRegion(region, ErrorIds.InvalidTargetValue), Year = year, Value = value, Database = database };
            var counted = statuses?.ToList();
            if (counted != null && metric != TargetMetric.PartnerCount)
            {
                throw Invalid("Status", FormatStatuses(counted), $"only PartnerCount targets count partner statuses, not {metric}");
            }

            switch (metric)
            {
                case TargetMetric.PartnerCount:
                    if (value < 0 || value != decimal.Truncate(value))
                    {
                        throw Invalid("Value", value, "a partner count target is a whole number, 0 or more");
                    }

                    if (counted != null)
                    {
                        if (counted.Count == 0)
                        {
                            throw Invalid("Status", string.Empty, "a partner count target counts at least one status");
                        }

                        foreach (var status in counted.Where(s => !Enum.IsDefined(typeof(PartnerStatus), s)))
                        {
                            throw Invalid("Status", status, $"valid values are {string.Join(", ", Enum.GetNames(typeof(PartnerStatus)))}");
                        }

                        target.Statuses = counted.Distinct().OrderBy(s => s).ToArray();
                    }

                    break;
                case TargetMetric.PartnerRevenue:
                    if (value < 0)
                    {
                        throw Invalid("Value", value, "a revenue target is an amount, 0 or more");
                    }

                    // The currency must have been in use in the target's year, and the value must be an amount of it.
                    target.Currency = CurrencyCodes.RequireInYear(string.IsNullOrWhiteSpace(currency) ? reportingCurrency() : currency, year);
                    if (value > MaxRevenueTarget)
                    {
                        throw Invalid(
                            "Value",
                            value,
                            $"a revenue target is at most {RevenueRules.Format(MaxRevenueTarget, target.Currency)} {target.Currency} " +
                            "(1,000 times the largest amount one record may hold)");
                    }

                    if (RevenueRules.Problem(value, target.Currency) is string problem)
                    {
                        throw Invalid("Value", value, $"a revenue target is an amount of its currency: {problem}");
                    }

                    return target;
                case TargetMetric.PartnerRevenueShare:
                    if (value < 0 || value > 1)
                    {
                        throw Invalid("Value", value, "a share target is a fraction between 0 and 1 (1 = 100%)");
                    }

                    break;
            }

            if (!string.IsNullOrWhiteSpace(currency))
            {
                throw Invalid("Currency", currency, $"only PartnerRevenue targets have a currency, not {metric}");
            }

            return target;
        }

        private static PartnerOpsException Invalid(string property, object? value, string problem) =>
            new PartnerOpsException(
                ErrorIds.InvalidTargetValue,
                FailureKind.InvalidArgument,
                $"{property} '{TextRules.Shown(Convert.ToString(value, CultureInfo.InvariantCulture))}' is not valid: {problem}.",
                value);
    }
}
