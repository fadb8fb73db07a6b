using System;
using System.IO;
using System.Runtime.InteropServices;
using PartnerOps.Data;

namespace PartnerOps.Sqlite.Native
{
    /// <summary>
    /// Loads the e_sqlite3 native library that ships in the module folder, once, and turns a failure into
    /// one message that names the platform and the file. Microsoft.Data.Sqlite would otherwise swallow the
    /// failure and surface a TypeInitializationException on first use.
    /// </summary>
    public static class SqliteNative
    {
        private static readonly object Gate = new object();
        private static volatile bool _loaded;
        private static string? _moduleFolder;

        /// <summary>The folder name PowerShell 7 probes beside the provider assembly, e.g. linux-x64.</summary>
        public static string PlatformFolder
        {
            get
            {
                var arch = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
                if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
                {
                    return "win-" + arch;
                }

                return (RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "osx-" : "linux-") + arch;
            }
        }

        public static string FileName =>
            RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "e_sqlite3.dll"
            : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "e_sqlite3.dylib"
            : "e_sqlite3.so";

        /// <summary>Where the module keeps the native library for this process's platform.</summary>
        public static string ExpectedPath(string moduleFolder) => Path.Combine(moduleFolder, PlatformFolder, FileName);

        /// <summary>
        /// Names the module's folder and checks, cheaply, that the native library for this platform is there (a missing file
        /// fails the import with the same message as a failed load); the library itself is loaded by <see cref="EnsureLoaded()"/>
        /// when the first database is opened, so that Import-Module does not pay for it (about 20-30 ms of a cold start).
        /// Windows PowerShell 5.1 loads it here, as it must before any DllImport of e_sqlite3.
        /// </summary>
        /// <exception cref="PlatformNotSupportedException">The library is not in the module's folder, or (5.1) cannot be loaded.</exception>
        public static void Prepare(string moduleFolder)
        {
            if (IsNetFramework)
            {
                EnsureLoaded(moduleFolder);
                return;
            }

            var expected = ExpectedPath(moduleFolder);
            if (!File.Exists(expected))
            {
                throw LoadFailure(expected, null);
            }

            lock (Gate)
            {
                _moduleFolder = moduleFolder;
            }
        }

        /// <summary>
        /// Loads the library from the folder <see cref="Prepare"/> named, once; nothing when no folder was named (a host
        /// such as the tests, where Microsoft.Data.Sqlite loads it itself). Called before a connection is made.
        /// </summary>
        /// <exception cref="PlatformNotSupportedException">The library could not be loaded (the message names the platform and the file).</exception>
        public static void EnsureLoaded()
        {
            if (_loaded)
            {
                return;
            }

            string? folder;
            lock (Gate)
            {
                folder = _moduleFolder;
            }

            if (folder != null)
            {
                EnsureLoaded(folder);
            }
        }

        /// <summary>Loads the library from <paramref name="moduleFolder"/>, once per process.</summary>
        /// <exception cref="PlatformNotSupportedException">The library could not be loaded (the message names the platform and the file).</exception>
        public static void EnsureLoaded(string moduleFolder)
        {
            lock (Gate)
            {
                if (_loaded)
                {
                    return;
                }

                var expected = ExpectedPath(moduleFolder);
                try
                {
                    if (IsNetFramework && File.Exists(expected))
                    {
                        // Windows PowerShell 5.1 does not probe module subfolders for P/Invoke targets;
                        // a library already loaded under this name satisfies DllImport("e_sqlite3").
                        LoadLibraryW(expected);
                    }

                    SQLitePCL.Batteries_V2.Init();
                    SQLitePCL.raw.sqlite3_libversion_number();
                    _loaded = true;
                }
                catch (Exception ex) when (ex is DllNotFoundException || ex is BadImageFormatException || ex is EntryPointNotFoundException || ex is TypeInitializationException)
                {
                    throw LoadFailure(expected, ex);
                }
            }
        }

        /// <summary>
        /// True once the library is loaded, or when no module folder was named (Microsoft.Data.Sqlite then loads it itself):
        /// when SQLite may be called without loading it first.
        /// </summary>
        public static bool IsLoadedOrUnmanaged
        {
            get
            {
                lock (Gate)
                {
                    return _loaded || _moduleFolder == null;
                }
            }
        }

        private static PlatformNotSupportedException LoadFailure(string expected, Exception? ex) =>
            new PlatformNotSupportedException(
                $"PartnerOps could not load its SQLite native library for {PlatformFolder} ({RuntimeInformation.OSDescription.Trim()}). " +
                $"It looked for '{expected}'" + (ex != null && File.Exists(expected) ? ", which exists but could not be loaded: " + ex.GetBaseException().Message : ", which does not exist") +
                ". Reinstall the module, or build it for this platform.",
                ex);

        private static bool IsNetFramework =>
            RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

        [DllImport("kernel32", CharSet = CharSet.Unicode, SetLastError = true)]
        private static extern IntPtr LoadLibraryW(string path);
    }
}
