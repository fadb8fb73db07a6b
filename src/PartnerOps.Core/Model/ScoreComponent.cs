namespace PartnerOps
{
    /// <summary>
    /// One component of a partner's scorecard (Measure-PartnerScorecard, <see cref="PartnerScore.Components"/>): what was
    /// measured (<see cref="Value"/> in <see cref="Unit"/>), how good that is (<see cref="Rating"/>, 0 to 1), and what it counts
    /// (<see cref="Weight"/>, <see cref="Points"/>). The components and their ratings are those of
    /// <see cref="Measures.ScorecardMeasurer"/>.
    /// </summary>
    public sealed class ScoreComponent
    {
        /// <summary>Revenue, Growth, Certified or Activation (<see cref="ScoreWeights.Names"/>).</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>
        /// The measured value: Revenue in the reporting currency (rounded to its minor units); Growth as a fraction (0.25 = up 25%,
        /// six decimals; null when the earlier 12 months had no revenue); Certified as a count of contacts; Activation in days
        /// since the last revenue record (null when the partner never sold).
        /// </summary>
        public decimal? Value { get; set; }

        /// <summary>What <see cref="Value"/> is in: the currency code, "fraction", "of N required" or "days".</summary>
        public string Unit { get; set; } = string.Empty;

        /// <summary>How good the value is, from 0 to 1 (four decimals shown; <see cref="Points"/> use the unrounded rating).</summary>
        public decimal Rating { get; set; }

        /// <summary>The component's share of the score, the weights scaled to sum 1 (four decimals shown; points use the unrounded weight).</summary>
        public decimal Weight { get; set; }

        /// <summary>Rating × Weight × 100, rounded to one decimal (half away from zero): the component's part of the 0-100 score.</summary>
        public decimal Points { get; set; }

        public override string ToString() => $"{Name} {Points}";
    }
}
