using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace PartnerOps.Data
{
    /// <summary>
    /// Loads the PostgreSQL backend on first use: <c>dependencies/PartnerOps.PostgreSql.dll</c> under the module folder, with
    /// Npgsql and the Microsoft.Extensions.* libraries beside it. On PowerShell 7 they go into a private AssemblyLoadContext
    /// (created by reflection, as PSResourceGet does from netstandard2.0), so an older copy of one of them that another module
    /// or the host loaded first cannot break it; PartnerOps.Core, Dapper and System.* come from the default context. On
    /// Windows PowerShell 5.1 (.NET Framework, no load contexts) they are loaded with Assembly.LoadFrom, resolved from that
    /// folder. A SQLite-only session never loads any of it.
    /// </summary>
    public static class ServerBackend
    {
        /// <summary>The folder under the module folder that holds the backend and its dependencies.</summary>
        public const string DependenciesFolder = "dependencies";

        private const string AssemblyName = "PartnerOps.PostgreSql";
        private const string TypeName = "PartnerOps.PostgreSql.PostgreSqlBackend";
        private static readonly object Gate = new object();
        private static string? _moduleFolder;
        private static IDatabaseBackend? _loaded;
        private static object? _context;
        private static MethodInfo? _loadFromPath;
        private static string? _folder;

        /// <summary>Where the module's files are (set once at import, before any database is opened).</summary>
        public static void SetModuleFolder(string moduleFolder) => _moduleFolder = moduleFolder;

        /// <summary>Whether the backend was loaded in this process (a SQLite-only session never loads it).</summary>
        public static bool IsLoaded => _loaded != null;

        /// <summary>
        /// The PostgreSQL backend, loaded on the first call. Throws PartnerOpsException (DatabaseError) when its files are
        /// missing from the module folder (a broken installation), naming the file.
        /// </summary>
        public static IDatabaseBackend PostgreSql
        {
            get
            {
                if (_loaded != null)
                {
                    return _loaded;
                }

                lock (Gate)
                {
                    return _loaded ??= Load();
                }
            }
        }

        /// <summary>Closes the backend's pooled connections when it was loaded; does not load it.</summary>
        public static void ReleasePooledConnections() => _loaded?.ReleasePooledConnections();

        private static IDatabaseBackend Load()
        {
            var folder = _folder = Path.Combine(_moduleFolder ?? Path.GetDirectoryName(typeof(ServerBackend).Assembly.Location)!, DependenciesFolder);
            var main = Path.Combine(folder, AssemblyName + ".dll");
            if (!File.Exists(main))
            {
                throw new PartnerOpsException(
                    ErrorIds.DatabaseError,
                    FailureKind.InvalidOperation,
                    $"The PostgreSQL backend is missing from this installation of PartnerOps: there is no '{main}'. Reinstall the module.",
                    main);
            }

            Assembly assembly;
            var contextType = typeof(object).Assembly.GetType("System.Runtime.Loader.AssemblyLoadContext");
            if (contextType != null)
            {
                assembly = LoadIsolated(contextType, folder, main);
            }
            else
            {
                AppDomain.CurrentDomain.AssemblyResolve += (sender, args) => FromFolder(folder, new AssemblyName(args.Name));
                assembly = Assembly.LoadFrom(main);
            }

            var type = assembly.GetType(TypeName, throwOnError: true)!;
            return (IDatabaseBackend)Activator.CreateInstance(type)!;
        }

        // A private context that holds every non-System library of the folder, loaded up front so that a reference to one of
        // them never reaches the default context (where another module may have loaded an older copy). Anything else
        // (PartnerOps.Core, Dapper, System.*) falls back to the default context, then to the folder for what the runtime lacks.
        private static Assembly LoadIsolated(Type contextType, string folder, string main)
        {
            _context = contextType.GetConstructor(new[] { typeof(string), typeof(bool) })!.Invoke(new object[] { "PartnerOps.PostgreSql", false });
            _loadFromPath = contextType.GetMethod("LoadFromAssemblyPath", new[] { typeof(string) })!;
            var resolving = contextType.GetEvent("Resolving")!;
            var handler = Delegate.CreateDelegate(
                resolving.EventHandlerType!, typeof(ServerBackend).GetMethod(nameof(ResolveInContext), BindingFlags.NonPublic | BindingFlags.Static)!);
            resolving.AddEventHandler(_context, handler);

            Assembly? mainAssembly = null;
            foreach (var file in Directory.GetFiles(folder, "*.dll"))
            {
                var name = Path.GetFileNameWithoutExtension(file);
                if (name.StartsWith("System.", StringComparison.Ordinal))
                {
                    continue; // the runtime's own copy serves (they are there for Windows PowerShell 5.1)
                }

                var loaded = (Assembly)_loadFromPath.Invoke(_context, new object[] { file })!;
                if (string.Equals(file, main, StringComparison.Ordinal))
                {
                    mainAssembly = loaded;
                }
            }

            return mainAssembly!;
        }

        // The context's Resolving event, for what neither it nor the default context's own probing found: a System.* library
        // the runtime lacks, from the dependencies folder (into this context); a library of the module folder that the default
        // context has not loaded yet (Dapper in a session that opened no file), into the default context, where PartnerOps.Core
        // and the cmdlets use the same copy.
        private static Assembly? ResolveInContext(object context, AssemblyName name)
        {
            var file = Path.Combine(_folder!, name.Name + ".dll");
            if (File.Exists(file))
            {
                return (Assembly)_loadFromPath!.Invoke(context, new object[] { file })!;
            }

            var shared = Path.Combine(Path.GetDirectoryName(_folder!)!, name.Name + ".dll");
            return File.Exists(shared) ? Assembly.LoadFrom(shared) : null;
        }

        private static Assembly? FromFolder(string folder, AssemblyName name)
        {
            var file = Path.Combine(folder, name.Name + ".dll");
            return File.Exists(file) ? Assembly.LoadFrom(file) : null;
        }

        /// <summary>The libraries loaded into the backend's private context (for tests of the isolation); empty before the first use or on .NET Framework.</summary>
        public static IReadOnlyList<string> IsolatedAssemblies()
        {
            if (_context == null)
            {
                return Array.Empty<string>();
            }

            var assemblies = (IEnumerable<Assembly>)_context.GetType().GetProperty("Assemblies")!.GetValue(_context)!;
            var names = new List<string>();
            foreach (var assembly in assemblies)
            {
                names.Add(assembly.GetName().Name!);
            }

            return names;
        }
    }
}
