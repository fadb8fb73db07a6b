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
        private static bool _loaded;

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
                    throw new PlatformNotSupportedException(
                        $"PartnerOps could not load its SQLite native library for {PlatformFolder} ({RuntimeInformation.OSDescription.Trim()}). " +
                        $"It looked for '{expected}'" + (File.Exists(expected) ? ", which exists but could not be loaded: " + ex.GetBaseException().Message : ", which does not exist") +
                        ". Reinstall the module, or build it for this platform.",
                        ex);
                }
            }
        }

        private static bool IsNetFramework =>
            RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

        [DllImport("kernel32", CharSet = CharSet.Unicode, SetLastError = true)]
        private static extern IntPtr LoadLibraryW(string path);
    }
}
