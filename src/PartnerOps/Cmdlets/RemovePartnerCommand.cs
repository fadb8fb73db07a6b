using System.Management.Automation;
using PartnerOps.Data;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Deletes partners, with their contacts and the contacts' certifications. A partner with revenue is refused
    /// (PartnerHasRevenue) unless -Force, which deletes that revenue too. To end a relationship and keep its history, use Set-Partner -Status Terminated instead.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "Partner", DefaultParameterSetName = ByName, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemovePartnerCommand : PartnerIdentityCmdlet
    {
        /// <summary>Also delete the partner's revenue records.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override string Verb => "Removed";

        protected override void Act(PartnerReference reference, object target)
        {
            WithPartner(
                reference,
                target,
                "Remove partner",
                ConfirmImpact.High,
                (partner, writes) =>
                {
                    // Its contacts, their certifications and its deals (issue 19) go with it (ON DELETE CASCADE): the text names how many.
                    var revenue = CheckRevenue(partner, writes);
                    var (contacts, certifications, deals) = writes.Partners.CountDependents(partner.Id);
                    return PartnerDependents.Describe(partner, revenue, contacts, certifications, deals);
                },
                (partner, writes) =>
                {
                    CheckRevenue(partner, writes); // again, inside the transaction
                    writes.Revenue.RemoveForPartner(partner.Id);
                    writes.Partners.Remove(partner);
                    return null;
                },
                emit: false);
        }

        private long CheckRevenue(Partner partner, PipelinedWrites writes)
        {
            var revenue = writes.Revenue.CountForPartner(partner.Id);
            if (revenue > 0 && !Force)
            {
                throw new PartnerOpsException(
                    ErrorIds.PartnerHasRevenue,
                    FailureKind.InvalidOperation,
                    $"Partner '{partner.Name}' has {revenue} revenue record(s), so it was not removed. Use -Force to remove them too, " +
                    "or end the relationship with Set-Partner -Status Terminated.",
                    partner);
            }

            return revenue;
        }
    }
}
