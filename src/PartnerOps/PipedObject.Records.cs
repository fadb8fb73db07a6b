using System;
using System.Globalization;
using System.Management.Automation;

namespace PartnerOps.Commands
{
    /// <summary>What a piped object names: a partner, a revenue record, a target, the partner of a new record.</summary>
    internal sealed partial class PipedObject
    {
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
                case PipedKind.Contact:
                case PipedKind.Certification:
                case PipedKind.Deal:
                    return Named("PartnerId", "Partner", PartnerReferenceSource.Record) ?? throw NoPartner("it has neither a PartnerId nor a Partner");
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

        /// <summary>The contact this object is (live, deserialized, or a row shaped like one), for a cmdlet that takes contacts.</summary>
        /// <exception cref="PartnerOpsException">InputObjectInvalid: the object is not a contact, or a value in it is unreadable.</exception>
        public ContactReference Contact()
        {
            if (Kind != PipedKind.Contact || Number("Id") is not long id)
            {
                throw NotA("contact", "Get-PartnerContact");
            }

            return new ContactReference(id, Database, Description) { PartnerId = Number("PartnerId"), Email = Text("Email") };
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
                Attribution = Text("Attribution") is string attribution
                    ? (Enum.TryParse<RevenueAttribution>(attribution, ignoreCase: true, out var named) && Enum.IsDefined(typeof(RevenueAttribution), named)
                        ? named : throw Unreadable("Attribution", attribution))
                    : (RevenueAttribution?)null,
                Database = Database,
            };
        }

        // Names the value (text in quotes, a number) and what to use instead: <paramref name="use"/> gives the parameters that
        // take it (from the value's text and whether it is a number), or null when none does (issue 19).
        private PartnerOpsException NotA(string what, string source, Func<string, bool, string?>? use = null)
        {
            var value = Kind == PipedKind.Text || Kind == PipedKind.Number ? Convert.ToString(Value.BaseObject, CultureInfo.InvariantCulture) : null;
            var shown = value == null ? Description : Kind == PipedKind.Text ? $"text '{TextRules.Shown(value)}'" : "number " + value;
            var instead = value == null ? null : use?.Invoke(value, Kind == PipedKind.Number);
            return new PartnerOpsException(
                ErrorIds.InputObjectInvalid,
                FailureKind.InvalidArgument,
                $"The {shown} is not a {what}; {(instead == null ? string.Empty : "use " + instead + ", or ")}pipe {what}s ({source}).",
                Value);
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
    }
}
