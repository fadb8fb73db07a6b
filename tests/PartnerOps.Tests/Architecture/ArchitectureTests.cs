using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using PartnerOps.Data;
using Xunit;

namespace PartnerOps.Tests.Architecture
{
    /// <summary>
    /// The boundaries of docs/architecture.md: SQLite lives in src/PartnerOps.Core/Sqlite (raw SQLitePCL calls in its Native
    /// folder), the rest of Core and the cmdlets program against PartnerOps.Data, and Core has no PowerShell reference.
    /// </summary>
    public class ArchitectureTests
    {
        // C# allows spaces and line breaks around a qualified name's dots (Microsoft .Data. Sqlite): the patterns do too.
        private static readonly Regex SqliteNamespaces = new Regex(@"\b(Microsoft\s*\.\s*Data\s*\.\s*Sqlite|SQLitePCL)\b", RegexOptions.Compiled);
        private static readonly Regex SqliteWing = new Regex(@"\bPartnerOps\s*\.\s*Sqlite\b|\bSqlite(Database|Errors|Statement|Direct|Native)\b", RegexOptions.Compiled);
        private static readonly Regex RawCalls = new Regex(@"\braw\s*\.\s*sqlite3_\w+\s*\(", RegexOptions.Compiled);

        // A global using (an alias or a namespace) that names SQLite or the wing would carry it into every file of the project.
        private static readonly Regex GlobalSqliteUsing = new Regex(
            @"\bglobal\s+using\b[^;]*(Microsoft\s*\.\s*Data\s*\.\s*Sqlite|SQLitePCL|PartnerOps\s*\.\s*Sqlite)", RegexOptions.Compiled);

        [Fact]
        public void SqliteLibrariesAreUsedOnlyInTheSqliteWing()
        {
            var offenders = SourceFiles().Where(f => !InFolder(f, "src/PartnerOps.Core/Sqlite")).Where(f => SqliteNamespaces.IsMatch(Code(f))).Select(Relative).ToList();
            Assert.Empty(offenders);
        }

        [Fact]
        public void NoGlobalUsingCarriesSqliteOutOfTheWing()
        {
            // Even inside the wing: a global using there is in scope in every file of Core.
            var offenders = SourceFiles().Where(f => GlobalSqliteUsing.IsMatch(Code(f))).Select(Relative).ToList();
            Assert.Empty(offenders);
            Assert.Matches(GlobalSqliteUsing, "global using Conn = Microsoft .Data. Sqlite.SqliteConnection;"); // the pattern works
        }

        [Fact]
        public void OnlyTheFactoryNamesTheSqliteWing()
        {
            // Core outside the wing and the cmdlets reach SQLite through PartnerOps.Data; PartnerDatabases is the one door.
            var offenders = SourceFiles()
                .Where(f => !InFolder(f, "src/PartnerOps.Core/Sqlite") && Relative(f) != "src/PartnerOps.Core/Data/PartnerDatabases.cs")
                .Where(f => SqliteWing.IsMatch(Code(f)))
                .Select(Relative)
                .ToList();
            Assert.Empty(offenders);
        }

        [Fact]
        public void RawSqliteCallsAreOnlyInTheNativeFolder()
        {
            var offenders = SourceFiles().Where(f => !InFolder(f, "src/PartnerOps.Core/Sqlite/Native")).Where(f => RawCalls.IsMatch(Code(f))).Select(Relative).ToList();
            Assert.Empty(offenders);
        }

        [Fact]
        public void CoreHasNoPowerShellReference()
        {
            var core = typeof(PartnerDatabases).Assembly;
            Assert.DoesNotContain(core.GetReferencedAssemblies(), a => a.Name!.StartsWith("System.Management.Automation", StringComparison.Ordinal));
            var offenders = SourceFiles().Where(f => InFolder(f, "src/PartnerOps.Core")).Where(f => Code(f).Contains("System.Management.Automation")).Select(Relative).ToList();
            Assert.Empty(offenders);
        }

        [Fact]
        public void CoreAssemblyNamesSqliteOnlyInTheSqliteNamespaces()
        {
            // Types of Core that refer to SQLite types (by their member signatures' and bodies' type references) live in PartnerOps.Sqlite.
            var references = TypeReferenceNamespaces(typeof(PartnerDatabases).Assembly.Location);
            Assert.Contains(references, IsSqlite); // the reading works: Core does use SQLite, in its wing
            var outside = typeof(PartnerDatabases).Assembly.GetTypes()
                .Where(t => t.Namespace != null && !t.Namespace.StartsWith("PartnerOps.Sqlite", StringComparison.Ordinal))
                .Where(t => SignatureTypes(t).Any(s => IsSqlite(s.Namespace)))
                .Select(t => t.FullName)
                .ToList();
            Assert.Empty(outside);
        }

