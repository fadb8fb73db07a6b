using System;
using PartnerOps.Data;
using Xunit;

namespace PartnerOps.Tests
{
    /// <summary>The dates and reasons of Status and Tier changes (LifecycleRules), without a database.</summary>
    public sealed class LifecycleRulesTests
    {
        private static readonly DateTime Today = new DateTime(2020, 6, 15);

        private static DateTime D(string day) => DateTime.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

        private static Partner Stored(PartnerStatus status = PartnerStatus.Active, string since = "2015-01-10", string? ended = null) => new Partner
        {
            Id = 1,
            Name = "Kestrel",
            Status = status,
            JoinedOn = D("2015-01-10"),
            EndedOn = ended == null ? (DateTime?)null : D(ended),
            StatusSince = D(since),
            TierSince = D("2015-01-10"),
        };

        private static Partner Changed(Partner current, PartnerChanges changes)
        {
            var next = changes.ApplyTo(current);
            LifecycleRules.NormalizeChange(current, next, changes, Today, keepName: true);
            return next;
        }

        private static string Refused(Action action)
        {
            var ex = Assert.Throws<PartnerOpsException>(action);
            Assert.Equal(ErrorIds.InvalidPartnerValue, ex.ErrorId);
            return ex.Message;
        }

        [Fact]
        public void A_new_partner_is_dated_on_JoinedOn_by_default()
        {
            var draft = new Partner { Name = "A", JoinedOn = D("2015-01-10") };
            LifecycleRules.NormalizeNew(draft, Today);
            Assert.Equal(D("2015-01-10"), draft.StatusSince);
            Assert.Equal(D("2015-01-10"), draft.TierSince);
        }

        [Fact]
        public void A_new_partner_without_JoinedOn_is_dated_today()
        {
            var draft = new Partner { Name = "A" };
            LifecycleRules.NormalizeNew(draft, Today);
            Assert.Equal(Today, draft.StatusSince);
            Assert.Equal(Today, draft.TierSince);
        }

        [Fact]
        public void The_tier_date_defaults_to_the_status_date_given()
        {
            var draft = new Partner { Name = "A", JoinedOn = D("2015-01-10"), StatusSince = D("2015-03-01") };
            LifecycleRules.NormalizeNew(draft, Today);
            Assert.Equal(D("2015-03-01"), draft.TierSince);
        }

        [Fact]
        public void A_terminated_partner_without_EndedOn_ends_on_its_status_date()
        {
            var draft = new Partner { Name = "A", JoinedOn = D("2010-01-01"), Status = PartnerStatus.Terminated, StatusSince = D("2012-06-30"), EndReason = " Fraud " };
            LifecycleRules.NormalizeNew(draft, Today);
            Assert.Equal(D("2012-06-30"), draft.EndedOn);
            Assert.Equal(D("2012-06-30"), draft.StatusSince);
            Assert.Equal("Fraud", draft.EndReason);
        }

        [Fact]
        public void A_terminated_partner_without_any_date_ends_today_and_is_terminated_today()
        {
            var draft = new Partner { Name = "A", JoinedOn = D("2010-01-01"), Status = PartnerStatus.Terminated };
            LifecycleRules.NormalizeNew(draft, Today);
            Assert.Equal(Today, draft.EndedOn);
            Assert.Equal(Today, draft.StatusSince);
            Assert.Equal(D("2010-01-01"), draft.TierSince);
        }

        [Theory]
        [InlineData("2015-01-09", null, "StatusDate '2015-01-09'")]
        [InlineData(null, "2015-01-09", "TierDate '2015-01-09'")]
        [InlineData("1899-12-31", null, "StatusDate '1899-12-31'")]
        [InlineData(null, "3000-01-01", "TierDate '3000-01-01'")]
        public void A_new_partner_refuses_dates_before_JoinedOn_or_outside_the_years(string? status, string? tier, string start)
        {
            var draft = new Partner { Name = "A", JoinedOn = D("2015-01-10") };
            draft.StatusSince = status == null ? default : D(status);
            draft.TierSince = tier == null ? default : D(tier);
            Assert.StartsWith(start, Refused(() => LifecycleRules.NormalizeNew(draft, Today)));
        }

        [Fact]
        public void An_end_reason_goes_only_with_Terminated()
        {
            var draft = new Partner { Name = "A", Status = PartnerStatus.Suspended, EndReason = "Late" };
            Assert.Contains("only with Status Terminated", Refused(() => LifecycleRules.NormalizeNew(draft, Today)));
        }

        [Theory]
        [InlineData("  Acquired  ", "Acquired")]
        [InlineData("   ", null)]
        [InlineData("", null)]
        [InlineData(null, null)]
        public void A_reason_is_trimmed_and_blank_is_none(string? given, string? stored)
        {
            Assert.Equal(stored, LifecycleRules.NormalizeReason(given));
        }

