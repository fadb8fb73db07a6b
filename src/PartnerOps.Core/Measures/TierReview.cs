using System;
using System.Collections.Generic;
using System.Linq;
using PartnerOps.Data;

namespace PartnerOps.Measures
{
    /// <summary>A tier change the review decided (Invoke-PartnerTierReview writes it dated AsOf with the reason <see cref="TierReview.Reason"/>).</summary>
    public sealed class PlannedTierChange
    {
        /// <summary>The partner's id.</summary>
        public long PartnerId { get; set; }

        /// <summary>The partner's name.</summary>
        public string Partner { get; set; } = string.Empty;

        /// <summary>Its tier on AsOf.</summary>
        public PartnerTier From { get; set; }

        /// <summary>The tier it qualified for on AsOf (<see cref="TierAssessment.QualifiedTier"/>).</summary>
        public PartnerTier To { get; set; }

        /// <summary>
        /// What -WhatIf and -Confirm say: <c>Gold -> Silver (TierReview, downgrade: met the Gold rule on no day from 2026-08-01 to 2026-10-29 (90-day grace period))</c>,
        /// <c>Silver -> Gold (TierReview, upgrade: meets the Gold rule on 2026-10-29)</c>.
        /// </summary>
        public string Description { get; set; } = string.Empty;
    }

    /// <summary>What a tier review decided: the changes to write, and why each downgrade candidate kept its tier.</summary>
    public sealed class TierReviewPlan
    {
        /// <summary>Upgrades and downgrades, in the assessment's order (partner id).</summary>
        public List<PlannedTierChange> Changes { get; } = new List<PlannedTierChange>();

        /// <summary>
        /// The partners the review decided to change but cannot re-date on AsOf: their Tier changed after AsOf (changes are
        /// recorded in date order). Each is an InvalidPartnerValue naming the partner, its tier and the day it took effect
        /// (<see cref="TierReview.LaterTierChange"/>); -WhatIf and the real run both report them per partner.
        /// </summary>
        public List<(long PartnerId, string Partner, PartnerOpsException Error)> Refused { get; } = new List<(long, string, PartnerOpsException)>();

        /// <summary>One sentence per downgrade candidate the grace period kept (for -Verbose).</summary>
        public List<string> Kept { get; } = new List<string>();

        /// <summary>The ids of every partner assessed.</summary>
        public HashSet<long> Assessed { get; } = new HashSet<long>();

        /// <summary>The partners no rule of any tier applied to (the assessments without a QualifiedTier).</summary>
        public List<TierAssessment> Unruled { get; } = new List<TierAssessment>();
    }

    /// <summary>
    /// The tier review (issue 18): partners assessed as Test-PartnerTier assesses them on AsOf (<see cref="TierAssessor"/>);
    /// an upgrade applies at once; a downgrade only when the partner did not qualify for its current tier (met no applicable rule of
    /// that tier or a higher one) on any day of the grace period (<see cref="GracePeriod"/>, evaluated exactly for the downgrade
    /// candidates only, with their region and type of AsOf) and has had its current tier for at least the grace period (TierSince,
    /// its latest Tier change on or before AsOf, on or before the grace period's first day AsOf - GraceDays + 1: a tier given or
    /// changed after that day is not taken away). The new tier is the qualified one (a downgrade may skip tiers). A partner whose
    /// Tier changed after AsOf cannot be changed on AsOf (changes are recorded in date order): it goes to
    /// <see cref="TierReviewPlan.Refused"/>, not to the changes.
    /// </summary>
    public static class TierReview
    {
        /// <summary>The reason kept with every Tier change the review makes.</summary>
        public const string Reason = "TierReview";

        /// <summary>The longest grace period, in days (ten years).</summary>
        public const int MaxGraceDays = 3650;

        /// <summary>The downgrade candidates whose dated inputs are read together.</summary>
        private const int Chunk = 1000;

