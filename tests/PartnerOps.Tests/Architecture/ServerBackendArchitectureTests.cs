using System;
using System.Linq;
using System.Text.RegularExpressions;
using PartnerOps.Data;
using Xunit;

namespace PartnerOps.Tests.Architecture
{
    /// <summary>
    /// The PostgreSQL boundaries of docs/architecture.md: Npgsql and the PostgreSQL SQL live in src/PartnerOps.PostgreSql (an
    /// assembly of its own, loaded on first use by Data/ServerBackend), which never names the SQLite wing; Core and the cmdlets
    /// never name it or Npgsql, so a SQLite-only session never loads either.
    /// </summary>
    public class ServerBackendArchitectureTests
    {
        private static readonly Regex Npgsql = new Regex(@"\bNpgsql\b", RegexOptions.Compiled);
        private static readonly Regex ServerWing = new Regex(@"\bPartnerOps\s*\.\s*PostgreSql\b|\bPg(Database|Location|Errors|Schema|Triggers)\b|\bPostgreSqlBackend\b", RegexOptions.Compiled);
        private static readonly Regex SqliteWing = new Regex(@"\bPartnerOps\s*\.\s*Sqlite\b|\bMicrosoft\s*\.\s*Data\s*\.\s*Sqlite\b|\bSQLitePCL\b", RegexOptions.Compiled);

        [Fact]
        public void NpgsqlIsUsedOnlyInTheServerAssembly()
        {
            var offenders = ArchitectureTests.SourceFiles()
                .Where(f => !ArchitectureTests.InFolder(f, "src/PartnerOps.PostgreSql"))
                .Where(f => Npgsql.IsMatch(ArchitectureTests.Code(f)))
                .Select(ArchitectureTests.Relative)
                .ToList();
            Assert.Empty(offenders);
        }

        [Fact]
        public void CoreAndCmdletsNeverNameTheServerAssembly()
        {
            // ServerBackend, the one door, loads it by its file and type name (strings), so no compiled reference exists to load it early.
            var offenders = ArchitectureTests.SourceFiles()
                .Where(f => !ArchitectureTests.InFolder(f, "src/PartnerOps.PostgreSql") && ArchitectureTests.Relative(f) != "src/PartnerOps.Core/Data/ServerBackend.cs")
                .Where(f => ServerWing.IsMatch(ArchitectureTests.Code(f)))
                .Select(ArchitectureTests.Relative)
                .ToList();
            Assert.Empty(offenders);
            Assert.DoesNotContain(typeof(PartnerDatabases).Assembly.GetReferencedAssemblies(), a => a.Name!.StartsWith("Npgsql", StringComparison.Ordinal) || a.Name == "PartnerOps.PostgreSql");
            var cmdletReferences = ArchitectureTests.TypeReferenceNamespaces(ArchitectureTests.CmdletAssembly());
            Assert.DoesNotContain(cmdletReferences, n => n.StartsWith("Npgsql", StringComparison.Ordinal) || n.StartsWith("PartnerOps.PostgreSql", StringComparison.Ordinal));
        }

        [Fact]
        public void TheServerAssemblyNeverNamesTheSqliteWing()
        {
            var files = ArchitectureTests.SourceFiles().Where(f => ArchitectureTests.InFolder(f, "src/PartnerOps.PostgreSql")).ToList();
            Assert.NotEmpty(files); // the folder is where this test looks
            var offenders = files.Where(f => SqliteWing.IsMatch(ArchitectureTests.Code(f))).Select(ArchitectureTests.Relative).ToList();
            Assert.Empty(offenders);
        }

        [Fact]
        public void EveryBackendReachesTheSameSchemaVersion()
        {
            Assert.Equal(SchemaVersion.Current, PartnerOps.Sqlite.Schema.CurrentVersion);
            Assert.Equal(SchemaVersion.Current, PartnerOps.PostgreSql.PgSchema.CurrentVersion);
        }
    }
}
