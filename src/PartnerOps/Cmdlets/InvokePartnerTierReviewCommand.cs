using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PartnerOps.Data;
using PartnerOps.Measures;

namespace PartnerOps.Commands
{
    /// <summary>
    /// The tier review: partners assessed as Test-PartnerTier assesses them on a day; upgrades applied at once, downgrades only
    /// after the grace period (<see cref="TierReview"/>). Each change is Set-Partner's dated Tier change (the partner repository's
    /// update: LifecycleRules apply) with EffectiveDate = AsOf and the reason TierReview; the StatusChange rows made are returned.
    /// An AsOf after today is refused before anything is assessed; a partner whose Tier changed after AsOf is an error naming it,
    /// under -WhatIf too (<see cref="TierReviewPlan.Refused"/>).
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "PartnerTierReview", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(StatusChange))]
    public sealed class InvokePartnerTierReviewCommand : PartnerQualityCmdlet
    {
        #region Parameters

        /// <summary>
        /// The days of the grace period, AsOf - GraceDays + 1 to AsOf: a partner is downgraded only when it held its tier and failed
        /// its tier's rule on every one of them: 0 to 3650 (0: downgrades apply at once). Default 90.
        /// </summary>
        [Parameter]
        [IntegerTransformation]
        public int GraceDays { get; set; } = 90;

        #endregion

        protected override string Measure => "Invoke-PartnerTierReview";

        protected override void BeginProcessing()
        {
            try
            {
                TierReview.CheckGraceDays(GraceDays);
                if (AsOf is DateTime asOf)
                {
                    TierReview.CheckAsOf(asOf, DateTime.Now.Date); // the local day, as the partner repository dates changes
                }
            }
            catch (PartnerOpsException ex)
            {
                Failures.ThrowFailure(ex, ex.Target);
            }

            base.BeginProcessing();
        }

        protected override void EndProcessing()
        {
            var unruled = new List<TierAssessment>();
            try
            {
                foreach (var (store, filter, named) in Selections())
                {
                    var writes = Stores.WritesAt(store.Path, create: false);
                    PipelineWriter.SeeOtherWrites(writes.Store, writes.Batch);
                    var rules = writes.Store.TierRules.Find(null, null, null).ToList();
                    var plan = TierReview.Plan(writes.Store, rules, writes.Store.ExchangeRates.Converter(), Day, GraceDays, filter);
                    foreach (var kept in plan.Kept)
                    {
                        WriteVerbose(kept);
                    }

                    // Changes and refusals in partner order, the same under -WhatIf as in the real run.
                    var refused = plan.Refused.ToDictionary(r => r.PartnerId);
                    var changes = plan.Changes.ToDictionary(c => c.PartnerId);
                    foreach (var id in refused.Keys.Concat(changes.Keys).OrderBy(id => id))
                    {
                        var name = refused.TryGetValue(id, out var refusal) ? refusal.Partner : changes[id].Partner;
                        var target = named.TryGetValue(id, out var item) ? item ?? name : name;
                        if (refusal.Error != null)
                        {
                            Failures.WriteFailure(refusal.Error, target);
                        }
                        else
                        {
                            Apply(writes, changes[id], target);
                        }
                    }

                    var assessed = new HashSet<long>(plan.Changes.Select(c => c.PartnerId).Concat(refused.Keys));
                    assessed.UnionWith(plan.Assessed);
                    ReportNotInProgramme(writes.Store, named, assessed);
                    unruled.AddRange(plan.Unruled);
                    FilterHintWarnings.Warn(this, writes.Store, HintedFilter.PartnerRegion, Region, plan.Assessed.Count == 0);
                }

                if (unruled.Count > 0)
                {
                    WriteWarning(TierAssessor.NoRuleWarning(unruled));
                }

                Writer.CompleteWrites("Changed the tier of");
            }
            catch (PartnerOpsException ex)
            {
                Failures.ThrowFailure(ex, ex.Target);
            }
        }

        // One partner's change: ShouldProcess, then Set-Partner's write in the database's batch, and the Tier change it recorded.
        private void Apply(PipelinedWrites writes, PlannedTierChange change, object target)
        {
            var description = $"{change.Partner} (Id {change.PartnerId}): {change.Description}" + Stores.WhereUnlessDefault(writes.Store);
            if (!Writer.ShouldWrite(description, "Set partner tier", ConfirmImpact.Medium))
            {
                return;
            }

            Writer.WriteItem(
                writes,
                target,
                () =>
                {
                    var partner = writes.Partners.GetById(change.PartnerId) ?? throw RecordNotFound.Partner("Id " + change.PartnerId, change.PartnerId, writes.Store.Path);
                    Partner updated;
                    try
                    {
                        updated = writes.Partners.Update(partner, new PartnerChanges { Tier = change.To, EffectiveDate = Day, TierReason = TierReview.Reason });
                    }
                    catch (PartnerOpsException ex) when (ex.Kind == FailureKind.InvalidArgument)
                    {
                        // A refusal of this partner's change (a Tier change recorded meanwhile): say whose.
                        throw new PartnerOpsException(ex.ErrorId, ex.Kind, $"Partner '{partner.Name}' (Id {partner.Id}): {ex.Message}", partner.Name, ex);
                    }

                    if (ReferenceEquals(updated, partner))
                    {
                        WriteVerbose($"Partner '{partner.Name}' (Id {partner.Id}) is already {change.To}: no change, nothing written.");
                        writes.Written--;
                        return null;
                    }

                    var filter = new StatusChangeFilter { PartnerIds = new HashSet<long> { partner.Id }, From = Day, To = Day };
                    filter.Attributes.Add(StatusAttribute.Tier);
                    return writes.Store.StatusHistory.Find(filter).Last();
                },
                emit: true);
        }
    }
}
