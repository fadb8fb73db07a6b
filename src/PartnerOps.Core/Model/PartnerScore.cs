using System;
using System.Collections.Generic;
using System.Linq;

namespace PartnerOps
{
    /// <summary>
    /// A partner's scorecard on a day (Measure-PartnerScorecard): a 0-100 score made of explainable components
    /// (<see cref="ScoreComponent"/>: Revenue, Growth, Certified, Activation), for finding the partners that need a business
    /// review. Made by <see cref="Measures.ScorecardMeasurer"/>.
    /// </summary>
    public sealed class PartnerScore
    {
        /// <summary>The partner's name.</summary>
        public string Partner { get; set; } = string.Empty;

        /// <summary>The partner's id.</summary>
        public long PartnerId { get; set; }

        /// <summary>The partner's region on <see cref="AsOf"/> (null when none).</summary>
        public string? Region { get; set; }

        /// <summary>The partner's type on <see cref="AsOf"/>.</summary>
        public PartnerType Type { get; set; }

        /// <summary>The partner's tier on <see cref="AsOf"/>.</summary>
        public PartnerTier Tier { get; set; }

        /// <summary>The sum of the components' unrounded points, rounded to one decimal (half away from zero): 0 to 100.</summary>
        public decimal Score { get; set; }

        /// <summary>The components in a fixed order: Revenue, Growth, Certified, Activation.</summary>
        public ScoreComponent[] Components { get; set; } = Array.Empty<ScoreComponent>();

        /// <summary>The day scored (date only).</summary>
        public DateTime AsOf { get; set; }

        /// <summary>The database the partner is in.</summary>
        public string? Database { get; set; }

        /// <summary>The component named <paramref name="name"/> (case-insensitive), or null.</summary>
        public ScoreComponent? Component(string name) =>
            Components.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

        public override string ToString() => $"{Partner} {Score}";
    }
}
