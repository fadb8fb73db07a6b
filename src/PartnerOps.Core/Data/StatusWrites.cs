using System;
using System.Globalization;
using Dapper;

namespace PartnerOps.Data
{
    /// <summary>
    /// The SQL of writing dated Status and Tier changes, the same text on every backend (SQLite and PostgreSQL): what a partner
    /// UPDATE sets besides its values, and the move of a termination's date. The rows of status_changes themselves are written
    /// by the partners table's triggers from status_since, tier_since and status_reason; the dates are decided by
    /// <see cref="LifecycleRules"/>. Parameters are named as <see cref="PartnerLookup.StoredValues"/> names them.
    /// </summary>
    internal static class StatusWrites
    {
        /// <summary>The columns a partner INSERT fills besides its values, and their parameters (dates yyyy-MM-dd).</summary>
        public const string InsertColumns = "status_since, tier_since, status_reason";

        /// <summary>The parameters of <see cref="InsertColumns"/>, in their order.</summary>
        public const string InsertValues = "@StatusSince, @TierSince, @Reason";

        /// <summary>
        /// The assignments a partner UPDATE adds: the since-dates as decided, and the reason when the Status changes or its reason
        /// is corrected (@CorrectReason 1: <see cref="LifecycleRules.CorrectsReason"/>); SET sees the row as it was, so a Status
        /// that stays otherwise keeps its reason. Parameters: <see cref="UpdateParameters"/>.
        /// </summary>
        public const string UpdateSet =
            "status_since = @StatusSince, tier_since = @TierSince, status_reason = CASE WHEN status = @Status AND @CorrectReason = 0 THEN status_reason ELSE @Reason END";

        /// <summary>The reason of the partner's latest Status change (its current Status) set to @Reason: a corrected reason.</summary>
        public const string CorrectLatestReason =
            "UPDATE status_changes SET reason = @Reason WHERE id = (SELECT id " + LatestStatusOrder + " LIMIT 1)";

        /// <summary>
        /// The reason of the partner's latest Tier change (the one the UPDATE's trigger just recorded: changes are dated in order)
        /// set to @Reason: a Tier change's reason (<see cref="PartnerChanges.TierReason"/>), which the triggers do not know.
        /// </summary>
        public const string LatestTierReason =
            "UPDATE status_changes SET reason = @Reason WHERE id = (SELECT id FROM status_changes WHERE partner_id = @Id AND attribute = 'Tier' " +
            "ORDER BY effective_on DESC, id DESC LIMIT 1)";

        /// <summary>The day of the partner's first dated Status or Tier change (yyyy-MM-dd), or none.</summary>
        public const string FirstChangeDate = "SELECT min(effective_on) FROM status_changes WHERE partner_id = @Id";

        /// <summary>
        /// The parameters of a partner UPDATE with <see cref="UpdateSet"/>: <see cref="PartnerLookup.StoredValues"/> of
        /// <paramref name="updated"/> with the reason of <paramref name="changes"/>, and CorrectReason (1 when the reason of the
        /// Status the partner keeps is corrected, else 0).
        /// </summary>
        public static DynamicParameters UpdateParameters(Partner current, Partner updated, PartnerChanges changes)
        {
            var parameters = new DynamicParameters(PartnerLookup.StoredValues(updated, LifecycleRules.ReasonOf(changes)));
            parameters.Add("CorrectReason", LifecycleRules.CorrectsReason(current, updated, changes) ? 1 : 0);
            return parameters;
        }

