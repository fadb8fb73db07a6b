using System;
using System.Collections.Generic;

namespace PartnerOps.Data
{
    /// <summary>The partner counts the partner measurer combines: one per group, counted by the database (no partner read into memory).</summary>
    public interface IPartnerCounts
    {
        /// <summary>
        /// The partners a filter selects that were partners on <paramref name="asOf"/> (<see cref="PartnerFilter.AsOfDay"/>),
        /// counted per group of <paramref name="keys"/>: key values typed as the measure shows them (enums, a number for Year,
        /// text; null for none), regions spelled one way per key. Spellings of one key may come as more than one row.
        /// </summary>
        IEnumerable<(object?[] Keys, long Count)> Count(IList<PartnerGroupKey> keys, PartnerFilter filter, DateTime asOf);
    }
}
