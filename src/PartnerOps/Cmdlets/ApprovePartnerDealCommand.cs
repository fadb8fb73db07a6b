using System;
using System.Management.Automation;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Approves deals (by -Id, -Reference, or piped; issue 19): a deal Submitted on -Date (default today) becomes Approved that
    /// day, and its partner's protection of the customer is exclusive until ExpiresOn. Refused (PartnerDealStateInvalid) for any
    /// other status, and when another partner's deal for the same customer and country is Approved on any day from that day to
    /// ExpiresOn (customers matched by <see cref="DealRules.CustomerMatchKey"/>).
    /// </summary>
    [Cmdlet(VerbsLifecycle.Approve, "PartnerDeal", DefaultParameterSetName = ById, SupportsShouldProcess = true)]
    [OutputType(typeof(PartnerDeal))]
    public sealed class ApprovePartnerDealCommand : DealIdentityCmdlet
    {
        #region Parameters

        /// <summary>The day of the approval (default today, UTC): not before the deal's RegisteredOn, not after today.</summary>
        [Parameter]
        [DateTransformation]
        public DateTime? Date { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        #endregion

        private protected override void Act(string? origin, object target, Func<PipelinedWrites, PartnerDeal> find) =>
            WithDeal(
                origin,
                target,
                find,
                "Approve deal",
                ConfirmImpact.Medium,
                (deal, writes) => DealDecisionText.Checked(deal, writes, DealAction.Approve, Date),
                (deal, writes) => writes.Store.DealDecisions.Approve(deal, Date),
                PassThru);

        protected override void EndProcessing() => Writer.CompleteWrites("Approved", "deal(s)");
    }
}
