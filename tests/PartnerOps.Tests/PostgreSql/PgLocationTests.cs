using System.Security;
using PartnerOps.Data;
using PartnerOps.PostgreSql;
using Xunit;

namespace PartnerOps.Tests.PostgreSql
{
    /// <summary>Server locations (cmdlets.md, wave 2): the forms accepted, the password-free display form, credentials.</summary>
    public class PgLocationTests
    {
        [Theory]
        [InlineData("postgresql://ops@db:5432/partners", "postgresql://ops@db:5432/partners", "public")]
        [InlineData("postgres://ops@db/partners", "postgresql://ops@db:5432/partners", "public")]
        [InlineData("POSTGRESQL://ops:pw@db:6543/partners?schema=emea", "postgresql://ops@db:6543/partners?schema=emea", "emea")]
        [InlineData("postgresql://ops@db:5432/partners?sslmode=require&schema=Sales%20EU", "postgresql://ops@db:5432/partners?schema=Sales%20EU", "Sales EU")]
        [InlineData("postgresql://o%40ps:p%3Aw@[::1]:5432/par%2Ftners", "postgresql://o%40ps@[::1]:5432/par%2Ftners", "public")]
        [InlineData("Host=db;Port=6543;Database=partners;Username=ops;Password=pw", "postgresql://ops@db:6543/partners", "public")]
        [InlineData("Server=db;Database=partners;User ID=ops;Search Path=emea,public", "postgresql://ops@db:5432/partners?schema=emea", "emea")]
        public void ParsesEveryFormIntoThePasswordFreeDisplay(string location, string display, string schema)
        {
            var parsed = PgLocation.Parse(location);
            Assert.Equal(display, parsed.Display);
            Assert.Equal(schema, parsed.Schema);
            Assert.True(DatabaseLocation.IsServer(location));
        }

        [Theory]
        [InlineData("partners.db")]
        [InlineData("/srv/data/a=b.db")]
        [InlineData("C:\\data\\Host=x.db")]
        [InlineData("postgresql.db")]
        [InlineData("")]
        public void AnythingElseIsAFile(string location) => Assert.False(DatabaseLocation.IsServer(location));

        [Theory]
        [InlineData("postgresql://ops:pw@/partners", "host")]
        [InlineData("postgresql://ops:pw@db:5432/", "no database")]
        [InlineData("Host=db;Username=ops;Password=pw", "no database")]
        [InlineData("Host=db;Database=x;Password=pw;Colour=red", "colour")]
        public void RefusesWhatCannotBeUsedWithoutShowingThePassword(string location, string problem)
        {
            var ex = Assert.Throws<PartnerOpsException>(() => PgLocation.Parse(location));
            Assert.Equal(ErrorIds.DatabaseInvalid, ex.ErrorId);
            Assert.Contains(problem, ex.Message, System.StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("pw", ex.Message.Replace("postgresql", string.Empty).Replace("Password=********", string.Empty));
            Assert.DoesNotContain(":pw@", (string)ex.Target!);
        }

        [Fact]
        public void ARememberedCredentialServesTheDisplayFormAndOnlyItsServer()
        {
            var password = new SecureString();
            foreach (var c in "s3cret")
            {
                password.AppendChar(c);
            }

            PgLocation.Remember("postgresql://db-remember:5432/partners", "ops", password);
            var later = PgLocation.Parse("postgresql://db-remember:5432/partners?schema=emea");
            Assert.Equal("ops", later.Builder.Username);
            Assert.Equal("s3cret", later.Builder.Password);
            Assert.Equal("postgresql://ops@db-remember:5432/partners?schema=emea", later.Display);
            Assert.Equal("********", later.Scrub("s3cret"));

            var otherDatabase = PgLocation.Parse("postgresql://ops@db-remember:5432/other");
            Assert.Null(otherDatabase.Builder.Password);
            var otherUser = PgLocation.Parse("postgresql://admin@db-remember:5432/partners");
            Assert.Null(otherUser.Builder.Password);
        }

        [Fact]
        public void APasswordInTheLocationServesItsDisplayFormLater()
        {
            PgLocation.Parse("postgresql://ops:in-uri@db-uri:5432/partners");
            var later = PgLocation.Parse("postgresql://ops@db-uri:5432/partners");
            Assert.Equal("in-uri", later.Builder.Password);
        }
    }
}
