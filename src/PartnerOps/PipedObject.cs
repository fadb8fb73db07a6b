using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Linq.Expressions;
using System.Management.Automation;
using System.Reflection;

namespace PartnerOps.Commands
{
    /// <summary>What a piped object is, as far as PartnerOps can tell.</summary>
    internal enum PipedKind
    {
        Partner,
        Revenue,
        Target,
        ExchangeRate,
        History,
        RevenueMeasure,
        TargetProgress,
        DatabaseInfo,
        DatabaseFinding,
        ImportResult,

        /// <summary>Text, typed or piped: a partner's name.</summary>
        Text,

        /// <summary>A whole number: a partner's id.</summary>
        Number,

        /// <summary>Anything else: a row (Import-Csv, ConvertFrom-Json, a hashtable made into an object).</summary>
        Row,
    }

    /// <summary>
    /// A piped object as the module reads it: live module objects, their deserialized forms (Export-Clixml, jobs,
    /// remoting: the type name with "Deserialized."), and rows (CSV, JSON) are all read by their properties, so that
    /// each identifies its record the same way: by its Database and Id, never by a property that means something else.
    /// </summary>
    internal sealed class PipedObject
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
            PipedKind.Target => "target " + Value,
            PipedKind.RevenueMeasure => "revenue measure",
            PipedKind.Row => "object",
            _ => Kind.ToString(),
        };

        /// <summary>
        /// The partner this object names, for a cmdlet that acts on partners. Only a partner's own identity counts: a
        /// partner's Id (checked against its Name) in its Database, or the PartnerId/PartnerName of a record that names
        /// one; never the Id of another kind of record. Names from objects are literal; piped text and numbers are
        /// taken as typed (a string may be a pattern where the command takes wildcards).
        /// </summary>
        /// <exception cref="PartnerOpsException">InputObjectInvalid: the object names no partner.</exception>
        public PartnerReference Partner()
        {
            switch (Kind)
            {
                case PipedKind.Text:
                    return new PartnerReference((string)Value.BaseObject);
                case PipedKind.Number:
                    return new PartnerReference(Convert.ToInt64(Value.BaseObject, CultureInfo.InvariantCulture));
                case PipedKind.Partner:
                    return Value.BaseObject is Partner live
                        ? new PartnerReference(live)
                        : Named("Id", "Name", PartnerReferenceSource.Partner) ?? throw NoPartner("it has neither an Id nor a Name");
                case PipedKind.Revenue:
                    return Named("PartnerId", "PartnerName", PartnerReferenceSource.Record) ?? throw NoPartner("it is direct revenue, which has no partner");
                case PipedKind.History:
                    // Without the partner's name the id cannot be checked: a removed partner's id may belong to another by now.
                    if (Number("PartnerId") is long partnerId && Text("PartnerName") == null)
                    {
                        throw NoPartner($"its partner (Id {partnerId.ToString(CultureInfo.InvariantCulture)}) had been removed when the entry was read, and the ids of removed partners are given to new ones");
                    }

                    return Named("PartnerId", "PartnerName", PartnerReferenceSource.Record) ?? throw NoPartner("the change is not about a partner");
                case PipedKind.RevenueMeasure:
                    if (Value.Properties["Partner"] == null)
                    {
                        throw NoPartner("it was not grouped by Partner (Measure-PartnerRevenue -GroupBy Partner)");
                    }

                    return Text("Partner") is string partner
                        ? PartnerReference.FromObject(null, partner, Database, PartnerReferenceSource.Record, Description)
                        : throw NoPartner("its group is direct revenue, which has no partner");
                case PipedKind.Row:
                    // A row that names a partner (PartnerId/PartnerName) is about that partner; else its Id and Name are a
                    // partner's own, as Get-Partner | Export-Csv writes them.
                    return Named("PartnerId", "PartnerName", PartnerReferenceSource.Record)
                        ?? (Value.Properties["Name"] != null ? Named("Id", "Name", PartnerReferenceSource.Partner) : null)
                        ?? throw NoPartner(Value.BaseObject is System.Collections.IDictionary
                            ? "it is a hashtable, whose keys are not properties; make it an object with [pscustomobject]@{ ... }"
                            : "it has none of the properties Name, PartnerName or PartnerId");
                default:
                    throw NoPartner("it is not about one partner");
            }
        }

        /// <summary>The revenue record this object is (live, deserialized, or a row shaped like one), for a cmdlet that takes records.</summary>
        /// <exception cref="PartnerOpsException">InputObjectInvalid: the object is not a revenue record, or a value in it is unreadable.</exception>
        public RevenueReference Revenue()
        {
            if (Kind != PipedKind.Revenue || Number("Id") is not long id)
            {
                throw NotA("revenue record", "Get-PartnerRevenue");
            }

            return new RevenueReference(id, Database, Description)
            {
                Date = Date("Date"),
                Amount = Decimal("Amount"),
                Currency = Text("Currency"),
                PartnerGiven = Value.Properties["PartnerId"] != null,
                PartnerId = Number("PartnerId"),
            };
        }

        /// <summary>The target this object is (live, deserialized, or a row shaped like one), for a cmdlet that takes targets.</summary>
        /// <exception cref="PartnerOpsException">InputObjectInvalid: the object is not a target, or a value in it is unreadable.</exception>
        public TargetReference Target()
        {
            if (Kind != PipedKind.Target || Number("Id") is not long id)
            {
                throw NotA("target", "Get-PartnerTarget");
            }

            TargetMetric? metric = null;
            if (Text("Metric") is string name)
            {
                metric = Enum.TryParse<TargetMetric>(name, ignoreCase: true, out var parsed) ? parsed
                    : throw Unreadable("Metric", name);
            }

            return new TargetReference(id, Database, Description)
            {
                Metric = metric,
                Year = Number("Year") is long year
                    ? (year >= int.MinValue && year <= int.MaxValue ? (int)year : throw Unreadable("Year", year)) // never wrapped into another year
                    : (int?)null,
                RegionGiven = Value.Properties["Region"] != null,
                Region = Text("Region"),
            };
        }

        /// <summary>The record as given, to be measured as it is (Measure-PartnerRevenue's pipeline).</summary>
        public PartnerRevenue ToRevenue()
        {
            if (Value.BaseObject is PartnerRevenue live)
            {
                return live;
            }

            if (Kind != PipedKind.Revenue)
            {
                throw NotA("revenue record", "Get-PartnerRevenue");
            }

            return new PartnerRevenue
            {
                Id = Number("Id") ?? 0,
                PartnerId = Number("PartnerId"),
                PartnerName = Text("PartnerName"),
                Date = Date("Date") ?? throw Unreadable("Date", null),
                Amount = Decimal("Amount") ?? throw Unreadable("Amount", null),
                Currency = Text("Currency") ?? throw Unreadable("Currency", null),
                Segment = Text("Segment") ?? RevenueRules.DefaultSegment,
                Region = Text("Region"),
                Reference = Text("Reference"),
                Database = Database,
            };
        }

        private PartnerOpsException NotA(string what, string source) => new PartnerOpsException(
            ErrorIds.InputObjectInvalid,
            FailureKind.InvalidArgument,
            $"The {Description} is not a {what}; pipe {what}s ({source}).",
            Value);

        private PartnerOpsException Unreadable(string property, object? value) => new PartnerOpsException(
            ErrorIds.InputObjectInvalid,
            FailureKind.InvalidArgument,
            value == null
                ? $"The piped {Description} has no {property}."
                : $"The {property} '{TextRules.Shown(Convert.ToString(value, CultureInfo.InvariantCulture))}' of the piped {Description} cannot be read.",
            Value);

        /// <summary>
        /// A property as a date: a date object as its calendar day (<see cref="ValueText.DayOf(DateTime)"/>), text as the
        /// date parameters and the import read it (<see cref="ValueText"/>, the session's culture), else an error.
        /// </summary>
        public DateTime? Date(string property)
        {
            var value = Unwrap(Value.Properties[property]?.Value, property);
            switch (value)
            {
                case null:
                    return null;
                case DateTime date:
                    return ValueText.DayOf(date);
                case DateTimeOffset offset:
                    return ValueText.DayOf(offset);
                case string text when text.Trim().Length == 0:
                    return null;
                case string text when ValueText.Session().TryReadDate(text, out var date):
                    return date;
                case string text:
                    throw new PartnerOpsException(
                        ErrorIds.InputObjectInvalid,
                        FailureKind.InvalidArgument,
                        $"The {property} of the piped {Description} cannot be read: {ValueText.Session().NotADate(text)}.",
                        Value);
                default:
                    throw new PartnerOpsException(
                        ErrorIds.InputObjectInvalid,
                        FailureKind.InvalidArgument,
                        $"The {property} {TypedValue.Describe(value)} of the piped {Description} is not a date; a number is not read as a date.",
                        Value);
            }
        }

        /// <summary>
        /// A property as an exact number: decimal as it is, other numbers converted, text as the decimal parameters and the
        /// import read it (<see cref="ValueText"/>, the session's culture), else an error.
        /// </summary>
        public decimal? Decimal(string property)
        {
            var value = Unwrap(Value.Properties[property]?.Value, property);
            switch (value)
            {
                case null:
                    return null;
                case decimal number:
                    return number;
                case string text when text.Trim().Length == 0:
                    return null;
                case string text:
                    return ValueText.Session().TryReadDecimal(text, out var read, out var problem)
                        ? read
                        : throw new PartnerOpsException(
                            ErrorIds.InputObjectInvalid,
                            FailureKind.InvalidArgument,
                            $"The {property} of the piped {Description} cannot be read: {problem}.",
                            Value);
                case bool _:
                case char _:
                case Enum _:
                    throw Unreadable(property, value);
                default:
                    return TypedValue.ToDecimal(value) ?? throw Unreadable(property, value);
            }
        }

        /// <summary>
        /// The partner of a new record made from this object (Add-PartnerRevenue), and whether it names one at all: a
        /// partner, a name or an id as <see cref="Partner"/> reads them; a record or row by its PartnerId and PartnerName
        /// (both empty: direct revenue; neither there: not said). A record is data here, so its partner is matched by name
        /// in another database, as a partner is: a record copied between databases keeps its partner's name, not its id.
        /// </summary>
        /// <exception cref="PartnerOpsException">InputObjectInvalid: an object that names no partner (a target, a rate).</exception>
        public (PartnerReference? Partner, bool Named) PartnerOfNewRecord()
        {
            if (Kind != PipedKind.Revenue && Kind != PipedKind.History && Kind != PipedKind.Row)
            {
                return (Partner(), true);
            }

            if (Value.Properties["PartnerName"] == null && Value.Properties["PartnerId"] == null)
            {
                return (null, false);
            }

            var id = Number("PartnerId");
            var name = Text("PartnerName");
            return id == null && name == null
                ? (null, true)
                : (PartnerReference.FromObject(id, name, Database, PartnerReferenceSource.Partner, "partner of the " + Description), true);
        }

        // The partner named by an id property and a name property (either may be missing, not both); null when neither is set.
        private PartnerReference? Named(string idProperty, string nameProperty, PartnerReferenceSource source)
        {
            var id = Number(idProperty);
            var name = Text(nameProperty);
            if (id is long given && given <= 0)
            {
                id = null; // a Partner built by hand has Id 0: it is identified by its name
            }

            if (id == null && string.IsNullOrWhiteSpace(name))
            {
                return null;
            }

            return PartnerReference.FromObject(id, name, Database, source, Description);
        }

        private PartnerOpsException NoPartner(string why) => new PartnerOpsException(
            ErrorIds.InputObjectInvalid,
            FailureKind.InvalidArgument,
            $"The {Description} names no partner: {why}. Pipe partners (Get-Partner), or records that name one (revenue, history, measures by Partner).",
            Value);

        // A property's text when it holds one value, else null (the Database of an object is read before anything can fail).
        private string? ShownOrNull(string property)
        {
            var value = Value.Properties[property]?.Value;
            value = value is PSObject ps ? ps.BaseObject : value;
            return value is string text && text.Trim().Length > 0 ? text : null;
        }

        // A property as messages show it, whatever it holds.
        private string Shown(string property) =>
            Convert.ToString((Value.Properties[property]?.Value as PSObject)?.BaseObject ?? Value.Properties[property]?.Value, CultureInfo.InvariantCulture) ?? "(none)";

        /// <summary>A property as text: null when missing or empty; an array of one is its element.</summary>
        /// <exception cref="PartnerOpsException">
        /// InputObjectInvalid: the property holds several values, or a hashtable, an object or a script block, whose text
        /// (System.Collections.Hashtable, @{...}, the script's source) is not the value (<see cref="SingleValue"/>).
        /// </exception>
        public string? Text(string property)
        {
            var value = Unwrap(Value.Properties[property]?.Value, property);
            if (!SingleValue.IsPlain(value))
            {
                throw new PartnerOpsException(
                    ErrorIds.InputObjectInvalid,
                    FailureKind.InvalidArgument,
                    $"The {property} of the piped {Description} is {(value is System.Collections.IDictionary ? "a hashtable" : value is ScriptBlock ? "a script block" : "an object")} " +
                    $"({SingleValue.Shown(value)}) where one text is needed; give the text itself.",
                    Value);
            }

            return value == null ? null : Convert.ToString(value, CultureInfo.InvariantCulture) is string text && text.Trim().Length > 0 ? text : null;
        }

        /// <summary>A property as a whole number: null when missing or empty.</summary>
        /// <exception cref="PartnerOpsException">InputObjectInvalid: the value is not a whole number.</exception>
        public long? Number(string property)
        {
            var value = Unwrap(Value.Properties[property]?.Value, property);
            switch (value)
            {
                case null:
                    return null;
                case string text when text.Trim().Length == 0:
                    return null;
                case string text when long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number):
                    return number;
                case long number:
                    return number;
                case int number:
                    return number;
                default:
                    // Only a whole number is an id or a year: 2015.5 is refused, never rounded; a Boolean or a [char] is not a number.
                    if (!(value is bool) && !(value is char) && !(value is Enum) && TypedValue.ToDecimal(value) is decimal whole
                        && whole == decimal.Truncate(whole) && whole >= long.MinValue && whole <= long.MaxValue)
                    {
                        return (long)whole;
                    }

                    throw new PartnerOpsException(
                        ErrorIds.InputObjectInvalid,
                        FailureKind.InvalidArgument,
                        $"The {property} {TypedValue.Describe(value)} of the piped {Description} is not a whole number.",
                        Value);
            }
        }

        // A property's one value: an array of one is its element. Property names the property in the message, when known.
        private object? Unwrap(object? value, string? property = null)
        {
            // A [pscustomobject] keeps its PSObject: its properties (and its text, @{...}) are there.
            value = value is PSObject ps && !(ps.BaseObject is PSCustomObject) ? ps.BaseObject : value;
            if (value is System.Collections.IList list && !(value is string))
            {
                if (list.Count > 1)
                {
                    throw new PartnerOpsException(
                        ErrorIds.InputObjectInvalid,
                        FailureKind.InvalidArgument,
                        property == null
                            ? $"The piped {Description} has {list.Count} values ({SingleValue.Shown(list)}) in one property where one is needed; pipe one object per record."
                            : $"The {property} of the piped {Description} holds {list.Count} values ({SingleValue.Shown(list)}) where one is needed; pipe one object per record.",
                        Value);
                }

                if (list.Count == 0 || list[0] == null || (list[0] is PSObject element && element.BaseObject == null))
                {
                    // An empty list is not "no value": PartnerName = @() is not direct revenue, Currency = @() not the default.
                    throw new PartnerOpsException(
                        ErrorIds.InputObjectInvalid,
                        FailureKind.InvalidArgument,
                        $"The {property ?? "property"} of the piped {Description} is {(list.Count == 0 ? "an empty list (@())" : "a list holding only $null")} where one value is needed; " +
                        "give the value, or leave the property out (or empty) where it may be omitted.",
                        Value);
                }

                return Unwrap(list[0], property);
            }

            return value;
        }
    }
}
