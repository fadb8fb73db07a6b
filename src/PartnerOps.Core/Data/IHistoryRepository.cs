using System.Collections.Generic;

namespace PartnerOps.Data
{
    /// <summary>
    /// The history of changes (who, when, what), newest first, as it streams from the database. Each entry's Timestamp is a UTC
    /// instant (kind Utc, to the millisecond); its changes hold the old and new stored values (dates as yyyy-MM-dd text, amounts
    /// as the record shows them).
    /// </summary>
    public interface IHistoryRepository
    {
        /// <summary>
        /// The entries a filter selects, newest first (by id), paged by the filter's Skip and First; read as they are enumerated.
        /// Each carries the current name of its partner (null when removed: ids of removed partners are reused).
        /// </summary>
        /// <exception cref="PartnerOpsException">
        /// A named database failure (DatabaseBusy, DatabaseInvalid, DatabaseError ...), thrown while the entries are enumerated.
        /// </exception>
        IEnumerable<HistoryEntry> Find(HistoryFilter filter);

        /// <summary>How many entries a filter selects (Skip and First ignored).</summary>
        /// <exception cref="PartnerOpsException">A named database failure (DatabaseBusy, DatabaseInvalid, DatabaseError ...).</exception>
        long Count(HistoryFilter filter);
    }
}
