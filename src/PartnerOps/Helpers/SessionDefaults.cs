using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace PartnerOps.Commands
{
    /// <summary>
    /// The defaults a runspace keeps for the commands run in it: the database Connect-PartnerDatabase chose. Each runspace
    /// (a session, a job, a thread of ForEach-Object -Parallel) has its own, dropped with it.
    /// </summary>
    internal static class SessionDefaults
    {
        private static readonly ConditionalWeakTable<Runspace, StrongBox<string?>> Databases = new ConditionalWeakTable<Runspace, StrongBox<string?>>();

        /// <summary>The full path of the database Connect-PartnerDatabase chose for this runspace; null when none was.</summary>
        public static string? Database
        {
            get => Runspace.DefaultRunspace is Runspace rs && Databases.TryGetValue(rs, out var box) ? box.Value : null;
            set
            {
                if (Runspace.DefaultRunspace is Runspace rs)
                {
                    Databases.GetValue(rs, _ => new StrongBox<string?>()).Value = value;
                }
            }
        }
    }
}
