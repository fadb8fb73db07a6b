using System.Collections.Generic;
using System.Linq;
using PartnerOps.Measures;

namespace PartnerOps.Report.Sections
{
    /// <summary>
    /// Revenue by region (Measure-PartnerRevenue -GroupBy Region,Year -Year -To: this year to the day, the same days of last
    /// year, growth and share), largest first and shaded by revenue; and the ten countries (of the partners) with the most
    /// revenue this year (Measure-PartnerRevenue -GroupBy Country -Top 10).
    /// </summary>
    internal static class RegionsSection
    {
        public const string Id = "regions";

        /// <summary>The countries the country chart shows.</summary>
        public const int TopCountries = 10;

        public static ReportSection Build(ReportScope scope)
        {
            var section = new ReportSection
            {
                Id = Id,
                Heading = "Revenue by region",
                Note = $"All revenue (partner and direct) of {scope.YearToDate} against the same days of {scope.Year - 1}, by the region of each revenue record" +
                       $"{ReportText.InRegions(scope)}; amounts in {scope.Currency}. Countries are the partners' (direct revenue has none).",
            };
            var measurer = new RevenueMeasurer(scope.Store);
            var request = new RevenueMeasureRequest { Filter = scope.RevenueOf(compared: true), Currency = scope.Currency };
            request.GroupBy.Add(RevenueGroupKey.Region);
            request.GroupBy.Add(RevenueGroupKey.Year);
            var regions = measurer.Measure(request).OrderByDescending(m => m.Total).ToList();
            if (regions.Count == 0)
            {
                section.EmptyMessage = $"No revenue is recorded for {scope.YearToDate}{ReportText.InRegions(scope)}. Add it with Add-PartnerRevenue or Import-PartnerRevenue.";
                return section;
            }

            if (regions.Count == 1)
            {
                // One row at 100 % is not a comparison: said in words.
                section.Note += regions[0][RevenueGroupKey.Region] is string only
                    ? $" All of it is in one region, {only}."
                    : " None of it has a region.";
            }

            section.Tables.Add(RegionTable(scope, regions));
            section.Charts.Add(CountryChart(scope, measurer));
            return section;
        }

        private static ReportTable RegionTable(ReportScope scope, IReadOnlyList<RevenueMeasure> regions)
        {
            var table = new ReportTable { Id = "revenue-by-region", Caption = $"Revenue by region, {scope.YearToDate} ({scope.Currency})" };
            table.Columns.Add(ReportText.Column("Region"));
            table.Columns.Add(ReportText.Column($"Revenue {scope.Year} ({scope.Currency})", numeric: true));
            table.Columns.Add(ReportText.Column($"Revenue {scope.Year - 1} ({scope.Currency})", numeric: true));
            table.Columns.Add(ReportText.Column("Growth (%)", numeric: true));
            table.Columns.Add(ReportText.Column("Share (%)", numeric: true));
            var largest = regions.Max(m => m.Total);
            foreach (var region in regions)
            {
                var revenue = ReportText.MoneyCell(region.Total);
                revenue.Shade = largest <= 0 || region.Total <= 0 ? 0d : (double)(region.Total / largest);
                table.Rows.Add(new List<ReportCell>
                {
                    ReportText.Text((string?)region[RevenueGroupKey.Region] ?? "(no region)"),
                    revenue,
                    ReportText.MoneyCell(region.PreviousTotal),
                    ReportText.GrowthCell(region.Growth),
                    ReportText.ShareCell(region.Share),
                });
            }

            return table;
        }

        private static ReportChart CountryChart(ReportScope scope, RevenueMeasurer measurer)
        {
            var chart = new ReportChart
            {
                Id = "revenue-by-country",
                Title = $"The {TopCountries} countries with the most revenue, {scope.YearToDate}",
                Kind = ReportChartKind.Bar,
                CategoryAxisTitle = "Country",
                ValueAxisTitle = $"Revenue ({scope.Currency})",
            };
            var request = new RevenueMeasureRequest { Filter = scope.RevenueOf(), Currency = scope.Currency, Top = TopCountries };
            request.GroupBy.Add(RevenueGroupKey.Country);
            var countries = measurer.Measure(request);
            var series = new ReportSeries { Name = $"Revenue ({scope.Currency})" };
            var table = chart.Table;
            table.Id = "revenue-by-country-numbers";
            table.Caption = chart.Title + $" ({scope.Currency})";
            table.Columns.Add(ReportText.Column("Country"));
            table.Columns.Add(ReportText.Column($"Revenue ({scope.Currency})", numeric: true));
            table.Columns.Add(ReportText.Column("Share (%)", numeric: true));
            foreach (var country in countries)
            {
                var name = (string?)country[RevenueGroupKey.Country] ?? "(none: direct revenue)";
                chart.Categories.Add(name);
                series.Values.Add((double)country.Total);
                table.Rows.Add(new List<ReportCell> { ReportText.Text(name), ReportText.MoneyCell(country.Total), ReportText.ShareCell(country.Share) });
            }

            chart.Series.Add(series);
            chart.TextAlternative = $"Bar chart of revenue by country, largest first: " +
                                    string.Join("; ", table.Rows.Select(r => $"{r[0].Text} {scope.Currency} {r[1].Text}")) + ".";
            if (countries.Count == 0)
            {
                chart.EmptyMessage = $"No revenue is recorded for {scope.YearToDate}{ReportText.InRegions(scope)}.";
            }

            return chart;
        }
    }
}
