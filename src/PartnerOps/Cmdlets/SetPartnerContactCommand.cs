using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Changes a contact (by -Partner and -Email, or piped): -EndedOn ends it (the contact is kept, with its end date),
    /// -EndedOn $null brings it back; -Name, -NewEmail, -Role, -Phone and -StartedOn change the rest. A change that leaves
    /// every value as it is writes nothing.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "PartnerContact", DefaultParameterSetName = ByEmail, SupportsShouldProcess = true)]
    [OutputType(typeof(PartnerContact))]
    public sealed class SetPartnerContactCommand : ContactIdentityCmdlet
    {
        #region Parameters

        [Parameter]
        [SingleValue]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>The contact's new email (one address, unique among the partner's contacts ignoring case).</summary>
        [Parameter]
        [SingleValue]
        [ValidateNotNullOrEmpty]
        public string? NewEmail { get; set; }

        /// <summary>The new role; empty or $null removes it.</summary>
        [Parameter]
        [AllowNull]
        [AllowEmptyString]
        [SingleValue]
        [ArgumentCompleter(typeof(ContactRoleCompleter))]
        public string? Role { get; set; }

        /// <summary>The new phone; empty or $null removes it.</summary>
        [Parameter]
        [AllowNull]
        [AllowEmptyString]
        [SingleValue]
        public string? Phone { get; set; }

        /// <summary>The contact's first day; $null removes it.</summary>
        [Parameter]
        [AllowNull]
        [DateTransformation]
        public DateTime? StartedOn { get; set; }

        /// <summary>The first day the person is no longer a contact (may be in the future: a planned leave); $null brings an ended contact back.</summary>
        [Parameter]
        [AllowNull]
        [DateTransformation]
        public DateTime? EndedOn { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        #endregion

        private static readonly string[] Settable = { "Name", "NewEmail", "Role", "Phone", "StartedOn", "EndedOn" };

        private protected override void Act(string? origin, object target, Func<PipelinedWrites, PartnerContact> find)
        {
            var bound = MyInvocation.BoundParameters;
            var changes = new ContactChanges
            {
                Name = Name,
                NewEmail = NewEmail,
                RoleSet = bound.ContainsKey(nameof(Role)),
                Role = Role,
                PhoneSet = bound.ContainsKey(nameof(Phone)),
                Phone = Phone,
                StartedOnSet = bound.ContainsKey(nameof(StartedOn)),
                StartedOn = StartedOn,
                EndedOnSet = bound.ContainsKey(nameof(EndedOn)),
                EndedOn = EndedOn,
            };

            WithContact(
                origin,
                target,
                find,
                "Set contact properties",
                ConfirmImpact.Medium,
                (contact, _) => $"{contact} (Id {contact.Id}): {ChangeText.Describe(MyInvocation.BoundParameters, Settable)}",
                (contact, writes) =>
                {
                    var updated = writes.Contacts.Update(contact, changes);
                    if (ReferenceEquals(updated, contact))
                    {
                        WriteVerbose($"The contact {contact} already has these values: no change, nothing written.");
                        writes.Written--; // not counted among the contacts updated
                    }

                    return updated;
                },
                PassThru);
        }

        protected override void EndProcessing() => Writer.CompleteWrites("Updated", "contact(s)");
    }
}
