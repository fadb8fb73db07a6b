using System;

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
        /// The assignments a partner UPDATE adds: the since-dates as decided, and the reason when the Status changes (SET sees the
        /// row as it was, so a Status that stays keeps its reason).
        /// </summary>
        public const string UpdateSet =
            "status_since = @StatusSince, tier_since = @TierSince, status_reason = CASE WHEN status = @Status THEN status_reason ELSE @Reason END";

        // The partner's Status rows, latest first (the order of status_changes_partner, read backwards).
        private const string LatestStatus =
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
