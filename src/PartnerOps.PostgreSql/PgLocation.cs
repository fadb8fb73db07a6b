using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Security;
using Npgsql;

namespace PartnerOps.PostgreSql
{
    /// <summary>
    /// A PostgreSQL location parsed (cmdlets.md, wave 2, "Database locations"): a URI
    /// <c>postgresql://[user[:password]@]host[:port]/dbname[?schema=name&amp;keyword=value...]</c> (also <c>postgres://</c>;
    /// query keys other than <c>schema</c> are Npgsql connection-string keywords, such as <c>sslmode=require</c>), or an Npgsql
    /// connection string whose <c>Search Path</c> names the schema. <see cref="Display"/> is the password-free form every object
    /// and message shows; passwords come from the location, a remembered -Credential, PGPASSWORD or the .pgpass file.
    /// </summary>
    public sealed class PgLocation
    {
        private static readonly ConcurrentDictionary<string, NetworkCredential> Credentials = new ConcurrentDictionary<string, NetworkCredential>(StringComparer.Ordinal);

        private PgLocation(NpgsqlConnectionStringBuilder builder, string schema)
        {
            Builder = builder;
            Schema = schema;
            Display = "postgresql://" + Uri.EscapeDataString(builder.Username ?? string.Empty) + "@" + HostPart(builder.Host!) + ":" +
                builder.Port.ToString(CultureInfo.InvariantCulture) + "/" + Uri.EscapeDataString(builder.Database ?? string.Empty) +
                (schema == "public" ? string.Empty : "?schema=" + Uri.EscapeDataString(schema));
        }

        /// <summary>The connection settings (the password included when one was given or remembered: never show them).</summary>
        public NpgsqlConnectionStringBuilder Builder { get; }

        /// <summary>The schema that holds the PartnerOps tables (default <c>public</c>).</summary>
        public string Schema { get; }

        /// <summary>The password-free form: <c>postgresql://user@host:port/dbname</c>, plus <c>?schema=name</c> when not public.</summary>
        public string Display { get; }

        /// <summary>The database name.</summary>
        public string Database => Builder.Database!;

        /// <summary>
        /// Parses a location. Throws PartnerOpsException (DatabaseInvalid, InvalidArgument) naming the password-free text and the
        /// problem when it is not a PostgreSQL URI or connection string, names no host or no database, or has a bad port.
        /// </summary>
        public static PgLocation Parse(string location)
        {
            var text = location.Trim();
            var builder = new NpgsqlConnectionStringBuilder();
            string? schema = null;
            try
            {
                if (text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase))
                {
                    schema = ParseUri(text, builder);
                }
                else
                {
                    builder.ConnectionString = text;
                    schema = builder.SearchPath?.Split(',').Select(s => s.Trim().Trim('"')).FirstOrDefault(s => s.Length > 0);
                }
            }
            catch (Exception ex) when (ex is ArgumentException || ex is FormatException || ex is UriFormatException || ex is OverflowException)
            {
                throw Invalid(location, ex.Message);
            }

            if (string.IsNullOrWhiteSpace(builder.Host))
            {
                throw Invalid(location, "it names no host");
            }

            if (string.IsNullOrWhiteSpace(builder.Database))
            {
                throw Invalid(location, "it names no database (postgresql://user@host:port/dbname)");
            }

            // A password remembered by -Credential for this server and database serves a location that names no user, or its user.
            var server = ServerKey(builder);
            if (!string.IsNullOrEmpty(builder.Password) && !string.IsNullOrWhiteSpace(builder.Username))
            {
                // A password in the location serves this process's later uses of the password-free form (Connect-PartnerDatabase).
                Credentials[server] = new NetworkCredential(builder.Username, builder.Password);
            }
            else if (Credentials.TryGetValue(server, out var remembered) && string.IsNullOrEmpty(builder.Password)
                && (string.IsNullOrWhiteSpace(builder.Username) || string.Equals(remembered.UserName, builder.Username, StringComparison.Ordinal)))
            {
                builder.Username = remembered.UserName;
                builder.Password = remembered.Password;
            }

            if (string.IsNullOrWhiteSpace(builder.Username))
            {
                builder.Username = Environment.GetEnvironmentVariable("PGUSER") ?? Environment.UserName;
            }

            schema = string.IsNullOrWhiteSpace(schema) ? "public" : schema!;
            builder.SearchPath = null;
            return new PgLocation(builder, schema);
        }

        /// <summary>
        /// Remembers a user name and password for this process for the server and database of <paramref name="location"/>
        /// (-Credential): a later location naming that server and database with no user, or with this user, connects with it.
        /// </summary>
        public static void Remember(string location, string userName, SecureString password)
        {
            var parsed = Parse(location);
            Credentials[ServerKey(parsed.Builder)] = new NetworkCredential(userName, password);
        }

        private static string ServerKey(NpgsqlConnectionStringBuilder builder) =>
            (builder.Host ?? string.Empty) + ":" + builder.Port.ToString(CultureInfo.InvariantCulture) + "/" + builder.Database;

        /// <summary>Replaces every occurrence of the password in a message (a server or library message may echo it).</summary>
        public string Scrub(string message) =>
            string.IsNullOrEmpty(Builder.Password) ? message : message.Replace(Builder.Password, "********");

        private static string ParseUri(string text, NpgsqlConnectionStringBuilder builder)
        {
            string? schema = null;
            var uri = new Uri("postgresql://" + text.Substring(text.IndexOf("://", StringComparison.Ordinal) + 3));
            builder.Host = uri.Host.Trim('[', ']');
            if (!uri.IsDefaultPort && uri.Port > 0)
            {
                builder.Port = uri.Port;
            }

            if (uri.UserInfo.Length > 0)
            {
                var colon = uri.UserInfo.IndexOf(':');
                builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo.Substring(0, colon));
                if (colon >= 0)
                {
                    builder.Password = Uri.UnescapeDataString(uri.UserInfo.Substring(colon + 1));
                }
            }

            builder.Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
            foreach (var pair in uri.Query.TrimStart('?').Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=');
                var key = Uri.UnescapeDataString(equals < 0 ? pair : pair.Substring(0, equals));
                var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair.Substring(equals + 1).Replace('+', ' '));
                if (string.Equals(key, "schema", StringComparison.OrdinalIgnoreCase))
                {
                    schema = value;
                }
                else
                {
                    builder[key] = value;
                }
            }

            return schema ?? string.Empty;
        }

        private static string HostPart(string host) => host.Contains(":") ? "[" + host + "]" : host;

        // The message names the location without any password: the URI's user-info password and a Password= keyword are cut out.
        private static PartnerOpsException Invalid(string location, string problem)
        {
            var shown = System.Text.RegularExpressions.Regex.Replace(location, @"(://[^:/@]*):[^@/]*@", "$1@");
            shown = System.Text.RegularExpressions.Regex.Replace(shown, @"(?i)(password|pwd)\s*=\s*[^;]*", "$1=********");
            return new PartnerOpsException(
                ErrorIds.DatabaseInvalid,
                FailureKind.InvalidArgument,
                $"'{shown}' is not a PostgreSQL location PartnerOps can use: {problem.TrimEnd('.')}. Give postgresql://user@host:port/dbname " +
                "(optionally ?schema=name) or an Npgsql connection string such as 'Host=db;Database=partners;Username=ops'.",
                shown);
        }
    }
}
