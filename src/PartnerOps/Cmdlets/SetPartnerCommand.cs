using System;
using System.Management.Automation;
using PartnerOps.Storage;

namespace PartnerOps.Commands
{
    /// <summary>Changes a partner's properties; -Status Terminated ends the relationship (EndedOn defaults to today).</summary>
    [Cmdlet(VerbsCommon.Set, "Partner", DefaultParameterSetName = ByName, SupportsShouldProcess = true)]
    [OutputType(typeof(Partner))]
    public sealed class SetPartnerCommand : PartnerIdentityCmdlet
    {
        #region Parameters

        /// <summary>
        /// The partner's new name. Binds from the pipeline by property name (a row with Name and NewName columns renames
        /// each partner), so a script block is run for each piped object, as Rename-Item -NewName does:
        /// Get-Partner | Set-Partner -NewName { $_.Name + ' Ltd' }.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SingleValue]
        [ValidateNotNullOrEmpty]
        public string? NewName { get; set; }

        [Parameter]
        [EnumValue(typeof(PartnerType))]
        public PartnerType Type { get; set; }

        [Parameter]
        [EnumValue(typeof(PartnerTier))]
        public PartnerTier Tier { get; set; }

        [Parameter]
        [EnumValue(typeof(PartnerStatus))]
        public PartnerStatus Status { get; set; }

        [Parameter]
        [AllowNull]
        [AllowEmptyString]
        [ArgumentCompleter(typeof(RegionCompleter))]
        [SingleValue]
        public string? Region { get; set; }

        [Parameter]
        [AllowNull]
        [AllowEmptyString]
        [ArgumentCompleter(typeof(CountryCompleter))]
        [SingleValue]
        public string? Country { get; set; }

        [Parameter]
        [DateTransformation]
        public DateTime JoinedOn { get; set; }

        [Parameter]
        [AllowNull]
        [DateTransformation]
        public DateTime? EndedOn { get; set; }

        [Parameter]
        [AllowNull]
        [AllowEmptyString]
        [SingleValue]
        public string? Notes { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        #endregion

        protected override string Verb => "Updated";

        protected override void Act(PartnerReference reference, object target)
        {
            var bound = MyInvocation.BoundParameters;
            var changes = new PartnerChanges
            {
                NewName = NewName,
                Type = bound.ContainsKey(nameof(Type)) ? Type : (PartnerType?)null,
                Tier = bound.ContainsKey(nameof(Tier)) ? Tier : (PartnerTier?)null,
                Status = bound.ContainsKey(nameof(Status)) ? Status : (PartnerStatus?)null,
                RegionSet = bound.ContainsKey(nameof(Region)),
                Region = Region,
                CountrySet = bound.ContainsKey(nameof(Country)),
                Country = Country,
                JoinedOn = bound.ContainsKey(nameof(JoinedOn)) ? JoinedOn : (DateTime?)null,
                EndedOnSet = bound.ContainsKey(nameof(EndedOn)),
                EndedOn = EndedOn,
                NotesSet = bound.ContainsKey(nameof(Notes)),
                Notes = Notes,
            };

            WithPartner(
                reference,
                target,
                "Set partner properties",
                ConfirmImpact.Medium,
                (partner, _) => partner.Name,
                (partner, writes) => writes.Partners.Update(partner, changes),
                PassThru);
        }
    }
}
