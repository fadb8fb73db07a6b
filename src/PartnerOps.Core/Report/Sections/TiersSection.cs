using System;
using System.Collections.Generic;
using System.Linq;
using PartnerOps.Measures;

namespace PartnerOps.Report.Sections
{
    /// <summary>
    /// Tiers: the partners per tier on the day and a year earlier (Measure-Partner -GroupBy Tier -AsOf), the upgrades and
    /// downgrades the tier review would make on the day (Invoke-PartnerTierReview -AsOf -WhatIf, its default 90-day grace
    /// period), and the certifications and deals expiring within the days given (Get-PartnerCertification -ExpiringWithin,
    /// Get-PartnerDeal -ExpiringWithin).
    /// </summary>
    internal static class TiersSection
    {
        public const string Id = "tiers";

        /// <summary>The tier review's grace period the report plans with: Invoke-PartnerTierReview's default.</summary>
        public const int GraceDays = 90;

        public static ReportSection Build(ReportScope scope)
        {
            var section = new ReportSection
            {
                Id = Id,
                Heading = "Tiers, certifications and deals",
                Note = $"Partners per tier on {ReportText.Day(scope.AsOf)}; the tier changes a review would make that day ({GraceDays}-day grace period); " +
                       $"certifications and registered deals expiring within {scope.ExpiringWithinDays} days." +
                       (scope.Year < scope.AsOf.Year ? $" These are of {ReportText.Day(scope.AsOf)}, not of {scope.Year} as the figures above." : string.Empty) +
                       (scope.Regions.Count == 0 ? string.Empty : $" Partners, tier changes, certifications and deals are those of the partners{ReportText.InRegions(scope)}."),
            };
            section.Charts.Add(Distribution(scope));
            section.Tables.Add(TierReviewTable.Build(scope, GraceDays));
            section.Tables.Add(ExpiringLists.Certifications(scope));
            section.Tables.Add(ExpiringLists.Deals(scope));
            return section;
        }

        private static ReportChart Distribution(ReportScope scope)
        {
            var chart = new ReportChart
            {
                Id = "tier-distribution",
                Title = $"Partners per tier on {ReportText.Day(scope.AsOf)}",
                Kind = ReportChartKind.Column,
                CategoryAxisTitle = "Tier",
                ValueAxisTitle = "Partners (count)",
            };
            var request = new PartnerMeasureRequest { AsOf = scope.AsOf, Filter = scope.Partners() };
            request.GroupBy.Add(PartnerGroupKey.Tier);
            var measures = new PartnerMeasurer(scope.Store).Measure(request).ToDictionary(m => (PartnerTier)m.Keys[0].Value!);
            var now = new ReportSeries { Name = ReportText.Day(scope.AsOf) };
            var before = new ReportSeries { Name = ReportText.Day(scope.AsOf.AddYears(-1)) };
            var table = chart.Table;
            table.Id = "tier-distribution-numbers";
            table.Caption = chart.Title;
            table.Columns.Add(ReportText.Column("Tier"));
            table.Columns.Add(ReportText.Column("Partners", numeric: true));
            table.Columns.Add(ReportText.Column("Share (%)", numeric: true));
            table.Columns.Add(ReportText.Column("A year earlier", numeric: true));
            // A tier without partners has a share of 0 of a total above 0; n/a only when no partner is counted at all.
            var total = measures.Values.Sum(m => m.Count);
            foreach (PartnerTier tier in Enum.GetValues(typeof(PartnerTier)))
            {
                measures.TryGetValue(tier, out var measure);
                chart.Categories.Add(tier.ToString());
                now.Values.Add(measure?.Count ?? 0);
                before.Values.Add(measure?.PreviousCount ?? 0);
                table.Rows.Add(new List<ReportCell>
                {
                    ReportText.Text(tier.ToString()),
                    ReportText.CountCell(measure?.Count ?? 0),
                    ReportText.ShareCell(measure?.Share ?? (total > 0 ? 0m : (decimal?)null)),
                    ReportText.CountCell(measure?.PreviousCount ?? 0),
                });
            }

            chart.Series.Add(now);
            chart.Series.Add(before);
            chart.TextAlternative = $"Column chart of the partners per tier on {ReportText.Day(scope.AsOf)} and a year earlier: " +
                                    string.Join("; ", table.Rows.Select(r => $"{r[0].Text} {r[1].Text} (a year earlier {r[3].Text})")) + ".";
            if (measures.Values.All(m => m.Count == 0 && m.PreviousCount == 0))
            {
                chart.EmptyMessage = $"No partners are in the programme on {ReportText.Day(scope.AsOf)} or a year earlier{ReportText.InRegions(scope)}. " +
                                     "Add them with Add-Partner or Import-Partner.";
            }

            return chart;
        }
    }
}