        [Theory]
        [InlineData("a\nb")]
        [InlineData("a\tb")]
        [InlineData("a\u2028b")]
        [InlineData("a\u0000b")]
        public void A_reason_is_one_line_of_visible_text(string given)
        {
            Refused(() => LifecycleRules.NormalizeReason(given));
        }

        [Fact]
        public void A_reason_has_at_most_200_characters()
        {
            Assert.Equal(200, LifecycleRules.NormalizeReason(new string('r', 200))!.Length);
            Assert.Contains("this one has 201", Refused(() => LifecycleRules.NormalizeReason(new string('r', 201))));
        }

        [Fact]
        public void A_change_takes_effect_on_its_effective_date_and_keeps_the_other_date()
        {
            var next = Changed(Stored(), new PartnerChanges { Status = PartnerStatus.Suspended, EffectiveDate = D("2016-05-01") });
            Assert.Equal(D("2016-05-01"), next.StatusSince);
            Assert.Equal(D("2015-01-10"), next.TierSince);
        }

        [Fact]
        public void A_change_without_a_date_takes_effect_today_or_on_a_later_since_date()
        {
            Assert.Equal(Today, Changed(Stored(), new PartnerChanges { Tier = PartnerTier.Gold }).TierSince);
            Assert.Equal(D("2021-01-01"), Changed(Stored(since: "2021-01-01"), new PartnerChanges { Status = PartnerStatus.Suspended }).StatusSince);
        }

        [Fact]
        public void A_termination_ends_the_relationship_on_its_day_with_its_reason()
        {
            var next = Changed(Stored(), new PartnerChanges { Status = PartnerStatus.Terminated, EffectiveDate = D("2017-03-31"), Reason = " Acquired " });
            Assert.Equal(D("2017-03-31"), next.EndedOn);
            Assert.Equal(D("2017-03-31"), next.StatusSince);
            Assert.Equal("Acquired", next.EndReason);
        }

        [Fact]
        public void A_termination_dated_by_EndedOn_alone_takes_effect_then()
        {
            var next = Changed(Stored(), new PartnerChanges { Status = PartnerStatus.Terminated, EndedOnSet = true, EndedOn = D("2016-01-31") });
            Assert.Equal(D("2016-01-31"), next.StatusSince);
        }

        [Fact]
        public void A_new_EndedOn_of_a_terminated_partner_moves_its_StatusSince()
        {
            var next = Changed(Stored(PartnerStatus.Terminated, "2016-01-31", "2016-01-31"), new PartnerChanges { EndedOnSet = true, EndedOn = D("2016-03-15") });
            Assert.Equal(D("2016-03-15"), next.StatusSince);
        }

        [Fact]
        public void The_same_status_is_no_change_and_keeps_its_date()
        {
            var next = Changed(Stored(), new PartnerChanges { Status = PartnerStatus.Active, EffectiveDate = D("2019-01-01"), Reason = "Again" });
            Assert.Equal(D("2015-01-10"), next.StatusSince);
            Assert.True(PartnerRules.SameStoredValues(next, Stored()));
        }

        [Theory]
        [InlineData("2015-01-09", "Status has been Active since 2015-01-10")]
        [InlineData("1899-12-31", "between the years 1900 and 2999")]
        [InlineData("3000-01-01", "between the years 1900 and 2999")]
        public void An_effective_date_before_the_since_date_or_outside_the_years_is_refused(string day, string problem)
        {
            var message = Refused(() => Changed(Stored(), new PartnerChanges { Status = PartnerStatus.Suspended, EffectiveDate = D(day) }));
            Assert.StartsWith($"EffectiveDate '{day}'", message);
            Assert.Contains(problem, message);
        }

        [Fact]
        public void A_tier_change_before_TierSince_is_refused_naming_both_days()
        {
            var message = Refused(() => Changed(Stored(), new PartnerChanges { Tier = PartnerTier.Gold, EffectiveDate = D("2014-12-31") }));
            Assert.Contains("'2014-12-31'", message);
            Assert.Contains("Tier has been Registered since 2015-01-10", message);
        }

        [Fact]
        public void An_effective_date_needs_a_status_or_tier_and_a_reason_needs_a_status()
        {
            Assert.Contains("give -Status or -Tier", Refused(() => Changed(Stored(), new PartnerChanges { NotesSet = true, Notes = "x", EffectiveDate = D("2016-01-01") })));
            Assert.Contains("give -Status", Refused(() => Changed(Stored(), new PartnerChanges { Tier = PartnerTier.Gold, Reason = "Promoted" })));
        }

