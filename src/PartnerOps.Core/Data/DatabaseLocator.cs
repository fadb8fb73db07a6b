using System;
using System.IO;
using System.Runtime.InteropServices;

namespace PartnerOps.Data
{
    /// <summary>Where a database is when the user did not say: the resolution order of cmdlets.md.</summary>
    public static class DatabaseLocator
    {
        public const string EnvironmentVariable = "PARTNEROPS_DATABASE";

        /// <summary>The first of: explicit path, session default, $env:PARTNEROPS_DATABASE, per-user default.</summary>
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

        /// <summary>The per-user default database path for this operating system.</summary>
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
