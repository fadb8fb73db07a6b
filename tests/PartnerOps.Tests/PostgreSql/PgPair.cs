using System;
using System.Collections.Generic;
using Npgsql;
using PartnerOps.Data;
using PartnerOps.PostgreSql;

namespace PartnerOps.Tests.PostgreSql
{
    /// <summary>
    /// Two empty PartnerOps databases written to alike: a SQLite file and a schema of its own on the test server (dropped
    /// afterwards). A test does the same to both (<see cref="Both"/>) and compares what they give back, messages with the
    /// database's location replaced by &lt;db&gt;.
    /// </summary>
    public sealed class PgPair : IDisposable
    {
        private readonly TempDatabase _file = new TempDatabase();

        public PgPair()
        {
            Sqlite = _file.Open();
            Location = PgFactAttribute.NewSchemaLocation();
            Server = PgDatabase.Open(PgLocation.Parse(Location), create: true, "USD");
        }

        /// <summary>The SQLite database.</summary>
        public IPartnerDatabase Sqlite { get; }

        /// <summary>The server database (a schema of its own).</summary>
        public PgDatabase Server { get; }

        /// <summary>The server database's location as given (with its schema).</summary>
        public string Location { get; }

        /// <summary>Both databases, SQLite first.</summary>
        public IReadOnlyList<IPartnerDatabase> Both => new IPartnerDatabase[] { Sqlite, Server };

        /// <summary>What <paramref name="read"/> gives on each database: (SQLite's, the server's).</summary>
        public (T Sqlite, T Server) Each<T>(Func<IPartnerDatabase, T> read) => (read(Sqlite), read(Server));

        /// <summary>The failure an action throws on a database, shown as "ErrorId: message" with its location as &lt;db&gt;; "none" when none.</summary>
        public static string Failure(IPartnerDatabase db, Action action)
        {
            try
            {
                action();
                return "none";
            }
            catch (PartnerOpsException ex)
            {
                return ex.ErrorId + ": " + ex.Message.Replace(db.Path, "<db>");
            }
        }

        public void Dispose()
        {
            Sqlite.Dispose();
            Server.Dispose();
            _file.Dispose();
            var schema = PgLocation.Parse(Location).Schema;
            using var connection = new NpgsqlConnection(PgLocation.Parse(PgFactAttribute.Server).Builder.ConnectionString);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {PgDatabase.QuoteIdentifier(schema)} CASCADE", connection);
            drop.ExecuteNonQuery();
        }
    }
}
