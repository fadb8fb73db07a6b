using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using PartnerOps.Data;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Deletes certifications: those piped in (live, deserialized, or rows exported from them), each in the database it came
    /// from unless -Database is given, or those of a contact (-Contact, with -Partner when several partners have its email)
    /// with a name and, when given, an EarnedOn (without it, every one of that name the contact holds). History records each.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "PartnerCertification", DefaultParameterSetName = ByKey, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemovePartnerCertificationCommand : PartnerOpsCmdlet
    {
        private const string ByKey = nameof(ByKey);
        private const string ByInputObject = nameof(ByInputObject);

        #region Parameters

        /// <summary>The contact: its email (case ignored) or a PartnerContact object.</summary>
        [Parameter(ParameterSetName = ByKey, Mandatory = true, Position = 0)]
        [ArgumentCompleter(typeof(ContactEmailCompleter))]
        public PSObject? Contact { get; set; }

        /// <summary>The partner whose contact it is (a name, an id, or a Partner): needed when several partners have a contact with that email.</summary>
        [Parameter(ParameterSetName = ByKey)]
        [PartnerReferenceTransformation]
        [ArgumentCompleter(typeof(PartnerNameCompleter))]
        public PartnerReference? Partner { get; set; }

        /// <summary>The certification's name (compared as partner names are).</summary>
        [Parameter(ParameterSetName = ByKey, Mandatory = true)]
        [ArgumentCompleter(typeof(CertificationNameCompleter))]
        [SingleValue]
        public string Name { get; set; } = string.Empty;

        /// <summary>The day it was earned: only that one; without it, every certification of that name the contact holds.</summary>
        [Parameter(ParameterSetName = ByKey)]
        [DateTransformation]
        public DateTime? EarnedOn { get; set; }

        /// <summary>Certifications: PartnerCertification objects, their deserialized forms, or rows with their Id, Contact, Name and EarnedOn.</summary>
        [Parameter(ParameterSetName = ByInputObject, Mandatory = true, ValueFromPipeline = true)]
        public PSObject[] InputObject { get; set; } = Array.Empty<PSObject>();

        #endregion

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ByKey)
            {
                RemoveByKey();
                return;
            }

            foreach (var (certification, item) in Piped.ReadPiped(InputObject, piped => piped.Certification()))
            {
                var said = certification.Said();
                Remove(certification.Database, item, "Id " + certification.Id.ToString(CultureInfo.InvariantCulture) + (said.Length == 0 ? string.Empty : ": " + said), writes =>
                {
                    writes.Store.Certifications.Require(certification);
                    writes.Store.Certifications.Remove(certification.Id);
                });
            }
        }

        protected override void EndProcessing() => Writer.CompleteWrites("Removed", "certification(s)");

        // The certifications of -Contact, -Name [-EarnedOn], read first so that -WhatIf and -Confirm name each one.
        private void RemoveByKey()
        {
            var draft = new CertificationDraft { Partner = Partner, Name = Name, EarnedOn = EarnedOn ?? default };
            string? origin = Partner?.Database;
            var target = (object?)Contact ?? Name;
            try
            {
                var piped = PipedObject.Read(Contact!);
                if (piped.Kind == PipedKind.Contact)
                {
                    draft.ContactObject = piped.Contact();
                    origin = PipedObject.ModuleObjectDatabase(Contact) ?? origin;
                }
                else
                {
                    draft.ContactEmail = piped.Kind == PipedKind.Text ? (string)piped.Value.BaseObject
                        : throw new PartnerOpsException(ErrorIds.InvalidPartnerValue, FailureKind.InvalidArgument, $"-Contact takes an email or a PartnerContact, not the {piped.Description}.", Contact);
                }
            }
            catch (PartnerOpsException ex)
            {
                Failures.WriteFailure(ex, target);
                return;
            }

            if (!(Stores.WritesFor(origin, create: false, target) is PipelinedWrites writes))
            {
                return;
            }

            PipelineWriter.SeeOtherWrites(writes.Store, writes.Batch);
            IReadOnlyList<PartnerCertification> held;
            try
            {
                held = writes.Store.Certifications.Held(draft, EarnedOn != null, DateTime.UtcNow.Date);
            }
            catch (PartnerOpsException ex)
            {
                Failures.WriteFailure(ex, target);
                return;
            }

            foreach (var certification in held)
            {
                var id = certification.Id;
                Remove(origin, certification, $"Id {id.ToString(CultureInfo.InvariantCulture)}: {Describe(certification)}", w => w.Store.Certifications.Remove(id));
            }
        }

        // "'Azure Fundamentals' of ann@kestrel.example earned 2026-01-15, expires 2027-01-15 (partner 'Kestrel')".
        private static string Describe(PartnerCertification c) =>
            $"{CertificationRules.Describe(c.Name, c.Contact, c.EarnedOn, c.ExpiresOn)} (partner '{TextRules.Shown(c.Partner)}')";

        private void Remove(string? origin, object target, string description, Action<PipelinedWrites> remove)
        {
            if (!Writer.ShouldWrite(description, "Remove certification", ConfirmImpact.High) || !(Stores.WritesFor(origin, create: false, target) is PipelinedWrites writes))
            {
                return;
            }

            Writer.WriteItem(writes, target, () =>
            {
                remove(writes);
                return null;
            });
        }
    }
}
