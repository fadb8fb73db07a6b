using System;
using PartnerOps.Data;
using PartnerOps.Report.Sections;

namespace PartnerOps.Report
{
    /// <summary>
    /// Makes the <see cref="PartnerReport"/> of a database (Export-PartnerReport), section by section, from the Core measures
    /// the cmdlets use (TargetMeasurer, RevenueMeasurer, PartnerMeasurer, FunnelMeasurer, TierReview, the certification and deal
    /// repositories); the report adds only arithmetic on their results (sums, sorting, the concentration shares). Sections, in
    /// order: "headline" (tiles partners, partner-share, revenue, net-adds), "targets" (chart target-progress), "share" (charts
    /// share-by-quarter, attribution-by-quarter), "recruitment" (charts funnel, net-adds-by-month), "regions" (table
    /// revenue-by-region, chart revenue-by-country), "tiers" (chart tier-distribution, tables tier-changes,
    /// certifications-expiring, deals-expiring), "concentration" (tiles top10-share, top20pct-share, chart concentration). A
    /// section or chart with nothing to show has an EmptyMessage saying what is missing and how to add it.
    /// </summary>
    public sealed class PartnerReportBuilder
    {
        /// <summary>The report's title when <see cref="ReportOptions.Title"/> gives none.</summary>
        public const string DefaultTitle = "Partner programme report";

        private readonly IPartnerDatabase _store;

        /// <summary>A builder of reports of <paramref name="store"/> (read only; nothing is written).</summary>
        public PartnerReportBuilder(IPartnerDatabase store)
        {
            _store = store ?? throw new ArgumentNullException(nameof(store));
        }

        /// <summary>
        /// Measures the database for <paramref name="options"/> and returns the report. <paramref name="progress"/> is told before
        /// each section what is being measured and the percentage of the sections done (0 to 100).
        /// </summary>
        /// <exception cref="PartnerOpsException">
        /// Before anything is measured: InvalidPartnerValue (InvalidArgument) naming an AsOf outside the years 1900 to 2999, a
        /// Year outside them or after AsOf's year, or ExpiringWithinDays outside 0 to 3650; InvalidCurrencyCode naming an unknown
        /// currency. While measuring: ExchangeRateMissing (naming the pair and year) for revenue that cannot be converted to the
        /// currency; a named database failure.
        /// </exception>
        public PartnerReport Build(ReportOptions options, Action<string, int>? progress = null)
        {
            if (options == null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            var scope = ReportScope.Resolve(_store, options);
            var shared = new SharedMeasures(scope);
            var report = new PartnerReport
            {
                Title = string.IsNullOrWhiteSpace(options.Title) ? DefaultTitle : options.Title!.Trim(),
                AsOf = scope.AsOf,
                Year = scope.Year,
                Currency = scope.Currency,
                Regions = options.Regions == null ? Array.Empty<string>() : new System.Collections.Generic.List<string>(scope.RegionTexts),
                Database = string.IsNullOrEmpty(options.Database) ? _store.Path : options.Database,
            };

            var steps = new (string Activity, Func<ReportSection> Build)[]
            {
                ("Measuring the headline figures", () => HeadlineSection.Build(scope, shared)),
                ("Measuring target progress", () => TargetsSection.Build(scope, shared)),
                ("Measuring the partner share of revenue", () => ShareSection.Build(scope, shared)),
                ("Measuring recruitment", () => RecruitmentSection.Build(scope, shared)),
                ("Measuring revenue by region", () => RegionsSection.Build(scope)),
                ("Measuring tiers, certifications and deals", () => TiersSection.Build(scope)),
                ("Measuring concentration", () => ConcentrationSection.Build(scope)),
            };
            for (var i = 0; i < steps.Length; i++)
            {
                progress?.Invoke(steps[i].Activity, i * 100 / steps.Length);
                report.Sections.Add(steps[i].Build());
            }

            progress?.Invoke("Measured", 100);
            report.GeneratedUtc = DateTime.UtcNow;
            return report;
        }
    }
}
