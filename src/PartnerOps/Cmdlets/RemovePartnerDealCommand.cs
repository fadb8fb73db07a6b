using System;
using System.Globalization;
using System.Management.Automation;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Deletes a deal (by -Id, -Reference, or piped), whatever its status (issue 19); the history records it. A won deal's
    /// revenue record stays: it is revenue booked, not part of the registration.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "PartnerDeal", DefaultParameterSetName = ById, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemovePartnerDealCommand : DealIdentityCmdlet
    {
        private protected override void Act(string? origin, object target, Func<PipelinedWrites, PartnerDeal> find) =>
            WithDeal(
                origin,
                target,
                find,
                "Remove deal",
                ConfirmImpact.High,
                (deal, _) => $"{deal} ({deal.Status})" +
                    (deal.RevenueId is long revenue ? $"; its revenue record {revenue.ToString(CultureInfo.InvariantCulture)} stays" : string.Empty),
                (deal, writes) =>
                {
                    writes.Deals.Remove(deal);
                    WriteVerbose($"Removed the {deal}.");
                    return null;
                },
                emit: false);

        protected override void EndProcessing() => Writer.CompleteWrites("Removed", "deal(s)");
    }
}
