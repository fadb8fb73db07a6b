using System.Collections.Generic;
using System.Linq;
using PartnerOps.Data;
using PartnerOps.Measures;

namespace PartnerOps.Report.Sections
{
    /// <summary>
    /// The measures more than one section shows, each taken once per report: the targets of the year (Measure-PartnerTarget
    /// -Year -Region -AsOf) and the funnel of the year to the day measured (Measure-PartnerFunnel -From 1 January -To -Region).
    /// </summary>
    internal sealed class SharedMeasures
    {
        private readonly ReportScope _scope;
        private IReadOnlyList<TargetProgress>? _targets;
        private FunnelMeasure? _funnel;
        private HashSet<string>? _selectedRegions;

        public SharedMeasures(ReportScope scope)
        {
            _scope = scope;
        }

        /// <summary>The progress of the year's targets in the regions (of the targets), in the targets' order.</summary>
        /// <exception cref="PartnerOpsException">ExchangeRateMissing; a named database failure.</exception>
        public IReadOnlyList<TargetProgress> Targets =>
            _targets ??= new TargetMeasurer(_scope.Store).Measure(new List<int> { _scope.Year }, _scope.Regions.ToList(), _scope.AsOf).ToList();

        /// <summary>The funnel from 1 January to the day measured, of the partners in the regions, in the report's currency.</summary>
        /// <exception cref="PartnerOpsException">ExchangeRateMissing (the revenue lost); a named database failure.</exception>
        public FunnelMeasure YearFunnel => _funnel ??= Funnel(_scope.YearStart, _scope.MeasuredTo);

        /// <summary>The funnel (one measure, no keys) of the partners in the regions over a period.</summary>
        public FunnelMeasure Funnel(System.DateTime from, System.DateTime to)
        {
            var request = new FunnelMeasureRequest { From = from, To = to, Currency = _scope.Currency, Filter = _scope.Partners() };
            return new FunnelMeasurer(_scope.Store).Measure(request).Single();
        }

        /// <summary>
        /// The target of a metric the headline compares with: a target of exactly the report's scope. Without a region filter the
        /// programme's own (no region); with one, the target of the one region the filter selects (<see cref="SelectedRegionKey"/>),
        /// else none: a target of one region is not a target of several, and the programme's is not one of a part of it.
        /// </summary>
        public TargetProgress? HeadlineTarget(TargetMetric metric)
        {
            var ofMetric = Targets.Where(t => t.Metric == metric);
            if (_scope.Regions.Count == 0)
            {
                return ofMetric.FirstOrDefault(t => t.Region == null);
            }

            var only = SelectedRegionKey;
            return only == null ? null : ofMetric.FirstOrDefault(t => t.Region != null && RevenueRules.Key(t.Region) == only);
        }

        /// <summary>The targets of a metric for parts of the report's scope (regions), other than <see cref="HeadlineTarget"/>.</summary>
        public IReadOnlyList<TargetProgress> PartTargets(TargetMetric metric)
        {
            var headline = HeadlineTarget(metric);
            return Targets.Where(t => t.Metric == metric && t.Region != null && !ReferenceEquals(t, headline)).ToList();
        }

        /// <summary>
        /// The key (<see cref="RevenueRules.Key"/>) of the one region the region filter selects, or null: no filter, or the
        /// filter matches no region or several among the partners' regions on the day measured, the regions of the year's
        /// revenue records and the regions of the year's targets.
        /// </summary>
        /// <exception cref="PartnerOpsException">ExchangeRateMissing; a named database failure.</exception>
        public string? SelectedRegionKey
        {
            get
            {
                if (_scope.Regions.Count == 0)
                {
                    return null;
                }

                if (_selectedRegions == null)
                {
                    var keys = new HashSet<string>(System.StringComparer.Ordinal);
                    var partners = new PartnerMeasureRequest { AsOf = _scope.MeasuredTo, Filter = _scope.Partners() };
                    partners.GroupBy.Add(PartnerGroupKey.Region);
                    foreach (var measure in new PartnerMeasurer(_scope.Store).Measure(partners))
                    {
                        Add(keys, measure.Keys[0].Value as string);
                    }

                    var revenue = new RevenueMeasureRequest { Filter = _scope.RevenueOf(), Currency = _scope.Currency };
                    revenue.GroupBy.Add(RevenueGroupKey.Region);
                    foreach (var measure in new RevenueMeasurer(_scope.Store).Measure(revenue))
                    {
                        Add(keys, measure[RevenueGroupKey.Region] as string);
                    }

                    foreach (var target in Targets)
                    {
                        Add(keys, target.Region);
                    }

                    _selectedRegions = keys;
                }

                return _selectedRegions.Count == 1 ? _selectedRegions.First() : null;
            }
        }

        private static void Add(HashSet<string> keys, string? region)
        {
            if (RevenueRules.Key(region) is string key && key.Length > 0)
            {
                keys.Add(key);
            }
        }
    }
}
