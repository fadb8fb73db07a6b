using System;
using System.Data;
using Dapper;
using Microsoft.Data.Sqlite;

namespace PartnerOps.Sqlite
{
    /// <summary>How the SQL measures (the quality figures, the deal sums) run one statement on SQLite.</summary>
    internal static class MeasureReads
    {
        /// <summary>Runs <paramref name="sql"/> in the store's transaction and reads its rows with <paramref name="read"/>.</summary>
        /// <exception cref="PartnerOpsException">A named database failure (SqliteErrors.Translate: DatabaseBusy, DatabaseInvalid ...).</exception>
        public static T Read<T>(SqliteDatabase store, string sql, DynamicParameters parameters, Func<IDataReader, T> read)
        {
            try
            {
                using (var reader = store.Connection.ExecuteReader(sql, parameters, store.Transaction))
                {
                    return read(reader);
                }
            }
            catch (SqliteException ex)
            {
                throw SqliteErrors.Translate(ex, store.Path);
            }
        }
    }
}
