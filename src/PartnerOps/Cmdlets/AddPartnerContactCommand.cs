using System;
using System.Collections.Generic;
using System.Management.Automation;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Adds a contact (a person) to a partner: the partner by -Partner (a name, an id or a Partner object), a piped Partner
    /// (Get-Partner X | Add-PartnerContact -Name .. -Email ..), or a row's Partner column (Import-Csv | Add-PartnerContact with
    /// columns Partner, Name, Email, Role, Phone, StartedOn, EndedOn). Written in pipelined batches, as Add-PartnerRevenue.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "PartnerContact", SupportsShouldProcess = true)]
    [OutputType(typeof(PartnerContact))]
    public sealed class AddPartnerContactCommand : PartnerOpsCmdlet
    {
        #region Parameters

        /// <summary>
        /// The partner: an exact name, an id, or a Partner object; binds from a row's Partner (or PartnerName) column. Without it a
        /// piped Partner (live, deserialized, or a row shaped like one) is the partner.
        /// </summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("PartnerName")]
        [PartnerReferenceTransformation]
        [ArgumentCompleter(typeof(PartnerNameCompleter))]
        public PartnerReference? Partner { get; set; }

        /// <summary>The contact's name (1 to 200 characters, one line).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [SingleValue]
        public string Name { get; set; } = string.Empty;

        /// <summary>One email address (local@domain), unique among the partner's contacts ignoring case.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        [SingleValue]
        public string Email { get; set; } = string.Empty;

        /// <summary>The contact's role (one line, up to 100 characters).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsNull]
        [SingleValue]
        [ArgumentCompleter(typeof(ContactRoleCompleter))]
        public string? Role { get; set; }

        /// <summary>A phone number (free text, one line, up to 50 characters).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EmptyAsNull]
        [SingleValue]
        public string? Phone { get; set; }

        /// <summary>The contact's first day (a calendar day; may be in the future).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [DateTransformation]
        public DateTime? StartedOn { get; set; }

        /// <summary>
        /// The day the contact left (on or after StartedOn; may be in the future), for a contact added as it was: a row of
        /// Get-PartnerContact -IncludeEnded | Export-Csv comes back ended. Omit it (or leave the cell empty) for a current contact.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowNull]
        [DateTransformation]
        public DateTime? EndedOn { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The piped object: a Partner (the partner of the contact), or a row whose properties bind to the parameters above. The target of its errors.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        #endregion

        // The parameters given on the command line (not bound from piped objects).
        private HashSet<string> _typed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        protected override void BeginProcessing() => _typed = new HashSet<string>(MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);

        protected override void ProcessRecord()
        {
            var input = InputObject;
            var origin = PipedObject.ModuleObjectDatabase(input) ?? Partner?.Database;
            Piped.WarnOfRowDatabase(input, Choice.DatabasePathFor(origin));
            var partner = Partner;
            var target = (object?)input ?? Email;
            if (input != null && PipedObject.Read(input) is PipedObject piped && piped.Kind == PipedKind.Partner)
            {
                // Get-Partner X | Add-PartnerContact -Name .. -Email ..: the partner is the piped one; its own Name is no contact's.
                if (!_typed.Contains(nameof(Name)))
                {
                    Failures.WriteFailure(
                        new PartnerOpsException(
                            ErrorIds.InvalidPartnerValue,
                            FailureKind.InvalidArgument,
                            $"The piped {piped.Description} is the contact's partner; give the contact's -Name and -Email (its own Name is the partner's). Nothing was added.",
                            input),
                        input);
                    return;
                }

                if (!_typed.Contains(nameof(Partner)))
                {
                    try
                    {
                        partner = piped.Partner();
                    }
                    catch (PartnerOpsException ex)
                    {
                        Failures.WriteFailure(ex, input);
                        return;
                    }
                }
            }

            var draft = new ContactDraft { Partner = partner, Name = Name, Email = Email, Role = Role, Phone = Phone, StartedOn = StartedOn, EndedOn = EndedOn };
            var what = $"{Name} <{Email}>" + (partner == null ? string.Empty : $" of partner '{partner}'");
            if (!Writer.ShouldWrite(what, "Add contact") || !(Stores.WritesFor(origin, create: false, target) is PipelinedWrites writes))
            {
                return;
            }

            Writer.QueueItem(writes, target, writes.Contacts.Adding(draft), PassThru);
        }

        protected override void EndProcessing() => Writer.CompleteWrites("Added", "contact(s)");
    }
}
