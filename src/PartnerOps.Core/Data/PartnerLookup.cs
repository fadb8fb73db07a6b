using System;
using System.Collections.Generic;
using System.Linq;

namespace PartnerOps.Data
{
    /// <summary>
    /// What a partner repository reads to look partners up by reference (<see cref="PartnerLookup"/>): the same rules on every
    /// backend, each backend supplying its reads.
    /// </summary>
    internal interface IPartnerLookupSource
    {
        /// <summary>The database's location as shown (objects' Database property).</summary>
        string DatabasePath { get; }

        /// <summary>Whether a Database property names this database.</summary>
        bool IsSameDatabase(string? location);

        /// <summary>The partner with this id, or null.</summary>
        Partner? GetById(long id);

        /// <summary>The partners a filter selects (name order).</summary>
        IEnumerable<Partner> Find(PartnerFilter filter);

        /// <summary>Every partner whose name key is <paramref name="key"/> (more than one only for partners stored before schema 4), by id.</summary>
        IReadOnlyList<Partner> WithKey(string key);

        /// <summary>
        /// In one statement, the partners with these ids (a list of any length), in no order: what resolving a list of
        /// references reads, so that 40,000 ids cost one round trip to a server, not 40,000.
        /// </summary>
        IReadOnlyList<Partner> WithIds(IReadOnlyCollection<long> ids);

        /// <summary>In one statement, the id and stored name key of every partner whose name key is among <paramref name="keys"/>.</summary>
        IReadOnlyList<(long Id, string Key)> HoldersOf(IReadOnlyCollection<string> keys);
    }

    /// <summary>
    /// The rules of looking partners up by reference, shared by the SQLite and PostgreSQL repositories: names compared by
    /// <see cref="PartnerRules.NameKey"/>, an object's id checked against its name, typed wildcards expanded, references from
    /// other databases refused (cmdlets.md, "Every object knows its database"); and the failures that say so.
    /// </summary>
    internal static class PartnerLookup
    {
        /// <summary>
        /// The columns of a partner read from <c>FROM partners</c> (not aliased), named as <see cref="Partner"/>'s properties (the
        /// same table on every backend): the stored values, EndReason (the latest Status change's reason while Terminated) and
        /// ActivatedOn (the first revenue record's date, through revenue_partner).
        /// </summary>
        public const string Columns =
            "id AS Id, name AS Name, type AS Type, tier AS Tier, status AS Status, region AS Region, country AS Country, " +
            "joined_on AS JoinedOn, ended_on AS EndedOn, notes AS Notes, created_at AS CreatedAt, updated_at AS UpdatedAt, " +
            "status_since AS StatusSince, tier_since AS TierSince, CASE WHEN status = 'Terminated' THEN status_reason END AS EndReason, " +
            "(SELECT min(r.date) FROM revenue r WHERE r.partner_id = partners.id) AS ActivatedOnText";

        /// <summary>
        /// <see cref="Columns"/> as of the day in @<paramref name="dateParameter"/> ('yyyy-MM-dd'; Get-Partner -AsOf): Status,
        /// Tier, StatusSince and TierSince of that day (<see cref="StatusSql"/>), EndReason only when Terminated that day,
        /// ActivatedOn only when on or before it; every other property the current one. Null: <see cref="Columns"/>.
        /// </summary>
        public static string ColumnsOn(string? dateParameter) => dateParameter == null
            ? Columns
            : "id AS Id, name AS Name, type AS Type, " +
              $"{StatusSql.On(StatusSql.Tier, "partners", dateParameter)} AS Tier, {StatusSql.On(StatusSql.Status, "partners", dateParameter)} AS Status, " +
              "region AS Region, country AS Country, joined_on AS JoinedOn, ended_on AS EndedOn, notes AS Notes, created_at AS CreatedAt, updated_at AS UpdatedAt, " +
              $"{StatusSql.SinceOn(StatusSql.Status, "partners", dateParameter)} AS StatusSince, " +
              $"{StatusSql.SinceOn(StatusSql.Tier, "partners", dateParameter)} AS TierSince, " +
              $"{StatusSql.EndReasonOn("partners", dateParameter)} AS EndReason, " +
              $"(SELECT min(r.date) FROM revenue r WHERE r.partner_id = partners.id AND r.date <= @{dateParameter}) AS ActivatedOnText";

