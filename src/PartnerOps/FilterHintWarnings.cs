using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PartnerOps.Data;

namespace PartnerOps.Commands
{
    /// <summary>
    /// The cmdlet side of <see cref="FilterHints"/>: one call per filter parameter, after the command's answer, writes a
    /// warning for each exact value that no row holds, naming the closest known values. The command then goes on as before
    /// (its answer is not changed). Cheap when nothing can be wrong: the database is asked only when an exact value was
    /// given and the answer was empty or the filter had several values.
    /// </summary>
    internal static class FilterHintWarnings
    {
        /// <param name="cmdlet">Where the warnings are written.</param>
        /// <param name="store">The database the command read.</param>
        /// <param name="filter">Which column the values filter.</param>
        /// <param name="values">The parameter's values as given (null when it was not given).</param>
        /// <param name="answerEmpty">Whether the command found nothing (no row, or a measure of 0 records / no target).</param>
        public static void Warn(Cmdlet cmdlet, IPartnerDatabase store, HintedFilter filter, IReadOnlyCollection<string>? values, bool answerEmpty)
        {
            if (values == null || values.Count == 0 || (!answerEmpty && values.Count < 2))
            {
                return;
            }

            IReadOnlyList<(string Value, string Message)> unknown;
            try
            {
                unknown = store.UnknownFilterValues(filter, values);
            }
            catch (PartnerOpsException ex)
            {
                // A hint is a courtesy: a failure to read it must not turn an answer into an error.
                cmdlet.WriteVerbose("The filter hint could not be read: " + ex.Message);
                return;
            }

            foreach (var (_, message) in unknown)
            {
                cmdlet.WriteWarning(message);
            }
        }

        /// <summary>Whether a sequence written to the pipeline was empty, counted as it streams.</summary>
        public static IEnumerable<T> Counted<T>(IEnumerable<T> rows, System.Action onRow) => rows.Select(row =>
        {
            onRow();
            return row;
        });
    }
}
