using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using PartnerOps.Data;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Tab completion from the database the command line would use: its -Database if given, else the
    /// session's (Connect-PartnerDatabase, $env:PARTNEROPS_DATABASE, the per-user default). Never throws.
    /// </summary>
    public abstract class DatabaseCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                var prefix = Unquote(wordToComplete ?? string.Empty);
                var patterns = TakesWildcards(commandName, parameterName);
                return Values(DatabasePath(commandName, fakeBoundParameters), prefix, fakeBoundParameters)
                    .Select(value => new CompletionResult(Quote(patterns ? WildcardPattern.Escape(value) : value), value, CompletionResultType.ParameterValue, value))
                    .ToList();
            }
            catch (Exception)
            {
                return Enumerable.Empty<CompletionResult>(); // completion must never disturb the user's typing
            }
        }

        protected abstract IEnumerable<string> Values(string databasePath, string prefix);

        /// <summary>The values, given what else is on the command line (<paramref name="fakeBoundParameters"/>); by default <see cref="Values(string, string)"/>.</summary>
        protected virtual IEnumerable<string> Values(string databasePath, string prefix, IDictionary fakeBoundParameters) => Values(databasePath, prefix);

        // A completed value must name what it shows: where the parameter reads wildcards (Get-Partner -Name, -Partner of
        // the readers, -Region), `[`, `]`, `*`, `?` and backtick in it are escaped, so 'Acme `[EU`]' finds Acme [EU] and not Acme E.
        private static readonly Dictionary<string, Type> Cmdlets = typeof(DatabaseCompleter).Assembly.GetTypes()
            .Select(type => (Type: type, Attribute: type.GetCustomAttributes(typeof(CmdletAttribute), false).OfType<CmdletAttribute>().FirstOrDefault()))
            .Where(pair => pair.Attribute != null)
            .ToDictionary(pair => pair.Attribute!.VerbName + "-" + pair.Attribute.NounName, pair => pair.Type, StringComparer.OrdinalIgnoreCase);

        internal static bool TakesWildcards(string commandName, string parameterName)
        {
            var name = commandName?.Substring(commandName.IndexOf('\\') + 1) ?? string.Empty; // PartnerOps\Get-Partner
            return Cmdlets.TryGetValue(name, out var type)
                && type.GetProperties().FirstOrDefault(p => string.Equals(p.Name, parameterName, StringComparison.OrdinalIgnoreCase)
                    || p.GetCustomAttributes(typeof(AliasAttribute), true).OfType<AliasAttribute>().Any(a => a.AliasNames.Contains(parameterName, StringComparer.OrdinalIgnoreCase)))
                    is System.Reflection.PropertyInfo property
                && property.GetCustomAttributes(typeof(SupportsWildcardsAttribute), true).Any();
        }

        /// <summary>A value as it must be typed: single-quoted (quotes doubled) when it holds spaces or other special characters.</summary>
        internal static string Quote(string value)
        {
            var plain = value.Length > 0 && value[0] != '-' && value.All(c => char.IsLetterOrDigit(c) || c == '.' || c == '_' || c == '/' || c == '\\' || c == ':');
            return plain ? value : "'" + value.Replace("'", "''") + "'";
        }

        internal static string Unquote(string word)
        {
            var text = word.Trim();
            if (text.Length > 0 && (text[0] == '\'' || text[0] == '"'))
            {
                text = text.Substring(1);
                if (text.Length > 0 && text[text.Length - 1] == word.Trim()[0])
                {
                    text = text.Substring(0, text.Length - 1);
                }

                text = text.Replace("''", "'");
            }

            return text;
        }

        // The database the command would use: its -Database, else what $PSDefaultParameterValues gives it (the fake bound
        // parameters of completion leave defaults out), else the session's.
        private static string DatabasePath(string commandName, IDictionary fakeBoundParameters)
        {
            var given = fakeBoundParameters?["Database"] is object value ? (value is PSObject ps ? ps.BaseObject : value) as string : null;
            using (var powershell = PowerShell.Create(RunspaceMode.CurrentRunspace))
            {
                if (given == null)
                {
                    var defaults = powershell.AddCommand("Get-Variable").AddParameter("Name", "PSDefaultParameterValues").AddParameter("ValueOnly").AddParameter("ErrorAction", "Ignore").Invoke();
                    powershell.Commands.Clear();
                    given = DefaultParameterValues.Lookup(defaults.Count == 1 ? defaults[0]?.BaseObject as IDictionary : null, commandName, "Database") as string;
                }

                var path = DatabaseLocator.Resolve(given, SessionDefaults.Database, Environment.GetEnvironmentVariable);
                if (PartnerDatabases.IsServer(path) || (System.IO.Path.IsPathRooted(path) && !path.StartsWith("~", StringComparison.Ordinal)))
                {
                    return path; // a server location, or a full path
                }

                // Relative to PowerShell's location (~ expanded), as the command itself will resolve it.
                var resolved = powershell
                    .AddScript("$ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($args[0])")
                    .AddArgument(path)
                    .Invoke<string>();
                return resolved.Count == 1 ? resolved[0] : path;
            }
        }
    }

    /// <summary>Partner names starting with what was typed (ignoring case), by an index range with a limit.</summary>
    public sealed class PartnerNameCompleter : DatabaseCompleter
    {
        protected override IEnumerable<string> Values(string databasePath, string prefix) => PartnerDatabases.Completion.PartnerNames(databasePath, prefix);
    }

    /// <summary>Regions of the partners, revenue and targets.</summary>
    public sealed class RegionCompleter : DatabaseCompleter
    {
        protected override IEnumerable<string> Values(string databasePath, string prefix) => PartnerDatabases.Completion.Regions(databasePath, prefix);
    }

    /// <summary>Country codes in use, then the other ISO 3166-1 codes.</summary>
    public sealed class CountryCompleter : DatabaseCompleter
    {
        protected override IEnumerable<string> Values(string databasePath, string prefix) => PartnerDatabases.Completion.Countries(databasePath, prefix);
    }

    /// <summary>Revenue segments.</summary>
    public sealed class SegmentCompleter : DatabaseCompleter
    {
        protected override IEnumerable<string> Values(string databasePath, string prefix) => PartnerDatabases.Completion.Segments(databasePath, prefix);
    }

    /// <summary>The reporting currency and the currencies of the rates, then the other ISO 4217 codes.</summary>
    public sealed class CurrencyCompleter : DatabaseCompleter
    {
        protected override IEnumerable<string> Values(string databasePath, string prefix) => PartnerDatabases.Completion.Currencies(databasePath, prefix);
    }

    /// <summary>The reasons stored with Status changes (Set-Partner -Reason, Add-Partner -EndReason), each once.</summary>
    public sealed class ReasonCompleter : DatabaseCompleter
    {
        protected override IEnumerable<string> Values(string databasePath, string prefix) => PartnerDatabases.Completion.Reasons(databasePath, prefix);
    }

    /// <summary>The roles stored with contacts, one spelling per key.</summary>
    public sealed class ContactRoleCompleter : DatabaseCompleter
    {
        protected override IEnumerable<string> Values(string databasePath, string prefix) => PartnerDatabases.Completion.ContactRoles(databasePath, prefix);
    }

    /// <summary>The emails of the contacts of the partner given with -Partner (a name or an id) on the same command line.</summary>
    public sealed class ContactEmailCompleter : DatabaseCompleter
    {
        protected override IEnumerable<string> Values(string databasePath, string prefix) => Enumerable.Empty<string>();

        protected override IEnumerable<string> Values(string databasePath, string prefix, IDictionary fakeBoundParameters)
        {
            var partner = fakeBoundParameters?["Partner"] is object value ? (value is PSObject ps ? ps.BaseObject : value) : null;
            var name = partner switch
            {
                string text => text,
                Partner live => live.Name,
                long or int => Convert.ToString(partner, System.Globalization.CultureInfo.InvariantCulture),
                _ => null,
            };
            return PartnerDatabases.Completion.ContactEmails(databasePath, name, prefix);
        }
    }

    /// <summary>Deals' customers stored (Get-PartnerDeal -Customer, Register-PartnerDeal -Customer), one spelling per customer key.</summary>
    public sealed class DealCustomerCompleter : DatabaseCompleter
    {
        protected override IEnumerable<string> Values(string databasePath, string prefix) => PartnerDatabases.Completion.DealCustomers(databasePath, prefix);
    }

    /// <summary>Deals' references stored (the -Reference of the deal cmdlets).</summary>
    public sealed class DealReferenceCompleter : DatabaseCompleter
    {
        protected override IEnumerable<string> Values(string databasePath, string prefix) => PartnerDatabases.Completion.DealReferences(databasePath, prefix);
    }

    /// <summary>Certification names stored (Add-/Get-/Remove-PartnerCertification -Name, Set-PartnerTierRule -Certification), one spelling per name key.</summary>
    public sealed class CertificationNameCompleter : DatabaseCompleter
    {
        protected override IEnumerable<string> Values(string databasePath, string prefix) => PartnerDatabases.Completion.CertificationNames(databasePath, prefix);
    }

    /// <summary>The names of <see cref="RevenueAttribution"/> starting with what was typed (ignoring case): no database is read.</summary>
    public sealed class AttributionCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = DatabaseCompleter.Unquote(wordToComplete ?? string.Empty);
            return Enum.GetNames(typeof(RevenueAttribution))
                .Where(name => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(name => new CompletionResult(name, name, CompletionResultType.ParameterValue, name))
                .ToList();
        }
    }
}
