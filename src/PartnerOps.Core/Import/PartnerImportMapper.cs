using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using PartnerOps.Data;

namespace PartnerOps.Import
{
    /// <summary>
    /// A row of Partner properties (Name or PartnerName, Type, Tier, Status, Region, Country, JoinedOn,
    /// EndedOn, Notes, StatusDate or StatusSince, TierDate or TierSince, EndReason) validated, normalised and dated by
    /// <see cref="LifecycleRules.NormalizeNew"/> as Add-Partner does; an empty cell is a value not given. Id, CreatedAt,
    /// UpdatedAt, ActivatedOn and Database (Export-Csv's) are ignored; other columns are ignored with a warning
    /// (<see cref="ImportHeader.UnknownWarning"/>).
    /// </summary>
    internal sealed class PartnerImportMapper : IImportMapper
    {
        /// <summary>
        /// Parameter order; <see cref="PartnerImportTarget"/>'s SQL numbers them ?1..?16: name, name key, type, tier, status, region,
        /// country, joined_on, ended_on, notes, status_since and tier_since of a new partner (yyyy-MM-dd), status_reason, the days an
        /// Upsert's change of Status (<see cref="StatusChangeParameter"/>) and of Tier take effect when the row gives them (its
        /// StatusDate; TierDate, else StatusDate; a Terminated row's EndedOn) or NULL, and today (an undated change takes effect
        /// today, or on the since-date it follows when that is later, as Set-Partner's).
        /// </summary>
        public const int ParameterCount = 16;

        /// <summary>The parameter (0-based) of the day an Upsert's Status change takes effect; the Tier's is the next.</summary>
        public const int StatusChangeParameter = 13;

        private const int NameColumn = 0;
        private const int TypeColumn = 1;
        private const int TierColumn = 2;
        private const int StatusColumn = 3;
        private const int RegionColumn = 4;
        private const int CountryColumn = 5;
        private const int JoinedOnColumn = 6;
        private const int EndedOnColumn = 7;
        private const int NotesColumn = 8;
        private const int StatusDateColumn = 9;
        private const int TierDateColumn = 10;
        private const int EndReasonColumn = 11;
        private const string PartnerNameAlias = "PartnerName";

        private static readonly string[] ColumnNames =
            { "Name", "Type", "Tier", "Status", "Region", "Country", "JoinedOn", "EndedOn", "Notes", "StatusDate", "TierDate", "EndReason" };

        // The columns named in the unknown-column warning's hint and given back in a JSON file's failed-row file: those of the
        // releases before dated statuses (the lifecycle columns are read, not listed there; their messages and tests stay as they were).
        private static readonly string[] Listed = { "Name", "Type", "Tier", "Status", "Region", "Country", "JoinedOn", "EndedOn", "Notes" };
        private static readonly string[] Optional = { "Type", "Tier", "Status", "Region", "Country", "JoinedOn", "EndedOn", "Notes" };

        // Other names of columns (what Get-Partner | Export-Csv names them); not Reason, which is the failed-row file's own column.
        private static readonly string[] Aliases = { string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, "StatusSince", "TierSince", string.Empty };

        // What Get-Partner | Export-Csv writes besides the columns read (Database is every import's: ImportHeader.OwnColumns);
        // ActivatedOn is derived from revenue, like CreatedAt from the writes.
        private static readonly string[] Ignored = { "Id", "CreatedAt", "UpdatedAt", "ActivatedOn" };
        private static readonly EnumNames<PartnerType> Types = new EnumNames<PartnerType>();
        private static readonly EnumNames<PartnerTier> Tiers = new EnumNames<PartnerTier>();
        private static readonly EnumNames<PartnerStatus> Statuses = new EnumNames<PartnerStatus>();

        private readonly int[] _bound = new int[ColumnNames.Length];
        private readonly ValueText _values;
        private readonly DateTime _today;
        private readonly Partner _partner = new Partner();
        private int _partnerNameColumn = -1;

        /// <param name="culture">-Culture, or null for the culture of the calling thread (the session's).</param>
        public PartnerImportMapper(CultureInfo? culture, DateTime today)
        {
            _values = ValueText.For(culture);
            _today = today;
        }

