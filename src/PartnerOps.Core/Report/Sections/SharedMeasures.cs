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
        /// The target of a metric the headline compares with: without a region filter the programme's own (no region); with one,
        /// the only target of the metric in the regions matched, else none (several regional targets are not one target).
        /// </summary>
        public TargetProgress? HeadlineTarget(TargetMetric metric)
        {
            var ofMetric = Targets.Where(t => t.Metric == metric).ToList();
            return _scope.Regions.Count == 0
                ? ofMetric.FirstOrDefault(t => t.Region == null)
                : ofMetric.Count == 1 ? ofMetric[0] : null;
        }
    }
}
