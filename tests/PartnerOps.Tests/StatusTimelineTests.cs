using System.Collections.Generic;
using System.Linq;
using PartnerOps.Data;
using Xunit;

namespace PartnerOps.Tests
{
    /// <summary>Schema step 12's rule (<see cref="StatusTimeline"/>): each case's rows worked out by hand from the rule.</summary>
    public class StatusTimelineTests
    {
        private const string Migrated = "2026-11-30 09:00:00.000";

        private static StatusTimelinePartner Partner(string status, string tier, string joined, string? ended = null, string updated = "2020-07-01 10:00:00.0000000")
            => new StatusTimelinePartner { Id = 7, Status = status, Tier = tier, JoinedOn = joined, EndedOn = ended, UpdatedAt = updated };

        private static StatusHistoryEntry Insert(string at, string status, string tier, string user = "ann") =>
            StatusHistoryEntry.Parse("Insert", at, user, $"{{\"Name\": [null, \"X\"], \"Tier\": [null, \"{tier}\"], \"Status\": [null, \"{status}\"], \"Notes\": [null, null]}}");

        private static StatusHistoryEntry Update(string at, string changes, string user = "bob") => StatusHistoryEntry.Parse("Update", at, user, changes);

        // Each row as "Attribute From>To@Day user": the shape the cases below are written in.
        private static List<string> Rows(StatusTimelinePartner p) =>
            StatusTimeline.Build(p, Migrated).Select(r => $"{r.Attribute} {r.From ?? "-"}>{r.To}@{r.EffectiveOn} {r.User}").ToList();

        [Fact]
        public void A_partner_without_history_has_its_current_values_from_JoinedOn()
        {
            var p = Partner("Suspended", "Silver", "2016-01-01");
            Assert.Equal(new[] { "Status ->Suspended@2016-01-01 PartnerOps migration", "Tier ->Silver@2016-01-01 PartnerOps migration" }, Rows(p));
            var rows = StatusTimeline.Build(p, Migrated);
            Assert.All(rows, r => Assert.Equal(Migrated, r.RecordedAt));
            Assert.All(rows, r => Assert.Equal(7, r.PartnerId));
            Assert.Equal("2016-01-01", StatusTimeline.Since(rows, "Status"));
            Assert.Equal("2016-01-01", StatusTimeline.Since(rows, "Tier"));
        }

        [Fact]
        public void A_partner_added_as_Terminated_was_Active_from_JoinedOn_to_EndedOn()
        {
            var p = Partner("Terminated", "Registered", "2010-05-01", "2013-12-31");
            p.Entries.Add(Insert("2020-01-02 08:00:00.000", "Terminated", "Registered"));
            Assert.Equal(
                new[] { "Status ->Active@2010-05-01 ann", "Status Active>Terminated@2013-12-31 ann", "Tier ->Registered@2010-05-01 ann" },
                Rows(p));
            var rows = StatusTimeline.Build(p, Migrated);
            Assert.All(rows, r => Assert.Equal("2020-01-02 08:00:00.000", r.RecordedAt));
        }

        [Fact]
        public void Terminated_without_an_end_date_ends_on_JoinedOn()
        {
            Assert.Equal(
                new[] { "Status ->Active@2010-05-01 PartnerOps migration", "Status Active>Terminated@2010-05-01 PartnerOps migration", "Tier ->Gold@2010-05-01 PartnerOps migration" },
                Rows(Partner("Terminated", "Gold", "2010-05-01")));
        }

