using System;
using System.Collections.Generic;
using System.Management.Automation;
using PartnerOps.Data;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Records a certification a partner's contact earned (issue 18). The contact is a PartnerContact (piped, or given to
    /// -Contact) or an email; an email alone is enough when exactly one partner has a contact with it, else -Partner says whose.
    /// Every value binds from the pipeline by property name, so CSV rows (Partner, Contact, Name, EarnedOn, ExpiresOn) and
    /// PartnerCertification objects flow in; items are written in pipelined batches, as Add-PartnerRevenue's are.
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "PartnerCertification", SupportsShouldProcess = true)]
    [OutputType(typeof(PartnerCertification))]
    public sealed class AddPartnerCertificationCommand : PartnerOpsCmdlet
    {
        #region Parameters

        /// <summary>The contact: a PartnerContact object, or its email (case is ignored). Without it, a piped PartnerContact is the contact.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ContactEmailCompleter))]
        [EmptyAsNull]
        public PSObject? Contact { get; set; }

        /// <summary>The partner whose contact it is (a name, an id, or a Partner): needed when several partners have a contact with that email.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [PartnerReferenceTransformation]
        [ArgumentCompleter(typeof(PartnerNameCompleter))]
        public PartnerReference? Partner { get; set; }

        /// <summary>The certification's name (1 to 200 characters, one line); compared ignoring case as partner names are.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(CertificationNameCompleter))]
        [AllowEmptyString]
        [SingleValue]
        public string Name { get; set; } = string.Empty;

        /// <summary>The day it was earned (a calendar day).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [DateTransformation]
        [AllowNull]
        public DateTime? EarnedOn { get; set; }

        /// <summary>The day it expires (it no longer counts on that day); after EarnedOn. Empty or not given: it does not expire.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [DateTransformation]
        public DateTime? ExpiresOn { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The piped object: a PartnerContact (the contact), or a row whose properties bind to the parameters above. It is the target of the item's errors.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        #endregion

        // The parameters given on the command line (the others bind from each piped object).
        private readonly HashSet<string> _typed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        protected override void BeginProcessing() => _typed.UnionWith(MyInvocation.BoundParameters.Keys);

        protected override void ProcessRecord()
        {
            var target = (object?)InputObject ?? Contact ?? (object)Name;
            CertificationDraft draft;
            string? origin;
            try
            {
                (draft, origin) = Draft();
            }
            catch (PartnerOpsException ex)
            {
                Failures.WriteFailure(ex, target);
                return;
            }

            Piped.WarnOfRowDatabase(InputObject, Choice.DatabasePathFor(origin));
            var what = $"'{TextRules.Shown(Name)}' earned {PartnerRules.FormatDate(draft.EarnedOn)}" +
                (ExpiresOn is DateTime end ? $", expires {PartnerRules.FormatDate(end)}" : string.Empty) +
                " by " + draft.ContactShown;
            if (!Writer.ShouldWrite(what, "Add certification") || !(Stores.WritesFor(origin, create: true, target) is PipelinedWrites writes))
            {
                return;
            }

            Writer.QueueItem(writes, target, writes.Store.Certifications.Adding(draft, DateTime.UtcNow.Date), PassThru);
        }

        protected override void EndProcessing() => Writer.CompleteWrites("Added", "certification(s)");

        // The draft of this item, and the database a contact object (or the piped object) came from: a certification of a
        // contact object is added to that object's database unless -Database says otherwise; a row is data, added to this
        // command's database.
        private (CertificationDraft Draft, string? Origin) Draft()
        {
            // An empty cell binds as null (AllowNull), so that the row gets the module's error rather than the binder's.
            var earnedOn = EarnedOn ?? throw new PartnerOpsException(
                ErrorIds.InvalidPartnerValue,
                FailureKind.InvalidArgument,
                $"EarnedOn '' is not valid: a certification needs the day it was earned (such as {PartnerRules.FormatDate(DateTime.UtcNow.Date)}).",
                InputObject);
            var draft = new CertificationDraft { Partner = Partner, Name = Name, EarnedOn = earnedOn, ExpiresOn = ExpiresOn };
            var contact = Contact ?? InputObject;
            var piped = contact == null ? null : PipedObject.Read(contact);
            if (piped == null || (Contact == null && piped.Kind != PipedKind.Contact))
            {
                throw new PartnerOpsException(
                    ErrorIds.InvalidPartnerValue,
                    FailureKind.InvalidArgument,
                    "Give the contact: -Contact with its email or a PartnerContact, a Contact column, or pipe contacts (Get-PartnerContact).",
                    InputObject);
            }

            if (piped.Kind == PipedKind.Contact)
            {
                if (Contact == null && !_typed.Contains(nameof(Name)))
                {
                    // A piped contact's Name is the person's, not a certification's.
                    throw new PartnerOpsException(
                        ErrorIds.InvalidPartnerValue,
                        FailureKind.InvalidArgument,
                        $"Give the certification's -Name: the piped contact's Name ('{TextRules.Shown(Name)}') is the person's name.",
                        InputObject);
                }

                draft.ContactObject = piped.Contact();
                return (draft, PipedObject.ModuleObjectDatabase(contact) ?? Partner?.Database);
            }

            draft.ContactEmail = piped.Kind == PipedKind.Text ? (string)piped.Value.BaseObject
                : throw new PartnerOpsException(
                    ErrorIds.InvalidPartnerValue,
                    FailureKind.InvalidArgument,
                    $"-Contact takes an email or a PartnerContact, not the {piped.Description}.",
                    contact);
            return (draft, PipedObject.ModuleObjectDatabase(InputObject) ?? Partner?.Database);
        }
    }
}