        [Fact]
        public void CoreMethodBodiesUseSqliteOnlyInTheSqliteNamespaces()
        {
            // What the signatures above do not show: a method body (a lambda's, an iterator's too: they are nested types of their
            // method's type) that creates or calls a SQLite type. Every method's IL is read and each type, method and field it
            // names is resolved.
            var core = typeof(PartnerDatabases).Assembly;
            var outside = new List<string>();
            var sqliteUses = 0;
            foreach (var type in core.GetTypes())
            {
                var inWing = type.Namespace != null && type.Namespace.StartsWith("PartnerOps.Sqlite", StringComparison.Ordinal);
                foreach (var named in IlReferences.NamedTypes(type))
                {
                    if (IsSqlite(named.Namespace))
                    {
                        sqliteUses++;
                        if (!inWing)
                        {
                            outside.Add($"{type.FullName} uses {named.FullName}");
                        }
                    }
                }
            }

            Assert.True(sqliteUses > 0, "the reading works: the wing's method bodies do use SQLite types");
            Assert.Empty(outside.Distinct());
        }

        [Fact]
        public void CmdletAssemblyNamesNoSqliteType()
        {
            var dll = CmdletAssembly();
            var references = TypeReferenceNamespaces(dll);
            Assert.Contains("PartnerOps.Data", references); // the reading works: the cmdlets do name the storage interfaces
            Assert.DoesNotContain(references, IsSqlite);
            Assert.DoesNotContain(references, n => n.StartsWith("PartnerOps.Sqlite", StringComparison.Ordinal));
        }

        private static bool IsSqlite(string? ns) =>
            ns != null && (ns.StartsWith("Microsoft.Data.Sqlite", StringComparison.Ordinal) || ns.StartsWith("SQLitePCL", StringComparison.Ordinal));

        // The types a type names in its fields, properties, method signatures and base types.
        private static IEnumerable<Type> SignatureTypes(Type type)
        {
            const System.Reflection.BindingFlags All = System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic |
                System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly;
            var types = new List<Type>();
            if (type.BaseType != null)
            {
                types.Add(type.BaseType);
            }

            types.AddRange(type.GetInterfaces());
            types.AddRange(type.GetFields(All).Select(f => f.FieldType));
            types.AddRange(type.GetProperties(All).Select(p => p.PropertyType));
            foreach (var method in type.GetMethods(All))
            {
                types.Add(method.ReturnType);
                types.AddRange(method.GetParameters().Select(p => p.ParameterType));
            }

            return types.SelectMany(t => t.IsGenericType ? t.GetGenericArguments().Append(t) : new[] { t }).Select(t => t.HasElementType ? t.GetElementType()! : t);
        }

        // The namespaces of every type an assembly references (its TypeRef table: signatures, bodies, attributes).
        internal static HashSet<string> TypeReferenceNamespaces(string path)
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            var metadata = pe.GetMetadataReader();
            return new HashSet<string>(metadata.TypeReferences.Select(h => metadata.GetString(metadata.GetTypeReference(h).Namespace)), StringComparer.Ordinal);
        }

        // PartnerOps.dll as built (the module's copy or the project's output), newest first; the tests run after a build.
        internal static string CmdletAssembly()
        {
            var root = RepositoryRoot();
            var candidates = new[] { Path.Combine(root, "out", "PartnerOps", "PartnerOps.dll") }
                .Concat(Directory.Exists(Path.Combine(root, "src", "PartnerOps", "bin"))
                    ? Directory.GetFiles(Path.Combine(root, "src", "PartnerOps", "bin"), "PartnerOps.dll", SearchOption.AllDirectories)
                    : Array.Empty<string>())
                .Where(File.Exists)
                .OrderByDescending(File.GetLastWriteTimeUtc)
                .ToList();
            Assert.True(candidates.Count > 0, "PartnerOps.dll was not found under out/PartnerOps or src/PartnerOps/bin: build the module first (build.ps1).");
            return candidates[0];
        }

        internal static IEnumerable<string> SourceFiles() =>
            Directory.GetFiles(Path.Combine(RepositoryRoot(), "src"), "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar) && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar));

        // A file's code without its comments, so that a comment naming SQLite is no offence.
        internal static string Code(string path) =>
            Regex.Replace(File.ReadAllText(path), @"//[^\n]*|/\*.*?\*/", string.Empty, RegexOptions.Singleline);

        internal static bool InFolder(string path, string folder) =>
            (Relative(path) + "/").StartsWith(folder + "/", StringComparison.Ordinal);

        internal static string Relative(string path) => Path.GetRelativePath(RepositoryRoot(), path).Replace('\\', '/');

        internal static string RepositoryRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (Directory.Exists(Path.Combine(dir.FullName, "src", "PartnerOps.Core")))
                {
                    return dir.FullName;
                }
            }

            throw new DirectoryNotFoundException("The repository (a folder with src/PartnerOps.Core) was not found above " + AppContext.BaseDirectory);
        }
    }
}
