using System;
using System.Management.Automation;
using PartnerOps.Data;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Shared by Set-PartnerContact and Remove-PartnerContact: a contact named by -Partner and -Email, or piped contacts
    /// (PartnerContact objects, their deserialized forms, rows exported from them), each in its own database unless
    /// -Database is given; written in batches.
    /// </summary>
    public abstract class ContactIdentityCmdlet : PartnerOpsCmdlet
    {
        protected const string ByEmail = nameof(ByEmail);
        protected const string ByInputObject = nameof(ByInputObject);

        #region Parameters

        /// <summary>The contact's partner: an exact name, an id, or a Partner object.</summary>
        [Parameter(ParameterSetName = ByEmail, Mandatory = true, Position = 0)]
        [PartnerReferenceTransformation]
        [ArgumentCompleter(typeof(PartnerNameCompleter))]
        public PartnerReference? Partner { get; set; }

        /// <summary>The contact's email (compared ignoring case; no wildcards).</summary>
        [Parameter(ParameterSetName = ByEmail, Mandatory = true, Position = 1)]
        [SingleValue]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ContactEmailCompleter))]
        public string? Email { get; set; }

        /// <summary>Contacts: PartnerContact objects (Get-PartnerContact), their deserialized forms, or rows with their Id, PartnerId and Email.</summary>
        [Parameter(ParameterSetName = ByInputObject, Mandatory = true, ValueFromPipeline = true)]
        public PSObject[]? InputObject { get; set; }

        #endregion

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ByEmail)
            {
                Act(Partner!.Database, Email!, writes => writes.Contacts.Require(Partner!, Email!));
                return;
            }

            foreach (var (contact, item) in Piped.ReadPiped(InputObject, piped => piped.Contact()))
            {
                Act(contact.Database, item, writes => writes.Contacts.Require(contact));
            }
        }

        /// <summary>The change for one contact: <paramref name="find"/> reads it in the batch of its database.</summary>
        private protected abstract void Act(string? origin, object target, Func<PipelinedWrites, PartnerContact> find);

        /// <summary>
        /// Looks the contact up in its database (the piped object's own unless -Database is given), asks ShouldProcess with
        /// the description <paramref name="describe"/> gives, then runs <paramref name="write"/> in that database's batch and
        /// passes its result on when <paramref name="emit"/>.
        /// </summary>
        internal void WithContact(
            string? origin,
            object target,
            Func<PipelinedWrites, PartnerContact> find,
            string action,
            ConfirmImpact impact,
            Func<PartnerContact, PipelinedWrites, string> describe,
            Func<PartnerContact, PipelinedWrites, object?> write,
            bool emit) =>
            RecordWrite.With(this, origin, target, find, action, impact, describe, write, emit);
    }
}
