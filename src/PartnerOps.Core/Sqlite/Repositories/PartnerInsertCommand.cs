using System;
using PartnerOps.Data;
using PartnerOps.Sqlite.Native;

namespace PartnerOps.Sqlite
{
    /// <summary>
    /// The INSERT of <see cref="PartnerRepository.Add"/>, prepared once per repository on the connection's raw
    /// SQLite handle (as the bulk import's statements are) and run with new values for each partner. A pipelined
    /// Add-Partner inserts every item through one repository: compiling the statement anew for each (as a Dapper
    /// call does) was the largest part of an item's cost, and a prepared SqliteCommand still spent more in its
    /// reader and by-name binding than SQLite spent inserting (measured with dotnet-trace). The store finalizes the
    /// statement before its connection closes.
    /// </summary>
    internal sealed class PartnerInsertCommand
    {
        private readonly SqliteStatement _statement;

        public PartnerInsertCommand(SqliteDatabase store)
        {
            _statement = new SqliteStatement(
                store.Connection.Handle!,
                "INSERT INTO partners (name, name_key, type, tier, status, region, country, joined_on, ended_on, notes, created_at, updated_at, name_sort, " +
                StatusWrites.InsertColumns + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16) RETURNING id");
            store.Own(_statement);
        }

        /// <summary>Inserts a normalised and dated partner (<see cref="LifecycleRules.NormalizeNew"/>) in the store's current transaction; returns its id.</summary>
        public long Execute(Partner partner)
        {
            _statement.BindText(1, partner.Name);
            _statement.BindText(2, PartnerRules.NameKey(partner.Name));
            _statement.BindText(3, partner.Type.ToString());
            _statement.BindText(4, partner.Tier.ToString());
            _statement.BindText(5, partner.Status.ToString());
            _statement.BindText(6, partner.Region);
            _statement.BindText(7, partner.Country);
            _statement.BindText(8, PartnerRules.FormatDate(partner.JoinedOn));
            _statement.BindText(9, partner.EndedOn is DateTime ended ? PartnerRules.FormatDate(ended) : null);
            _statement.BindText(10, partner.Notes);
            _statement.BindText(11, PartnerRules.FormatTimestamp(partner.CreatedAt));
            _statement.BindText(12, PartnerRules.FormatTimestamp(partner.UpdatedAt));
            _statement.BindText(13, PartnerRules.NameSortKey(partner.Name));
            _statement.BindText(14, PartnerRules.FormatDate(partner.StatusSince));
            _statement.BindText(15, PartnerRules.FormatDate(partner.TierSince));
            _statement.BindText(16, partner.EndReason);
            return _statement.ExecuteReturningId();
        }
    }
}
