using System.Collections.Generic;
using PartnerOps.Data;

namespace PartnerOps.Import
{
    /// <summary>
    /// Turns a record into an entity's SQL parameters, validating and normalising as the entity's Add- cmdlet
    /// does. One mapper per entity (partners now, revenue later); it runs on the reading thread.
    /// </summary>
    internal interface IImportMapper
    {
        /// <summary>The columns the mapper reads, by their canonical names (the failed-row file's columns for JSON).</summary>
        IReadOnlyList<string> Columns { get; }

        /// <summary>The columns the mapper reads that a file may leave out, for the unknown-column warning.</summary>
        IReadOnlyList<string> OptionalColumns { get; }

        /// <summary>
        /// Columns the mapper knows and ignores on purpose: those Export-Csv writes for the entity's objects
        /// (Id, CreatedAt, ...), so that re-importing an export gives no unknown-column warning.
        /// </summary>
        IReadOnlyList<string> IgnoredColumns { get; }

        /// <summary>The canonical name of a column (an alias gives the name it stands for), or null when the mapper does not read it.</summary>
        string? CanonicalColumn(string column);

        /// <summary>Reads what the mapping needs from the database (such as its reporting currency), before the writing starts.</summary>
        void Prepare(IPartnerDatabase store);

        /// <summary>Finds the columns in a source's columns; a missing required column is ImportHeaderInvalid.</summary>
        void Bind(IReadOnlyList<string> columns, string path);

        /// <summary>
        /// Adds the current record's parameters to the chunk's row, or returns what is wrong with it
        /// (the engine then drops the row's partial parameters).
        /// </summary>
        RowProblem? Map(ImportSource record, ImportChunk chunk);
    }

    /// <summary>Why a row cannot be written: the column at fault (null for the whole row) and the reason, naming the value.</summary>
    internal sealed class RowProblem
    {
        public RowProblem(string? column, string reason)
        {
            Column = column;
            Reason = reason;
        }

        public string? Column { get; }

        public string Reason { get; }
    }
}
