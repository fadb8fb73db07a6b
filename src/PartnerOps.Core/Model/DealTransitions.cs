using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PartnerOps
{
    /// <summary>What a deal transition asks for (issue 19): one per cmdlet and switch that changes a deal.</summary>
    public enum DealAction
    {
        /// <summary>Approve-PartnerDeal: the vendor grants the partner protection for the customer.</summary>
        Approve,

        /// <summary>Deny-PartnerDeal -Reason.</summary>
        Deny,

        /// <summary>Close-PartnerDeal -Won: the deal became revenue.</summary>
        CloseWon,

        /// <summary>Close-PartnerDeal -Lost -Reason.</summary>
        CloseLost,

        /// <summary>Set-PartnerDeal: its amount, expected close, product, segment, or ExpiresOn (with a reason).</summary>
        Update,
    }

    /// <summary>
    /// A deal as a transition is decided on (issue 19): what is stored of it and its status on the transition's day, read in
    /// the write transaction. Dates are calendar days (date only, kind Unspecified).
    /// </summary>
    public sealed class DealState
    {
        /// <summary>The deal's id.</summary>
        public long Id { get; set; }

        /// <summary>The partner's id.</summary>
        public long PartnerId { get; set; }

        /// <summary>The partner's name.</summary>
        public string Partner { get; set; } = string.Empty;

        /// <summary>The customer as registered.</summary>
        public string Customer { get; set; } = string.Empty;

        /// <summary>The key the customer is matched by with other deals' customers (<see cref="DealRules.CustomerMatchKey"/>).</summary>
        public string CustomerMatchKey { get; set; } = string.Empty;

        /// <summary>The customer's country (ISO 3166 alpha-2).</summary>
        public string CustomerCountry { get; set; } = string.Empty;

        /// <summary>The status stored: Submitted, Approved, Denied, Won or Lost (Expired is never stored).</summary>
        public DealStatus Stored { get; set; }

        /// <summary>The status on <see cref="Day"/> as the stored columns give it (Expired for a held deal past its ExpiresOn).</summary>
        public DealStatus Status { get; set; }

        /// <summary>The day the transition is dated on (its -Date, else today's UTC date).</summary>
        public DateTime Day { get; set; }

        /// <summary>The day the deal was registered.</summary>
        public DateTime RegisteredOn { get; set; }

        /// <summary>The last day of the deal's protection.</summary>
        public DateTime ExpiresOn { get; set; }

        /// <summary>The day of its Approve or Deny, or null.</summary>
        public DateTime? DecidedOn { get; set; }

        /// <summary>The day it was closed as won or lost, or null.</summary>
        public DateTime? ClosedOn { get; set; }

        /// <summary>How messages name the deal, as <see cref="PartnerDeal.ToString"/> does: <c>deal 12 'Contoso GmbH' (DE) of Fabrikam</c>.</summary>
        public override string ToString() =>
            $"deal {Id.ToString(CultureInfo.InvariantCulture)} '{TextRules.Shown(Customer)}' ({CustomerCountry}) of {TextRules.Shown(Partner)}";
    }

    /// <summary>
    /// The state machine of deals (issue 19), the same on every backend: which action each status (on the action's day)
    /// allows, and the refusal that names the deal, its status and what is allowed instead. Submitted may be approved,
    /// denied or closed as lost; Approved may be closed as won or lost; Submitted, Approved and Expired may be changed
    /// (Set-PartnerDeal, which extends an expired deal); Denied, Won and Lost (as stored, whatever the day) allow nothing
    /// but removal. A change may not be dated before the deal's decision (changes are recorded in date order). The
    /// exclusivity of an approved deal (no other partner's deal for the same customer approved on any of the same days) is
    /// checked by the repository in SQL and named by <see cref="OverlapRefusal"/> and <see cref="ExclusivityRefusal"/>. Refusals are PartnerDealStateInvalid (InvalidOperation).
    /// </summary>
    public static class DealTransitions
    {
        /// <summary>A reason (Deny-PartnerDeal, Close-PartnerDeal -Lost, a changed ExpiresOn) has at most this many characters, after trimming.</summary>
        public const int MaxReasonLength = 500;

        /// <summary>The actions in the order messages list them.</summary>
        public static IReadOnlyList<DealAction> Actions { get; } = (DealAction[])Enum.GetValues(typeof(DealAction));

        /// <summary>
        /// Whether <paramref name="status"/> (a status on the action's day, with no later decision stored) allows
        /// <paramref name="action"/>. Denied, Won and Lost allow none.
        /// </summary>
        public static bool Allows(DealStatus status, DealAction action) => status switch
        {
            DealStatus.Submitted => action != DealAction.CloseWon,
            DealStatus.Approved => action == DealAction.CloseWon || action == DealAction.CloseLost || action == DealAction.Update,
            DealStatus.Expired => action == DealAction.Update,
            _ => false,
        };

        /// <summary>What a deal in <paramref name="status"/> allows, as the commands that do it ("Close-PartnerDeal -Won, ..., Remove-PartnerDeal").</summary>
        public static string Allowed(DealStatus status) =>
            string.Join(", ", Actions.Where(action => Allows(status, action)).Select(Command).Concat(new[] { "Remove-PartnerDeal" }));

        /// <summary>
        /// Why <paramref name="deal"/> cannot take <paramref name="action"/> on its <see cref="DealState.Day"/>, or null when it
        /// can: a stored Denied, Won or Lost deal allows nothing; a decision stored after the day forbids an earlier-dated
        /// change; otherwise the status on the day decides (<see cref="Allows"/>). The text names the deal, its status, why,
        /// and what is allowed.
        /// </summary>
        public static string? Refusal(DealState deal, DealAction action)
        {
            var day = PartnerRules.FormatDate(deal.Day);
            switch (deal.Stored)
            {
                case DealStatus.Won:
                    return $"{Deal(deal)} was won on {Date(deal.ClosedOn)}: {Cannot(action)}; a won deal is closed for good (its revenue record is booked). Allowed: Remove-PartnerDeal only (the revenue record stays)";
                case DealStatus.Lost:
                    return $"{Deal(deal)} was lost on {Date(deal.ClosedOn)}: {Cannot(action)}; a lost deal is closed for good (register a new deal for a new attempt). Allowed: Remove-PartnerDeal only";
                case DealStatus.Denied:
                    return $"{Deal(deal)} was denied on {Date(deal.DecidedOn)}: {Cannot(action)}; a denied deal stays denied (register a new deal for a new attempt). Allowed: Remove-PartnerDeal only";
            }

            if (deal.DecidedOn is DateTime decided && decided > deal.Day)
            {
                return $"{Deal(deal)} was approved on {Date(decided)}, after {day}: {Cannot(action)} on {day}; a deal's changes are recorded in date order, so date it on or after {Date(decided)}";
            }

            if (Allows(deal.Status, action))
            {
                return null;
            }

            var allowed = $"Allowed on {day}: {Allowed(deal.Status)}";
            return deal.Status switch
            {
                DealStatus.Submitted => // only Close -Won is refused
                    $"{Deal(deal)} is Submitted on {day}: {Cannot(action)} before it is approved; approve it first (Approve-PartnerDeal), or close it as lost. {allowed}",
                DealStatus.Approved when action == DealAction.Approve =>
                    $"{Deal(deal)} is Approved already (approved on {Date(deal.DecidedOn)}): {Cannot(action)} again; close it as won or lost when it ends. {allowed}",
                DealStatus.Approved => // Deny
                    $"{Deal(deal)} is Approved (approved on {Date(deal.DecidedOn)}): {Cannot(action)} after its approval; close it as lost instead (Close-PartnerDeal -Lost -Reason). {allowed}",
                _ => // Expired
                    $"{Deal(deal)} is Expired on {day} (its protection ended on {Date(deal.ExpiresOn)}): {Cannot(action)}; extend it first with Set-PartnerDeal -ExpiresOn -Reason. {allowed}",
            };
        }

        /// <summary>PartnerDealStateInvalid (InvalidOperation) when <see cref="Refusal"/> refuses the action; the target is the deal's id.</summary>
        /// <exception cref="PartnerOpsException">PartnerDealStateInvalid.</exception>
        public static void Require(DealState deal, DealAction action)
        {
            if (Refusal(deal, action) is string refusal)
            {
                throw StateInvalid(refusal + ".", deal.Id);
            }
        }

        /// <summary>
        /// The refusal of a Set-PartnerDeal -ExpiresOn that would make <paramref name="deal"/>, expired and never approved, held
        /// again on its day while <paramref name="holder"/>, another partner's deal for the same customer and country
        /// (<see cref="DealRules.CustomerMatchKey"/>), is Approved that day: an approved deal's protection is exclusive (issue 19).
        /// (An approval, and an extension of an approved deal, are refused by <see cref="OverlapRefusal"/>.)
        /// </summary>
        public static PartnerOpsException ExclusivityRefusal(DealState deal, DealState holder) =>
            StateInvalid(
                $"{Deal(deal)} cannot be held again (extended) on {PartnerRules.FormatDate(deal.Day)}: partner '{TextRules.Shown(holder.Partner)}' holds an Approved deal " +
                $"for this customer (deal {holder.Id.ToString(CultureInfo.InvariantCulture)}, approved on {Date(holder.DecidedOn)}, protected until {Date(holder.ExpiresOn)}), " +
                $"and an approved deal's protection is exclusive. {DealRules.MatchedBy} An expired deal is held again only while no other partner's approved deal " +
                "holds the customer: wait until that deal is closed or has expired.",
                deal.Id);

        /// <summary>
        /// The days <paramref name="holder"/> reads Approved: from its DecidedOn to its ExpiresOn, ending the day before its
        /// ClosedOn when it was closed (won or lost) earlier.
        /// </summary>
        public static (DateTime From, DateTime To) ApprovedDays(DealState holder)
        {
            var from = holder.DecidedOn ?? holder.RegisteredOn;
            var to = holder.ClosedOn is DateTime closed && closed.AddDays(-1) < holder.ExpiresOn ? closed.AddDays(-1) : holder.ExpiresOn;
            return (from, to);
        }

        /// <summary>
        /// The refusal of an approval of <paramref name="deal"/> (<see cref="DealAction.Approve"/>: its approved days would be
        /// <paramref name="from"/>, its -Date, to <paramref name="to"/>, its ExpiresOn), or of an extension of an approved deal
        /// (<see cref="DealAction.Update"/>: the days <paramref name="from"/> to <paramref name="to"/> it would add), whose days
        /// meet <paramref name="holder"/>'s approved days (<see cref="ApprovedDays"/>), another partner's deal for the same
        /// customer and country (<see cref="DealRules.CustomerMatchKey"/>): two partners are never approved for a customer on
        /// the same day (issue 19). Names the holder, its partner, its approved days and the days both would be approved.
        /// </summary>
        public static PartnerOpsException OverlapRefusal(DealState deal, DealAction action, DealState holder, DateTime from, DateTime to)
        {
            var (approvedFrom, approvedTo) = ApprovedDays(holder);
            var first = from > approvedFrom ? from : approvedFrom;
            var last = to < approvedTo ? to : approvedTo;
            var (what, instead) = action == DealAction.Approve
                ? ($"approved on {PartnerRules.FormatDate(deal.Day)} (protected until {PartnerRules.FormatDate(deal.ExpiresOn)})",
                   approvedTo < deal.ExpiresOn
                       ? $"Deny this deal or close it as lost, or approve it on a day after {PartnerRules.FormatDate(approvedTo)}"
                       : "Deny this deal or close it as lost: that deal's approved days last as long as this deal's protection")
                : ($"extended to {PartnerRules.FormatDate(to)} on {PartnerRules.FormatDate(deal.Day)} (approved on {Date(deal.DecidedOn)})",
                   $"Keep its ExpiresOn before {PartnerRules.FormatDate(first)}, or close that deal first");
            return StateInvalid(
                $"{Deal(deal)} cannot be {what}: {holder} is approved from {PartnerRules.FormatDate(approvedFrom)} to {PartnerRules.FormatDate(approvedTo)}, " +
                $"so both would be approved from {PartnerRules.FormatDate(first)} to {PartnerRules.FormatDate(last)}, and an approved deal's protection is exclusive. " +
                $"{DealRules.MatchedBy} {instead}.",
                deal.Id);
        }

        /// <summary>
        /// The day a transition is dated on: <paramref name="date"/> (date only), else <paramref name="today"/>. InvalidPartnerValue
        /// naming it when it is outside the years 1900 to 2999, after today, or before the deal's registration.
        /// </summary>
        /// <exception cref="PartnerOpsException">InvalidPartnerValue.</exception>
        public static DateTime Day(DateTime? date, DealState deal, DateTime today)
        {
            var day = PartnerRules.CheckDate(date, "Date") ?? today.Date;
            if (day > today.Date)
            {
                throw PartnerRules.Invalid("Date", PartnerRules.FormatDate(day), $"a deal's decision or close cannot be dated after today ({PartnerRules.FormatDate(today)})");
            }

            if (day < deal.RegisteredOn)
            {
                throw PartnerRules.Invalid(
                    "Date",
                    PartnerRules.FormatDate(day),
                    $"{deal} was registered on {PartnerRules.FormatDate(deal.RegisteredOn)}; a decision or close cannot be dated before it");
            }

            return day;
        }

        /// <summary>
        /// A reason as stored: trimmed, one line of visible text, at most <see cref="MaxReasonLength"/> characters. InvalidPartnerValue
        /// naming <paramref name="property"/> when it is empty (a reason is needed: <paramref name="neededFor"/> says for what) or not
        /// one line or too long.
        /// </summary>
        /// <exception cref="PartnerOpsException">InvalidPartnerValue.</exception>
        public static string NormalizeReason(string? reason, string neededFor, string property = "Reason")
        {
            var trimmed = reason?.Trim() ?? string.Empty;
            if (trimmed.Length == 0)
            {
                throw PartnerRules.Invalid(property, reason, $"{neededFor} needs a reason (one line of text)");
            }

            if (TextRules.Problem(trimmed) is string problem)
            {
                throw PartnerRules.Invalid(property, reason, problem);
            }

            if (trimmed.Length > MaxReasonLength)
            {
                throw PartnerRules.Invalid(property, reason, $"a reason has at most {MaxReasonLength} characters (this one has {trimmed.Length})");
            }

            return trimmed;
        }

        /// <summary>The command that does <paramref name="action"/>, as messages name it.</summary>
        public static string Command(DealAction action) => action switch
        {
            DealAction.Approve => "Approve-PartnerDeal",
            DealAction.Deny => "Deny-PartnerDeal",
            DealAction.CloseWon => "Close-PartnerDeal -Won",
            DealAction.CloseLost => "Close-PartnerDeal -Lost",
            _ => "Set-PartnerDeal",
        };

        private static PartnerOpsException StateInvalid(string message, long id) =>
            new PartnerOpsException(ErrorIds.PartnerDealStateInvalid, FailureKind.InvalidOperation, message, id);

        private static string Deal(DealState deal)
        {
            var text = deal.ToString();
            return char.ToUpperInvariant(text[0]) + text.Substring(1);
        }

        private static string Cannot(DealAction action) => action switch
        {
            DealAction.Approve => "it cannot be approved",
            DealAction.Deny => "it cannot be denied",
            DealAction.CloseWon => "it cannot be closed as won",
            DealAction.CloseLost => "it cannot be closed as lost",
            _ => "it cannot be changed (Set-PartnerDeal)",
        };

        private static string Date(DateTime? date) => date is DateTime d ? PartnerRules.FormatDate(d) : "an unknown day";
    }
}
