using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using PartnerOps.Data;
using PartnerOps.Sqlite.Native;

namespace PartnerOps.Sqlite
{
    /// <summary>Partner queries and writes. Reads stream; writes run inside the store's current transaction.</summary>
    public sealed class PartnerRepository : IPartnerRepository, IPartnerLookupSource
    {
        private readonly SqliteDatabase _store;
        private readonly Func<DateTime> _utcNow;
        private PartnerInsertCommand? _insert;

        public PartnerRepository(SqliteDatabase store, Func<DateTime>? utcNow = null)
        {
            _store = store;
            _utcNow = utcNow ?? (() => DateTime.UtcNow);
        }

        /// <summary>
        /// Partners matching the filter, sorted by name as people expect (<see cref="PartnerRules.NameSortKey"/>, then the
        /// name key, then the id: the partners_name_sort index), yielded as they are read.
        /// </summary>
        public IEnumerable<Partner> Find(PartnerFilter filter) => TranslatedReads.Stream(_store, () =>
        {
            var (sql, parameters) = PartnerSql.FindStatement(filter);
            return _store.Connection.Query<Partner>(sql, parameters, _store.Transaction, buffered: false).Select(Stamp);
        });

        /// <summary>How many partners match the filter, ignoring paging.</summary>
        public long Count(PartnerFilter filter)
        {
            var (where, parameters) = PartnerSql.BuildWhere(filter);
            return TranslatedReads.Run(_store, () => _store.Connection.ExecuteScalar<long>("SELECT count(*) FROM partners" + where, parameters, _store.Transaction));
        }

        /// <summary>
        /// The exact (non-wildcard) names of the filter that match no partner at all. <paramref name="seenKeys"/>
        /// are the name keys <see cref="Find"/> returned; with paging, the names not on the page are looked up.
        /// </summary>
        public IEnumerable<NamePattern> Unmatched(PartnerFilter filter, ISet<string> seenKeys)
        {
            var unseen = filter.Names.Where(n => !n.IsWildcard && !seenKeys.Contains(n.Key)).ToList();
            if (unseen.Count > 0 && (filter.Skip > 0 || filter.First != null))
            {
                // Off the page is not missing: the keys that match with the rest of the filter, in one statement.
                var (where, parameters) = PartnerSql.BuildWhere(filter, unseen);
                var found = new HashSet<string>(
                    TranslatedReads.Run(_store, () => _store.Connection.Query<string>("SELECT name_key FROM partners" + where, parameters, _store.Transaction)),
                    StringComparer.Ordinal);
                unseen.RemoveAll(n => found.Contains(n.Key));
            }

            return unseen;
        }

        public Partner? GetById(long id) =>
            StampOrNull(TranslatedReads.Run(_store, () => _store.Connection.QuerySingleOrDefault<Partner>($"SELECT {PartnerSql.Columns} FROM partners WHERE id = @id", new { id }, _store.Transaction)));

        /// <summary>
        /// The partner with this name (compared by <see cref="PartnerRules.NameKey"/>); null when there is none, or when no
        /// partner could have that name. PartnerNotFound naming each partner's id when the name is shared by partners stored
        /// before names were compared this way (see <see cref="RecordNotFound.SharedName"/>).
        /// </summary>
        public Partner? GetByName(string name) => PartnerLookup.GetByName(this, name);

        /// <summary>
        /// Turns partners as a user or piped objects name them into ids (the rules of <see cref="PartnerReference.For"/>,
        /// applied by <see cref="PartnerLookup.Resolve"/>).
        /// </summary>
        public IReadOnlyList<PartnerOpsException> Resolve(IEnumerable<PartnerReference> references, ISet<long> ids, IList<NamePattern>? wildcards, bool idsAsGiven) =>
            PartnerLookup.Resolve(this, references, ids, wildcards, idsAsGiven);

        /// <summary>The one partner a reference names in this database (<see cref="PartnerLookup.Require"/>).</summary>
        public Partner Require(PartnerReference given) => PartnerLookup.Require(this, given);

        string IPartnerLookupSource.DatabasePath => _store.Path;

        bool IPartnerLookupSource.IsSameDatabase(string? location) => _store.IsSameDatabase(location);

        IReadOnlyList<Partner> IPartnerLookupSource.WithKey(string key) =>
            TranslatedReads.Run(_store, () => _store.Connection.Query<Partner>($"SELECT {PartnerSql.Columns} FROM partners WHERE name_key = @key ORDER BY id", new { key }, _store.Transaction).Select(Stamp).ToList());

