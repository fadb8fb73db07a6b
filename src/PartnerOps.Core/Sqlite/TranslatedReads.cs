using System;
using System.Collections.Generic;
using Microsoft.Data.Sqlite;
using PartnerOps.Data;
using PartnerOps.Sqlite.Native;

namespace PartnerOps.Sqlite
{
    /// <summary>
    /// Reads whose SQLite failures reach the caller as the PartnerOpsException that <see cref="SqliteDatabase.Translate"/>
    /// names. Reads stream (Dapper's <c>buffered: false</c> runs the statement as the rows are enumerated), so a
    /// failure can come long after the query was made, while a cmdlet writes the rows: <see cref="Stream"/> covers that.
    /// </summary>
    internal static class TranslatedReads
    {
        /// <summary>Runs <paramref name="read"/>, translating an SQLite failure.</summary>
        public static T Run<T>(SqliteDatabase store, Func<T> read)
        {
            try
            {
                return read();
            }
            catch (SqliteException ex) when (Translates(ex, store, out var translated))
            {
                throw translated;
            }
        }

        /// <summary>
        /// The rows of <paramref name="query"/>, which runs when enumeration starts; an SQLite failure in making the
        /// query or in reading any row is translated.
        /// </summary>
        public static IEnumerable<T> Stream<T>(SqliteDatabase store, Func<IEnumerable<T>> query)
        {
            using (var rows = Run(store, () => query().GetEnumerator()))
            {
                while (Run(store, rows.MoveNext))
                {
                    yield return rows.Current;
                }
            }
        }

        // Ctrl+C's SQLITE_INTERRUPT stays as it is: Translate leaves it untranslated, and the stopping pipeline relies on it.
        private static bool Translates(SqliteException ex, SqliteDatabase store, out Exception translated)
        {
            translated = SqliteErrors.Translate(ex, store.Path);
            return !ReferenceEquals(translated, ex);
        }
    }
}
