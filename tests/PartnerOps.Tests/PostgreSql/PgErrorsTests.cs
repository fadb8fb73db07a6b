using System;
using System.Net.Sockets;
using Npgsql;
using PartnerOps.PostgreSql;
using Xunit;

namespace PartnerOps.Tests.PostgreSql
{
    /// <summary>
    /// Failures Npgsql finds before the server names one (no SQLSTATE) get the id that says what to do: a missing password is
    /// AuthenticationFailed (not a server that went away), TLS settings the server does not meet say so, a refused connection is
    /// ServerUnavailable; none shows a password.
    /// </summary>
    public class PgErrorsTests
    {
        private static readonly PgLocation Location = PgLocation.Parse("postgresql://ops:Hidden-Pw-1@db-errors:5432/partners");

        [Theory]
        [InlineData("No password has been provided but the backend requires one (in SASL/SCRAM-SHA-256)", "AuthenticationFailed", "none was given")]
        [InlineData("No password has been provided but the backend requires one (in MD5)", "AuthenticationFailed", "-Credential")]
        [InlineData("SSL connection requested. No SSL enabled connection from this host is configured.", "ServerUnavailable", "TLS settings")]
        [InlineData("Failed to connect to 10.0.0.1:5432", "ServerUnavailable", "cannot be reached")]
        public void NamesWhatNpgsqlFoundBeforeTheServerSpoke(string npgsqlMessage, string errorId, string said)
        {
            var translated = Assert.IsType<PartnerOpsException>(PgErrors.Translate(new NpgsqlException(npgsqlMessage), Location));
            Assert.Equal(errorId, translated.ErrorId);
            Assert.Contains(said, translated.Message);
            Assert.Contains("postgresql://ops@db-errors:5432/partners", translated.Message);
            Assert.DoesNotContain("Hidden-Pw-1", translated.Message);
        }

        [Fact]
        public void ARefusedSocketIsServerUnavailable()
        {
            var translated = Assert.IsType<PartnerOpsException>(
                PgErrors.Translate(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)), Location));
            Assert.Equal(ErrorIds.ServerUnavailable, translated.ErrorId);
            Assert.Equal(FailureKind.Unavailable, translated.Kind);
        }

        [Fact]
        public void ACancellationIsLeftAsItIs()
        {
            var canceled = new OperationCanceledException();
            Assert.Same(canceled, PgErrors.Translate(canceled, Location));
        }
    }
}
