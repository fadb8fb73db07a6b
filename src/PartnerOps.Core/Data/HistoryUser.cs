using System;
using System.Runtime.InteropServices;

namespace PartnerOps.Data
{
    /// <summary>The name the history records for changes made through this process, on every backend.</summary>
    public static class HistoryUser
    {
        /// <summary>
        /// The operating-system user: DOMAIN\user on Windows when the user belongs to a domain, else the user name (on a
        /// server, not the database role: several people often share one role).
        /// </summary>
        public static string Current { get; } = string.IsNullOrEmpty(Environment.UserDomainName) || Environment.UserDomainName == Environment.MachineName || !RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
            ? Environment.UserName
            : Environment.UserDomainName + "\\" + Environment.UserName;
    }
}
