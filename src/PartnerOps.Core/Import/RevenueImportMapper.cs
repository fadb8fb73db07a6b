using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PartnerOps.Data;

namespace PartnerOps.Import
{
    /// <summary>
    /// A row of revenue (PartnerName, Date, Amount, Currency, Segment, Region, Reference, Attribution) validated and
    /// normalised as Add-PartnerRevenue does: an empty PartnerName is direct revenue (which needs a Region),
    /// Currency defaults to the database's, Segment to Enterprise, Attribution to Fulfilled for a partner's row (direct revenue has
    /// none: a name given for it fails the row, issue 19), Region to the partner's (in SQL, see
    /// <see cref="RevenueImportTarget"/>). Whether the partner exists is the target's question.
    /// </summary>
    internal sealed class RevenueImportMapper : IImportMapper
    {
        /// <summary>
        /// Parameter order; <see cref="RevenueImportTarget"/>'s SQL numbers them ?1..?11 (?1 the partner's name key, ?10 its name,
        /// ?11 the attribution's name, null for direct revenue and for a row that gives none: the target then applies Fulfilled, or
        /// with Upsert keeps the stored record's).
        /// </summary>
        public const int ParameterCount = 11;

        private const int PartnerNameColumn = 0;
        private const int DateColumn = 1;
        private const int AmountColumn = 2;
        private const int CurrencyColumn = 3;
        private const int SegmentColumn = 4;
        private const int RegionColumn = 5;
        private const int ReferenceColumn = 6;
        private const int AttributionColumn = 7;

        private static readonly string[] ColumnNames = { "PartnerName", "Date", "Amount", "Currency", "Segment", "Region", "Reference", "Attribution" };
        private static readonly int[] Required = { PartnerNameColumn, DateColumn, AmountColumn };
        private static readonly string[] Optional = { "Currency", "Segment", "Region", "Reference", "Attribution" };

        // What Get-PartnerRevenue | Export-Csv writes besides the columns read (Database is every import's: ImportHeader.OwnColumns).
        private static readonly string[] Ignored = { "Id", "PartnerId", "Channel", "Year", "Quarter", "Month" };

        private readonly int[] _bound = new int[ColumnNames.Length];
        private readonly ValueText _values;
        private string _reportingCurrency = PartnerDatabases.DefaultCurrency;

        /// <param name="culture">-Culture, or null for the culture of the calling thread (the session's).</param>
        public RevenueImportMapper(CultureInfo? culture)
        {
            _values = ValueText.For(culture);
        }

        public IReadOnlyList<string> Columns => ColumnNames;

        public IReadOnlyList<string> OptionalColumns => Optional;

        public IReadOnlyList<string> IgnoredColumns => Ignored;

        public string? CanonicalColumn(string column) =>
            ColumnNames.FirstOrDefault(c => string.Equals(c, column.Trim(), StringComparison.OrdinalIgnoreCase));

        public void Prepare(IPartnerDatabase store) => _reportingCurrency = store.Currency;

        public void Bind(IReadOnlyList<string> columns, string path)
        {
            for (var i = 0; i < _bound.Length; i++)
            {
                _bound[i] = -1;
                for (var c = 0; c < columns.Count; c++)
                {
                    if (string.Equals(columns[c]?.Trim(), ColumnNames[i], StringComparison.OrdinalIgnoreCase))
                    {
                        _bound[i] = c;
                        break;
                    }
                }
            }

            var missing = Required.Where(r => _bound[r] < 0).Select(r => ColumnNames[r]).ToList();
            if (missing.Count > 0)
            {
                throw new PartnerOpsException(
                    ErrorIds.ImportHeaderInvalid,
                    FailureKind.InvalidData,
                    $"'{path}' has no {string.Join(", ", missing)} column, so nothing was imported (PartnerName may be empty for direct revenue, but the column must be there). " +
                    ImportValues.ColumnsHint(columns),
                    path);
            }
        }