        /// <summary>
        /// The review of the partners <paramref name="filter"/> selects (null: all) that are in the programme on
        /// <paramref name="asOf"/>. InvalidPartnerValue for a <paramref name="graceDays"/> outside 0 to <see cref="MaxGraceDays"/>.
        /// </summary>
        /// <exception cref="PartnerOpsException">InvalidPartnerValue; ExchangeRateMissing (naming pair and year); a named database failure.</exception>
        public static TierReviewPlan Plan(IPartnerDatabase store, IReadOnlyList<TierRule> rules, CurrencyConverter converter, DateTime asOf, int graceDays, PartnerFilter? filter)
        {
            CheckGraceDays(graceDays);
            var day = asOf.Date;
            var plan = new TierReviewPlan();
            var candidates = new List<TierAssessment>();
            foreach (var assessment in TierAssessor.Run(store.QualityInputs, rules, converter, day, filter, store.Path))
            {
                plan.Assessed.Add(assessment.PartnerId);
                if (assessment.QualifiedTier is not PartnerTier qualified)
                {
                    plan.Unruled.Add(assessment);
                }
                else if (assessment.Recommendation == TierRecommendation.Upgrade)
                {
                    plan.Changes.Add(Change(assessment, qualified, $"upgrade: meets the {qualified} rule on {Day(day)}"));
                }
                else if (assessment.Recommendation == TierRecommendation.Downgrade)
                {
                    candidates.Add(assessment);
                }
            }

            var window = GracePeriod.Days(day, graceDays);
            for (var start = 0; start < candidates.Count; start += Chunk)
            {
                var chunk = candidates.Skip(start).Take(Chunk).ToList();
                var since = TierSince(store, chunk.Select(c => c.PartnerId), day);
                var inputs = window is { } period ? Inputs(store, rules, chunk, period.First, period.Last) : null;
                foreach (var candidate in chunk)
                {
                    var tier = candidate.CurrentTier;
                    var regionKey = RevenueRules.Key(candidate.Region);
                    var rule = TierRuleRules.Applicable(rules, tier, regionKey, candidate.Type);
                    var below = rule == null ? $"no {tier} rule applies to its region and type" : $"below the {tier} rule";
                    if (window is { } grace)
                    {
                        var (from, to) = grace;
                        if (since.TryGetValue(candidate.PartnerId, out var tierSince) && tierSince > from)
                        {
                            plan.Kept.Add($"Partner '{candidate.Partner}' (Id {candidate.PartnerId}) keeps {tier}: it has been {tier} since {Day(tierSince)}, " +
                                          $"less than the {graceDays}-day grace period (it would go to {candidate.QualifiedTier}).");
                            continue;
                        }

                        var held = Enum.GetValues(typeof(PartnerTier)).Cast<PartnerTier>().Where(t => t >= tier && t != PartnerTier.Registered)
                            .Select(t => TierRuleRules.Applicable(rules, t, regionKey, candidate.Type)).OfType<TierRule>().ToList();
                        if (GracePeriod.FirstMetDay(held, inputs![candidate.PartnerId], from, to, converter) is DateTime met)
                        {
                            plan.Kept.Add($"Partner '{candidate.Partner}' (Id {candidate.PartnerId}) keeps {tier}: it qualified for {tier} on {Day(met)}, " +
                                          $"within the {graceDays}-day grace period ({Day(from)} to {Day(to)}; it would go to {candidate.QualifiedTier}).");
                            continue;
                        }

                        var never = held.Count == 0
                            ? $"no rule of {tier} or a higher tier applies to its region and type"
                            : rule == null
                                ? $"met no rule of {tier} or a higher tier on any day from {Day(from)} to {Day(to)} ({graceDays}-day grace period)"
                                : $"met the {tier} rule on no day from {Day(from)} to {Day(to)} ({graceDays}-day grace period)";
                        plan.Changes.Add(Change(candidate, candidate.QualifiedTier!.Value, $"downgrade: {never}"));
                    }
                    else
                    {
                        plan.Changes.Add(Change(candidate, candidate.QualifiedTier!.Value, $"downgrade: {below} on {Day(day)}"));
                    }
                }
            }

            RefuseLaterTierChanges(store, plan, day);
            plan.Changes.Sort((a, b) => a.PartnerId.CompareTo(b.PartnerId));
            return plan;
        }

        /// <summary>InvalidPartnerValue (InvalidArgument) for a grace period outside 0 to <see cref="MaxGraceDays"/> days.</summary>
        public static void CheckGraceDays(int graceDays)
        {
            if (graceDays < 0 || graceDays > MaxGraceDays)
            {
                throw new PartnerOpsException(
                    ErrorIds.InvalidPartnerValue,
                    FailureKind.InvalidArgument,
                    $"GraceDays '{graceDays}' is not valid: the grace period is 0 to {MaxGraceDays} days (0: downgrades apply at once).",
                    graceDays);
            }
        }

        /// <summary>
        /// InvalidPartnerValue (InvalidArgument) for a review dated after <paramref name="today"/> (the local calendar day): every
        /// change it made would be dated then, and once recorded no change could be dated before it. Given once, for the command.
        /// </summary>
        public static void CheckAsOf(DateTime asOf, DateTime today)
        {
            if (asOf.Date > today.Date)
            {
                throw new PartnerOpsException(
                    ErrorIds.InvalidPartnerValue,
                    FailureKind.InvalidArgument,
                    $"AsOf '{Day(asOf)}' is not valid: a tier review cannot be dated after today ({Day(today)}): its changes take effect on AsOf, " +
                    "and once recorded no change could be dated before it. Nothing was assessed.",
                    Day(asOf));
            }
        }

