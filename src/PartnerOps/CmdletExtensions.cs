using System.Management.Automation;

namespace PartnerOps.Commands
{
    internal static class CmdletExtensions
    {
        /// <summary>
        /// ShouldProcess with ConfirmImpact High behaviour whatever the cmdlet's own impact (for -Force paths):
        /// it prompts by default, but never when -Confirm:$false is given or $ConfirmPreference is 'None'.
        /// </summary>
        public static bool ShouldProcessDestructive(this PSCmdlet cmdlet, string target, string action)
        {
            if (!cmdlet.ShouldProcess(target, action))
            {
                return false;
            }

            var bound = cmdlet.MyInvocation.BoundParameters;
            if (bound.ContainsKey("Confirm") || bound.ContainsKey("WhatIf"))
            {
                return true; // ShouldProcess has already honoured the explicit choice.
            }

            var preference = cmdlet.SessionState.PSVariable.GetValue("ConfirmPreference") is ConfirmImpact impact ? impact : ConfirmImpact.High;
            return preference == ConfirmImpact.None || cmdlet.ShouldContinue($"{action} '{target}'? This cannot be undone.", "Confirm");
        }
    }
}
