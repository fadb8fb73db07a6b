using System;
using System.IO;
using System.Net.Sockets;
using Npgsql;
using PartnerOps.Data;

namespace PartnerOps.PostgreSql
{
    /// <summary>
    /// The one place where an Npgsql or PostgreSQL failure becomes a named PartnerOps failure, by SQLSTATE (PostgreSQL
    /// documentation, appendix A "Error Codes"). Messages name the location's password-free form and never a password.
    /// </summary>
    public static class PgErrors
    {
        /// <summary>SQLSTATE 57014 query_canceled: Ctrl+C (Interrupt); the stopping pipeline handles it as it is.</summary>
        public const string QueryCanceled = "57014";

        /// <summary>SQLSTATE 23505 unique_violation.</summary>
        public const string UniqueViolation = "23505";

        /// <summary>Whether the failure is the cancellation Interrupt asked for.</summary>
        public static bool IsCanceled(Exception ex) => ex is PostgresException pg && pg.SqlState == QueryCanceled || ex is OperationCanceledException;

        /// <summary>
        /// The PartnerOps failure of an exception from Npgsql, or the exception itself for a cancellation and for anything that
        /// is not a database failure. <paramref name="location"/> names the database in messages.
        /// </summary>
        public static Exception Translate(Exception ex, PgLocation location)
        {
            var where = location.Display;
            if (ex is PartnerOpsException || IsCanceled(ex))
            {
                return ex;
            }

            if (ex is PostgresException pg)
            {
                var message = location.Scrub(pg.MessageText);
                switch (pg.SqlState)
                {
                    case "55P03": // lock_not_available (lock_timeout)
                    case "40P01": // deadlock_detected
                    case "40001": // serialization_failure
                        return Failure(ErrorIds.DatabaseBusy, FailureKind.Busy,
                            $"The database '{where}' stayed locked by another writer for {BusyTimeout.FromEnvironmentOrDefault()} seconds ({BusyTimeout.EnvironmentVariable}); nothing was written. Try again.", where, ex);
                    case "28P01": // invalid_password
                    case "28000": // invalid_authorization_specification
                        return Failure(ErrorIds.AuthenticationFailed, FailureKind.Authentication,
                            $"The server of '{where}' refused the user '{location.Builder.Username}': {message}. Give the password with -Credential " +
                            "(Connect-PartnerDatabase), PGPASSWORD or a .pgpass file.", where, ex);
                    case "3D000": // invalid_catalog_name
                        return Failure(ErrorIds.DatabaseNotFound, FailureKind.NotFound,
                            $"There is no database '{location.Database}' on the server of '{where}'. Create it with New-PartnerDatabase -Path '{where}'.", where, ex);
                    case "25006": // read_only_sql_transaction
                    case "42501": // insufficient_privilege
                        return Failure(ErrorIds.DatabaseReadOnly, FailureKind.ReadOnly,
                            $"The database '{where}' does not let user '{location.Builder.Username}' write ({message}); this change was not written.", where, ex);
                    case "53100": // disk_full
                    case "53200": // out_of_memory
                        return Failure(ErrorIds.DatabaseFull, FailureKind.Full,
                            $"The server of '{where}' has no room for this change ({message}), so it was not written; what was written before it is kept whole.", where, ex);
                    case "22003": // numeric_value_out_of_range: a revenue total beyond 64 bits
                        return Failure(ErrorIds.InvalidAmount, FailureKind.InvalidData,
                            $"A sum over the revenue in '{where}' would exceed 64 bits, so this change was not written: {message}.", where, ex);
                    case "57P01": // admin_shutdown
                    case "57P02": // crash_shutdown
                    case "57P03": // cannot_connect_now
                        return Unavailable(where, message, ex);
                }

                if (pg.SqlState.StartsWith("08", StringComparison.Ordinal))
                {
                    return Unavailable(where, message, ex);
                }

                return Failure(ErrorIds.DatabaseError, FailureKind.InvalidOperation,
                    $"The database '{where}' could not carry out the command: {message} (SQLSTATE {pg.SqlState}). Nothing was written by the failed statement.", where, ex);
            }

            if (ex is NpgsqlException || ex is SocketException || ex is IOException || ex is TimeoutException)
            {
                // Failures Npgsql finds itself, before the server names one (no SQLSTATE): told apart by what Npgsql says.
                var message = location.Scrub((ex.InnerException ?? ex).Message);
                if (ex.Message.IndexOf("No password has been provided", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return Failure(ErrorIds.AuthenticationFailed, FailureKind.Authentication,
                        $"The server of '{where}' asks user '{location.Builder.Username}' for a password, and none was given. Give it with -Credential " +
                        "(Connect-PartnerDatabase or New-PartnerDatabase), PGPASSWORD or a .pgpass file.", where, ex);
                }

                if (ex.Message.IndexOf("SSL", StringComparison.Ordinal) >= 0 || ex.InnerException is System.Security.Authentication.AuthenticationException)
                {
                    return Failure(ErrorIds.ServerUnavailable, FailureKind.Unavailable,
                        $"The PostgreSQL server of '{where}' cannot be connected to with the TLS settings given ({message.TrimEnd('.')}). Check the location's " +
                        "SSL Mode (sslmode) and certificate settings against what the server offers. Nothing was written.", where, ex);
                }

                return Unavailable(where, message, ex);
            }

            return ex;
        }

        private static PartnerOpsException Unavailable(string where, string message, Exception ex) =>
            Failure(ErrorIds.ServerUnavailable, FailureKind.Unavailable,
                $"The PostgreSQL server of '{where}' cannot be reached or went away: {message.TrimEnd('.')}. Nothing more was written; what a command " +
                "had committed before stays. Run the command again when the server can be reached (an import with -Mode Skip carries on where it stopped).", where, ex);

        private static PartnerOpsException Failure(string id, FailureKind kind, string message, string where, Exception ex) =>
            new PartnerOpsException(id, kind, message, where, ex);
    }
}