        /// <summary>
        /// The columns a filter's partners are read with: as of its AsOf day (the parameter asOf that
        /// PartnerFilterSql.BuildWhere adds; <see cref="ColumnsOn"/>), else <see cref="Columns"/>.
        /// </summary>
        public static string ColumnsOf(PartnerFilter filter) => ColumnsOn(filter.AsOf == null ? null : "asOf");

        /// <summary>
        /// SQL of partners.status_since for an INSERT whose status, joined_on and ended_on values are the SQL expressions given:
        /// the initial status takes effect on JoinedOn, a Terminated partner's on its EndedOn (JoinedOn when it has none).
        /// </summary>
        public static string InsertedStatusSince(string status, string joinedOn, string endedOn) =>
            $"CASE WHEN {status} = 'Terminated' THEN coalesce({endedOn}, {joinedOn}) ELSE {joinedOn} END";

        /// <summary>
        /// SQL of the status_since of a partners row <paramref name="row"/> (an alias, or new in a SQLite trigger) as the status
        /// triggers take it: the stored one, or when a writer left it empty (''; a program other than the module inserted the
        /// row) <see cref="InsertedStatusSince"/>.
        /// </summary>
        public static string StatusSinceOf(string row) =>
            $"CASE WHEN {row}.status_since = '' THEN {InsertedStatusSince(row + ".status", row + ".joined_on", row + ".ended_on")} ELSE {row}.status_since END";

        /// <summary>SQL of the tier_since of a partners row as the status triggers take it: the stored one, else (empty) its joined_on.</summary>
        public static string TierSinceOf(string row) => $"CASE WHEN {row}.tier_since = '' THEN {row}.joined_on ELSE {row}.tier_since END";


        /// <summary>
        /// A partner's values as stored (the parameters of an INSERT or UPDATE, by these names): its name's keys
        /// (<see cref="PartnerRules.NameKey"/>, <see cref="PartnerRules.NameSortKey"/>), enums by name, dates yyyy-MM-dd,
        /// timestamps as <see cref="PartnerRules.FormatTimestamp"/> writes them (UTC); StatusSince and TierSince yyyy-MM-dd, and Reason:
        /// the reason of the Status change written (status_reason), <paramref name="reason"/> when given, else the partner's EndReason.
        /// </summary>
        public static object StoredValues(Partner p, string? reason = null) => new
        {
            p.Id,
            p.Name,
            Key = PartnerRules.NameKey(p.Name),
            Sort = PartnerRules.NameSortKey(p.Name),
            Type = p.Type.ToString(),
            Tier = p.Tier.ToString(),
            Status = p.Status.ToString(),
            p.Region,
            p.Country,
            JoinedOn = PartnerRules.FormatDate(p.JoinedOn),
            EndedOn = p.EndedOn is DateTime ended ? PartnerRules.FormatDate(ended) : null,
            p.Notes,
            CreatedAt = PartnerRules.FormatTimestamp(p.CreatedAt),
            UpdatedAt = PartnerRules.FormatTimestamp(p.UpdatedAt),
            StatusSince = PartnerRules.FormatDate(p.StatusSince),
            TierSince = PartnerRules.FormatDate(p.TierSince),
            Reason = reason ?? p.EndReason,
        };

        /// <summary>
        /// The partner with this name (trimmed, compared by name key), or null (also for an empty name or one no partner could
        /// have). PartnerNotFound naming each partner's id when the name is shared by partners stored before schema 4.
        /// </summary>
        public static Partner? GetByName(IPartnerLookupSource source, string name)
        {
            // The key of the name as given: an invisible character that a new name may not hold (a name stored before
            // schema 4 may) is ignored by the key, so it still finds the partner.
            var trimmed = name.Trim();
            if (trimmed.Length == 0 || TextRules.Problem(trimmed) != null)
            {
                return null;
            }

            var found = source.WithKey(PartnerRules.NameKey(trimmed));
            if (found.Count > 1)
            {
                throw RecordNotFound.SharedName(name, found.Select(p => (p.Id, p.Name)).ToList(), source.DatabasePath);
            }

            return found.FirstOrDefault();
        }