        [Fact]
        public void Each_change_is_dated_by_its_entry_and_the_first_value_is_the_Insert_entry()
        {
            var p = Partner("Active", "Registered", "2015-06-01");
            p.Entries.Add(Insert("2020-03-01 10:00:00.000", "Prospect", "Registered"));
            p.Entries.Add(Update("2020-03-05 23:59:59.999", "{\"Status\": [\"Prospect\", \"Onboarding\"]}"));
            p.Entries.Add(Update("2020-03-06 00:00:00.000", "{\"Notes\": [null, \"x\"]}"));
            p.Entries.Add(Update("2020-04-01 12:00:00.000", "{\"Status\": [\"Onboarding\", \"Active\"], \"Notes\": [\"x\", null]}", "cy"));
            Assert.Equal(
                new[]
                {
                    "Status ->Prospect@2015-06-01 ann", "Status Prospect>Onboarding@2020-03-05 bob", "Status Onboarding>Active@2020-04-01 cy",
                    "Tier ->Registered@2015-06-01 ann",
                },
                Rows(p));
            var rows = StatusTimeline.Build(p, Migrated);
            Assert.Equal("2020-04-01 12:00:00.000", rows[2].RecordedAt);
            Assert.Equal("2020-04-01", StatusTimeline.Since(rows, "Status"));
        }

        [Fact]
        public void Without_an_Insert_entry_the_first_value_is_the_first_changes_old_value()
        {
            // An imported partner (its Insert entry is its batch's) changed twice since.
            var p = Partner("Active", "Gold", "2017-09-15");
            p.Entries.Add(Update("2019-01-01 00:00:00.000", "{\"Tier\": [\"Registered\", \"Silver\"]}"));
            p.Entries.Add(Update("2019-02-01 00:00:00.000", "{\"Status\": [\"Onboarding\", \"Active\"], \"Tier\": [\"Silver\", \"Gold\"]}"));
            Assert.Equal(
                new[]
                {
                    "Status ->Onboarding@2017-09-15 PartnerOps migration", "Status Onboarding>Active@2019-02-01 bob",
                    "Tier ->Registered@2017-09-15 PartnerOps migration", "Tier Registered>Silver@2019-01-01 bob", "Tier Silver>Gold@2019-02-01 bob",
                },
                Rows(p));
        }

        [Fact]
        public void The_last_change_to_Terminated_is_dated_EndedOn()
        {
            var p = Partner("Terminated", "Gold", "2012-01-01", "2016-03-31");
            p.Entries.Add(Insert("2020-01-01 00:00:00.000", "Active", "Gold"));
            p.Entries.Add(Update("2020-02-01 00:00:00.000", "{\"Status\": [\"Active\", \"Terminated\"], \"EndedOn\": [null, \"2016-03-31\"]}"));
            Assert.Equal(
                new[] { "Status ->Active@2012-01-01 ann", "Status Active>Terminated@2016-03-31 bob", "Tier ->Gold@2012-01-01 ann" },
                Rows(p));
        }

        [Fact]
        public void An_earlier_termination_keeps_its_entry_date_and_no_row_goes_before_the_one_before_it()
        {
            // Terminated, reactivated, terminated again: only the last change to Terminated takes EndedOn, and EndedOn before
            // the row before it is taken as that row's day.
            var p = Partner("Terminated", "Silver", "2018-01-01", "2018-06-30");
            p.Entries.Add(Insert("2019-01-10 00:00:00.000", "Active", "Silver"));
            p.Entries.Add(Update("2019-02-01 00:00:00.000", "{\"Status\": [\"Active\", \"Terminated\"]}"));
            p.Entries.Add(Update("2019-03-01 00:00:00.000", "{\"Status\": [\"Terminated\", \"Active\"]}"));
            p.Entries.Add(Update("2019-04-01 00:00:00.000", "{\"Status\": [\"Active\", \"Terminated\"]}"));
            Assert.Equal(
                new[]
                {
                    "Status ->Active@2018-01-01 ann", "Status Active>Terminated@2019-02-01 bob", "Status Terminated>Active@2019-03-01 bob",
                    "Status Active>Terminated@2019-03-01 bob", "Tier ->Silver@2018-01-01 ann",
                },
                Rows(p));
        }

