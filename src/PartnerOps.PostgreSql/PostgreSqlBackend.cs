using System.Security;
using Npgsql;
using PartnerOps.Data;

namespace PartnerOps.PostgreSql
{
    /// <summary>
    /// The PostgreSQL backend as the factory (Data/PartnerDatabases) sees it; instantiated once per process by
    /// <see cref="ServerBackend"/>, which loads this assembly on first use.
    /// </summary>
    public sealed class PostgreSqlBackend : IDatabaseBackend
    {
        /// <inheritdoc />
        public string Name => "PostgreSql";

        /// <inheritdoc />
        public ICompletionSource Completion { get; } = new PgCompletionSource();

        /// <inheritdoc />
        public string Describe(string location) => PgLocation.Parse(location).Display;

        /// <inheritdoc />
        public bool Exists(string location) => PgDatabase.Exists(PgLocation.Parse(location));

        /// <inheritdoc />
        public IPartnerDatabase OpenExisting(string location) => PgDatabase.Open(PgLocation.Parse(location), create: false, PartnerDatabases.DefaultCurrency);

        /// <inheritdoc />
        public IPartnerDatabase OpenOrCreate(string location, string currency) => PgDatabase.Open(PgLocation.Parse(location), create: true, currency);

        /// <inheritdoc />
        public IPartnerDatabase Create(string location, string currency)
        {
            currency = CurrencyCodes.Require(currency, System.DateTime.Today); // a reporting currency is one in use today
            return PgDatabase.Open(PgLocation.Parse(location), create: true, currency, mustBeNew: true);
        }

        /// <inheritdoc />
        public void Delete(string location) => PgDatabase.Delete(PgLocation.Parse(location));

        /// <inheritdoc />
        public void RememberCredential(string location, string userName, SecureString password) => PgLocation.Remember(location, userName, password);

        /// <inheritdoc />
        public void ReleasePooledConnections() => NpgsqlConnection.ClearAllPools();
    }
}