        /// <summary>
        /// Turns references into ids (<see cref="IPartnerRepository.Resolve"/>): an id is looked up and checked against the name
        /// that came with it, unless <paramref name="idsAsGiven"/> and no partner has it any more; a name from an object is
        /// matched literally; a typed wildcard goes to <paramref name="wildcards"/> when given, else is expanded. Returns the
        /// failures (PartnerNotFound, ObjectFromOtherDatabase); a wildcard matching nothing is none.
        /// </summary>
        public static IReadOnlyList<PartnerOpsException> Resolve(
            IPartnerLookupSource source, IEnumerable<PartnerReference> references, ISet<long> ids, IList<NamePattern>? wildcards, bool idsAsGiven)
        {
            var missing = new List<PartnerOpsException>();
            var list = references as IReadOnlyList<PartnerReference> ?? references.ToList();
            var read = list.Count > 1 ? ReadAhead(source, list) : null;
            foreach (var given in list)
            {
                try
                {
                    var reference = InThisDatabase(source, given);
                    if (reference.Id is long id)
                    {
                        var found = read != null ? (read.ById.TryGetValue(id, out var known) ? known : null) : source.GetById(id);
                        if (found != null)
                        {
                            CheckName(source, found, reference);
                        }
                        else if (!idsAsGiven)
                        {
                            throw RecordNotFound.Partner("Id " + id, given, source.DatabasePath);
                        }

                        ids.Add(id);
                        continue;
                    }

                    var pattern = reference.IsLiteral ? NamePattern.LiteralName(reference.Name!) : NamePattern.ParseName(reference.Name!);
                    if (pattern.IsWildcard)
                    {
                        if (wildcards != null)
                        {
                            wildcards.Add(pattern);
                        }
                        else
                        {
                            var filter = new PartnerFilter();
                            filter.Names.Add(pattern);
                            ids.UnionWith(source.Find(filter).Select(p => p.Id));
                        }

                        continue;
                    }

                    // The pattern's key, not the text: an escaped wildcard character (`*) names the character itself.
                    var holders = (read != null ? (read.ByKey.TryGetValue(pattern.Key, out var held) ? held : new List<Partner>()) : source.WithKey(pattern.Key))
                        .Select(p => (p.Id, p.Name)).ToList();
                    if (holders.Count > 1)
                    {
                        throw RecordNotFound.SharedName(reference.Name!, holders, source.DatabasePath);
                    }

                    ids.Add(holders.Count == 1 ? holders[0].Id : throw RecordNotFound.Partner("'" + TextRules.Shown(reference.Name) + "'", given, source.DatabasePath));
                }
                catch (PartnerOpsException ex)
                {
                    missing.Add(ex);
                }
            }

            return missing;
        }

        // The partners a list of references names by id or exact name, read in one statement before the references are
        // resolved one by one (the same rules as reading each alone; a reference that fails here fails again, with its error,
        // when its turn comes).
        private static ReadAheadPartners ReadAhead(IPartnerLookupSource source, IReadOnlyList<PartnerReference> references)
        {
            var ids = new HashSet<long>();
            var keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var given in references)
            {
                try
                {
                    var reference = InThisDatabase(source, given);
                    if (reference.Id is long id)
                    {
                        ids.Add(id);
                        continue;
                    }

                    var pattern = reference.IsLiteral ? NamePattern.LiteralName(reference.Name!) : NamePattern.ParseName(reference.Name!);
                    if (!pattern.IsWildcard)
                    {
                        keys.Add(pattern.Key);
                    }
                }
                catch (PartnerOpsException)
                {
                    // Reported by the reference's own turn.
                }
            }

            var read = new ReadAheadPartners();
            var held = keys.Count == 0 ? new List<(long Id, string Key)>() : source.HoldersOf(keys);
            ids.UnionWith(held.Select(h => h.Id));
            foreach (var partner in ids.Count == 0 ? new List<Partner>() : source.WithIds(ids))
            {
                read.ById[partner.Id] = partner;
            }

            foreach (var (id, key) in held.OrderBy(h => h.Id))
            {
                if (read.ById.TryGetValue(id, out var partner))
                {
                    if (!read.ByKey.TryGetValue(key, out var holders))
                    {
                        read.ByKey[key] = holders = new List<Partner>();
                    }

                    holders.Add(partner);
                }
            }

            return read;
        }

        private sealed class ReadAheadPartners
        {
            public Dictionary<long, Partner> ById { get; } = new Dictionary<long, Partner>();

            public Dictionary<string, List<Partner>> ByKey { get; } = new Dictionary<string, List<Partner>>(StringComparer.Ordinal);
        }

