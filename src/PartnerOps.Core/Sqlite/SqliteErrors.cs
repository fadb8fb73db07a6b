using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Dapper;
using Microsoft.Data.Sqlite;
using PartnerOps.Data;
using PartnerOps.Sqlite.Native;

namespace PartnerOps.Sqlite
{
    /// <summary>The one place where SQLite failures become named PartnerOps failures (ErrorIds).</summary>
    public static class SqliteErrors
    {

        /// <summary>Turns the SQLite failures a user can act on into named PartnerOps failures.</summary>
        public static Exception Translate(SqliteException ex, string path) => Translate(ex, path, BusyTimeout.FromEnvironmentOrDefault());

        private static Exception Translate(SqliteException ex, string path, int busyTimeoutSeconds)
        {
            if (RevenueTotals.IsOverflow(ex))
            {
                // Writers that know the record say which amount and total (RevenueTotals.Overflow); this covers any other.
                return new PartnerOpsException(
                    ErrorIds.InvalidAmount,
                    FailureKind.InvalidArgument,
                    $"The change would take a revenue total in '{path}' (one partner or direct, year, region, segment and currency) beyond " +
                    "the 64-bit limit of its whole minor units; nothing was written by the refused statement.",
                    path,
                    ex);
            }

            if (ex.SqliteErrorCode == 1 && ex.Message.IndexOf("integer overflow", StringComparison.Ordinal) >= 0)
            {
                return new PartnerOpsException(
                    ErrorIds.InvalidAmount,
                    FailureKind.InvalidData,
                    $"A sum over the revenue in '{path}' exceeds 64 bits (a revenue total of an older version overflowed); " +
                    "Test-PartnerDatabase names the revenue totals that differ from their records.",
                    path,
                    ex);
            }

            switch (ex.SqliteErrorCode)
            {
                case 5: // SQLITE_BUSY
                case 6: // SQLITE_LOCKED
                    return new PartnerOpsException(
                        ErrorIds.DatabaseBusy,
                        FailureKind.Busy,
                        $"The database '{path}' stayed locked by another process or connection for {busyTimeoutSeconds} seconds ({SqliteDatabase.BusyTimeoutVariable}); nothing was written. Try again.",
                        path,
                        ex);
                case 26: // SQLITE_NOTADB
                case 11: // SQLITE_CORRUPT
                    return new PartnerOpsException(
                        ErrorIds.DatabaseInvalid,
                        FailureKind.InvalidData,
                        $"'{path}' is not a usable PartnerOps database: {ex.Message} It was not changed.",
                        path,
                        ex);
                case 14: // SQLITE_CANTOPEN
                    return new PartnerOpsException(
                        ErrorIds.DatabaseInvalid,
                        FailureKind.InvalidOperation,
                        $"The database '{path}' cannot be opened: {ex.Message}",
                        path,
                        ex);
                case 8: // SQLITE_READONLY
                    return new PartnerOpsException(
                        ErrorIds.DatabaseReadOnly,
                        FailureKind.ReadOnly,
                        $"The database '{path}' is read-only (its file, folder or file system does not allow writing); this change was not written. {ex.Message}",
                        path,
                        ex);
                case 13: // SQLITE_FULL
                    return new PartnerOpsException(
                        ErrorIds.DatabaseFull,
                        FailureKind.Full,
                        $"The disk holding '{path}' is full, so this change was not written; what was written before it is kept whole. Free some space and run the command again (an import with -Mode Skip carries on where it stopped).",
                        path,
                        ex);
                case 9: // SQLITE_INTERRUPT: Ctrl+C, which the stopping pipeline handles as it is
                    return ex;
                default:
                    return new PartnerOpsException(
                        ErrorIds.DatabaseError,
                        FailureKind.InvalidOperation,
                        $"The database '{path}' could not carry out the command: {ex.Message} Nothing was written by the failed statement.",
                        path,
                        ex);
            }
        }
    }
}