        IReadOnlyList<Partner> IPartnerLookupSource.WithIds(IReadOnlyCollection<long> ids) => TranslatedReads.Run(_store, () =>
        {
            var parameters = new DynamicParameters();
            var sql = $"SELECT {PartnerSql.Columns} FROM partners WHERE " + SqlList.In(parameters, "id", "ids", ids);
            return _store.Connection.Query<Partner>(sql, parameters, _store.Transaction).Select(Stamp).ToList();
        });

        IReadOnlyList<(long Id, string Key)> IPartnerLookupSource.HoldersOf(IReadOnlyCollection<string> keys) => TranslatedReads.Run(_store, () =>
        {
            var parameters = new DynamicParameters();
            var sql = "SELECT id, name_key FROM partners WHERE " + SqlList.In(parameters, "name_key", "keys", keys);
            return _store.Connection.Query<(long, string)>(sql, parameters, _store.Transaction).ToList();
        });

        /// <summary>Validates and inserts a partner; returns it as stored.</summary>
        public Partner Add(Partner draft)
        {
            var now = _utcNow();
            LifecycleRules.NormalizeNew(draft, now.ToLocalTime().Date);
            draft.CreatedAt = now;
            draft.UpdatedAt = now;
            draft.Database = _store.Path;
            try
            {
                draft.Id = (_insert ??= new PartnerInsertCommand(_store)).Execute(draft);
            }
            catch (SqliteException ex) when (IsUniqueViolation(ex))
            {
                throw AlreadyExists(draft.Name);
            }

            return draft;
        }

        /// <inheritdoc/>
        public WriteOperation Adding(Partner draft) =>
            // One INSERT (the history trigger inside it): SQLite undoes it alone when it fails, so no savepoint is needed.
            new WriteOperation(() => Add(draft), undoesItself: true);

        /// <inheritdoc/>
        public long CountOn(DateTime date, string? region, IReadOnlyCollection<PartnerStatus> statuses)
        {
            // The status compared is the one of that day (StatusSql.On), as the partners of that day are counted.
            var sql = "SELECT count(*) FROM partners WHERE " + PartnerSql.PartnerOn("date") + " AND " + StatusSql.On("Status", "partners", "date") +
                      " IN (SELECT value FROM json_each(@statuses))";
            if (region != null)
            {
                sql += " AND po_key(region) = @regionKey";
            }

            return TranslatedReads.Run(_store, () => _store.Connection.ExecuteScalar<long>(sql, new
            {
                date = PartnerRules.FormatDate(date),
                regionKey = RevenueRules.Key(region),
                statuses = "[\"" + string.Join("\",\"", statuses.Select(s => s.ToString())) + "\"]",
            }, _store.Transaction));
        }

        /// <summary>
        /// Applies changes to a stored partner; returns it as stored afterwards. Changes that leave every stored value as it
        /// is (<see cref="PartnerRules.SameStoredValues"/>) write nothing: <paramref name="current"/> itself is returned (the
        /// same instance, so a caller can tell), its UpdatedAt unchanged, and no history is recorded.
        /// </summary>
        public Partner Update(Partner current, PartnerChanges changes)
        {
            var updated = PartnerLookup.Updated(this, current, changes, _utcNow());
            if (updated == null)
            {
                return current;
            }

            // A partner stored before schema 4 that shares its key with the one holding it (name_dup <> 0) keeps its name, but
            // a new spelling of that key is a rename to a name another partner holds: refused, as for any other partner.
            if (!string.Equals(updated.Name, current.Name, StringComparison.Ordinal)
                && _store.Connection.ExecuteScalar<long?>(
                    "SELECT id FROM partners WHERE name_key = @key AND name_dup = 0 AND id <> @id LIMIT 1",
                    new { key = PartnerRules.NameKey(updated.Name), id = current.Id },
                    _store.Transaction) != null)
            {
                throw AlreadyExists(updated.Name);
            }

            try
            {
                var changed = _store.Connection.Execute(
                    @"UPDATE partners SET name = @Name, name_key = @Key, name_sort = @Sort, name_dup = CASE WHEN name_key = @Key THEN name_dup ELSE 0 END,
                             type = @Type, tier = @Tier, status = @Status, region = @Region,
                             country = @Country, joined_on = @JoinedOn, ended_on = @EndedOn, notes = @Notes, updated_at = @UpdatedAt, " + StatusWrites.UpdateSet + @"
                      WHERE id = @Id",
                    StatusWrites.UpdateParameters(current, updated, changes),
                    _store.Transaction);
                if (changed == 0)
                {
                    throw RecordNotFound.Partner("Id " + current.Id, current.Id);
                }

                StatusWrites.AfterUpdate(
                    current,
                    updated,
                    changes,
                    (sql, parameters) => _store.Connection.ExecuteScalar<string?>(sql, parameters, _store.Transaction),
                    (sql, parameters) => _store.Connection.Execute(sql, parameters, _store.Transaction));

                var oldKey = PartnerRules.NameKey(current.Name);
                if (!string.Equals(oldKey, PartnerRules.NameKey(updated.Name), StringComparison.Ordinal))
                {
                    KeepKeyHeld(oldKey);
                }
            }
            catch (SqliteException ex) when (IsUniqueViolation(ex))
            {
                throw AlreadyExists(updated.Name);
            }

            return updated;
        }

