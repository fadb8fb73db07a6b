using System;
using System.Management.Automation;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Denies deals (by -Id, -Reference, or piped; issue 19) with a reason: a deal Submitted on -Date (default today) becomes
    /// Denied that day and holds its customer no longer. An approved deal is not denied but closed as lost (Close-PartnerDeal
    /// -Lost); any other status is refused (PartnerDealStateInvalid).
    /// </summary>
    [Cmdlet(VerbsLifecycle.Deny, "PartnerDeal", DefaultParameterSetName = ById, SupportsShouldProcess = true)]
    [OutputType(typeof(PartnerDeal))]
    public sealed class DenyPartnerDealCommand : DealIdentityCmdlet
    {
        #region Parameters

        /// <summary>Why the deal is denied: one line, at most 500 characters.</summary>
        [Parameter(Mandatory = true)]
        [SingleValue]
        [AllowEmptyString]
        public string? Reason { get; set; }

        /// <summary>The day of the denial (default today, UTC): not before the deal's RegisteredOn, not after today.</summary>
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
                "Deny deal",
                ConfirmImpact.Medium,
                (deal, writes) => DealDecisionText.Checked(deal, writes, DealAction.Deny, Date) + $": {Reason}",
                (deal, writes) => writes.Store.DealDecisions.Deny(deal, Reason, Date),
                PassThru);

        protected override void EndProcessing() => Writer.CompleteWrites("Denied", "deal(s)");
    }
}
