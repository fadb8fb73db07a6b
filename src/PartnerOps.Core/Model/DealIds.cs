using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;

namespace PartnerOps
{
    /// <summary>
    /// Deal ids in id order (<see cref="PartnerDeal.ConflictsWith"/>): a read-only list of longs, so PowerShell enumerates,
    /// counts, indexes and compares them as ids (`$deal.ConflictsWith -contains 9`), whose text is the ids themselves ("9, 12";
    /// empty for none) instead of a type name, as Export-Csv writes a property (issue 19: a CSV of deals keeps who conflicts).
    /// </summary>
    public sealed class DealIds : ReadOnlyCollection<long>
    {
        /// <summary>No ids.</summary>
        public static readonly DealIds Empty = new DealIds(Array.Empty<long>());

        /// <summary>The ids as given (the caller orders them).</summary>
        public DealIds(IList<long> ids)
            : base(ids)
        {
        }

        /// <summary>Ids as a list of ids.</summary>
        public static implicit operator DealIds(long[] ids) => ids.Length == 0 ? Empty : new DealIds(ids);

        /// <summary>The ids in order, separated by ", " (invariant digits); empty for none.</summary>
        public override string ToString() => string.Join(", ", this.Select(id => id.ToString(CultureInfo.InvariantCulture)));
    }
}
