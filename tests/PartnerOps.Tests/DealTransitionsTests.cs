using System;
using System.Collections.Generic;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests
{
    /// <summary>The deal state machine of issue 19: every (status on the day, action) pair, allowed or refused with its own text.</summary>
    public sealed class DealTransitionsTests
    {
        private const string Deal12 = "Deal 12 'Contoso GmbH' (DE) of Fabrikam";

        // A deal registered on 2026-01-01, protected until 2026-03-31, as read on 2026-02-15 unless said.
        private static DealState State(DealStatus stored, DealStatus onDay, DateTime? decided = null, DateTime? closed = null, DateTime? day = null) => new DealState
        {
            Id = 12,
            PartnerId = 3,
            Partner = "Fabrikam",
            Customer = "Contoso GmbH",
            CustomerCountry = "DE",
            Stored = stored,
            Status = onDay,
            Day = day ?? Day(2026, 2, 15),
            RegisteredOn = Day(2026, 1, 1),
            ExpiresOn = Day(2026, 3, 31),
            DecidedOn = decided,
            ClosedOn = closed,
        };

        // Every status a deal can have on a day, with the stored columns that give it.
        public static IEnumerable<object[]> Pairs()
        {
            foreach (DealAction action in Enum.GetValues(typeof(DealAction)))
            {
                yield return new object[] { "Submitted", action };
                yield return new object[] { "Approved", action };
                yield return new object[] { "ExpiredSubmitted", action };
                yield return new object[] { "ExpiredApproved", action };
                yield return new object[] { "Denied", action };
                yield return new object[] { "Won", action };
                yield return new object[] { "Lost", action };
            }
        }

        private static DealState Case(string name) => name switch
        {
            "Submitted" => State(DealStatus.Submitted, DealStatus.Submitted),
            "Approved" => State(DealStatus.Approved, DealStatus.Approved, decided: Day(2026, 2, 1)),
            "ExpiredSubmitted" => State(DealStatus.Submitted, DealStatus.Expired, day: Day(2026, 4, 1)),
            "ExpiredApproved" => State(DealStatus.Approved, DealStatus.Expired, decided: Day(2026, 2, 1), day: Day(2026, 4, 1)),
            "Denied" => State(DealStatus.Denied, DealStatus.Denied, decided: Day(2026, 1, 20)),
            "Won" => State(DealStatus.Won, DealStatus.Won, decided: Day(2026, 2, 1), closed: Day(2026, 2, 10)),
            "Lost" => State(DealStatus.Lost, DealStatus.Lost, closed: Day(2026, 1, 25)),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        // The expected outcome of each pair: null = allowed, else the refusal's whole text.
        private static string? Expected(string name, DealAction action)
        {
            var cannot = action switch
            {
                DealAction.Approve => "it cannot be approved",
                DealAction.Deny => "it cannot be denied",
                DealAction.CloseWon => "it cannot be closed as won",
                DealAction.CloseLost => "it cannot be closed as lost",
                _ => "it cannot be changed (Set-PartnerDeal)",
            };
            switch (name)
            {
                case "Submitted":
                    return action == DealAction.CloseWon
                        ? $"{Deal12} is Submitted on 2026-02-15: it cannot be closed as won before it is approved; approve it first (Approve-PartnerDeal), or close it as lost. " +
                          "Allowed on 2026-02-15: Approve-PartnerDeal, Deny-PartnerDeal, Close-PartnerDeal -Lost, Set-PartnerDeal, Remove-PartnerDeal."
                        : null;
                case "Approved":
                    const string approvedAllows = "Allowed on 2026-02-15: Close-PartnerDeal -Won, Close-PartnerDeal -Lost, Set-PartnerDeal, Remove-PartnerDeal.";
                    return action switch
                    {
                        DealAction.Approve => $"{Deal12} is Approved already (approved on 2026-02-01): it cannot be approved again; close it as won or lost when it ends. {approvedAllows}",
                        DealAction.Deny => $"{Deal12} is Approved (approved on 2026-02-01): it cannot be denied after its approval; close it as lost instead (Close-PartnerDeal -Lost -Reason). {approvedAllows}",
                        _ => null,
                    };
                case "ExpiredSubmitted":
                case "ExpiredApproved":
                    return action == DealAction.Update
                        ? null
                        : $"{Deal12} is Expired on 2026-04-01 (its protection ended on 2026-03-31): {cannot}; extend it first with Set-PartnerDeal -ExpiresOn -Reason. " +
                          "Allowed on 2026-04-01: Set-PartnerDeal, Remove-PartnerDeal.";
                case "Denied":
                    return $"{Deal12} was denied on 2026-01-20: {cannot}; a denied deal stays denied (register a new deal for a new attempt). Allowed: Remove-PartnerDeal only.";
                case "Won":
                    return $"{Deal12} was won on 2026-02-10: {cannot}; a won deal is closed for good (its revenue record is booked). Allowed: Remove-PartnerDeal only (the revenue record stays).";
                default:
                    return $"{Deal12} was lost on 2026-01-25: {cannot}; a lost deal is closed for good (register a new deal for a new attempt). Allowed: Remove-PartnerDeal only.";
            }
        }

        [Theory]
        [MemberData(nameof(Pairs))]
        public void Every_status_and_action_is_allowed_or_refused_with_its_own_text(string name, DealAction action)
        {
            var deal = Case(name);
            var expected = Expected(name, action);

            Assert.Equal(expected == null, DealTransitions.Refusal(deal, action) == null);
            if (expected == null)
            {
                DealTransitions.Require(deal, action); // does not throw
                return;
            }

            var ex = ThrowsPartnerOps(ErrorIds.PartnerDealStateInvalid, () => DealTransitions.Require(deal, action));
            Assert.Equal(FailureKind.InvalidOperation, ex.Kind);
            Assert.Equal(12L, ex.Target);
            Assert.Equal(expected, ex.Message);
        }

        [Fact]
        public void The_refusals_of_the_pairs_are_all_different()
        {
            var texts = new HashSet<string>();
            var refused = 0;
            foreach (var pair in Pairs())
            {
                if (DealTransitions.Refusal(Case((string)pair[0]), (DealAction)pair[1]) is string text)
                {
                    refused++;
                    // The two kinds of Expired deal are refused alike: they are the same status to the user.
                    if (!((string)pair[0]).StartsWith("ExpiredApproved", StringComparison.Ordinal))
                    {
                        Assert.True(texts.Add(text), text);
                    }
                }
            }

            // Submitted 1, Approved 2, Expired 4 + 4, Denied/Won/Lost 5 each.
            Assert.Equal(1 + 2 + 4 + 4 + 15, refused);
        }

        [Theory]
        [InlineData(DealStatus.Submitted, "Approve,Deny,CloseLost,Update")]
        [InlineData(DealStatus.Approved, "CloseWon,CloseLost,Update")]
        [InlineData(DealStatus.Expired, "Update")]
        [InlineData(DealStatus.Denied, "")]
        [InlineData(DealStatus.Won, "")]
        [InlineData(DealStatus.Lost, "")]
        public void Each_status_allows_the_actions_of_the_state_machine(DealStatus status, string allowed)
        {
            var actions = new List<string>();
            foreach (var action in DealTransitions.Actions)
            {
                if (DealTransitions.Allows(status, action))
                {
                    actions.Add(action.ToString());
                }
            }

            Assert.Equal(allowed, string.Join(",", actions));
        }

        [Theory]
        [InlineData(DealAction.Deny, "it cannot be denied on 2026-02-15")]
        [InlineData(DealAction.CloseLost, "it cannot be closed as lost on 2026-02-15")]
        [InlineData(DealAction.Approve, "it cannot be approved on 2026-02-15")]
        public void A_change_dated_before_the_deals_approval_is_refused_as_out_of_order(DealAction action, string cannot)
        {
            // Approved on 2026-03-01; as of 2026-02-15 it still read Submitted, but its approval is stored.
            var deal = State(DealStatus.Approved, DealStatus.Submitted, decided: Day(2026, 3, 1));

            var ex = ThrowsPartnerOps(ErrorIds.PartnerDealStateInvalid, () => DealTransitions.Require(deal, action));

            Assert.Equal(
                $"{Deal12} was approved on 2026-03-01, after 2026-02-15: {cannot}; a deal's changes are recorded in date order, so date it on or after 2026-03-01.",
                ex.Message);
        }

        [Fact]
        public void A_deal_denied_or_closed_after_the_day_is_refused_as_it_is_stored_not_as_it_read_that_day()
        {
            var denied = State(DealStatus.Denied, DealStatus.Submitted, decided: Day(2026, 3, 1));
            var won = State(DealStatus.Won, DealStatus.Approved, decided: Day(2026, 2, 1), closed: Day(2026, 3, 1));

            Assert.StartsWith($"{Deal12} was denied on 2026-03-01: it cannot be approved;", DealTransitions.Refusal(denied, DealAction.Approve), StringComparison.Ordinal);
            Assert.StartsWith($"{Deal12} was won on 2026-03-01: it cannot be closed as lost;", DealTransitions.Refusal(won, DealAction.CloseLost), StringComparison.Ordinal);
        }

        [Fact]
        public void Approval_is_refused_naming_the_other_partners_approved_deal_and_the_days_both_would_be_approved()
        {
            var deal = State(DealStatus.Submitted, DealStatus.Submitted);
            var holder = new DealState
            {
                Id = 7, Partner = "Northwind", Customer = "CONTOSO  gmbh", CustomerCountry = "DE", RegisteredOn = Day(2026, 1, 5),
                DecidedOn = Day(2026, 1, 10), ExpiresOn = Day(2026, 4, 9),
            };

            var ex = DealTransitions.OverlapRefusal(deal, DealAction.Approve, holder, deal.Day, deal.ExpiresOn);

            Assert.Equal(ErrorIds.PartnerDealStateInvalid, ex.ErrorId);
            Assert.Equal(FailureKind.InvalidOperation, ex.Kind);
            Assert.Equal(
                $"{Deal12} cannot be approved on 2026-02-15 (protected until 2026-03-31): deal 7 'CONTOSO  gmbh' (DE) of Northwind is approved from 2026-01-10 " +
                "to 2026-04-09, so both would be approved from 2026-02-15 to 2026-03-31, and an approved deal's protection is exclusive. Customers are matched " +
                "ignoring case, accents and spacing, within their country. Deny this deal or close it as lost: that deal's approved days last as long as this " +
                "deal's protection.",
                ex.Message);
            holder.ClosedOn = Day(2026, 3, 1);
            Assert.EndsWith(
                "is approved from 2026-01-10 to 2026-02-28, so both would be approved from 2026-02-15 to 2026-02-28, and an approved deal's protection is exclusive. " +
                "Customers are matched ignoring case, accents and spacing, within their country. Deny this deal or close it as lost, or approve it on a day after 2026-02-28.",
                DealTransitions.OverlapRefusal(deal, DealAction.Approve, holder, deal.Day, deal.ExpiresOn).Message,
                StringComparison.Ordinal);
        }

        [Fact]
        public void The_approved_days_of_a_closed_deal_end_the_day_before_its_close()
        {
            var holder = new DealState { Id = 7, Partner = "Northwind", Customer = "Contoso", CustomerCountry = "DE", DecidedOn = Day(2026, 1, 10), ExpiresOn = Day(2026, 4, 9), ClosedOn = Day(2026, 3, 1) };
            var deal = State(DealStatus.Approved, DealStatus.Approved, decided: Day(2026, 3, 1), day: Day(2026, 3, 20));

            Assert.Equal((Day(2026, 1, 10), Day(2026, 2, 28)), DealTransitions.ApprovedDays(holder));
            Assert.Equal((Day(2026, 1, 10), Day(2026, 4, 9)), DealTransitions.ApprovedDays(new DealState { DecidedOn = Day(2026, 1, 10), ExpiresOn = Day(2026, 4, 9), ClosedOn = Day(2026, 5, 1) }));
            Assert.Equal(
                $"{Deal12} cannot be extended to 2026-06-30 on 2026-03-20 (approved on 2026-03-01): deal 7 'Contoso' (DE) of Northwind is approved from 2026-01-10 " +
                "to 2026-02-28, so both would be approved from 2026-02-01 to 2026-02-28, and an approved deal's protection is exclusive. Customers are matched " +
                "ignoring case, accents and spacing, within their country. Keep its ExpiresOn before 2026-02-01, or close that deal first.",
                DealTransitions.OverlapRefusal(deal, DealAction.Update, holder, Day(2026, 2, 1), Day(2026, 6, 30)).Message);
        }

        [Fact]
        public void Holding_an_expired_deal_again_is_refused_naming_the_other_partners_approved_deal()
        {
            var deal = State(DealStatus.Submitted, DealStatus.Submitted);
            var holder = new DealState { Id = 7, Partner = "Northwind", DecidedOn = Day(2026, 1, 10), ExpiresOn = Day(2026, 4, 9) };

            var ex = DealTransitions.ExclusivityRefusal(deal, holder);

            Assert.Equal(ErrorIds.PartnerDealStateInvalid, ex.ErrorId);
            Assert.Equal(
                $"{Deal12} cannot be held again (extended) on 2026-02-15: partner 'Northwind' holds an Approved deal for this customer (deal 7, approved on 2026-01-10, " +
                "protected until 2026-04-09), and an approved deal's protection is exclusive. Customers are matched ignoring case, accents and spacing, within their " +
                "country. An expired deal is held again only while no other partner's approved deal holds the customer: wait until that deal is closed or has expired.",
                ex.Message);
        }

        [Theory]
        [InlineData(null, "2026-11-30")]
        [InlineData("2026-01-01", "2026-01-01")]
        [InlineData("2026-11-30", "2026-11-30")]
        [InlineData("2026-06-15", "2026-06-15")]
        public void The_day_of_a_transition_is_its_date_or_today_from_registration_to_today(string? date, string day)
        {
            var deal = State(DealStatus.Submitted, DealStatus.Submitted);
            var given = date == null ? (DateTime?)null : DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture).AddHours(15);

            Assert.Equal(day, PartnerRules.FormatDate(DealTransitions.Day(given, deal, Day(2026, 11, 30))));
        }

        [Theory]
        [InlineData("2025-12-31", "Date '2025-12-31' is not valid: deal 12 'Contoso GmbH' (DE) of Fabrikam was registered on 2026-01-01; a decision or close cannot be dated before it.")]
        [InlineData("2026-12-01", "Date '2026-12-01' is not valid: a deal's decision or close cannot be dated after today (2026-11-30).")]
        [InlineData("1899-12-31", "Date '1899-12-31' is not valid: a date must be between the years 1900 and 2999.")]
        public void A_date_before_registration_or_after_today_is_InvalidPartnerValue_naming_it(string date, string message)
        {
            var deal = State(DealStatus.Submitted, DealStatus.Submitted);

            var ex = ThrowsPartnerOps(
                ErrorIds.InvalidPartnerValue,
                () => DealTransitions.Day(DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture), deal, Day(2026, 11, 30)));

            Assert.Equal(message, ex.Message);
        }

        [Theory]
        [InlineData("  customer chose another vendor ", "customer chose another vendor")]
        [InlineData("x", "x")]
        public void A_reason_is_stored_trimmed(string given, string stored)
        {
            Assert.Equal(stored, DealTransitions.NormalizeReason(given, "a denial"));
        }

        [Theory]
        [InlineData("", "Reason '' is not valid: a denial needs a reason (one line of text).")]
        [InlineData("   ", "Reason '   ' is not valid: a denial needs a reason (one line of text).")]
        [InlineData("two\nlines", "Reason 'two`u{A}lines' is not valid: it holds the control character `u{A} at position 4; it must be one line of visible text.")]
        public void A_missing_or_multi_line_reason_is_InvalidPartnerValue(string given, string message)
        {
            var ex = ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => DealTransitions.NormalizeReason(given, "a denial"));

            Assert.Equal(message, ex.Message);
        }

        [Fact]
        public void A_reason_of_500_characters_is_taken_and_one_of_501_refused()
        {
            Assert.Equal(500, DealTransitions.NormalizeReason(new string('r', 500), "a denial").Length);

            var ex = ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => DealTransitions.NormalizeReason(new string('r', 501), "a denial"));
            Assert.EndsWith("a reason has at most 500 characters (this one has 501).", ex.Message, StringComparison.Ordinal);
        }
    }
}
