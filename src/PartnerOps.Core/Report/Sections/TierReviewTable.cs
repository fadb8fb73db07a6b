using System.Collections.Generic;
using System.Linq;
using PartnerOps.Measures;

namespace PartnerOps.Report.Sections
{
    /// <summary>
    /// The tier changes the tier review would make on the report's day (<see cref="TierReview.Plan"/>, as Invoke-PartnerTierReview
    /// -WhatIf plans them, over the partners in the regions): upgrades first, then downgrades, each by partner; at most
    /// <see cref="ReportLists.MaxRows"/> rows, the caption giving how many there are in all.
    /// </summary>
    internal static class TierReviewTable
    {
        public static ReportTable Build(ReportScope scope, int graceDays)
        {
            var table = new ReportTable { Id = "tier-changes" };
            table.Columns.Add(ReportText.Column("Partner"));
            table.Columns.Add(ReportText.Column("Change"));
            table.Columns.Add(ReportText.Column("From"));
            table.Columns.Add(ReportText.Column("To"));
            table.Columns.Add(ReportText.Column("Why"));
            var rules = scope.Store.TierRules.Find(null, null, null).ToList();
            if (rules.Count == 0)
            {
                table.Caption = "Pending tier changes";
                table.EmptyMessage = "No tier rules are set, so no tier review can be planned. Add them with Set-PartnerTierRule " +
                                     "(e.g. Set-PartnerTierRule -Tier Gold -MinRevenue 100000 -Currency USD).";
                return table;
            }

            var plan = TierReview.Plan(scope.Store, rules, scope.Store.ExchangeRates.Converter(), scope.AsOf, graceDays, scope.Partners());
            var changes = plan.Changes.OrderBy(c => c.To > c.From ? 0 : 1).ThenBy(c => c.PartnerId).ToList();
            var upgrades = changes.Count(c => c.To > c.From);
            table.Caption = $"Pending tier changes on {ReportText.Day(scope.AsOf)}: {ReportText.Count(upgrades)} upgrade(s), " +
                            $"{ReportText.Count(changes.Count - upgrades)} downgrade(s)" + ReportLists.Shown(changes.Count) +
                            (plan.Refused.Count == 0 ? string.Empty : $"; {ReportText.Count(plan.Refused.Count)} partner(s) left out: their tier changed after that day");
            foreach (var change in changes.Take(ReportLists.MaxRows))
            {
                table.Rows.Add(new List<ReportCell>
                {
                    ReportText.Text(change.Partner),
                    ReportText.Text(change.To > change.From ? "Upgrade" : "Downgrade"),
                    ReportText.Text(change.From.ToString()),
                    ReportText.Text(change.To.ToString()),
                    ReportText.Text(change.Description),
                });
            }

            if (changes.Count == 0)
            {
                table.EmptyMessage = $"The tier review plans no change on {ReportText.Day(scope.AsOf)}: every partner assessed holds the tier it qualifies for " +
                                     $"(or is within the {graceDays}-day grace period).";
            }

            return table;
        }
    }
}