        public IReadOnlyList<string> Columns => Listed;

        public IReadOnlyList<string> OptionalColumns => Optional;

        public IReadOnlyList<string> IgnoredColumns => Ignored;

        public string? CanonicalColumn(string column)
        {
            var name = column.Trim();
            if (string.Equals(name, PartnerNameAlias, StringComparison.OrdinalIgnoreCase))
            {
                return ColumnNames[NameColumn];
            }

            for (var i = 0; i < Aliases.Length; i++)
            {
                if (Aliases[i].Length > 0 && string.Equals(Aliases[i], name, StringComparison.OrdinalIgnoreCase))
                {
                    return ColumnNames[i];
                }
            }

            return ColumnNames.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
        }

        public void Prepare(IPartnerDatabase store)
        {
        }

        public void Bind(IReadOnlyList<string> columns, string path)
        {
            for (var i = 0; i < _bound.Length; i++)
            {
                _bound[i] = IndexOf(columns, ColumnNames[i]);
                if (_bound[i] < 0 && Aliases[i].Length > 0)
                {
                    _bound[i] = IndexOf(columns, Aliases[i]);
                }
            }

            _partnerNameColumn = IndexOf(columns, PartnerNameAlias);
            if (_bound[NameColumn] < 0 && _partnerNameColumn < 0)
            {
                throw new PartnerOpsException(
                    ErrorIds.ImportHeaderInvalid,
                    FailureKind.InvalidData,
                    $"'{path}' has no Name (or PartnerName) column, so nothing was imported. {ImportValues.ColumnsHint(columns)}",
                    path);
            }
        }

        [MethodImpl(Hot.Path)]
        public RowProblem? Map(ImportSource record, ImportChunk chunk)
        {
            var nameColumn = ColumnNames[NameColumn];
            var nameText = Get(record, NameColumn);
            if (string.IsNullOrWhiteSpace(nameText) && _partnerNameColumn >= 0)
            {
                nameColumn = PartnerNameAlias;
                nameText = record[_partnerNameColumn];
            }

            string name;
            string? region, country, notes;
            try
            {
                name = PartnerRules.NormalizeName(nameText);
            }
            catch (PartnerOpsException ex)
            {
                return Problem(nameColumn, ex, "Name");
            }

            if (!TryEnum(record, TypeColumn, Types, PartnerType.Other, out var type, out var problem)
                || !TryEnum(record, TierColumn, Tiers, PartnerTier.Registered, out var tier, out problem)
                || !TryEnum(record, StatusColumn, Statuses, PartnerStatus.Active, out var status, out problem)
                || !TryDate(record, JoinedOnColumn, out var joinedOn, out problem)
                || !TryDate(record, EndedOnColumn, out var endedOn, out problem)
                || !TryDate(record, StatusDateColumn, out var statusDate, out problem)
                || !TryDate(record, TierDateColumn, out var tierDate, out problem))
            {
                return problem;
            }

            try
            {
                region = PartnerRules.NormalizeRegion(Get(record, RegionColumn));
            }
            catch (PartnerOpsException ex)
            {
                return Problem(ColumnNames[RegionColumn], ex, "Region");
            }

            try
            {
                country = PartnerRules.NormalizeCountry(Get(record, CountryColumn));
            }
            catch (PartnerOpsException ex)
            {
                return Problem(ColumnNames[CountryColumn], ex, "Country");
            }

            try
            {
                notes = PartnerRules.NormalizeNotes(Get(record, NotesColumn));
            }
            catch (PartnerOpsException ex)
            {
                return Problem(ColumnNames[NotesColumn], ex, "Notes");
            }

            var partner = _partner;
            partner.Name = name;
            partner.Type = type;
            partner.Tier = tier;
            partner.Status = status;
            partner.Region = region;
            partner.Country = country;
            if (joinedOn is DateTime joined)
            {
                partner.JoinedOn = joined;
            }
            else
            {
                partner.ClearJoinedOn();
            }

            partner.EndedOn = endedOn;
            partner.Notes = notes;
            partner.StatusSince = statusDate ?? default;
            partner.TierSince = tierDate ?? default;
            partner.EndReason = Get(record, EndReasonColumn);
            try
            {
                // The same defaults, cross-checks and dates as Add-Partner (JoinedOn today, EndedOn for Terminated, StatusDate JoinedOn, ...).
                LifecycleRules.NormalizeNew(partner, _today);
            }
            catch (PartnerOpsException ex)
            {
                var column = ColumnOf(ex.Message);
                return Problem(column, ex, column);
            }

            chunk.AddText(partner.Name);
            chunk.AddText(PartnerRules.NameKey(partner.Name));
            chunk.AddUtf8(Types.Utf8(partner.Type));
            chunk.AddUtf8(Tiers.Utf8(partner.Tier));
            chunk.AddUtf8(Statuses.Utf8(partner.Status));
            chunk.AddText(partner.Region);
            chunk.AddText(partner.Country);
            chunk.AddDate(partner.JoinedOn);
            if (partner.EndedOn is DateTime ended)
            {
                chunk.AddDate(ended);
            }
            else
            {
                chunk.AddNull();
            }

            chunk.AddText(partner.Notes);
            chunk.AddDate(partner.StatusSince);
            chunk.AddDate(partner.TierSince);
            chunk.AddText(partner.EndReason);

            // An Upsert's change takes effect on the row's date, else (NULL) today; a termination on its EndedOn.
            var changedOn = partner.Status == PartnerStatus.Terminated ? partner.StatusSince : statusDate;
            AddDay(chunk, changedOn);
            AddDay(chunk, tierDate ?? changedOn);
            chunk.AddDate(_today);
            return null;
        }

