using System;
using System.Globalization;
using System.Management.Automation;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Deletes a contact (by -Partner and -Email, or piped) and its certifications with it; the history records each. A contact
    /// who left is usually ended instead (Set-PartnerContact -EndedOn), which keeps it and its certifications.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "PartnerContact", DefaultParameterSetName = ByEmail, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemovePartnerContactCommand : ContactIdentityCmdlet
    {
        private protected override void Act(string? origin, object target, Func<PipelinedWrites, PartnerContact> find) =>
            WithContact(
                origin,
                target,
                find,
                "Remove contact",
                ConfirmImpact.High,
                (contact, writes) => $"{contact} (Id {contact.Id.ToString(CultureInfo.InvariantCulture)}) and its {writes.Contacts.CountCertifications(contact.Id).ToString(CultureInfo.InvariantCulture)} certification(s)",
                (contact, writes) =>
                {
                    var certifications = writes.Contacts.Remove(contact);
                    WriteVerbose($"Removed the contact {contact} and its {certifications.ToString(CultureInfo.InvariantCulture)} certification(s).");
                    return null;
                },
                emit: false);

        protected override void EndProcessing() => Writer.CompleteWrites("Removed", "contact(s)");
    }
}