        /// <summary>
        /// The checks and writes of dated changes that read status_changes, run after a partner's UPDATE in the caller's
        /// transaction (savepoint), which undoes the UPDATE when one fails: a new JoinedOn after the partner's first dated change
        /// (InvalidPartnerValue, <see cref="LifecycleRules.JoinedBefore"/>); a corrected reason written into the current Status
        /// change's row; a Tier change's reason written into its row; a moved termination (<see cref="MoveEnd"/>).
        /// </summary>
        /// <param name="scalar">Runs a query with parameters and returns its first column's text (or null).</param>
        /// <param name="execute">Runs a statement with parameters.</param>
        public static void AfterUpdate(Partner current, Partner updated, PartnerChanges changes, Func<string, object, string?> scalar, Action<string, object> execute)
        {
            if (changes.JoinedOn != null && updated.JoinedOn.Date > current.JoinedOn.Date
                && scalar(FirstChangeDate, new { updated.Id }) is string first)
            {
                LifecycleRules.JoinedBefore(DateTime.ParseExact(first, "yyyy-MM-dd", CultureInfo.InvariantCulture), "first dated Status or Tier change", updated.JoinedOn);
            }

            if (LifecycleRules.CorrectsReason(current, updated, changes))
            {
                execute(CorrectLatestReason, new { updated.Id, Reason = LifecycleRules.ReasonOf(changes) });
            }

            if (updated.Tier != current.Tier && LifecycleRules.TierReasonOf(changes) is string tierReason)
            {
                execute(LatestTierReason, new { updated.Id, Reason = tierReason });
            }

            MoveEnd(current, updated, scalar, execute);
        }

        // The partner's Status rows, latest first (the order of status_changes_partner, read backwards).
        private const string LatestStatus = LatestStatusOrder;

        private const string LatestStatusOrder =
            "FROM status_changes WHERE partner_id = @Id AND attribute = 'Status' ORDER BY effective_on DESC, id DESC";

        /// <summary>The day the Status change before the partner's latest one took effect (yyyy-MM-dd), or none.</summary>
        public const string PreviousStatusDate = "SELECT effective_on " + LatestStatus + " LIMIT 1 OFFSET 1";

        /// <summary>Moves the partner's latest Status change to @StatusSince when it is the termination.</summary>
        public const string MoveTermination =
            "UPDATE status_changes SET effective_on = @StatusSince WHERE id = (SELECT id " + LatestStatus + " LIMIT 1) AND to_value = 'Terminated'";

        /// <summary>The reasons stored with Status changes, each once, for -Reason's tab completion.</summary>
        public const string Reasons = "SELECT DISTINCT reason FROM status_changes WHERE reason IS NOT NULL";

        /// <summary>
        /// After the UPDATE of a partner that was and stays Terminated while its EndedOn moved (<paramref name="updated"/>'s
        /// StatusSince is then the new EndedOn): moves its termination's row with it, so there is one end date in one place.
        /// InvalidPartnerValue when the new day is before the Status change before the termination (changes are kept in date
        /// order); the caller's transaction (savepoint) then undoes the UPDATE. Nothing is done for any other change.
        /// </summary>
        /// <param name="scalar">Runs a query with parameters and returns its first column's text (or null).</param>
        /// <param name="execute">Runs a statement with parameters.</param>
        public static void MoveEnd(Partner current, Partner updated, Func<string, object, string?> scalar, Action<string, object> execute)
        {
            if (current.Status != PartnerStatus.Terminated || updated.Status != PartnerStatus.Terminated || updated.StatusSince.Date == current.StatusSince.Date)
            {
                return;
            }

            var parameters = new { updated.Id, StatusSince = PartnerRules.FormatDate(updated.StatusSince) };
            if (scalar(PreviousStatusDate, parameters) is string previous && string.CompareOrdinal(parameters.StatusSince, previous) < 0)
            {
                throw new PartnerOpsException(
                    ErrorIds.InvalidPartnerValue,
                    FailureKind.InvalidArgument,
                    $"EndedOn '{parameters.StatusSince}' is not valid: the partner's Status changed on {previous}, before it was terminated, and changes are " +
                    $"recorded in date order: the termination (EndedOn) cannot be before {previous}.",
                    updated.EndedOn);
            }

            execute(MoveTermination, parameters);
        }
    }
}
