using System;
using System.Globalization;
using Dapper;
using Npgsql;
using PartnerOps.Data;

namespace PartnerOps.PostgreSql
{
    // Opening a PartnerOps database on a server: connecting, telling a PartnerOps schema from anything else, creating one
    // (with the database and schema when missing) and migrating, under the database's advisory lock.
    public sealed partial class PgDatabase
    {
        private enum Found
        {
            Nothing,
            PartnerOps,
            Foreign,
        }

        /// <summary>
        /// Opens the PartnerOps database at <paramref name="location"/>. With <paramref name="create"/>, creates what is missing
        /// (the database through the server's maintenance database, the schema, the tables at the current version, with
        /// <paramref name="currency"/>); with <paramref name="mustBeNew"/>, refuses a schema that holds any table
        /// (DatabaseAlreadyExists). Throws PartnerOpsException: DatabaseNotFound, DatabaseInvalid (tables that are not
        /// PartnerOps's, left untouched), DatabaseSchemaTooNew, ServerUnavailable, AuthenticationFailed, DatabaseBusy.
        /// </summary>
        public static PgDatabase Open(PgLocation location, bool create, string currency, bool mustBeNew = false) =>
            Open(location, create, currency, mustBeNew, BusyTimeout.FromEnvironment(Environment.GetEnvironmentVariable));

        /// <summary>As <see cref="Open(PgLocation, bool, string, bool)"/>, waiting <paramref name="busyTimeout"/> seconds for another writer.</summary>
        internal static PgDatabase Open(PgLocation location, bool create, string currency, bool mustBeNew, int busyTimeout)
        {
            var connection = Connect(location, create);
            var database = new PgDatabase(location, connection, busyTimeout);
            try
            {
                database.Prepare(create, currency, mustBeNew);
                return database;
            }
            catch
            {
                database.Dispose();
                throw;
            }
        }

        /// <summary>Whether a PartnerOps schema is at the location (false when the database or schema is missing).</summary>
        public static bool Exists(PgLocation location)
        {
            NpgsqlConnection connection;
            try
            {
                connection = Connect(location, create: false);
            }
            catch (PartnerOpsException ex) when (ex.ErrorId == ErrorIds.DatabaseNotFound)
            {
                return false;
            }

            using var database = new PgDatabase(location, connection, BusyTimeout.DefaultSeconds);
            return database.Inspect() == Found.PartnerOps;
        }

        private static NpgsqlConnection Connect(PgLocation location, bool create)
        {
            var connection = new NpgsqlConnection(location.Builder.ConnectionString);
            try
            {
                connection.Open();
            }
            catch (PostgresException ex) when (ex.SqlState == "3D000" && create)
            {
                connection.Dispose();
                CreateDatabase(location);
                connection = new NpgsqlConnection(location.Builder.ConnectionString);
                OpenTranslated(connection, location);
            }
            catch (Exception ex)
            {
                connection.Dispose();
                throw PgErrors.Translate(ex, location);
            }

            try
            {
                connection.Execute("SELECT set_config('search_path', @schema, false)", new { schema = QuoteIdentifier(location.Schema) });
                return connection;
            }
            catch (Exception ex)
            {
                connection.Dispose();
                throw PgErrors.Translate(ex, location);
            }
        }

        private static void OpenTranslated(NpgsqlConnection connection, PgLocation location)
        {
            try
            {
                connection.Open();
            }
            catch (Exception ex)
            {
                connection.Dispose();
                throw PgErrors.Translate(ex, location);
            }
        }

        // CREATE DATABASE through the server's maintenance database (postgres); another process creating it meanwhile is fine.
        private static void CreateDatabase(PgLocation location)
        {
            var maintenance = new NpgsqlConnectionStringBuilder(location.Builder.ConnectionString) { Database = "postgres", Pooling = false };
            using var connection = new NpgsqlConnection(maintenance.ConnectionString);
            OpenTranslated(connection, location);
            try
            {
                connection.Execute($"CREATE DATABASE {QuoteIdentifier(location.Database)} ENCODING 'UTF8' TEMPLATE template0");
            }
            catch (PostgresException ex) when (ex.SqlState == "42P04") // duplicate_database
            {
            }
            catch (Exception ex)
            {
                throw PgErrors.Translate(ex, location);
            }
        }

        /// <summary>A PostgreSQL identifier, double-quoted (a schema or database name as the user gave it).</summary>
        public static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";

        private Found Inspect()
        {
            var tables = Scalar<long>("SELECT count(*) FROM pg_tables WHERE schemaname = @schema", new { schema = Schema });
            if (tables == 0)
            {
                return Found.Nothing;
            }

            var marked = Scalar<long>(
                "SELECT count(*) FROM pg_tables WHERE schemaname = @schema AND tablename = 'meta'", new { schema = Schema }) > 0
                && Scalar<string>("SELECT value FROM meta WHERE key = 'application_id'") == PgSchema.ApplicationId;
            return marked ? Found.PartnerOps : Found.Foreign;
        }

        private int StoredVersion() =>
            int.Parse(Scalar<string>("SELECT value FROM meta WHERE key = 'schema_version'") ?? "0", NumberStyles.None, CultureInfo.InvariantCulture);

