using System;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace PartnerOps.Storage
{
    /// <summary>
    /// The INSERT of <see cref="PartnerRepository.Add"/>, prepared once per repository on the connection's raw
    /// SQLite handle and run with new values for each partner. A pipelined Add-Partner inserts every item through
    /// one repository: compiling the statement anew for each (as a Dapper call does) was the largest part of an
    /// item's cost, and a prepared SqliteCommand still spent more in its reader and by-name binding than SQLite
    /// spent inserting (measured with dotnet-trace). The store finalizes the statement before its connection closes.
    /// </summary>
    internal sealed class PartnerInsertCommand : IDisposable
    {
        private readonly sqlite3 _db;
        private readonly sqlite3_stmt _statement;

        public PartnerInsertCommand(PartnerStore store)
        {
            _db = store.Connection.Handle!;
            SqliteException.ThrowExceptionForRC(
                raw.sqlite3_prepare_v2(
                    _db,
                    "INSERT INTO partners (name, name_key, type, tier, status, region, country, joined_on, ended_on, notes, created_at, updated_at) " +
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) RETURNING id",
                    out _statement),
                _db);
            store.Own(this);
        }

        /// <summary>Inserts a normalised partner in the store's current transaction; returns its id.</summary>
        public long Execute(Partner partner)
        {
            try
            {
                Bind(1, partner.Name);
                Bind(2, PartnerRules.NameKey(partner.Name));
                Bind(3, partner.Type.ToString());
                Bind(4, partner.Tier.ToString());
                Bind(5, partner.Status.ToString());
                Bind(6, partner.Region);
                Bind(7, partner.Country);
                Bind(8, PartnerRules.FormatDate(partner.JoinedOn));
                Bind(9, partner.EndedOn is DateTime ended ? PartnerRules.FormatDate(ended) : null);
                Bind(10, partner.Notes);
                Bind(11, PartnerRules.FormatTimestamp(partner.CreatedAt));
                Bind(12, PartnerRules.FormatTimestamp(partner.UpdatedAt));
                var rc = raw.sqlite3_step(_statement);
                if (rc != raw.SQLITE_ROW)
                {
                    // A unique name (SQLITE_CONSTRAINT_UNIQUE), a full disk, an interrupt: SQLite has undone the statement.
                    throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_db));
                }

                var id = raw.sqlite3_column_int64(_statement, 0);
                rc = raw.sqlite3_step(_statement);
                if (rc != raw.SQLITE_DONE)
                {
                    throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_db));
                }

                return id;
            }
            finally
            {
                raw.sqlite3_reset(_statement);
                raw.sqlite3_clear_bindings(_statement);
            }
        }

        public void Dispose() => _statement.Dispose();

        private void Bind(int index, string? value) =>
            SqliteException.ThrowExceptionForRC(value == null ? raw.sqlite3_bind_null(_statement, index) : raw.sqlite3_bind_text(_statement, index, value), _db);
    }
}