        public RowProblem? Map(ImportSource record, ImportChunk chunk)
        {
            string? name = null;
            var nameText = Get(record, PartnerNameColumn);
            if (!string.IsNullOrWhiteSpace(nameText))
            {
                try
                {
                    // Only looked up, never stored: matched through the name key as Add-PartnerRevenue matches it.
                    name = PartnerRules.NormalizeLookupName(nameText);
                }
                catch (PartnerOpsException ex)
                {
                    return new RowProblem(ColumnNames[PartnerNameColumn], Without(ex.Message, "Name"));
                }
            }

            var dateText = Get(record, DateColumn);
            if (string.IsNullOrWhiteSpace(dateText))
            {
                return new RowProblem(ColumnNames[DateColumn], "a revenue record needs a booking date (yyyy-MM-dd).");
            }

            if (!_values.TryReadDate(dateText!, out var date))
            {
                return new RowProblem(ColumnNames[DateColumn], _values.NotADate(dateText!) + ".");
            }

            var currencyText = Get(record, CurrencyColumn);
            var currency = string.IsNullOrWhiteSpace(currencyText) ? _reportingCurrency : CurrencyCodes.Normalize(currencyText);
            if (currency == null)
            {
                return new RowProblem(ColumnNames[CurrencyColumn], CurrencyCodes.Invalid(currencyText).Message);
            }

            var amountText = Get(record, AmountColumn);
            if (string.IsNullOrWhiteSpace(amountText))
            {
                return new RowProblem(ColumnNames[AmountColumn], "a revenue record needs an amount.");
            }

            // A JSON number is always the invariant form; text (a CSV cell, a JSON string) is read as the pipeline reads it.
            decimal amount;
            string? notANumber = null;
            if (_bound[AmountColumn] >= 0 && record.IsNumber(_bound[AmountColumn])
                ? !decimal.TryParse(amountText, NumberStyles.Float, CultureInfo.InvariantCulture, out amount)
                : !_values.TryReadDecimal(amountText!, out amount, out notANumber))
            {
                return new RowProblem(ColumnNames[AmountColumn], (notANumber ?? $"'{TextRules.Shown(amountText)}' is not a number") + ".");
            }

            long minor;
            string segment;
            string? region, reference;
            try
            {
                minor = RevenueRules.ToMinorUnits(amount, currency);
                date = RevenueRules.NormalizeDate(date);
            }
            catch (PartnerOpsException ex)
            {
                return new RowProblem(ex.ErrorId == ErrorIds.InvalidAmount ? ColumnNames[AmountColumn] : ColumnNames[DateColumn], ex.Message);
            }

            // A code is valid for bookings from its introduction to its withdrawal (HRK until 2023-01, VED from 2021-10).
            if (CurrencyCodes.ProblemOn(currency, date) is PartnerOpsException notInUse)
            {
                return new RowProblem(ColumnNames[CurrencyColumn], notInUse.Message);
            }

            try
            {
                segment = RevenueRules.NormalizeSegment(Get(record, SegmentColumn));
            }
            catch (PartnerOpsException ex)
            {
                return new RowProblem(ColumnNames[SegmentColumn], Without(ex.Message, "Segment"));
            }

            try
            {
                region = PartnerRules.NormalizeRegion(Get(record, RegionColumn), ErrorIds.InvalidRevenueValue);
            }
            catch (PartnerOpsException ex)
            {
                return new RowProblem(ColumnNames[RegionColumn], Without(ex.Message, "Region"));
            }

            if (name == null && region == null)
            {
                return new RowProblem(ColumnNames[RegionColumn], "direct revenue (an empty PartnerName) needs a region.");
            }

            try
            {
                reference = RevenueRules.NormalizeReference(Get(record, ReferenceColumn));
            }
            catch (PartnerOpsException ex)
            {
                return new RowProblem(ColumnNames[ReferenceColumn], Without(ex.Message, "Reference"));
            }

            chunk.AddText(name == null ? null : PartnerRules.NameKey(name));
            chunk.AddDate(date);
            chunk.AddInteger(minor);
            chunk.AddText(currency);
            chunk.AddText(segment);
            chunk.AddText(RevenueRules.Key(segment));
            chunk.AddText(region);
            chunk.AddText(RevenueRules.Key(region));
            RevenueAttribution? attribution;
            try
            {
                attribution = RevenueRules.NormalizeAttribution(AttributionText(record), direct: name == null);
            }
            catch (PartnerOpsException ex)
            {
                return new RowProblem(ColumnNames[AttributionColumn], Without(ex.Message, "Attribution"));
            }

            chunk.AddText(reference);
            chunk.AddText(name);
            // A partner's row that gives none: null here, the default (or, with Upsert, the stored one) is the target's (issue 19).
            chunk.AddText(string.IsNullOrWhiteSpace(Get(record, AttributionColumn)) ? null : attribution?.ToString());
            return null;
        }

        // The Attribution cell as a name: a JSON number (ConvertTo-Json writes an enum as its number) is the name of the
        // attribution with that number, as the partner import reads Type, Tier and Status; text is passed on as it is.
        private string? AttributionText(ImportSource record)
        {
            var text = Get(record, AttributionColumn);
            if (text != null && record.IsNumber(_bound[AttributionColumn])
                && int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                && Enum.IsDefined(typeof(RevenueAttribution), number))
            {
                return ((RevenueAttribution)number).ToString();
            }

            return text;
        }

        private string? Get(ImportSource record, int column)
        {
            var index = _bound[column];
            return index < 0 ? null : record[index];
        }

        private static string Without(string message, string property) =>
            message.StartsWith(property + " ", StringComparison.Ordinal) ? message.Substring(property.Length + 1) : message;
    }
}
