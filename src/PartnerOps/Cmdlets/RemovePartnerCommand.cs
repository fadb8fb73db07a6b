using System.Management.Automation;

namespace PartnerOps.Commands
{
    /// <summary>Deletes partners. To end a relationship and keep its history, use Set-Partner -Status Terminated instead.</summary>
    [Cmdlet(VerbsCommon.Remove, "Partner", DefaultParameterSetName = ByName, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemovePartnerCommand : PartnerIdentityCmdlet
    {
        protected override string Verb => "Removed";

        protected override void ProcessRecord()
        {
            WithPartner(partner =>
            {
                if (!ShouldProcess($"{partner.Name} (Id {partner.Id})", "Remove partner"))
                {
                    return false;
                }

                Partners.Remove(partner);
                return true;
            });
        }
    }
}
