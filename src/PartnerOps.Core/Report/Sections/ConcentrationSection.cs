using System;
using System.Collections.Generic;
using System.Linq;
using PartnerOps.Measures;

namespace PartnerOps.Report.Sections
{
    /// <summary>
    /// How concentrated partner revenue is: the per-partner totals of the year to the day (Measure-PartnerRevenue -GroupBy
    /// Partner -Channel Partner -Year -To), largest first; the share of their sum that the top 10 partners and the top 20 % of
    /// the partners (rounded up) bring, and the cumulative share per tenth of the partners. Shares are fractions rounded to six
    /// decimals (half away from zero), as the measures' shares; none when the partners' sum is 0 or less.
    /// </summary>
    internal static class ConcentrationSection
    {
        public const string Id = "concentration";

        /// <summary>The partners of the "top 10" tile.</summary>
        public const int TopPartners = 10;

        public static ReportSection Build(ReportScope scope)
        {
            var section = new ReportSection
            {
                Id = Id,
                Heading = "Concentration",
                Note = $"Partner revenue of {scope.YearToDate}{ReportText.InRegions(scope)} (in {scope.Currency}) by partner, largest first: how much of it the largest partners bring." +
                       (scope.Regions.Count == 0 ? string.Empty : " Revenue is filtered by the region of each revenue record."),
            };
            var request = new RevenueMeasureRequest { Filter = scope.RevenueOf(channel: RevenueChannel.Partner), Currency = scope.Currency };
            request.GroupBy.Add(RevenueGroupKey.Partner);
            var totals = new RevenueMeasurer(scope.Store).Measure(request).Select(m => m.Total).OrderByDescending(t => t).ToList();
            var sum = totals.Sum();
            if (totals.Count == 0 || sum <= 0)
            {
                section.EmptyMessage = totals.Count == 0
                    ? $"No partner revenue is recorded for {scope.YearToDate}{ReportText.InRegions(scope)}. Add it with Add-PartnerRevenue -Partner or Import-PartnerRevenue."
                    : $"The partner revenue of {scope.YearToDate}{ReportText.InRegions(scope)} sums to {ReportText.Money(sum, scope.Currency)}: no share of it can be given.";
                return section;
            }

            var topTwenty = TopFifth(totals.Count);
            var tenShare = ShareOfTop(totals, TopPartners, sum);
            var fifthShare = ShareOfTop(totals, topTwenty, sum);
            section.Tiles.Add(new ReportTile
            {
                Id = "top10-share",
                Label = $"Share of the top {TopPartners} partners",
                Value = ReportText.Share(tenShare),
                Number = tenShare,
                Detail = $"{ReportText.Money(totals.Take(TopPartners).Sum(), scope.Currency)} of {ReportText.Money(sum, scope.Currency)} from {ReportText.Count(totals.Count)} partner(s)",
            });
            section.Tiles.Add(new ReportTile
            {
                Id = "top20pct-share",
                Label = "Share of the top 20 % of partners",
                Value = ReportText.Share(fifthShare),
                Number = fifthShare,
                Detail = $"the top {ReportText.Count(topTwenty)} of {ReportText.Count(totals.Count)} partner(s)",
            });
            section.Charts.Add(Deciles(scope, totals, sum));
            return section;
        }

        /// <summary>The partners in the top 20 % of <paramref name="partners"/>: a fifth, rounded up (1 of 1 to 5, 2 of 6 to 10).</summary>
        public static int TopFifth(int partners) => (partners + 4) / 5;

        /// <summary>The share of <paramref name="sum"/> that the first <paramref name="top"/> of the sorted totals bring, six decimals.</summary>
        public static decimal ShareOfTop(IReadOnlyList<decimal> sortedTotals, int top, decimal sum) =>
            decimal.Round(sortedTotals.Take(top).Sum() / sum, 6, MidpointRounding.AwayFromZero);

        private static ReportChart Deciles(ReportScope scope, IReadOnlyList<decimal> totals, decimal sum)
        {
            var chart = new ReportChart
            {
                Id = "concentration",
                Title = $"Cumulative share of partner revenue by tenth of the partners, {scope.YearToDate}",
                Kind = ReportChartKind.Column,
                CategoryAxisTitle = "Partners, largest first",
                ValueAxisTitle = "Cumulative share of partner revenue (%)",
            };
            var series = new ReportSeries { Name = "Cumulative share (%)" };
            var table = chart.Table;
            table.Id = "concentration-numbers";
            table.Caption = chart.Title;
            table.Columns.Add(ReportText.Column("Partners"));
            table.Columns.Add(ReportText.Column("Count", numeric: true));
            table.Columns.Add(ReportText.Column($"Revenue ({scope.Currency})", numeric: true));
            table.Columns.Add(ReportText.Column("Cumulative share (%)", numeric: true));
            for (var tenth = 1; tenth <= 10; tenth++)
            {
                // The top tenth * 10 % of the partners, rounded up: each tenth holds at least one partner more than none.
                var count = (int)Math.Ceiling(totals.Count * tenth / 10m);
                var share = ShareOfTop(totals, count, sum);
                var name = $"Top {tenth * 10} %";
                chart.Categories.Add(name);
                series.Values.Add(ReportText.Percent(share));
                table.Rows.Add(new List<ReportCell> { ReportText.Text(name), ReportText.CountCell(count), ReportText.MoneyCell(totals.Take(count).Sum()), ReportText.ShareCell(share) });
            }

            chart.Series.Add(series);
            chart.TextAlternative = $"Column chart of the cumulative share of partner revenue of {ReportText.Count(totals.Count)} partner(s): " +
                                    string.Join("; ", table.Rows.Select(r => $"{r[0].Text} ({r[1].Text}) {r[3].Text}")) + ".";
            return chart;
        }
    }
}
