using System;
using System.Collections.Generic;
using System.Linq;
using Dapper;
using PartnerOps.Data;

namespace PartnerOps.PostgreSql
{
    /// <summary>
    /// Partners on PostgreSQL: reads stream; writes run inside the database's open write transaction (a write batch's item,
    /// under its savepoint). The same results, order and failures as the SQLite repository: the lookups' rules are
    /// <see cref="PartnerLookup"/>'s, names are unique by <see cref="PartnerRules.NameKey"/> (the unique index
    /// partners_name_key on name_key, name_dup).
    /// </summary>
    internal sealed class PgPartnerRepository : IPartnerRepository, IPartnerLookupSource
    {
        // A name whose key is taken inserts nothing and takes no id (as on SQLite, whose AUTOINCREMENT a refused insert
        // leaves alone): the row is selected only when the key is free, which the write lock keeps true until the insert.
        // ON CONFLICT stays as the last guard, and leaves the transaction usable where a unique violation would abort it.
        private const string Insert =
            "INSERT INTO partners (name, name_key, type, tier, status, region, country, joined_on, ended_on, notes, created_at, updated_at, name_sort, " + StatusWrites.InsertColumns + ") " +
            "SELECT @Name, @Key, @Type, @Tier, @Status, @Region, @Country, @JoinedOn, @EndedOn, @Notes, @CreatedAt, @UpdatedAt, @Sort, " + StatusWrites.InsertValues + " " +
            "WHERE NOT EXISTS (SELECT 1 FROM partners WHERE name_key = @Key AND name_dup = 0) " +
            "ON CONFLICT (name_key, name_dup) DO NOTHING RETURNING id";

        private readonly PgDatabase _db;
        private readonly Func<DateTime> _utcNow;

        public PgPartnerRepository(PgDatabase db, Func<DateTime>? utcNow = null)
        {
            _db = db;
            _utcNow = utcNow ?? (() => DateTime.UtcNow);
        }

        /// <inheritdoc/>
        public IEnumerable<Partner> Find(PartnerFilter filter)
        {
            // Read in pages of the name order, each after the last row of the one before (keyset paging): with a LIMIT the server
            // reads the name index from the start and hands the first rows over at once, where one statement for all partners is
            // planned as a full read and a sort that returns nothing until it has read every row.
            var (where, parameters) = PgPartnerSql.BuildWhere(_db, filter);
            var remaining = filter.First;
            (string Sort, string Key, long Id)? last = null;
            while (remaining == null || remaining > 0)
            {
                var size = remaining is long left ? Math.Min(left, PageSize) : PageSize;
                var page = new DynamicParameters(parameters);
                var sql = new System.Text.StringBuilder("SELECT ").Append(PartnerLookup.ColumnsOf(filter)).Append(" FROM partners").Append(where);
                if (last is (string, string, long) after)
                {
                    sql.Append(where.Length == 0 ? " WHERE " : " AND ").Append("(name_sort, name_key, id) > (@afterSort, @afterKey, @afterId)");
                    page.Add("afterSort", after.Sort);
                    page.Add("afterKey", after.Key);
                    page.Add("afterId", after.Id);
                }

                sql.Append(" ORDER BY name_sort, name_key, id");
                PgPartnerSql.Page(sql, page, size, last == null ? filter.Skip : 0);
                long read = 0;
                Partner? lastRow = null;
                foreach (var partner in _db.Stream<Partner>(sql.ToString(), page))
                {
                    read++;
                    lastRow = partner;
                    yield return Stamp(partner);
                }

                if (read < size || lastRow == null)
                {
                    yield break;
                }

                var keys = _db.Query<(string Sort, string Key)>("SELECT name_sort, name_key FROM partners WHERE id = @id", new { id = lastRow.Id }).Single();
                last = (keys.Sort, keys.Key, lastRow.Id);
                remaining -= read;
            }
        }

