using System;
using System.Collections;
using System.Management.Automation;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Reads $PSDefaultParameterValues as PowerShell applies it ('Command:Parameter' keys, wildcards in the command
    /// name, a 'Disabled' switch, script block values), for the two places where the module must know a default
    /// that PowerShell does not report: tab completion (its fake bound parameters leave defaults out), and telling a
    /// -Database the user typed from one a default supplied (a default must not outrank a piped object's own database).
    /// </summary>
    internal static class DefaultParameterValues
    {
        /// <summary>The default $PSDefaultParameterValues gives <paramref name="parameter"/> of <paramref name="command"/>, or null.</summary>
        public static object? Lookup(PSVariableIntrinsics variables, string command, string parameter) =>
            Lookup(variables.GetValue("PSDefaultParameterValues") as IDictionary, command, parameter);

        /// <summary>The default <paramref name="table"/> (the value of $PSDefaultParameterValues) gives the parameter, or null.</summary>
        public static object? Lookup(IDictionary? table, string command, string parameter)
        {
            if (table == null || Disabled(table))
            {
                return null;
            }

            foreach (DictionaryEntry entry in table)
            {
                if (!(entry.Key is string key))
                {
                    continue;
                }

                var colon = key.IndexOf(':');
                if (colon <= 0
                    || !string.Equals(key.Substring(colon + 1).Trim(), parameter, StringComparison.OrdinalIgnoreCase)
                    || !WildcardPattern.Get(key.Substring(0, colon).Trim(), WildcardOptions.IgnoreCase).IsMatch(command))
                {
                    continue;
                }

                var value = entry.Value is PSObject ps ? ps.BaseObject : entry.Value;
                if (value is ScriptBlock block)
                {
                    try
                    {
                        var results = block.Invoke();
                        value = results.Count == 1 ? results[0]?.BaseObject : null;
                    }
                    catch (RuntimeException)
                    {
                        continue;
                    }
                }

                if (value != null)
                {
                    return value;
                }
            }

            return null;
        }

        private static bool Disabled(IDictionary table)
        {
            foreach (DictionaryEntry entry in table)
            {
                if (entry.Key is string key && string.Equals(key, "Disabled", StringComparison.OrdinalIgnoreCase))
                {
                    var value = entry.Value is PSObject ps ? ps.BaseObject : entry.Value;
                    return LanguagePrimitives.IsTrue(value);
                }
            }

            return false;
        }
    }
}
