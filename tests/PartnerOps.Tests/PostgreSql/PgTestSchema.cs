using System;
using System.Collections.Generic;
using System.Linq;
using Dapper;
using Npgsql;
using PartnerOps.Data;
using PartnerOps.PostgreSql;

namespace PartnerOps.Tests.PostgreSql
{
    /// <summary>A PartnerOps database in a schema of its own on the test server (<see cref="PgFactAttribute.Server"/>), dropped afterwards.</summary>
    public sealed class PgTestSchema : IDisposable
    {
        public PgTestSchema()
        {
            Location = PgFactAttribute.NewSchemaLocation();
            Schema = PgLocation.Parse(Location).Schema;
        }

        /// <summary>The schema's name (t_ and a GUID).</summary>
        public string Schema { get; }

        /// <summary>The PartnerOps location of the schema.</summary>
        public string Location { get; }

        /// <summary>Opens the database, creating it (currency <see cref="PartnerDatabases.DefaultCurrency"/>) the first time.</summary>
        public PgDatabase Open() => PgDatabase.Open(PgLocation.Parse(Location), create: true, PartnerDatabases.DefaultCurrency);

        /// <summary>Rows of a query on a connection of its own (search_path the schema), each as its column values.</summary>
        public List<object?[]> Rows(string sql, object? parameters = null)
        {
            using var connection = Connect();
            return connection.Query(sql, parameters).Select(r => ((IDictionary<string, object?>)r).Values.ToArray()).ToList();
        }

        /// <summary>Runs a statement on a connection of its own.</summary>
        public void Execute(string sql, object? parameters = null)
        {
            using var connection = Connect();
            connection.Execute(sql, parameters);
        }

        public void Dispose()
        {
            using var connection = new NpgsqlConnection(PgLocation.Parse(PgFactAttribute.Server).Builder.ConnectionString);
            connection.Open();
            connection.Execute($"DROP SCHEMA IF EXISTS \"{Schema}\" CASCADE");
        }

        private NpgsqlConnection Connect()
        {
            var connection = new NpgsqlConnection(PgLocation.Parse(Location).Builder.ConnectionString);
            connection.Open();
            connection.Execute($"SET search_path = \"{Schema}\"");
            return connection;
        }
    }
}
