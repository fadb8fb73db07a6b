using System;
using System.Collections.Generic;
using System.Management.Automation;
using PartnerOps.Data;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Lists certifications (issue 18): by default every certification of the contacts current on -AsOf (default today, the UTC
    /// date), valid or not; -ExpiringWithin those valid that day that expire within so many days; -Expired those that expired by
    /// then. Sorted by partner, contact, name and EarnedOn; Valid is read on -AsOf. Piped partners and contacts restrict it, each
    /// in its own database unless -Database is given.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PartnerCertification", DefaultParameterSetName = All)]
    [OutputType(typeof(PartnerCertification))]
    public sealed class GetPartnerCertificationCommand : PartnerOpsCmdlet
    {
        private const string All = nameof(All);
        private const string Expiring = nameof(Expiring);
        private const string ExpiredSet = nameof(ExpiredSet);

        #region Parameters

        /// <summary>Partners by name (wildcards), id or object.</summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(PartnerNameCompleter))]
        [PartnerReferenceTransformation(Multiple = true)]
        public PartnerReference[]? Partner { get; set; }

        /// <summary>
        /// Contacts by email (wildcards, case ignored) or PartnerContact objects. The certifications of contacts named here are
        /// listed whether the contact is current or not (a departed contact's show Valid false).
        /// </summary>
        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ContactEmailCompleter))]
        public PSObject[]? Contact { get; set; }

        /// <summary>Certification names (wildcards, compared as partner names are).</summary>
        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CertificationNameCompleter))]
        [ValueList]
        public string[]? Name { get; set; }

        /// <summary>Only certifications valid on -AsOf that expire within this many days of it (ExpiresOn ≤ AsOf + days), 0 to 3660.</summary>
        [Parameter(ParameterSetName = Expiring, Mandatory = true)]
        [IntegerTransformation]
        public int ExpiringWithin { get; set; }

        /// <summary>Only certifications of current contacts that expired on or before -AsOf.</summary>
        [Parameter(ParameterSetName = ExpiredSet, Mandatory = true)]
        public SwitchParameter Expired { get; set; }

        /// <summary>The day the selection and Valid are read on (a calendar day); default today (UTC).</summary>
        [Parameter]
        [DateTransformation]
        public DateTime? AsOf { get; set; }

        /// <summary>Partners or contacts (live, deserialized, or rows exported from them), names or ids of partners.</summary>
        [Parameter(ValueFromPipeline = true)]
        public PSObject[]? InputObject { get; set; }

        #endregion

        // -Contact read once: contact objects by id, emails as patterns.
        private readonly List<long> _contactIds = new List<long>();
        private readonly List<NamePattern> _contactEmails = new List<NamePattern>();

        protected override void BeginProcessing()
        {
            foreach (var contact in Contact ?? Array.Empty<PSObject>())
            {
                try
                {
                    var given = PipedObject.Read(contact);
                    if (given.Kind == PipedKind.Contact)
                    {
                        _contactIds.Add(given.Contact().Id);
                    }
                    else if (given.Kind == PipedKind.Text)
                    {
                        _contactEmails.Add(NamePattern.Parse(NamePattern.Require(((string)given.Value.BaseObject).Trim(), "Contact", ErrorIds.InvalidPartnerValue)));
                    }
                    else
                    {
                        throw new PartnerOpsException(ErrorIds.InvalidPartnerValue, FailureKind.InvalidArgument, $"-Contact takes emails or PartnerContact objects, not the {given.Description}.", contact);
                    }
                }
                catch (PartnerOpsException ex)
                {
                    Failures.ThrowFailure(ex, contact);
                }
            }

            foreach (var name in Name ?? Array.Empty<string>())
            {
                try
                {
                    NamePattern.Require(name, "Name", ErrorIds.InvalidPartnerValue);
                }
                catch (PartnerOpsException ex)
                {
                    Failures.ThrowFailure(ex, name);
                }
            }

            if (ParameterSetName == Expiring)
            {
                try
                {
                    CertificationRules.CheckExpiringWithin(ExpiringWithin);
                }
                catch (PartnerOpsException ex)
                {
                    Failures.ThrowFailure(ex, ExpiringWithin);
                }
            }
        }

        protected override void ProcessRecord()
        {
            if (InputObject == null)
            {
                Piped.ReadPerPartner(Partner, null, (store, partners, item) => Write(store, partners, null, item));
                return;
            }

            foreach (var input in InputObject)
            {
                PipedObject piped;
                try
                {
                    piped = PipedObject.Read(input);
                }
                catch (PartnerOpsException ex)
                {
                    Failures.WriteFailure(ex, input);
                    continue;
                }

                if (piped.Kind == PipedKind.Contact)
                {
                    // A piped contact: its certifications, in its own database.
                    if (Stores.ReadStoreFor(piped.Database, input) is IPartnerDatabase store)
                    {
                        Failures.PerItem(input, () => Write(store, Partner, piped.Contact().Id, input));
                    }

                    continue;
                }

                Piped.ReadPerPartner(Partner, new[] { input }, (store, partners, item) => Write(store, partners, null, item));
            }
        }

        private void Write(IPartnerDatabase store, PartnerReference[]? partners, long? contactId, object? item)
        {
            PipelineWriter.SeeOtherWrites(store);
            var filter = new CertificationFilter
            {
                Day = AsOf?.Date ?? DateTime.UtcNow.Date,
                ExpiringWithin = ParameterSetName == Expiring ? ExpiringWithin : (int?)null,
                Expired = Expired,
            };
            if (partners != null)
            {
                filter.RestrictPartners = true;
                foreach (var missing in store.Partners.Resolve(partners, filter.PartnerIds, null, idsAsGiven: false))
                {
                    Failures.WriteFailure(missing, item ?? missing.Target);
                }
            }

            if (contactId is long id)
            {
                filter.ContactIds.Add(id);
            }

            filter.ContactIds.UnionWith(_contactIds);
            foreach (var email in _contactEmails)
            {
                filter.ContactEmails.Add(email);
            }

            foreach (var name in Name ?? Array.Empty<string>())
            {
                filter.Names.Add(NamePattern.ParseName(name));
            }

            Output.WriteRows(store.Certifications.Find(filter));
            SqlTrace.Flush();
        }
    }
}