        /// <summary>
        /// InvalidPartnerValue (InvalidArgument) for a review of partner <paramref name="partner"/> (id <paramref name="partnerId"/>)
        /// dated <paramref name="asOf"/>, before its Tier <paramref name="tier"/> took effect on <paramref name="since"/>: changes are
        /// recorded in date order, so its review must be dated on or after that day. The target is the partner's name.
        /// </summary>
        public static PartnerOpsException LaterTierChange(long partnerId, string partner, DateTime asOf, string tier, DateTime since) =>
            new PartnerOpsException(
                ErrorIds.InvalidPartnerValue,
                FailureKind.InvalidArgument,
                $"AsOf '{Day(asOf)}' is not valid for partner '{partner}' (Id {partnerId}): its Tier has been {tier} since {Day(since)}, " +
                $"and changes are recorded in date order: a tier review of it must be dated on or after {Day(since)}.",
                partner);

        // Moves the changes of the partners whose latest Tier change is dated after the day to the refused.
        private static void RefuseLaterTierChanges(IPartnerDatabase store, TierReviewPlan plan, DateTime day)
        {
            var refused = new HashSet<long>();
            for (var start = 0; start < plan.Changes.Count; start += Chunk)
            {
                var chunk = plan.Changes.Skip(start).Take(Chunk).ToList();
                var filter = new StatusChangeFilter { PartnerIds = new HashSet<long>(chunk.Select(c => c.PartnerId)), From = day.AddDays(1) };
                filter.Attributes.Add(StatusAttribute.Tier);
                var latest = new Dictionary<long, StatusChange>();
                foreach (var change in store.StatusHistory.Find(filter))
                {
                    if (!latest.TryGetValue(change.PartnerId, out var seen) || change.EffectiveDate.Date >= seen.EffectiveDate.Date)
                    {
                        latest[change.PartnerId] = change;
                    }
                }

                foreach (var change in chunk.Where(c => latest.ContainsKey(c.PartnerId)))
                {
                    var later = latest[change.PartnerId];
                    plan.Refused.Add((change.PartnerId, change.Partner, LaterTierChange(change.PartnerId, change.Partner, day, later.To, later.EffectiveDate.Date)));
                    refused.Add(change.PartnerId);
                }
            }

            plan.Changes.RemoveAll(c => refused.Contains(c.PartnerId));
            plan.Refused.Sort((a, b) => a.PartnerId.CompareTo(b.PartnerId));
        }

        private static PlannedTierChange Change(TierAssessment assessment, PartnerTier to, string why) => new PlannedTierChange
        {
            PartnerId = assessment.PartnerId,
            Partner = assessment.Partner,
            From = assessment.CurrentTier,
            To = to,
            Description = $"{assessment.CurrentTier} -> {to} ({Reason}, {why})",
        };

        // Each partner's TierSince on the day: the date of its latest Tier change effective on or before it.
        private static Dictionary<long, DateTime> TierSince(IPartnerDatabase store, IEnumerable<long> partnerIds, DateTime day)
        {
            var filter = new StatusChangeFilter { PartnerIds = new HashSet<long>(partnerIds), To = day };
            filter.Attributes.Add(StatusAttribute.Tier);
            var since = new Dictionary<long, DateTime>();
            foreach (var change in store.StatusHistory.Find(filter))
            {
                if (!since.TryGetValue(change.PartnerId, out var date) || change.EffectiveDate.Date >= date)
                {
                    since[change.PartnerId] = change.EffectiveDate.Date;
                }
            }

            return since;
        }

        // The dated inputs of the candidates over the grace period, read in SQL: two statements for the chunk.
        private static Dictionary<long, DatedQualityInputs> Inputs(IPartnerDatabase store, IReadOnlyList<TierRule> rules, List<TierAssessment> chunk, DateTime first, DateTime last)
        {
            var ids = chunk.Select(c => c.PartnerId).ToList();
            var patterns = rules.Where(r => r.MinCertified != null).Select(r => r.Certification).Distinct().ToList();
            var inputs = chunk.ToDictionary(c => c.PartnerId, c => new DatedQualityInputs { Patterns = patterns });
            var filter = new PartnerFilter();
            foreach (var id in ids)
            {
                filter.Ids.Add(id);
            }

            foreach (var partner in store.QualityInputs.Partners(last, filter))
            {
                if (inputs.TryGetValue(partner.Id, out var dated))
                {
                    dated.FirstActiveOn = partner.FirstActiveOn;
                }
            }

            if (rules.Any(r => r.MinRevenue != null))
            {
                foreach (var (partnerId, date, currency, minor) in store.QualityHistory.DailyRevenue(ids, GracePeriod.RevenueFrom(rules, first), last))
                {
                    inputs[partnerId].Revenue.Add((date, currency, minor));
                }
            }

            if (patterns.Count > 0)
            {
                foreach (var span in store.QualityHistory.CertificationSpans(ids, patterns, first, last))
                {
                    inputs[span.PartnerId].Certifications.Add(span);
                }
            }

            return inputs;
        }

        private static string Day(DateTime day) => PartnerRules.FormatDate(day);
    }
}