        private static void AddDay(ImportChunk chunk, DateTime? day)
        {
            if (day is DateTime date)
            {
                chunk.AddDate(date);
            }
            else
            {
                chunk.AddNull();
            }
        }

        // The column a cross-check of LifecycleRules names first in its message (EndedOn when none does).
        private static string ColumnOf(string message)
        {
            foreach (var column in new[] { "StatusDate", "TierDate", "EndReason", "EndedOn" })
            {
                if (message.StartsWith(column + " ", StringComparison.Ordinal))
                {
                    return column;
                }
            }

            return ColumnNames[EndedOnColumn];
        }

        [MethodImpl(Hot.Path)]
        private string? Get(ImportSource record, int column)
        {
            var index = _bound[column];
            return index < 0 ? null : record[index];
        }

        [MethodImpl(Hot.Path)]
        private bool TryEnum<T>(ImportSource record, int column, EnumNames<T> names, T fallback, out T value, out RowProblem? problem)
            where T : struct, Enum
        {
            problem = null;
            var text = Get(record, column);
            if (string.IsNullOrWhiteSpace(text))
            {
                value = fallback;
                return true;
            }

            if (names.TryParse(text!, record.IsNumber(_bound[column]), out value))
            {
                return true;
            }

            problem = new RowProblem(ColumnNames[column], names.Invalid(text!, ColumnNames[column]));
            return false;
        }

        [MethodImpl(Hot.Path)]
        private bool TryDate(ImportSource record, int column, out DateTime? value, out RowProblem? problem)
        {
            problem = null;
            value = null;
            var text = Get(record, column);
            if (string.IsNullOrWhiteSpace(text))
            {
                return true;
            }

            if (_values.TryReadDate(text!, out var date))
            {
                try
                {
                    value = PartnerRules.CheckDate(date, ColumnNames[column]);
                    return true;
                }
                catch (PartnerOpsException ex)
                {
                    problem = Problem(ColumnNames[column], ex, ColumnNames[column]);
                    return false;
                }
            }

            problem = new RowProblem(ColumnNames[column], _values.NotADate(text!) + ".");
            return false;
        }

        /// <summary>PartnerRules' message without its leading property name: the column already says it.</summary>
        private static RowProblem Problem(string column, PartnerOpsException ex, string property)
        {
            var message = ex.Message;
            if (message.StartsWith(property + " ", StringComparison.Ordinal))
            {
                message = message.Substring(property.Length + 1);
            }

            return new RowProblem(column, message);
        }

        private static int IndexOf(IReadOnlyList<string> columns, string name)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                if (string.Equals(columns[i]?.Trim(), name, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
