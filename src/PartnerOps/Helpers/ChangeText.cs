using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PartnerOps.Commands
{
    /// <summary>How the Set- cmdlets tell -WhatIf and -Confirm what they change.</summary>
    internal static class ChangeText
    {
        /// <summary>
        /// "Tier = Gold, EndedOn = 2026-06-30, Role = (none)": each of <paramref name="settable"/> that is bound, in that order, after
        /// <paramref name="first"/> (parts already written); dates as yyyy-MM-dd, null and empty as (none), numbers invariant;
        /// "no change given" when there is none.
        /// </summary>
        public static string Describe(IDictionary<string, object?> bound, IEnumerable<string> settable, IEnumerable<string>? first = null)
        {
            var parts = (first ?? Enumerable.Empty<string>()).Concat(settable.Where(bound.ContainsKey).Select(name => name + " = " + (bound[name] switch
            {
                DateTime date => PartnerRules.FormatDate(date),
                null => "(none)",
                string text when text.Length == 0 => "(none)",
                var other => Convert.ToString(other, CultureInfo.InvariantCulture),
            }))).ToList();
            return parts.Count == 0 ? "no change given" : string.Join(", ", parts);
        }
    }
}
