using System;
using System.Collections.Generic;
using PartnerOps.Data;

namespace PartnerOps.Report
{
    /// <summary>What Export-PartnerReport measures: the day, the year, the regions, the currency and the title.</summary>
    public sealed class ReportOptions
    {
        /// <summary>The day the figures are measured as of (a calendar day; Export-PartnerReport -AsOf, today by default).</summary>
        public DateTime AsOf { get; set; } = DateTime.Today;

        /// <summary>The year of the tiles and year charts; null: the AsOf day's year.</summary>
        public int? Year { get; set; }

        /// <summary>Regions to report on (patterns, as -Region of the measures); empty: every region.</summary>
        public IList<NamePattern> Regions { get; set; } = new List<NamePattern>();

        /// <summary>The currency amounts are shown in (ISO 4217); null: the database's reporting currency.</summary>
        public string? Currency { get; set; }

        /// <summary>The report's heading; null: "Partner programme report".</summary>
        public string? Title { get; set; }

        /// <summary>The database as the report names it (a server's location without its password).</summary>
        public string Database { get; set; } = string.Empty;

        /// <summary>Days ahead within which expiring certifications and deals are listed (30).</summary>
        public int ExpiringWithinDays { get; set; } = 30;
    }
}
