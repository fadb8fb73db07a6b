using System;
using System.Data;
using Dapper;

namespace PartnerOps.PostgreSql
{
    /// <summary>How the SQL measures (the quality figures, the deal sums) run one statement on PostgreSQL.</summary>
    internal static class PgMeasureReads
    {
        /// <summary>
        /// Runs <paramref name="sql"/> and reads its rows with <paramref name="read"/>, without JIT compilation (set back
        /// afterwards): the planner's estimates of these grouped statements make it compile them, which costs about as long as
        /// running them.
        /// </summary>
        /// <exception cref="PartnerOpsException">A named database failure (ServerUnavailable, DatabaseBusy, DatabaseError ...).</exception>
        public static T ReadWithoutJit<T>(PgDatabase db, string sql, DynamicParameters parameters, Func<IDataReader, T> read)
        {
            db.Scalar<string>("SELECT set_config('jit', 'off', false)");
            try
            {
                return db.Run(sql, parameters, () =>
                {
                    using (var reader = db.Connection.ExecuteReader(sql, parameters, db.Transaction))
                    {
                        return read(reader);
                    }
                });
            }
            finally
            {
                db.Execute("RESET jit");
            }
        }
    }
}
