using System.Collections.Generic;

namespace PartnerOps.Data
{
    /// <summary>The history of changes (who, when in UTC, what), newest first, as it streams from the database.</summary>
    public interface IHistoryRepository
    {
        /// <summary>The entries a filter selects, newest first.</summary>
        IEnumerable<HistoryEntry> Find(HistoryFilter filter);

        /// <summary>How many entries a filter selects (Skip and First ignored).</summary>
        long Count(HistoryFilter filter);
    }
}
