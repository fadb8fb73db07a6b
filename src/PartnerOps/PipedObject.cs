using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Linq.Expressions;
using System.Management.Automation;
using System.Reflection;


namespace PartnerOps.Commands
{
    /// <summary>
    /// A piped object as the module reads it: live module objects, their deserialized forms (Export-Clixml, jobs,
    /// remoting: the type name with "Deserialized."), and rows (CSV, JSON) are all read by their properties, so that
    /// each identifies its record the same way: by its Database and Id, never by a property that means something else.
    /// </summary>
    internal sealed partial class PipedObject
    {
        private static readonly (string TypeName, PipedKind Kind)[] KnownTypes =
        {
            ("PartnerOps.Partner", PipedKind.Partner),
            ("PartnerOps.PartnerRevenue", PipedKind.Revenue),
            ("PartnerOps.PartnerTarget", PipedKind.Target),
            ("PartnerOps.ExchangeRate", PipedKind.ExchangeRate),
            ("PartnerOps.HistoryEntry", PipedKind.History),
            (MeasurePartnerRevenueCommand.TypeName, PipedKind.RevenueMeasure),
            ("PartnerOps.TargetProgress", PipedKind.TargetProgress),
            ("PartnerOps.DatabaseInfo", PipedKind.DatabaseInfo),
            ("PartnerOps.DatabaseFinding", PipedKind.DatabaseFinding),
            ("PartnerOps.ImportResult", PipedKind.ImportResult),
            ("PartnerOps.PartnerContact", PipedKind.Contact),
            ("PartnerOps.PartnerCertification", PipedKind.Certification),
            ("PartnerOps.PartnerDeal", PipedKind.Deal),
        };

        private PipedObject(PSObject value, PipedKind kind)
        {
            Value = value;
            Kind = kind;
            Database = kind == PipedKind.Text || kind == PipedKind.Number ? null : ShownOrNull("Database");
        }

        public PSObject Value { get; }

        public PipedKind Kind { get; }

        /// <summary>The database the object says it came from (its Database property), or null.</summary>
        public string? Database { get; }

        /// <summary>
        /// The database a piped object belongs to when it is a module object (live, or deserialized with its type name
        /// kept); null for rows (CSV, JSON) and plain values, which are data wherever they came from. Cheap: it runs
        /// for every row of Import-Csv | Add-Partner.
        /// </summary>
        public static string? ModuleObjectDatabase(PSObject? value)
        {
            if (value == null)
            {
                return null;
            }

            // A measure is a PSObject whose first type name is its key set's (PartnerOps.RevenueMeasure#Region#Year, for its
            // view), then its base type; a deserialized object's names all start with Deserialized.PartnerOps.
            var names = TypeNamesOf(value);
            var typeName = names.Count > 0 ? names[0] : string.Empty;
            var isModuleObject = value.BaseObject.GetType().Namespace == nameof(PartnerOps)
                || typeName.StartsWith("Deserialized.PartnerOps.", StringComparison.Ordinal)
                || names.Any(n => n == MeasurePartnerRevenueCommand.TypeName || n == MeasurePartnerCommand.TypeName);
            return isModuleObject && (value.Properties["Database"]?.Value is object database) ? Convert.ToString(database is PSObject ps ? ps.BaseObject : database, CultureInfo.InvariantCulture) : null;
        }

        /// <summary>
        /// The problem of a row given to Add-Partner whose Name and PartnerName (the alias of -Name) are two different names
        /// (not the same name key): PowerShell would bind Name and drop PartnerName without a word, as an import refuses a
        /// header with both (ImportHeaderInvalid). Null when there is no such conflict, or for module objects and plain values.
        /// </summary>
        /// <exception cref="PartnerOpsException">InputObjectInvalid, from reading a property that is not one text.</exception>
        public static PartnerOpsException? NameConflict(PSObject? value)
        {
            if (value == null || value.Properties["PartnerName"] == null || value.Properties["Name"] == null || ModuleObjectDatabase(value) != null)
            {
                return null;
            }

            var row = Read(value);
            var name = row.Text("Name");
            var partnerName = row.Text("PartnerName");
            if (name == null || partnerName == null || KeyOrText(name) == KeyOrText(partnerName))
            {
                return null;
            }

            return new PartnerOpsException(
                ErrorIds.InputObjectInvalid,
                FailureKind.InvalidArgument,
                $"The piped {row.Description} has Name '{TextRules.Shown(name)}' and PartnerName '{TextRules.Shown(partnerName)}', two names for the one -Name " +
                "(PartnerName is its alias); nothing was added. Keep one of the two properties.",
                value);
        }

        // A name's key; a name that is not valid (its own error comes when it is added) compared as its trimmed text.
        private static string KeyOrText(string name)
        {
            try
            {
                return PartnerRules.NameKey(PartnerRules.NormalizeName(name));
            }
            catch (PartnerOpsException)
            {
                return name.Trim();
            }
        }

