using System;
using System.Linq;
using Microsoft.Data.Sqlite;

namespace PartnerOps.Storage
{
    /// <summary>
    /// The INSERT of <see cref="PartnerRepository.Add"/>, prepared once per repository and run with new
    /// values for each partner. A pipelined Add-Partner inserts every item through one repository, and
    /// compiling the statement anew for each (as a Dapper call does) was measured as the largest part of
    /// an item's cost. The connection disposes the statement when it closes.
    /// </summary>
    internal sealed class PartnerInsertCommand
    {
        private readonly PartnerStore _store;
        private readonly SqliteCommand _command;
        private readonly SqliteParameter[] _values;

        public PartnerInsertCommand(PartnerStore store)
        {
            _store = store;
            _command = store.Connection.CreateCommand();
            _command.CommandText =
                "INSERT INTO partners (name, name_key, type, tier, status, region, country, joined_on, ended_on, notes, created_at, updated_at) " +
                "VALUES (@Name, @Key, @Type, @Tier, @Status, @Region, @Country, @JoinedOn, @EndedOn, @Notes, @CreatedAt, @UpdatedAt) RETURNING id";
            _values = new[] { "@Name", "@Key", "@Type", "@Tier", "@Status", "@Region", "@Country", "@JoinedOn", "@EndedOn", "@Notes", "@CreatedAt", "@UpdatedAt" }
                .Select(name => _command.Parameters.Add(name, SqliteType.Text))
                .ToArray();
        }

        /// <summary>Inserts a normalised partner in the store's current transaction; returns its id.</summary>
        public long Execute(Partner partner)
        {
            _command.Transaction = _store.Transaction;
            Set(0, partner.Name);
            Set(1, PartnerRules.NameKey(partner.Name));
            Set(2, partner.Type.ToString());
            Set(3, partner.Tier.ToString());
            Set(4, partner.Status.ToString());
            Set(5, partner.Region);
            Set(6, partner.Country);
            Set(7, PartnerRules.FormatDate(partner.JoinedOn));
            Set(8, partner.EndedOn is DateTime ended ? PartnerRules.FormatDate(ended) : null);
            Set(9, partner.Notes);
            Set(10, PartnerRules.FormatTimestamp(partner.CreatedAt));
            Set(11, PartnerRules.FormatTimestamp(partner.UpdatedAt));
            return (long)_command.ExecuteScalar()!;
        }

        private void Set(int index, string? value) => _values[index].Value = (object?)value ?? DBNull.Value;
    }
}
