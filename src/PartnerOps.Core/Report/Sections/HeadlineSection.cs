using System.Linq;
using PartnerOps.Measures;

namespace PartnerOps.Report.Sections
{
    /// <summary>
    /// The headline tiles, each a figure of the report's scope (every region, or the regions of the filter): partners now
    /// (Measure-Partner's count) beside the PartnerCount target of exactly that scope, the partner share of revenue
    /// (Measure-PartnerRevenue -GroupBy Channel) against the PartnerRevenueShare target of that scope; a target of only a part
    /// of the scope (a region) is named, never compared with the whole (<see cref="SharedMeasures.HeadlineTarget"/>); revenue
    /// this year to the day against the same days of last year (Measure-PartnerRevenue -GroupBy Year) and the net partner adds
    /// of the year (Measure-PartnerFunnel: partners at the end less at the start, with the joined and ended).
    /// </summary>
    internal static class HeadlineSection
    {
        public const string Id = "headline";

        public static ReportSection Build(ReportScope scope, SharedMeasures shared)
        {
            var section = new ReportSection
            {
                Id = Id,
                Heading = "Headline",
                Note = $"Figures of {ReportText.Day(scope.YearStart)} to {ReportText.Day(scope.MeasuredTo)}{ReportText.InRegions(scope)}; " +
                       $"revenue amounts in {scope.Currency} (targets and deals in their own currency)." +
                       (scope.Year < scope.AsOf.Year ? $" Tiers, certifications and deals are as of {ReportText.Day(scope.AsOf)}." : string.Empty) +
                       (scope.Regions.Count == 0 ? string.Empty : " Revenue is filtered by the region of each revenue record, partners by their region."),
            };
            section.Tiles.Add(Partners(scope, shared));
            section.Tiles.Add(PartnerShare(scope, shared));
            section.Tiles.Add(Revenue(scope));
            section.Tiles.Add(NetAdds(shared));
            return section;
        }

        private static ReportTile Partners(ReportScope scope, SharedMeasures shared)
        {
            // Always Measure-Partner's count of the report's scope on the last day measured (the year's end for an earlier
            // year): every partner but a Prospect, joined and not ended; a target (which may count fewer statuses) is beside it.
            var request = new PartnerMeasureRequest { AsOf = scope.MeasuredTo, Filter = scope.Partners() };
            var count = new PartnerMeasurer(scope.Store).Measure(request).Single().Count;
            var tile = new ReportTile { Id = "partners", Label = "Partners", Value = ReportText.Count(count), Number = count };
            if (shared.HeadlineTarget(TargetMetric.PartnerCount) is TargetProgress target && target.Actual is decimal actual)
            {
                var counted = target.Statuses == null || target.Statuses.Length == 0 ? "partners" : string.Join(", ", target.Statuses) + " partners";
                tile.Detail = $"target {ReportText.Count(target.Target)} {counted}{ReportText.InScope(scope)}: {ReportText.Count(actual)} now" +
                              (target.Projected is decimal projected ? $", {ReportText.Count(projected)} projected at year end" : string.Empty);
                tile.Status = target.OnTrack ? ReportStatus.OnTrack : ReportStatus.Behind;
                return tile;
            }

            tile.Detail = NoTarget(scope, shared, TargetMetric.PartnerCount);
            return tile;
        }

        // Why a tile has no target: targets exist only for parts of the scope (named), or none (how to set one).
        private static string NoTarget(ReportScope scope, SharedMeasures shared, TargetMetric metric)
        {
            var parts = shared.PartTargets(metric);
            if (parts.Count == 0)
            {
                return $"no target set{ReportText.InScope(scope)} (Set-PartnerTarget -Metric {metric})";
            }

            var names = parts.Select(t => t.Region!).Distinct(System.StringComparer.Ordinal).ToList();
            var shown = string.Join(", ", names.Take(3)) + (names.Count > 3 ? $" and {names.Count - 3} more" : string.Empty);
            return $"no target{ReportText.InScope(scope)}; regional targets ({shown}): see Target progress";
        }

        private static ReportTile PartnerShare(ReportScope scope, SharedMeasures shared)
        {
            var tile = new ReportTile { Id = "partner-share", Label = "Partner share of revenue" };
            var request = new RevenueMeasureRequest { Filter = scope.RevenueOf(), Currency = scope.Currency };
            request.GroupBy.Add(RevenueGroupKey.Channel);
            var channels = new RevenueMeasurer(scope.Store).Measure(request);
            var partner = channels.FirstOrDefault(m => Equals(m[RevenueGroupKey.Channel], RevenueChannel.Partner));
            // Revenue that is all direct is a partner share of 0; no revenue at all (or a sum of 0 or less) is no share.
            var share = partner != null ? partner.Share : channels.Any(m => m.Share != null) ? 0m : (decimal?)null;
            tile.Value = ReportText.Share(share);
            tile.Number = share;
            var target = shared.HeadlineTarget(TargetMetric.PartnerRevenueShare);
            if (share == null)
            {
                tile.Detail = "no revenue recorded in " + scope.YearToDate +
                              (target == null ? "; " + NoTarget(scope, shared, TargetMetric.PartnerRevenueShare) : $"; target {ReportText.Share(target.Target)}");
                return tile;
            }

            if (target == null)
            {
                tile.Detail = NoTarget(scope, shared, TargetMetric.PartnerRevenueShare);
                return tile;
            }

            tile.Detail = $"against a {ReportText.Share(target.Target)} target" +
                          (target.Projected is decimal projected ? $"; {ReportText.Share(projected)} projected at year end" : string.Empty);
            tile.Status = target.OnTrack ? ReportStatus.OnTrack : ReportStatus.Behind;
            return tile;
        }

        private static ReportTile Revenue(ReportScope scope)
        {
            var request = new RevenueMeasureRequest { Filter = scope.RevenueOf(compared: true), Currency = scope.Currency };
            request.GroupBy.Add(RevenueGroupKey.Year);
            var measure = new RevenueMeasurer(scope.Store).Measure(request).FirstOrDefault();
            var total = measure?.Total ?? 0m;
            var tile = new ReportTile
            {
                Id = "revenue",
                Label = "Revenue " + scope.YearToDate,
                Value = ReportText.Money(total, scope.Currency),
                Number = total,
            };
            tile.Detail = measure?.PreviousTotal is decimal previous
                ? $"{ReportText.Money(previous, scope.Currency)} in the same days of {scope.Year - 1}; growth {ReportText.Growth(measure.Growth)}"
                : $"no revenue in the same days of {scope.Year - 1} to compare with";
            return tile;
        }

        private static ReportTile NetAdds(SharedMeasures shared)
        {
            var funnel = shared.YearFunnel;
            return new ReportTile
            {
                Id = "net-adds",
                Label = "Net partner adds",
                Value = funnel.NetAdds.ToString("+#,0;-#,0;0", System.Globalization.CultureInfo.InvariantCulture),
                Number = funnel.NetAdds,
                Detail = $"{ReportText.Count(funnel.Joined)} joined, {ReportText.Count(funnel.Ended)} ended; {ReportText.Count(funnel.AtStart)} at the start of the year, {ReportText.Count(funnel.AtEnd)} now",
            };
        }
    }
}
