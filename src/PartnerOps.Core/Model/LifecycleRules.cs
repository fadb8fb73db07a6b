using System;
using System.Globalization;
using PartnerOps.Data;

namespace PartnerOps
{
    /// <summary>
    /// The rules of dated Status and Tier changes (issue 17), shared by every way a partner is written: the dates of
    /// a new partner's first Status and Tier (Add-Partner, Import-Partner) and of a change (Set-Partner -EffectiveDate, an
    /// Import-Partner -Mode Upsert row), and the reason a Status change may carry. Dates are date-only calendar days (kind
    /// Unspecified, years <see cref="PartnerRules.MinYear"/> to <see cref="PartnerRules.MaxYear"/>); every refusal is
    /// InvalidPartnerValue naming the value and the problem. The triggers of the partners table record the rows these dates
    /// and reasons go into (status_changes); this class only decides them.
    /// </summary>
    public static class LifecycleRules
    {
        /// <summary>The longest reason of a Status change (Set-Partner -Reason, Add-Partner -EndReason), in characters, after trimming.</summary>
        public const int MaxReasonLength = 200;

        /// <summary>
        /// A reason trimmed, or null when null, empty or white space. InvalidPartnerValue (naming <paramref name="property"/>) when it
        /// holds a control character or a line break (one line of visible text, <see cref="TextRules.Problem"/>) or has more than
        /// <see cref="MaxReasonLength"/> characters.
        /// </summary>
        public static string? NormalizeReason(string? reason, string property = "Reason")
        {
            var trimmed = reason?.Trim();
            if (string.IsNullOrEmpty(trimmed))
            {
                return null;
            }

            if (TextRules.Problem(trimmed!) is string problem)
            {
                throw PartnerRules.Invalid(property, reason, problem);
            }

            if (trimmed!.Length > MaxReasonLength)
            {
                throw PartnerRules.Invalid(property, reason, $"a reason has at most {MaxReasonLength} characters (this one has {trimmed.Length})");
            }

            return trimmed;
        }

        /// <summary>
        /// Brings a new partner to its stored form (<see cref="PartnerRules.Normalize"/>) and dates its first Status and Tier. A draft's
        /// <see cref="Partner.StatusSince"/> and <see cref="Partner.TierSince"/> are the inputs StatusDate and TierDate: 0001-01-01
        /// (default) means not given. StatusDate defaults to JoinedOn; for a Terminated partner it is its EndedOn (either gives the
        /// other; both given must be the same day). TierDate defaults to the StatusDate given, else JoinedOn; for a Terminated partner
        /// to JoinedOn. Neither may be before JoinedOn (a partner has no status before it joined), nor after today unless it is
        /// JoinedOn (a partner that joins on a future day), or for a Terminated partner's StatusDate its EndedOn (a scheduled end). <see cref="Partner.EndReason"/> is trimmed and allowed only with Status
        /// Terminated. ActivatedOn is derived (the first revenue's date), never written: it is set to null.
        /// </summary>
        /// <param name="today">The local calendar day, the default of JoinedOn (and of EndedOn for a Terminated partner).</param>
        public static void NormalizeNew(Partner draft, DateTime today)
        {
            var statusDate = GivenDate(draft.StatusSince, "StatusDate");
            var tierDate = GivenDate(draft.TierSince, "TierDate");
            draft.EndReason = NormalizeReason(draft.EndReason, "EndReason");
            draft.ActivatedOn = null;
            if (draft.EndReason != null && draft.Status != PartnerStatus.Terminated)
            {
                throw PartnerRules.Invalid("EndReason", draft.EndReason, $"an end reason goes only with Status Terminated (this partner's Status is {draft.Status})");
            }

            if (draft.Status == PartnerStatus.Terminated && draft.EndedOn == null && statusDate != null)
            {
                draft.EndedOn = statusDate; // the day of the termination is the end of the relationship
            }

            if (draft.HasJoinedOn)
            {
                // Checked before PartnerRules.Normalize, so that a StatusDate before JoinedOn is named as itself (not as the EndedOn it gave).
                NotBeforeJoined(statusDate, "StatusDate", draft.JoinedOn);
            }

            PartnerRules.Normalize(draft, today);
            NotBeforeJoined(statusDate, "StatusDate", draft.JoinedOn);
            NotBeforeJoined(tierDate, "TierDate", draft.JoinedOn);
            NotAfterToday(statusDate, "StatusDate", today, draft.JoinedOn, draft.Status == PartnerStatus.Terminated ? draft.EndedOn : null);
            NotAfterToday(tierDate, "TierDate", today, draft.JoinedOn, null);
            if (draft.Status == PartnerStatus.Terminated)
            {
                var ended = draft.EndedOn!.Value;
                if (statusDate is DateTime given && given != ended)
                {
                    throw PartnerRules.Invalid(
                        "StatusDate",
                        PartnerRules.FormatDate(given),
                        $"a Terminated partner's StatusDate is the day it ended, its EndedOn ({PartnerRules.FormatDate(ended)}); give one of them, or the same day in both");
                }

                draft.StatusSince = ended;
            }
            else
            {
                draft.StatusSince = statusDate ?? draft.JoinedOn;
            }

            // A Terminated partner had its Tier while it was a partner: from JoinedOn, not from its end.
            draft.TierSince = tierDate ?? (draft.Status == PartnerStatus.Terminated ? null : statusDate) ?? draft.JoinedOn;
        }