        private void Prepare(bool create, string currency, bool mustBeNew)
        {
            // Read-only checks first: a schema that is not ours must be left exactly as it was.
            var found = Inspect();
            if (found == Found.Foreign)
            {
                throw new PartnerOpsException(
                    ErrorIds.DatabaseInvalid,
                    FailureKind.InvalidData,
                    $"'{Path}' holds tables, but is not a PartnerOps database (schema '{Schema}' has no PartnerOps meta table). It was not changed.",
                    Path);
            }

            if (found == Found.PartnerOps && mustBeNew)
            {
                throw new PartnerOpsException(
                    ErrorIds.DatabaseAlreadyExists,
                    FailureKind.AlreadyExists,
                    $"A PartnerOps database already exists at '{Path}'. Use -Force to replace it.",
                    Path);
            }

            if (found == Found.Nothing && !create)
            {
                throw new PartnerOpsException(
                    ErrorIds.DatabaseNotFound,
                    FailureKind.NotFound,
                    $"There is no PartnerOps database at '{Path}'. Create one with New-PartnerDatabase, or add a partner to create it.",
                    Path);
            }

            if (found == Found.PartnerOps)
            {
                var version = StoredVersion();
                if (version > PgSchema.CurrentVersion)
                {
                    throw TooNew(version);
                }

                if (version == PgSchema.CurrentVersion)
                {
                    return;
                }
            }

            Migrate(currency);
        }

        private PartnerOpsException TooNew(int version) => new PartnerOpsException(
            ErrorIds.DatabaseSchemaTooNew,
            FailureKind.InvalidOperation,
            $"'{Path}' has schema version {version}, newer than this PartnerOps supports ({PgSchema.CurrentVersion}). Update the PartnerOps module.",
            Path);

        // Creates the schema's tables or brings them to the current version, in one transaction, holding the database's lock
        // (a session lock taken before the transaction begins, by the schema's name since the schema may not exist yet: a
        // transaction begun before the wait would not see a schema another creator committed meanwhile); what another process
        // did meanwhile is looked at again once the lock is held.
        private void Migrate(string currency)
        {
            currency = CurrencyCodes.Require(currency, DateTime.Today);
            var key = new { schema = Schema };
            Execute("SELECT set_config('lock_timeout', @timeout, false); SELECT pg_advisory_lock(hashtext('partnerops:' || @schema))",
                new { timeout = (BusyTimeoutSeconds * 1000).ToString(CultureInfo.InvariantCulture), schema = Schema });
            try
            {
                Transaction = Connection.BeginTransaction();
                try
                {
                    Execute($"CREATE SCHEMA IF NOT EXISTS {QuoteIdentifier(Schema)}");
                    var found = Inspect();
                    if (found == Found.Foreign)
                    {
                        throw new PartnerOpsException(
                            ErrorIds.DatabaseInvalid,
                            FailureKind.InvalidData,
                            $"'{Path}' holds tables, but is not a PartnerOps database. It was not changed.",
                            Path);
                    }

                    var version = found == Found.Nothing ? 0 : StoredVersion();
                    if (version > PgSchema.CurrentVersion)
                    {
                        throw TooNew(version);
                    }

                    if (version == 0)
                    {
                        Execute(PgSchema.Create(currency));
                        version = PgSchema.CreatedVersion;
                    }

                    for (; version < PgSchema.CurrentVersion; version++)
                    {
                        Execute(PgSchema.Steps[version - PgSchema.CreatedVersion]);
                        if (version + 1 == PgSchema.StatusChangesVersion)
                        {
                            PgStatusMigration.Run(this);
                            Execute(PgSchema.StatusTriggers());
                        }
                    }

                    Execute("UPDATE meta SET value = @version WHERE key = 'schema_version'", new { version = version.ToString(CultureInfo.InvariantCulture) });
                    Commit();
                }
                catch
                {
                    Rollback();
                    throw;
                }
            }
            finally
            {
                try
                {
                    // Not through Execute: a Ctrl+C asked meanwhile must not leave the lock held by a pooled connection.
                    Connection.Execute("SELECT pg_advisory_unlock(hashtext('partnerops:' || @schema)); RESET lock_timeout", key);
                }
                catch (Exception ex) when (ex is NpgsqlException || ex is InvalidOperationException)
                {
                    // The connection is broken, and its session (the lock with it) ended; a pooled connection that comes back is
                    // reset by Npgsql (DISCARD ALL releases session locks).
                }
            }
        }

        /// <summary>Drops the PartnerOps tables and trigger functions of the location's schema (New-PartnerDatabase -Force).</summary>
        public static void Delete(PgLocation location)
        {
            NpgsqlConnection connection;
            try
            {
                connection = Connect(location, create: false);
            }
            catch (PartnerOpsException ex) when (ex.ErrorId == ErrorIds.DatabaseNotFound)
            {
                return;
            }

            using var database = new PgDatabase(location, connection, BusyTimeout.FromEnvironment(Environment.GetEnvironmentVariable));
            if (database.Inspect() == Found.Foreign)
            {
                throw new PartnerOpsException(
                    ErrorIds.DatabaseInvalid,
                    FailureKind.InvalidData,
                    $"'{database.Path}' holds tables, but is not a PartnerOps database, so -Force does not replace it. It was not changed.",
                    database.Path);
            }

            database.Transaction = connection.BeginTransaction();
            try
            {
                database.Execute("SELECT pg_advisory_xact_lock(" + LockKey + ")");
                database.Execute(PgSchema.Drop());
                database.Commit();
            }
            catch
            {
                database.Rollback();
                throw;
            }
        }
    }
}