        // Rows per statement of Find: few enough to start at once, enough that a round trip per page costs little.
        private const long PageSize = 1000;

        /// <inheritdoc/>
        public long Count(PartnerFilter filter)
        {
            var (where, parameters) = PgPartnerSql.BuildWhere(_db, filter);
            return _db.Scalar<long>("SELECT count(*) FROM partners" + where, parameters);
        }

        /// <inheritdoc/>
        public IEnumerable<NamePattern> Unmatched(PartnerFilter filter, ISet<string> seenKeys)
        {
            var unseen = filter.Names.Where(n => !n.IsWildcard && !seenKeys.Contains(n.Key)).ToList();
            if (unseen.Count > 0 && (filter.Skip > 0 || filter.First != null))
            {
                // Off the page is not missing: the keys that match with the rest of the filter, in one statement.
                var (where, parameters) = PgPartnerSql.BuildWhere(_db, filter, unseen);
                var found = new HashSet<string>(_db.Query<string>("SELECT name_key FROM partners" + where, parameters), StringComparer.Ordinal);
                unseen.RemoveAll(n => found.Contains(n.Key));
            }

            return unseen;
        }

        /// <inheritdoc/>
        public Partner? GetById(long id) =>
            _db.Query<Partner>($"SELECT {PgPartnerSql.Columns} FROM partners WHERE id = @id", new { id }).Select(Stamp).FirstOrDefault();

        /// <inheritdoc/>
        public Partner? GetByName(string name) => PartnerLookup.GetByName(this, name);

        /// <inheritdoc/>
        public IReadOnlyList<PartnerOpsException> Resolve(IEnumerable<PartnerReference> references, ISet<long> ids, IList<NamePattern>? wildcards, bool idsAsGiven) =>
            PartnerLookup.Resolve(this, references, ids, wildcards, idsAsGiven);

        /// <inheritdoc/>
        public Partner Require(PartnerReference given) => PartnerLookup.Require(this, given);

        string IPartnerLookupSource.DatabasePath => _db.Path;

        bool IPartnerLookupSource.IsSameDatabase(string? location) => _db.IsSameDatabase(location);

        IReadOnlyList<Partner> IPartnerLookupSource.WithKey(string key) =>
            _db.Query<Partner>($"SELECT {PgPartnerSql.Columns} FROM partners WHERE name_key = @key ORDER BY id", new { key }).Select(Stamp).ToList();

        IReadOnlyList<Partner> IPartnerLookupSource.WithIds(IReadOnlyCollection<long> ids)
        {
            var parameters = new DynamicParameters();
            return _db.Query<Partner>($"SELECT {PgPartnerSql.Columns} FROM partners WHERE " + PgSqlList.Any(parameters, "id", "ids", ids), parameters).Select(Stamp).ToList();
        }

        IReadOnlyList<(long Id, string Key)> IPartnerLookupSource.HoldersOf(IReadOnlyCollection<string> keys)
        {
            var parameters = new DynamicParameters();
            return _db.Query<(long, string)>("SELECT id, name_key FROM partners WHERE " + PgSqlList.Any(parameters, "name_key", "keys", keys), parameters);
        }

        /// <inheritdoc/>
        public Partner Add(Partner draft)
        {
            var now = _utcNow();
            LifecycleRules.NormalizeNew(draft, now.ToLocalTime().Date);
            draft.CreatedAt = now;
            draft.UpdatedAt = now;
            draft.Database = _db.Path;

            // No row back: the key is taken; the transaction is still usable, so the holder can be named.
            var id = _db.Query<long>(Insert, PartnerLookup.StoredValues(draft));
            draft.Id = id.Count == 1 ? id[0] : throw AlreadyExists(draft.Name);
            return draft;
        }

        /// <inheritdoc/>
        public WriteOperation Adding(Partner draft) =>
            // On PostgreSQL every item runs under a savepoint (a failed statement aborts the whole transaction).
            new WriteOperation(() => Add(draft));