        [Fact]
        public void EndedOn_and_EffectiveDate_of_a_termination_must_be_the_same_day()
        {
            var changes = new PartnerChanges { Status = PartnerStatus.Terminated, EndedOnSet = true, EndedOn = D("2016-01-31"), EffectiveDate = D("2016-02-01") };
            Assert.Contains("different days", Refused(() => Changed(Stored(), changes)));
            changes.EffectiveDate = D("2016-01-31");
            Assert.Equal(D("2016-01-31"), Changed(Stored(), changes).StatusSince);
        }

        [Theory]
        [InlineData("2020-06-16", null)]
        [InlineData(null, "2030-01-01")]
        public void An_effective_date_after_today_is_refused(string? status, string? tier)
        {
            var day = status ?? tier!;
            var changes = new PartnerChanges { EffectiveDate = D(day) };
            if (status != null) { changes.Status = PartnerStatus.Suspended; } else { changes.Tier = PartnerTier.Gold; }
            var message = Refused(() => Changed(Stored(), changes));
            Assert.StartsWith($"EffectiveDate '{day}' is not valid: a change cannot be dated after today (2020-06-15)", message);
            Assert.Equal(Today, Changed(Stored(), new PartnerChanges { Status = PartnerStatus.Suspended, EffectiveDate = Today }).StatusSince);
        }

        [Theory]
        [InlineData("2015-01-10", "2020-06-16", null, "StatusDate '2020-06-16'")]
        [InlineData("2015-01-10", null, "2021-01-01", "TierDate '2021-01-01'")]
        [InlineData("2030-01-01", null, "2030-01-02", "TierDate '2030-01-02'")]
        public void A_new_partner_refuses_a_date_after_today_that_is_not_JoinedOn(string joined, string? status, string? tier, string start)
        {
            var draft = new Partner { Name = "A", JoinedOn = D(joined), StatusSince = status == null ? default : D(status), TierSince = tier == null ? default : D(tier) };
            var message = Refused(() => LifecycleRules.NormalizeNew(draft, Today));
            Assert.StartsWith(start, message);
            Assert.Contains("after today (2020-06-15)", message);
        }

        [Fact]
        public void A_new_partner_may_join_on_a_future_day_or_have_a_scheduled_end()
        {
            var future = new Partner { Name = "A", JoinedOn = D("2030-01-01"), StatusSince = D("2030-01-01"), TierSince = D("2030-01-01") };
            LifecycleRules.NormalizeNew(future, Today);
            Assert.Equal(D("2030-01-01"), future.TierSince);
            var scheduled = new Partner { Name = "B", JoinedOn = D("2015-01-10"), Status = PartnerStatus.Terminated, StatusSince = D("2030-06-30") };
            LifecycleRules.NormalizeNew(scheduled, Today);
            Assert.Equal(D("2030-06-30"), scheduled.EndedOn);
            Assert.Equal(D("2015-01-10"), scheduled.TierSince);
        }

        [Fact]
        public void Clearing_EndedOn_of_a_partner_that_stays_Terminated_is_refused()
        {
            var ended = Stored(PartnerStatus.Terminated, "2016-01-31", "2016-01-31");
            Assert.Contains("to reopen the relationship give another -Status", Refused(() => Changed(ended, new PartnerChanges { EndedOnSet = true })));
            Assert.Contains("to move the end give the new -EndedOn", Refused(() => Changed(ended, new PartnerChanges { Status = PartnerStatus.Terminated, EndedOnSet = true })));
            Assert.Null(Changed(ended, new PartnerChanges { Status = PartnerStatus.Active, EndedOnSet = true }).EndedOn);
        }

        [Fact]
        public void A_JoinedOn_after_the_current_since_dates_is_refused()
        {
            var message = Refused(() => Changed(Stored(PartnerStatus.Suspended, "2016-01-01"), new PartnerChanges { JoinedOn = D("2016-02-01") }));
            Assert.StartsWith("JoinedOn '2016-02-01' is not valid: the partner's Status (Suspended) dates from 2016-01-01", message);
        }

        [Fact]
        public void A_reason_with_the_status_the_partner_has_is_a_correction_unless_it_is_the_same()
        {
            var ended = Stored(PartnerStatus.Terminated, "2016-01-31", "2016-01-31");
            ended.EndReason = "Dormant";
            var changes = new PartnerChanges { Status = PartnerStatus.Terminated, Reason = " Acquired " };
            var next = Changed(ended, changes);
            Assert.True(LifecycleRules.CorrectsReason(ended, next, changes));
            Assert.Equal("Acquired", next.EndReason);
            Assert.Equal(D("2016-01-31"), next.StatusSince);
            var same = new PartnerChanges { Status = PartnerStatus.Terminated, Reason = "Dormant" };
            Assert.False(LifecycleRules.CorrectsReason(ended, Changed(ended, same), same));
            var none = new PartnerChanges { Status = PartnerStatus.Terminated };
            Assert.False(LifecycleRules.CorrectsReason(ended, Changed(ended, none), none));
        }
    }
}