        /// <summary>
        /// The one partner a reference names (an id, checked against the name that came with it; else the exact name, never a
        /// pattern). PartnerNotFound when there is none or the id now has another name; ObjectFromOtherDatabase.
        /// </summary>
        public static Partner Require(IPartnerLookupSource source, PartnerReference given)
        {
            var reference = InThisDatabase(source, given);
            if (reference.Id is long id)
            {
                var found = source.GetById(id) ?? throw RecordNotFound.Partner("Id " + id, id, source.DatabasePath);
                CheckName(source, found, reference);
                return found;
            }

            return GetByName(source, reference.Name ?? string.Empty)
                ?? throw RecordNotFound.Partner("'" + TextRules.Shown(reference.Name) + "'", reference.Name, source.DatabasePath);
        }

        /// <summary>
        /// The partner <paramref name="current"/> becomes with <paramref name="changes"/>, validated, normalised and dated
        /// (<see cref="LifecycleRules.NormalizeChange"/>), stamped
        /// with the database and <paramref name="now"/> (UTC) as UpdatedAt; null when it leaves every stored value as it is
        /// (compared with the partner as stored now: nothing is to be written, and <paramref name="current"/> is stamped and
        /// returned by the caller). PartnerNotFound when the partner was removed meanwhile.
        /// </summary>
        public static Partner? Updated(IPartnerLookupSource source, Partner current, PartnerChanges changes, DateTime now)
        {
            var updated = changes.ApplyTo(current);

            // A name stored before today's rules (a no-break space, a zero-width space) is kept as it is unless it is changed.
            // Status and Tier changes are dated (-EffectiveDate) and checked against the dates of the values they replace.
            LifecycleRules.NormalizeChange(current, updated, changes, now.ToLocalTime().Date, keepName: string.Equals(updated.Name, current.Name, StringComparison.Ordinal));
            updated.Database = source.DatabasePath;
            if (PartnerRules.SameStoredValues(updated, current) && !LifecycleRules.CorrectsReason(current, updated, changes))
            {
                // A change that changes nothing writes nothing: no UPDATE, so UpdatedAt stays and no history is recorded.
                // Compared with the partner as stored now (current may have been read before another change or a removal).
                var stored = source.GetById(current.Id) ?? throw RecordNotFound.Partner("Id " + current.Id, current.Id);
                if (PartnerRules.SameStoredValues(updated, stored))
                {
                    current.Database = source.DatabasePath;
                    return null;
                }
            }

            updated.UpdatedAt = now;
            return updated;
        }

        /// <summary>
        /// PartnerAlreadyExists for <paramref name="name"/>, naming the partner that holds its key (<paramref name="holders"/>:
        /// the partners with that key and name_dup 0; one, unless another writer changed it meanwhile).
        /// </summary>
        public static PartnerOpsException AlreadyExists(string name, IReadOnlyList<(long Id, string Name)> holders)
        {
            var existing = holders.Count == 1 ? $"Id {holders[0].Id} '{TextRules.Shown(holders[0].Name)}'" : "one";
            return new PartnerOpsException(
                ErrorIds.PartnerAlreadyExists,
                FailureKind.AlreadyExists,
                $"A partner named '{TextRules.Shown(name)}' already exists: {existing} (names are unique ignoring case, including ß as ss and İ as i, " +
                "the kind of space and invisible characters).",
                name);
        }

        private static PartnerReference InThisDatabase(IPartnerLookupSource source, PartnerReference reference) =>
            reference.For(reference.Database != null && source.IsSameDatabase(reference.Database), source.DatabasePath);

        // An object's id must still belong to the partner it named: ids of removed partners are given to new ones, and
        // partners are renamed. A mismatch is an error, never a guess.
        private static void CheckName(IPartnerLookupSource source, Partner found, PartnerReference reference)
        {
            if (reference.Name == null || SameName(found.Name, reference.Name))
            {
                return;
            }

            throw new PartnerOpsException(
                ErrorIds.PartnerNotFound,
                FailureKind.NotFound,
                $"Partner Id {found.Id} in '{source.DatabasePath}' is now named '{TextRules.Shown(found.Name)}', not '{TextRules.Shown(reference.Name)}' as the " +
                $"{reference.Description ?? "partner given"} says: it was renamed, or removed and its id given to another partner. Nothing was done; " +
                "get the partner again (Get-Partner) and retry.",
                reference);
        }

        private static bool SameName(string stored, string given)
        {
            // By key, as given: a piped object of a partner stored before schema 4 may hold a character a new name may not.
            return TextRules.Problem(given.Trim()) == null && PartnerRules.NameKey(given.Trim()) == PartnerRules.NameKey(stored);
        }
    }
}