        /// <inheritdoc/>
        public (long Contacts, long Certifications, long Deals) CountDependents(long partnerId) =>
            TranslatedReads.Run(_store, () => _store.Connection.QuerySingle<(long, long, long)>(PartnerDependents.CountSql, new { partnerId }, _store.Transaction));

        public void Remove(Partner partner)
        {
            var removed = _store.Connection.Execute("DELETE FROM partners WHERE id = @Id", new { partner.Id }, _store.Transaction);
            if (removed == 0)
            {
                throw RecordNotFound.Partner("Id " + partner.Id, partner.Id);
            }

            KeepKeyHeld(PartnerRules.NameKey(partner.Name));
        }

        /// <summary>
        /// Partners that share a key (stored before schema 4): when the one that held it (name_dup 0) was renamed or
        /// removed, the oldest of the others holds it now, so the unique index still refuses a new partner with that name.
        /// </summary>
        private void KeepKeyHeld(string key) =>
            _store.Connection.Execute(
                "UPDATE partners SET name_dup = 0 WHERE id = (SELECT min(id) FROM partners WHERE name_key = @key) " +
                "AND NOT EXISTS (SELECT 1 FROM partners WHERE name_key = @key AND name_dup = 0)",
                new { key },
                _store.Transaction);

        /// <summary>
        /// Partners whose stored sort key (name_sort) is not their name's (<see cref="PartnerRules.NameSortKey"/>): written
        /// by another program, so Get-Partner lists them out of name order. By id.
        /// </summary>
        public IReadOnlyList<(long Id, string Name)> StaleSortKeys() =>
            TranslatedReads.Run(_store, () => _store.Connection.Query<(long, string)>(
                $"SELECT id, name FROM partners WHERE name_sort IS NOT {SqliteDatabase.NameSortFunction}(name) ORDER BY id",
                transaction: _store.Transaction).ToList());

        /// <summary>
        /// Pairs of partners whose names share a key (stored before schema 4 compared names this way): the partner that
        /// holds the key and each other one, by id.
        /// </summary>
        public IReadOnlyList<(long FirstId, string FirstName, long OtherId, string OtherName)> SharedNames() =>
            TranslatedReads.Run(_store, () => _store.Connection.Query<(long, string, long, string)>(
                "SELECT a.id, a.name, b.id, b.name FROM partners b JOIN partners a ON a.name_key = b.name_key AND a.name_dup = 0 " +
                "WHERE b.name_dup <> 0 ORDER BY a.name_key, b.id",
                transaction: _store.Transaction).ToList());

        // Every partner read says which database it came from.
        private Partner Stamp(Partner partner)
        {
            partner.Database = _store.Path;
            return partner;
        }

        private Partner? StampOrNull(Partner? partner) => partner == null ? null : Stamp(partner);

        private static bool IsUniqueViolation(SqliteException ex) => ex.SqliteErrorCode == 19 && ex.SqliteExtendedErrorCode == 2067;

        private PartnerOpsException AlreadyExists(string name) =>
            PartnerLookup.AlreadyExists(name, _store.Connection.Query<(long Id, string Name)>(
                "SELECT id, name FROM partners WHERE name_key = @key AND name_dup = 0", new { key = PartnerRules.NameKey(name) }, _store.Transaction).ToList());
    }
}