        [Fact]
        public void A_change_dated_before_JoinedOn_takes_JoinedOn()
        {
            // JoinedOn later than the day the change was made (a partner entered ahead of its start).
            var p = Partner("Active", "Registered", "2030-01-01");
            p.Entries.Add(Insert("2025-01-01 00:00:00.000", "Onboarding", "Registered"));
            p.Entries.Add(Update("2025-02-01 00:00:00.000", "{\"Status\": [\"Onboarding\", \"Active\"]}"));
            Assert.Equal(new[] { "Status ->Onboarding@2030-01-01 ann", "Status Onboarding>Active@2030-01-01 bob", "Tier ->Registered@2030-01-01 ann" }, Rows(p));
        }

        [Fact]
        public void A_current_value_the_history_does_not_reach_is_appended_on_UpdatedAt_or_EndedOn()
        {
            // The history lost changes (another program wrote the row): the current values are appended, Status Terminated on EndedOn.
            var p = Partner("Suspended", "Platinum", "2015-01-01", updated: "2021-05-06 07:08:09.1234567");
            p.Entries.Add(Insert("2020-01-01 00:00:00.000", "Active", "Gold"));
            Assert.Equal(
                new[]
                {
                    "Status ->Active@2015-01-01 ann", "Status Active>Suspended@2021-05-06 PartnerOps migration",
                    "Tier ->Gold@2015-01-01 ann", "Tier Gold>Platinum@2021-05-06 PartnerOps migration",
                },
                Rows(p));

            var ended = Partner("Terminated", "Gold", "2015-01-01", "2019-12-31", updated: "2021-05-06 07:08:09.1234567");
            ended.Entries.Add(Insert("2016-01-01 00:00:00.000", "Active", "Gold"));
            Assert.Equal(
                new[] { "Status ->Active@2015-01-01 ann", "Status Active>Terminated@2019-12-31 PartnerOps migration", "Tier ->Gold@2015-01-01 ann" },
                Rows(ended));

            var early = Partner("Suspended", "Gold", "2022-01-01", updated: "2021-05-06 07:08:09.1234567");
            Assert.Equal(new[] { "Status ->Suspended@2022-01-01 PartnerOps migration", "Tier ->Gold@2022-01-01 PartnerOps migration" }, Rows(early));
        }

        [Fact]
        public void Entries_read_only_Status_and_Tier_and_text_that_is_not_JSON_holds_neither()
        {
            var entry = StatusHistoryEntry.Parse("Update", "2020-01-01 00:00:00.000", "ann", "{\"Tier\": [\"Silver\", \"Gold\"], \"Notes\": [\"Status\", null]}");
            Assert.False(entry.IsInsert);
            Assert.Null(entry.Status);
            Assert.Equal(("Silver", "Gold"), entry.Tier!.Value);
            var broken = StatusHistoryEntry.Parse("Update", "2020-01-01 00:00:00.000", "ann", "{not json");
            Assert.Null(broken.Status);
            Assert.Null(broken.Tier);
            Assert.Null(StatusHistoryEntry.Parse("Insert", "2020-01-01 00:00:00.000", "ann", null).Status);
        }

        [Fact]
        public void History_rows_are_grouped_by_partner_in_their_order_and_other_entity_ids_are_left_out()
        {
            var grouped = StatusTimeline.Group(new (string, string, string, string, string?)[]
            {
                ("2", "Insert", "2020-01-01 00:00:00.000", "ann", "{\"Status\": [null, \"Active\"]}"),
                ("1", "Update", "2020-01-02 00:00:00.000", "bob", "{\"Tier\": [\"Silver\", \"Gold\"]}"),
                ("2", "Update", "2020-01-03 00:00:00.000", "cy", "{\"Status\": [\"Active\", \"Suspended\"]}"),
                ("x/1", "Update", "2020-01-04 00:00:00.000", "dee", "{}"),
            });
            Assert.Equal(new long[] { 2, 1 }, grouped.Keys);
            Assert.Equal(new[] { "ann", "cy" }, grouped[2].Select(e => e.User));
            Assert.True(grouped[2][0].IsInsert);
            Assert.Equal(("Active", "Suspended"), grouped[2][1].Status!.Value);
            Assert.Equal(("Silver", "Gold"), grouped[1].Single().Tier!.Value);
        }
    }
}
