using System;
using System.Collections.Generic;
using System.Linq;

namespace PartnerOps.Data
{
    // Writing a snapshot into a destination through its backend's writer: the same steps and progress on every backend.
    public static partial class DatabaseDump
    {
        // Rows between two progress reports: often enough for a bar to move, rarely enough to cost nothing.
        private const int ProgressStep = 2000;

        /// <summary>
        /// Writes everything in <paramref name="source"/> into the destination through <paramref name="writer"/>, in one
        /// transaction: refused (DestinationNotEmpty) when the destination holds data and <paramref name="replace"/> is false,
        /// its PartnerOps rows replaced when true; meta rows, then each table (<see cref="Tables"/>), ids kept and counters
        /// moved past the source's. <paramref name="progress"/> gets a report per table and every few thousand rows. Any
        /// failure rolls the whole copy back.
        /// </summary>
        /// <exception cref="PartnerOpsException">DestinationNotEmpty; a named failure of either database.</exception>
        public static void Write(IDatabaseSnapshot source, IDumpWriter writer, string destination, bool replace, Action<DumpProgress>? progress)
        {
            var counts = Tables.ToDictionary(t => t, source.CountRows);
            var rows = counts.Values.Sum();
            var done = 0L;
            writer.Begin();
            try
            {
                if (writer.HoldsData())
                {
                    if (!replace)
                    {
                        throw DestinationNotEmpty(destination);
                    }

                    writer.Clear();
                }

                foreach (var meta in source.Meta)
                {
                    writer.WriteMeta(meta.Key, meta.Value);
                }

                foreach (var table in Tables)
                {
                    var before = done;
                    progress?.Invoke(new DumpProgress(table, 0, counts[table], done, rows));
                    writer.WriteRows(table, Counted(source.ReadRows(table), n =>
                    {
                        done = before + n;
                        progress?.Invoke(new DumpProgress(table, n, counts[table], done, rows));
                    }));
                    if (table.IdColumn != null)
                    {
                        writer.MoveIdCounter(table, source.HighestId(table));
                    }
                }

                writer.Commit();
            }
            catch
            {
                writer.Rollback();
                throw;
            }
        }

        // The rows as they are, calling `report` with the count so far every ProgressStep rows and at the end.
        private static IEnumerable<object?[]> Counted(IEnumerable<object?[]> rows, Action<long> report)
        {
            var n = 0L;
            foreach (var row in rows)
            {
                yield return row;
                if (++n % ProgressStep == 0)
                {
                    report(n);
                }
            }

            if (n % ProgressStep != 0)
            {
                report(n);
            }
        }
    }
}
