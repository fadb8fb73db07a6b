using System;
using System.IO;
using System.Runtime.InteropServices;

namespace PartnerOps.Data
{
    /// <summary>Where a database is when the user did not say: the resolution order of cmdlets.md.</summary>
    public static class DatabaseLocator
    {
        /// <summary>
        /// The environment variable naming the database to use when neither a -Database path nor a session default is given
        /// (third in the order of <see cref="Resolve"/>); empty or white space counts as not set. Its value is a path, taken as it is.
        /// </summary>
        public const string EnvironmentVariable = "PARTNEROPS_DATABASE";

        /// <summary>
        /// The first of: explicit path, session default, $env:PARTNEROPS_DATABASE, per-user default (<see cref="DefaultPath"/>);
        /// null, empty and white-space values are skipped. The path is returned as given (not made full, not checked);
        /// <paramref name="environment"/> reads an environment variable (null when not set). Throws nothing itself.
        /// </summary>
        public static string Resolve(string? explicitPath, string? sessionDefault, Func<string, string?> environment)
        {
            if (!string.IsNullOrWhiteSpace(explicitPath))
            {
                return explicitPath!;
            }

            if (!string.IsNullOrWhiteSpace(sessionDefault))
            {
                return sessionDefault!;
            }

            var fromEnvironment = environment(EnvironmentVariable);
            return string.IsNullOrWhiteSpace(fromEnvironment) ? DefaultPath(environment) : fromEnvironment!;
        }

        /// <summary>
        /// The per-user default database path for this operating system: %LOCALAPPDATA%\PartnerOps\partnerops.db on Windows,
        /// ~/Library/Application Support/PartnerOps/partnerops.db on macOS, $XDG_DATA_HOME (else ~/.local/share)/PartnerOps/partnerops.db
        /// elsewhere; <paramref name="environment"/> reads the variables, falling back to the .NET special folders. The folder
        /// is not created.
        /// </summary>
        public static string DefaultPath(Func<string, string?> environment)
        {
            string root;
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                root = environment("LOCALAPPDATA") ?? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            }
            else
            {
                var home = environment("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
                if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
                {
                    root = Path.Combine(home, "Library", "Application Support");
                }
                else
                {
                    var xdg = environment("XDG_DATA_HOME");
                    root = string.IsNullOrWhiteSpace(xdg) ? Path.Combine(home, ".local", "share") : xdg!;
                }
            }

            return Path.Combine(root, "PartnerOps", "partnerops.db");
        }
    }
}
