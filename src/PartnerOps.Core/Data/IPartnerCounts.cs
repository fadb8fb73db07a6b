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
        /// <paramref name="asOf"/> is a date-only calendar day (year, month and day compared; time of day and kind ignored); it
        /// replaces the filter's own AsOf, and the filter's paging is ignored. All groups are read before the method returns.
        /// </summary>
        /// <exception cref="PartnerOpsException">A named database failure (DatabaseBusy, DatabaseInvalid, DatabaseError ...).</exception>
        /// <exception cref="System.ArgumentOutOfRangeException">A key that is not a defined <see cref="PartnerGroupKey"/>.</exception>
        IEnumerable<(object?[] Keys, long Count)> Count(IList<PartnerGroupKey> keys, PartnerFilter filter, DateTime asOf);
    }
}