        /// <inheritdoc/>
        public long CountOn(DateTime date, string? region, IReadOnlyCollection<PartnerStatus> statuses)
        {
            // The status compared is the one of that day (StatusSql.On), as the partners of that day are counted.
            var parameters = new DynamicParameters();
            parameters.Add("date", PartnerRules.FormatDate(date));
            var sql = "SELECT count(*) FROM partners WHERE " + PgPartnerSql.PartnerOn("date") + " AND " +
                      PgSqlList.Any(parameters, StatusSql.On("Status", "partners", "date"), "statuses", statuses.Select(s => s.ToString()));
            if (region != null)
            {
                sql += " AND " + PgPartnerSql.RegionMatching(_db, parameters, new[] { NamePattern.Literal(region) });
            }

            return _db.Scalar<long>(sql, parameters);
        }

        /// <inheritdoc/>
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
                && _db.Scalar<long?>("SELECT id FROM partners WHERE name_key = @key AND name_dup = 0 AND id <> @id LIMIT 1",
                    new { key = PartnerRules.NameKey(updated.Name), id = current.Id }) != null)
            {
                throw AlreadyExists(updated.Name);
            }

            var changed = _db.Execute(
                @"UPDATE partners SET name = @Name, name_key = @Key, name_sort = @Sort, name_dup = CASE WHEN name_key = @Key THEN name_dup ELSE 0 END,
                         type = @Type, tier = @Tier, status = @Status, region = @Region,
                         country = @Country, joined_on = @JoinedOn, ended_on = @EndedOn, notes = @Notes, updated_at = @UpdatedAt, " + StatusWrites.UpdateSet + @"
                  WHERE id = @Id",
                StatusWrites.UpdateParameters(current, updated, changes));
            if (changed == 0)
            {
                throw RecordNotFound.Partner("Id " + current.Id, current.Id);
            }

            StatusWrites.AfterUpdate(current, updated, changes, (sql, parameters) => _db.Scalar<string?>(sql, parameters), (sql, parameters) => _db.Execute(sql, parameters));

            var oldKey = PartnerRules.NameKey(current.Name);
            if (!string.Equals(oldKey, PartnerRules.NameKey(updated.Name), StringComparison.Ordinal))
            {
                KeepKeyHeld(oldKey);
            }

            return updated;
        }

        /// <inheritdoc/>
        /// <inheritdoc/>
        public (long Contacts, long Certifications, long Deals) CountDependents(long partnerId) =>
            _db.Query<(long, long, long)>(PartnerDependents.CountSql, new { partnerId }).Single();

        public void Remove(Partner partner)
        {
            if (_db.Execute("DELETE FROM partners WHERE id = @Id", new { partner.Id }) == 0)
            {
                throw RecordNotFound.Partner("Id " + partner.Id, partner.Id);
            }

            KeepKeyHeld(PartnerRules.NameKey(partner.Name));
        }

        // Partners that share a key (stored before schema 4): when the one that held it (name_dup 0) was renamed or removed,
        // the oldest of the others holds it now, so the unique index still refuses a new partner with that name.
        private void KeepKeyHeld(string key) =>
            _db.Execute(
                "UPDATE partners SET name_dup = 0 WHERE id = (SELECT min(id) FROM partners WHERE name_key = @key) " +
                "AND NOT EXISTS (SELECT 1 FROM partners WHERE name_key = @key AND name_dup = 0)",
                new { key });

        // Every partner read says which database it came from.
        private Partner Stamp(Partner partner)
        {
            partner.Database = _db.Path;
            return partner;
        }

        private PartnerOpsException AlreadyExists(string name) =>
            PartnerLookup.AlreadyExists(name, _db.Query<(long Id, string Name)>(
                "SELECT id, name FROM partners WHERE name_key = @key AND name_dup = 0", new { key = PartnerRules.NameKey(name) }));
    }
}
