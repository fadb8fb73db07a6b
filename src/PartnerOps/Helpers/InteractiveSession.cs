using System;
using System.Management.Automation;
using System.Runtime.InteropServices;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Whether someone sits at this session to see a window it opens (Export-PartnerReport -Open): an interactive user
    /// session, a console host not started with -NonInteractive, input and output not redirected and, on Linux, a graphical
    /// display. A runbook, a scheduled task, a remote session or CI is none of these.
    /// </summary>
    internal static class InteractiveSession
    {
        /// <summary>Null when the session is interactive; else why not, as a phrase ("PowerShell was started with -NonInteractive").</summary>
        public static string? WhyNot(PSCmdlet cmdlet)
        {
            if (!Environment.UserInteractive)
            {
                return "the process does not run in an interactive user session (a service or a scheduled task)";
            }

            var host = cmdlet.Host;
            if (host?.UI == null || host.Name == "Default Host" || host.Name == "ServerRemoteHost")
            {
                return $"the PowerShell host ('{host?.Name}') has no user at its screen";
            }

            if (StartedNonInteractive())
            {
                return "PowerShell was started with -NonInteractive";
            }

            if (Console.IsInputRedirected || Console.IsOutputRedirected)
            {
                return "the console's input or output is redirected";
            }

            if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux)
                && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY"))
                && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WAYLAND_DISPLAY")))
            {
                return "there is no graphical display (DISPLAY and WAYLAND_DISPLAY are not set)";
            }

            return null;
        }

        // pwsh's own switches come before -Command or -File; -NonInteractive may be shortened to -noni (or given with -- or /).
        private static bool StartedNonInteractive()
        {
            var arguments = Environment.GetCommandLineArgs();
            for (var i = 1; i < arguments.Length; i++)
            {
                var name = arguments[i].TrimStart('-', '/').ToLowerInvariant();
                if (name.Length == arguments[i].Length || name.Length == 0)
                {
                    continue; // a value, not a switch
                }

                if (name.Length >= 4 && "noninteractive".StartsWith(name, StringComparison.Ordinal))
                {
                    return true;
                }

                if (name == "c" || name == "f" || name == "e" || name == "ec"
                    || (name.Length >= 2 && ("command".StartsWith(name, StringComparison.Ordinal) || "file".StartsWith(name, StringComparison.Ordinal) || "encodedcommand".StartsWith(name, StringComparison.Ordinal))))
                {
                    return false; // what follows is the command's, not pwsh's
                }
            }

            return false;
        }
    }
}