        /// <summary>
        /// Brings a changed partner (<paramref name="next"/>, made by <see cref="PartnerChanges.ApplyTo"/> from
        /// <paramref name="current"/>) to its stored form (<see cref="PartnerRules.Normalize"/>) and dates its Status and Tier:
        /// each that changes takes effect on the change's date: <see cref="PartnerChanges.EffectiveDate"/>; else, for a change to
        /// Terminated, -EndedOn or the EndedOn stored; else today, or the attribute's current since-date when that is later (a
        /// partner that joins in the future). A change to Terminated ends the relationship that day (EndedOn). An unchanged
        /// attribute keeps its since-date, except that a Terminated partner whose EndedOn moves moves its StatusSince with it
        /// (one end date). InvalidPartnerValue: -EffectiveDate outside 1900-2999, or given without -Status or -Tier;
        /// -Reason given without -Status (a TierReason without a Tier), too long or not one line; -EndedOn and -EffectiveDate both dating a termination
        /// with different days; a change dated before the attribute's current since-date (changes are recorded in date order).
        /// </summary>
        /// <param name="today">The local calendar day.</param>
        /// <param name="keepName">Leave the name as stored (<see cref="PartnerRules.Normalize"/>).</param>
        public static void NormalizeChange(Partner current, Partner next, PartnerChanges changes, DateTime today, bool keepName)
        {
            var effective = changes.EffectiveDate is DateTime given ? PartnerRules.CheckDate(given, "EffectiveDate") : null;
            if (effective is DateTime late && late > today.Date)
            {
                throw PartnerRules.Invalid(
                    "EffectiveDate",
                    PartnerRules.FormatDate(late),
                    $"a change cannot be dated after today ({PartnerRules.FormatDate(today)}): once recorded, no change could be dated before it");
            }

            if (effective is DateTime day && changes.Status == null && changes.Tier == null)
            {
                throw PartnerRules.Invalid("EffectiveDate", PartnerRules.FormatDate(day), "it dates a change of Status or Tier; give -Status or -Tier with it");
            }

            var reason = NormalizeReason(changes.Reason);
            if (reason != null && changes.Status == null)
            {
                throw PartnerRules.Invalid("Reason", reason, "a reason goes with a change of Status; give -Status with it");
            }

            var tierReason = TierReasonOf(changes);
            if (tierReason != null && changes.Tier == null)
            {
                throw PartnerRules.Invalid("TierReason", tierReason, "a tier reason goes with a change of Tier; give the Tier with it");
            }

            var statusChanged = next.Status != current.Status;
            var tierChanged = next.Tier != current.Tier;
            var ending = statusChanged && next.Status == PartnerStatus.Terminated;
            var endGiven = changes.EndedOnSet ? changes.EndedOn?.Date : null;
            if (ending)
            {
                if (effective is DateTime on && endGiven is DateTime end && end != on)
                {
                    throw PartnerRules.Invalid(
                        "EndedOn",
                        PartnerRules.FormatDate(end),
                        $"-EndedOn and -EffectiveDate ({PartnerRules.FormatDate(on)}) both date the termination, with different days; give one of them, or the same day in both");
                }

                // The day it ends: as given, else the EndedOn stored, else the default below (today, not before JoinedOn or StatusSince).
                next.EndedOn = effective ?? endGiven ?? (changes.EndedOnSet ? null : current.EndedOn)
                    ?? Latest(Latest(today, next.JoinedOn), current.StatusSince);
                effective ??= next.EndedOn;
            }

            if (!statusChanged && next.Status == PartnerStatus.Terminated && changes.EndedOnSet && changes.EndedOn == null)
            {
                throw PartnerRules.Invalid(
                    "EndedOn",
                    string.Empty,
                    $"the partner stays Terminated, and a Terminated partner has an end date ({PartnerRules.FormatDate(current.EndedOn ?? current.StatusSince)}); " +
                    "to reopen the relationship give another -Status; to move the end give the new -EndedOn");
            }

            PartnerRules.Normalize(next, today, keepName);
            if (statusChanged)
            {
                var date = ending ? next.EndedOn!.Value : effective ?? Latest(today, current.StatusSince);
                InOrder(current, "Status", current.Status.ToString(), current.StatusSince, date, ending && changes.EffectiveDate == null ? "EndedOn" : "EffectiveDate");
                next.StatusSince = date;
                next.EndReason = next.Status == PartnerStatus.Terminated ? reason : null;
            }
            else if (next.Status == PartnerStatus.Terminated && next.EndedOn is DateTime ended && ended != current.EndedOn?.Date)
            {
                next.StatusSince = ended; // the termination moves with the end of the relationship
            }

            if (tierChanged)
            {
                var date = effective ?? Latest(today, current.TierSince);
                InOrder(current, "Tier", current.Tier.ToString(), current.TierSince, date, "EffectiveDate");
                next.TierSince = date;
            }

            if (changes.JoinedOn != null)
            {
                JoinedBefore(next.StatusSince, $"Status ({next.Status})", next.JoinedOn);
                JoinedBefore(next.TierSince, $"Tier ({next.Tier})", next.JoinedOn);
            }

            if (CorrectsReason(current, next, changes))
            {
                next.EndReason = next.Status == PartnerStatus.Terminated ? reason : null;
            }
        }

