using System;
using System.Linq;
using System.Management.Automation;
using PartnerOps.Data;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Lists partners' contacts current today (or on -AsOf): started on or before the day (or with no StartedOn) and not
    /// ended by it; -IncludeEnded lists every contact. Piped objects name partners (each in its own database unless -Database
    /// is given): partners, records that name one, rows, names or ids. By partner, then contact name and email.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PartnerContact")]
    [OutputType(typeof(PartnerContact))]
    public sealed class GetPartnerContactCommand : PartnerOpsCmdlet
    {
        #region Parameters

        /// <summary>Partners by name (wildcards) or id.</summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(PartnerNameCompleter))]
        [PartnerReferenceTransformation(Multiple = true)]
        public PartnerReference[]? Partner { get; set; }

        /// <summary>Emails (wildcards), compared ignoring case.</summary>
        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ValueList]
        [ArgumentCompleter(typeof(ContactEmailCompleter))]
        public string[]? Email { get; set; }

        /// <summary>Roles (wildcards), compared as regions are (case and width ignored).</summary>
        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ValueList]
        [ArgumentCompleter(typeof(ContactRoleCompleter))]
        public string[]? Role { get; set; }

        /// <summary>Contact names (wildcards, ignoring case).</summary>
        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ValueList]
        public string[]? Name { get; set; }

        /// <summary>Also the contacts that ended (and those not yet started).</summary>
        [Parameter]
        public SwitchParameter IncludeEnded { get; set; }

        /// <summary>The calendar day contacts are current on, and Current is shown for; default today (UTC).</summary>
        [Parameter]
        [DateTransformation]
        public DateTime? AsOf { get; set; }

        /// <summary>
        /// The partners whose contacts to get: partners (live or deserialized), records that name a partner, rows with Name,
        /// PartnerName or PartnerId, names (wildcards) or ids.
        /// </summary>
        [Parameter(ValueFromPipeline = true)]
        public PSObject[]? InputObject { get; set; }

        #endregion

        private WildcardPattern[]? _names;

        protected override void BeginProcessing()
        {
            // A pattern PowerShell's -like would reject ('[abc') is refused, not matched literally nor thrown from IsMatch.
            foreach (var (parameter, patterns) in new[] { ("Email", Email), ("Role", Role), ("Name", Name) })
            {
                foreach (var pattern in patterns ?? Array.Empty<string>())
                {
                    try
                    {
                        NamePattern.Require(pattern.Trim(), parameter, ErrorIds.InvalidPartnerValue);
                    }
                    catch (PartnerOpsException ex)
                    {
                        Failures.ThrowFailure(ex, pattern);
                    }
                }
            }

            _names = Name?.Select(n => WildcardPattern.Get(n.Trim(), WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant)).ToArray();
        }

        protected override void ProcessRecord() => Piped.ReadPerPartner(Partner, InputObject, Write);

        private void Write(IPartnerDatabase store, PartnerReference[]? partners, object? item)
        {
            PipelineWriter.SeeOtherWrites(store);
            var filter = new ContactFilter { AsOf = AsOf?.Date, IncludeEnded = IncludeEnded };
            if (partners != null)
            {
                filter.RestrictPartners = true;
                foreach (var missing in store.Partners.Resolve(partners, filter.PartnerIds, filter.PartnerNames, idsAsGiven: false))
                {
                    Failures.WriteFailure(missing, item ?? missing.Target);
                }
            }

            foreach (var email in Email ?? Array.Empty<string>())
            {
                filter.Emails.Add(NamePattern.Parse(email.Trim()));
            }

            foreach (var role in Role ?? Array.Empty<string>())
            {
                filter.Roles.Add(NamePattern.Parse(role));
            }

            var contacts = store.Contacts.Find(filter);
            Output.WriteRows(_names == null ? contacts : contacts.Where(c => _names.Any(p => p.IsMatch(c.Name))));
            SqlTrace.Flush();
        }
    }
}