        /// <summary>The Database property of a row that is not a module object (a CSV or JSON row), or null.</summary>
        public static string? RowDatabase(PSObject? value) =>
            value == null || ModuleObjectDatabase(value) != null || !(value.Properties["Database"]?.Value is object database)
                ? null
                : Convert.ToString(database is PSObject ps ? ps.BaseObject : database, CultureInfo.InvariantCulture);

        // PSObject.TypeNames gives each object its own copy of its type names on first use: about 2.4 µs a row, more than a
        // tenth of what Import-Csv | Add-Partner spends on one. PowerShell's own list is read instead (internal since 2.0).
        private static readonly Func<PSObject, IList<string>?>? SharedTypeNames = CompileSharedTypeNames();

        private static Func<PSObject, IList<string>?>? CompileSharedTypeNames()
        {
            try
            {
                var property = typeof(PSObject).GetProperty("InternalTypeNames", BindingFlags.Instance | BindingFlags.NonPublic);
                if (property == null || !typeof(IList<string>).IsAssignableFrom(property.PropertyType))
                {
                    return null;
                }

                var value = Expression.Parameter(typeof(PSObject), "value");
                return Expression.Lambda<Func<PSObject, IList<string>?>>(Expression.TypeAs(Expression.Property(value, property), typeof(IList<string>)), value).Compile();
            }
            catch (Exception ex) when (ex is ArgumentException || ex is InvalidOperationException || ex is MemberAccessException || ex is NotSupportedException)
            {
                return null;
            }
        }

        private static IList<string> TypeNamesOf(PSObject value) => SharedTypeNames?.Invoke(value) ?? value.TypeNames;

        public static PipedObject Read(object input)
        {
            var value = input as PSObject ?? PSObject.AsPSObject(input);
            switch (value.BaseObject)
            {
                case string _:
                    return new PipedObject(value, PipedKind.Text);
                case long _:
                case int _:
                case short _:
                case byte _:
                case uint _:
                case ulong _:
                    return new PipedObject(value, PipedKind.Number);
            }

            var names = TypeNamesOf(value);
            foreach (var (typeName, kind) in KnownTypes)
            {
                if (names.Any(n => n == typeName || n == "Deserialized." + typeName))
                {
                    return new PipedObject(value, kind);
                }
            }

            return new PipedObject(value, KindByShape(value));
        }

        // A row with a module object's properties is read as one (a partner exported to CSV or JSON still has Id, Name
        // and Database). A row that names a partner (PartnerId, PartnerName) is about that partner, whatever else it has.
        private static PipedKind KindByShape(PSObject value)
        {
            bool Has(params string[] names) => names.All(n => value.Properties[n] != null);
            if (Has("Date", "Amount", "Currency") && (Has("Id") || Has("PartnerId") || Has("PartnerName") || Has("Channel")))
            {
                return PipedKind.Revenue;
            }

            if (Has("Id", "Customer", "CustomerCountry"))
            {
                return PipedKind.Deal;
            }

            if (Has("Id", "Contact", "Name", "EarnedOn"))
            {
                return PipedKind.Certification;
            }

            if (Has("Id", "PartnerId", "Email", "Name"))
            {
                return PipedKind.Contact;
            }

            if (Has("Id", "Name", "Type", "Tier", "Status"))
            {
                return PipedKind.Partner;
            }

            if (Has("Operation", "Entity", "EntityId"))
            {
                return PipedKind.History;
            }

            if (Has("Metric", "Year", "Value"))
            {
                return Has("Actual", "Gap") ? PipedKind.TargetProgress : PipedKind.Target;
            }

            if (Has("From", "To", "Year", "Rate"))
            {
                return PipedKind.ExchangeRate;
            }

            if (Has("Count", "Total", "Share", "Currency"))
            {
                return PipedKind.RevenueMeasure;
            }

            return PipedKind.Row;
        }

        /// <summary>What the object is, for messages: "revenue record 12", "partner 'Acme'", "PartnerTarget".</summary>
        public string Description => Kind switch
        {
            PipedKind.Partner => $"partner '{TextRules.Shown(Shown("Name"))}'",
            PipedKind.Revenue => "revenue record " + Shown("Id"),
            PipedKind.History => "history entry " + Shown("Id"),
            PipedKind.Contact => $"contact '{TextRules.Shown(Shown("Email"))}'",
            PipedKind.Certification => "certification " + Shown("Id"),
            PipedKind.Deal => "deal " + Shown("Id"),
            PipedKind.Target => "target " + Value,
            PipedKind.RevenueMeasure => "revenue measure",
            PipedKind.Row => "object",
            _ => Kind.ToString(),
        };
    }
}