        /// <summary>
        /// True when <paramref name="changes"/> give a reason (-Reason) with the Status the partner already has: a correction of the
        /// reason of its current Status change (status_reason and that status_changes row), written though no other value changes.
        /// False when the partner is Terminated and its EndReason is already that reason.
        /// </summary>
        public static bool CorrectsReason(Partner current, Partner next, PartnerChanges changes) =>
            changes.Status != null && next.Status == current.Status && ReasonOf(changes) is string reason
            && !(current.Status == PartnerStatus.Terminated && string.Equals(current.EndReason, reason, StringComparison.Ordinal));

        /// <summary>
        /// InvalidPartnerValue when a new JoinedOn is after <paramref name="since"/>, the day of <paramref name="what"/> (a Status or
        /// Tier, or the partner's first dated change): a partner has no status or tier before it joined (as Add-Partner refuses).
        /// </summary>
        public static void JoinedBefore(DateTime since, string what, DateTime joinedOn)
        {
            if (joinedOn.Date > since.Date)
            {
                throw PartnerRules.Invalid(
                    "JoinedOn",
                    PartnerRules.FormatDate(joinedOn),
                    $"the partner's {what} dates from {PartnerRules.FormatDate(since)}, and a partner has no status or tier before it joined: " +
                    $"JoinedOn must be on or before {PartnerRules.FormatDate(since)}");
            }
        }

