using System;
using System.Collections.Generic;

namespace PartnerOps.Data
{
    /// <summary>
    /// One consistent snapshot of a PartnerOps database, read as the tables of <see cref="DatabaseDump"/> (SQLite: one read
    /// transaction; PostgreSQL: a REPEATABLE READ READ ONLY transaction): what the others write meanwhile is not in it.
    /// Disposing it ends the read. Every member throws PartnerOpsException for a database failure (DatabaseBusy,
    /// DatabaseInvalid, ServerUnavailable ...), also while rows are enumerated.
    /// </summary>
    public interface IDatabaseSnapshot : IDisposable
    {
        /// <summary>The database read (its Path: a file's full path, or a server's password-free location).</summary>
        string Database { get; }

        /// <summary>The meta rows the dump copies (<see cref="DatabaseDump.CopiesMeta"/>): the reporting currency and the like.</summary>
        IReadOnlyList<KeyValuePair<string, string>> Meta { get; }

        /// <summary>How many rows <see cref="ReadRows"/> gives for the table (history: one per entry, imported ones included).</summary>
        long CountRows(DumpTable table);

        /// <summary>
        /// The highest id the table's counter has given (ids of rows removed since included; 0 when none): a copy's destination
        /// gives no id at or below it again. Meaningful for tables with an <see cref="DumpTable.IdColumn"/>.
        /// </summary>
        long HighestId(DumpTable table);

        /// <summary>
        /// The table's rows in its order (<see cref="DumpTable.OrderBy"/>), each an array of values in the column order
        /// (<see cref="DatabaseDump.Canonical"/>), read as they are enumerated; one enumeration at a time.
        /// </summary>
        IEnumerable<object?[]> ReadRows(DumpTable table);
    }

    /// <summary>How far a copy has come, reported per table while its rows are written.</summary>
    public sealed class DumpProgress
    {
        /// <summary>A report of <paramref name="tableDone"/> rows of <paramref name="tableRows"/> in <paramref name="table"/>.</summary>
        public DumpProgress(DumpTable table, long tableDone, long tableRows, long done, long rows)
        {
            Table = table;
            TableDone = tableDone;
            TableRows = tableRows;
            Done = done;
            Rows = rows;
        }

        /// <summary>The table being written.</summary>
        public DumpTable Table { get; }

        /// <summary>Rows of this table written so far.</summary>
        public long TableDone { get; }

        /// <summary>Rows of this table in the snapshot.</summary>
        public long TableRows { get; }

        /// <summary>Rows of every table written so far.</summary>
        public long Done { get; }

        /// <summary>Rows of every table in the snapshot.</summary>
        public long Rows { get; }
    }

    /// <summary>
    /// A backend's side of writing a dump (<see cref="DatabaseDump.Write"/>): one write transaction on the destination, which
    /// writes its own history entries for nothing it is given (the history is copied as it was) and sums the revenue totals
    /// from the records before committing. Every member throws PartnerOpsException for a database failure.
    /// </summary>
    public interface IDumpWriter
    {
        /// <summary>Begins the write transaction (waiting for another writer as any write does: DatabaseBusy after the timeout).</summary>
        void Begin();

        /// <summary>Whether any partner, revenue record, exchange rate, target or history entry is stored.</summary>
        bool HoldsData();

        /// <summary>Removes every row of the PartnerOps tables, totals included (their id counters stay as they are); nothing else.</summary>
        void Clear();

        /// <summary>Stores a meta row (replacing the row of that key).</summary>
        void WriteMeta(string key, string value);

        /// <summary>Stores the rows (values in the table's column order), ids as given.</summary>
        void WriteRows(DumpTable table, IEnumerable<object?[]> rows);

        /// <summary>Moves the table's id counter past <paramref name="highestId"/> and every id stored; never back.</summary>
        void MoveIdCounter(DumpTable table, long highestId);

        /// <summary>Sums the revenue totals from the records and commits.</summary>
        void Commit();

        /// <summary>Rolls the transaction back (nothing to do when none is open).</summary>
        void Rollback();
    }
}
