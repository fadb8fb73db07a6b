using System;
using System.Globalization;

namespace PartnerOps
{
    /// <summary>Where a <see cref="PartnerReference"/> came from, which decides how it may be matched.</summary>
    public enum PartnerReferenceSource
    {
        /// <summary>Typed by the user (-Id, -Name, -Partner, a piped string or number): a name is a pattern where the command takes wildcards.</summary>
        Typed,

        /// <summary>A partner object (live, deserialized, or a row shaped like one): its name is literal; in another database it is matched by that name.</summary>
        Partner,

        /// <summary>A record that names its partner (revenue, history, a measure by Partner): its name is literal; it is refused in another database.</summary>
        Record,
    }

    /// <summary>
    /// A partner as a user or a piped object names it: by id, by name, or both (an object's id, checked against its
    /// name), with the database the id belongs to. PowerShell converts a string, a number or a Partner to this type
    /// when binding a -Partner parameter. The rules of cmdlets.md ("Every object knows its database") are in
    /// <see cref="For"/>.
    /// </summary>
    public sealed class PartnerReference
    {
        /// <summary>A name typed by the user: a wildcard pattern where the command takes them.</summary>
        public PartnerReference(string name)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            Source = PartnerReferenceSource.Typed;
        }

        public PartnerReference(long id)
        {
            Id = id;
            Source = PartnerReferenceSource.Typed;
        }

        public PartnerReference(int id)
            : this((long)id)
        {
        }

        /// <summary>
        /// A Partner object: its Id in its Database, checked against its Name. An object built by hand (Id 0) is
        /// identified by its Name alone.
        /// </summary>
        public PartnerReference(Partner partner)
            : this(
                partner == null ? throw new ArgumentNullException(nameof(partner)) : (partner.Id > 0 ? partner.Id : (long?)null),
                partner.Name,
                partner.Database,
                PartnerReferenceSource.Partner,
                "partner '" + TextRules.Shown(partner.Name) + "'")
        {
        }

        private PartnerReference(long? id, string? name, string? database, PartnerReferenceSource source, string? description)
        {
            Id = id;
            Name = string.IsNullOrEmpty(name) ? null : name;
            Database = string.IsNullOrEmpty(database) ? null : database;
            Source = source;
            Description = description;
        }

        /// <summary>
        /// A partner named by a piped object: its id (valid in <paramref name="database"/>) and its name, both optional
        /// but not both missing. <paramref name="description"/> says what the object was, for messages ("revenue record 12").
        /// </summary>
        public static PartnerReference FromObject(long? id, string? name, string? database, PartnerReferenceSource source, string description)
        {
            if (source == PartnerReferenceSource.Typed)
            {
                throw new ArgumentException("An object's reference is not typed.", nameof(source));
            }

            if (id == null && string.IsNullOrEmpty(name))
            {
                throw new ArgumentException("A partner needs an id or a name.", nameof(name));
            }

            return new PartnerReference(id, name, database, source, description);
        }

        /// <summary>Set when the partner was given by id (or by an object that has one).</summary>
        public long? Id { get; }

        /// <summary>Set when the partner was given by name (or by an object that has one).</summary>
        public string? Name { get; }

        /// <summary>The database the id belongs to (an object's Database); null when it is the command's own.</summary>
        public string? Database { get; }

        public PartnerReferenceSource Source { get; }

        /// <summary>A name from an object is matched literally; only a typed name can be a pattern.</summary>
        public bool IsLiteral => Source != PartnerReferenceSource.Typed;

        /// <summary>What the reference came from, for messages; null for typed ones.</summary>
        public string? Description { get; }

        /// <summary>
        /// This reference as the database at hand (<paramref name="sameDatabase"/>: whether <see cref="Database"/> names it)
        /// can use it. In its own database (or with no database of its own) it is used as it is. A partner object from
        /// another database is matched there by its name, literally; any other record from another database is refused
        /// with ObjectFromOtherDatabase (InvalidArgument), since its ids mean nothing there.
        /// </summary>
        /// <param name="matchByName">
        /// False where the user did not name the database at hand (Measure-PartnerRevenue measuring the first piped object's
        /// database): then a partner of another database is refused too, rather than matched by name in one not asked for.
        /// </param>
        /// <exception cref="PartnerOpsException">ObjectFromOtherDatabase.</exception>
        public PartnerReference For(bool sameDatabase, string databaseShown, bool matchByName = true)
        {
            if (Database == null || sameDatabase)
            {
                return this;
            }

            if (Source == PartnerReferenceSource.Partner && Name != null && matchByName)
            {
                return new PartnerReference(null, Name, null, Source, Description);
            }

            if (!matchByName)
            {
                throw new PartnerOpsException(
                    ErrorIds.ObjectFromOtherDatabase,
                    FailureKind.InvalidArgument,
                    $"The {Description ?? "object"} comes from the database '{Database}', but this command works on '{databaseShown}'. Give each " +
                    "database's objects to a command of their own, or -Database to work on one database, where partners are matched by name.",
                    this);
            }

            throw new PartnerOpsException(
                ErrorIds.ObjectFromOtherDatabase,
                FailureKind.InvalidArgument,
                $"The {Description ?? "object"} comes from the database '{Database}', not from '{databaseShown}', which this command works on. " +
                "Only partners are matched by name in another database; give -Database '" + Database + "' to work on the record where it is, or leave -Database out.",
                this);
        }

        public override string ToString() => Name ?? Id?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
    }
}