        /// <summary>The reason stored with a change: <see cref="PartnerChanges.Reason"/> normalised (<see cref="NormalizeReason"/>), null for none.</summary>
        public static string? ReasonOf(PartnerChanges changes) => NormalizeReason(changes.Reason);

        /// <summary>The reason stored with a Tier change: <see cref="PartnerChanges.TierReason"/> normalised (<see cref="NormalizeReason"/>), null for none.</summary>
        public static string? TierReasonOf(PartnerChanges changes) => NormalizeReason(changes.TierReason, "TierReason");

        // A change may not take effect before the value it replaces did; the refusal names the partner (one of many piped).
        private static void InOrder(Partner current, string attribute, string value, DateTime since, DateTime date, string property)
        {
            if (date < since.Date)
            {
                throw OutOfOrder(property, attribute, value, since, date, $"partner '{TextRules.Shown(current.Name)}' (Id {current.Id})");
            }
        }

        /// <summary>
        /// The InvalidPartnerValue of a change of <paramref name="attribute"/> (Status or Tier, whose value <paramref name="value"/>
        /// took effect on <paramref name="since"/>) dated <paramref name="date"/>, before it: changes are recorded in date order.
        /// Its message starts with <paramref name="property"/> (the input that gave the date) and names both days, and the partner
        /// when <paramref name="partner"/> is given (such as <c>partner 'Kestrel' (Id 1)</c>: one of many a command changes).
        /// </summary>
        public static PartnerOpsException OutOfOrder(string property, string attribute, string value, DateTime since, DateTime date, string? partner = null)
        {
            var problem = $"{attribute} has been {value} since {PartnerRules.FormatDate(since)}, and changes are recorded in date order: " +
                          $"a change of its {attribute} cannot take effect before {PartnerRules.FormatDate(since)}";
            if (partner == null)
            {
                return PartnerRules.Invalid(property, PartnerRules.FormatDate(date), "the partner's " + problem);
            }

            return new PartnerOpsException(
                ErrorIds.InvalidPartnerValue,
                FailureKind.InvalidArgument,
                $"{property} '{PartnerRules.FormatDate(date)}' is not valid for {partner}: its {problem}.",
                PartnerRules.FormatDate(date));
        }

        private static DateTime Latest(DateTime today, DateTime since) => since.Date > today.Date ? since.Date : today.Date;

        // A date input (StatusDate, TierDate): null when not given (0001-01-01, the default of a DateTime), else checked for its year.
        private static DateTime? GivenDate(DateTime value, string property) =>
            value == default ? (DateTime?)null : PartnerRules.CheckDate(value, property);

        private static void NotBeforeJoined(DateTime? date, string property, DateTime joinedOn)
        {
            if (date is DateTime day && day < joinedOn.Date)
            {
                throw PartnerRules.Invalid(
                    property,
                    PartnerRules.FormatDate(day),
                    $"a partner has no status or tier before it joined (JoinedOn {PartnerRules.FormatDate(joinedOn)}): the date must be on or after JoinedOn");
            }
        }

        // A StatusDate or TierDate after today is refused unless it is JoinedOn (a partner joining on a future day) or the EndedOn
        // of a Terminated partner (a scheduled end): a future date would keep every earlier change out.
        private static void NotAfterToday(DateTime? date, string property, DateTime today, DateTime joinedOn, DateTime? endedOn)
        {
            if (date is DateTime day && day > today.Date && day != joinedOn.Date && day != endedOn?.Date)
            {
                throw PartnerRules.Invalid(
                    property,
                    PartnerRules.FormatDate(day),
                    $"it is after today ({PartnerRules.FormatDate(today)}) and is not the partner's JoinedOn ({PartnerRules.FormatDate(joinedOn)}): " +
                    "a change cannot be dated in the future, or no earlier change could be recorded");
            }
        }
    }
}
