using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PartnerOps
{
    /// <summary>
    /// The weights of a scorecard's components (Measure-PartnerScorecard -Weights): one per component name of <see cref="Names"/>,
    /// scaled to sum 1. Default: Revenue 0.4, Growth 0.2, Certified 0.2, Activation 0.2 (the issue's example).
    /// </summary>
    public sealed class ScoreWeights
    {
        /// <summary>The component names, in the order the components are shown.</summary>
        public static readonly IReadOnlyList<string> Names = new[] { "Revenue", "Growth", "Certified", "Activation" };

        /// <summary>The largest weight (their sum stays far within a decimal; only the weights' ratios count).</summary>
        public const decimal MaxWeight = 1_000_000m;

        private readonly decimal[] _scaled;

        private ScoreWeights(decimal[] given)
        {
            var total = given.Sum();
            _scaled = given.Select(w => w / total).ToArray();
        }

        /// <summary>Revenue 0.4, Growth 0.2, Certified 0.2, Activation 0.2.</summary>
        public static ScoreWeights Default { get; } = new ScoreWeights(new[] { 0.4m, 0.2m, 0.2m, 0.2m });

        /// <summary>The scaled weight (the given weight over the sum of the given weights) of the component at this index of <see cref="Names"/>.</summary>
        public decimal this[int index] => _scaled[index];

        /// <summary>
        /// The weights given as a hashtable's entries: keys the component names of <see cref="Names"/> in any case, values numbers
        /// of 0 or more (a number, or text of one in the invariant form such as '0.25'); a missing key weighs 0. InvalidPartnerValue
        /// (InvalidArgument) naming the key or value for: an unknown key, a key given twice, a value that is not a number, a negative
        /// value, a value above <see cref="MaxWeight"/>, or no weight above 0.
        /// </summary>
        public static ScoreWeights From(IEnumerable<KeyValuePair<object?, object?>> entries)
        {
            var given = new decimal?[Names.Count];
            foreach (var entry in entries)
            {
                var key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture)?.Trim() ?? string.Empty;
                var index = IndexOf(key);
                if (index < 0)
                {
                    throw Invalid(
                        $"Weights key '{TextRules.Shown(key)}' is not valid: it is not a scorecard component; the keys are {Listed()}.",
                        key);
                }

                if (given[index] != null)
                {
                    throw Invalid($"Weights key '{TextRules.Shown(key)}' is not valid: {Names[index]} is given twice; give each weight once.", key);
                }

                given[index] = Number(Names[index], entry.Value);
            }

            var weights = given.Select(w => w ?? 0m).ToArray();
            if (weights.All(w => w == 0m))
            {
                throw Invalid(
                    $"Weights is not valid: no weight is above 0 ({string.Join(", ", Names.Select((n, i) => $"{n}={weights[i].ToString(CultureInfo.InvariantCulture)}"))}); " +
                    $"give at least one of {Listed()} a weight above 0, such as @{{Revenue=0.4; Growth=0.2; Certified=0.2; Activation=0.2}}.",
                    null);
            }

            return new ScoreWeights(weights);
        }

        private static int IndexOf(string key)
        {
            for (var i = 0; i < Names.Count; i++)
            {
                if (string.Equals(Names[i], key, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }

            return -1;
        }

        // A weight: a number (or invariant text of one) of 0 or more, at most MaxWeight.
        private static decimal Number(string name, object? value)
        {
            var shown = value == null ? "$null" : TextRules.Shown(Convert.ToString(value, CultureInfo.InvariantCulture));
            double? approximate = value switch
            {
                double d when !double.IsNaN(d) && !double.IsInfinity(d) => d,
                float f when !float.IsNaN(f) && !float.IsInfinity(f) => f,
                string text when double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
                    && !double.IsNaN(parsed) && !double.IsInfinity(parsed) => parsed,
                _ => null,
            };
            if (approximate > (double)MaxWeight)
            {
                throw TooLarge(name, shown, value);
            }

            decimal? number = value switch
            {
                decimal d => d,
                double d when approximate != null => (decimal)d,
                float f when approximate != null => (decimal)f,
                int or long or short or byte or sbyte or ushort or uint or ulong => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
                string text when decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
                _ => null,
            };
            if (number > MaxWeight)
            {
                throw TooLarge(name, shown, value);
            }

            if (number == null)
            {
                throw Invalid($"Weights value '{shown}' of {name} is not valid: a weight is a number of 0 or more, such as 0.25.", value);
            }

            if (number < 0m)
            {
                throw Invalid($"Weights value '{shown}' of {name} is not valid: a weight cannot be negative; give 0 to leave {name} out.", value);
            }

            return number.Value;
        }

        private static PartnerOpsException TooLarge(string name, string shown, object? value) =>
            Invalid(
                $"Weights value '{shown}' of {name} is not valid: it is too large; a weight is at most {MaxWeight.ToString("N0", CultureInfo.InvariantCulture)} " +
                "(only the weights' ratios count: @{Revenue=2; Growth=1} is @{Revenue=0.4; Growth=0.2}).",
                value);

        private static string Listed() => string.Join(", ", Names.Take(Names.Count - 1)) + " and " + Names[Names.Count - 1];

        private static PartnerOpsException Invalid(string message, object? target) =>
            new PartnerOpsException(ErrorIds.InvalidPartnerValue, FailureKind.InvalidArgument, message, target);
    }
}
