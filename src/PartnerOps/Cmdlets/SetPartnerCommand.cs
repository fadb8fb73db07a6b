using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PartnerOps.Data;

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

        /// <summary>
        /// The calendar day this call's -Status and -Tier changes take effect (date only); default today, or for -Status Terminated
        /// the -EndedOn given or stored. Not before the changed attribute's current since-date (StatusSince, TierSince).
        /// </summary>
        [Parameter]
        [AllowNull]
        [DateTransformation]
        public DateTime? EffectiveDate { get; set; }

        /// <summary>Why the Status changes (up to 200 characters, one line); kept with the change, EndReason of a termination.</summary>
        [Parameter]
        [AllowNull]
        [AllowEmptyString]
        [ArgumentCompleter(typeof(ReasonCompleter))]
        [SingleValue]
        public string? Reason { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        #endregion

        // What Set-Partner reads from a piped row: the partner it names, and NewName (pipeline input by property name).
        private static readonly HashSet<string> ReadFromRows = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Id", "PartnerId", "Name", "PartnerName", "NewName", "Database",
        };

        private static readonly string[] Settable = { "Type", "Tier", "Status", "Region", "Country", "JoinedOn", "EndedOn", "Notes", "EffectiveDate", "Reason" };

        // Columns of piped rows that were not applied, in the order first seen; warned of once, at the end.
        private readonly List<string> _unread = new List<string>();

        protected override string Verb => "Updated";

        protected override void ProcessRecord()
        {
            if (InputObject != null)
            {
                foreach (var item in InputObject)
                {
                    NoteUnreadColumns(item);
                }
            }

            base.ProcessRecord();
        }

        protected override void EndProcessing()
        {
            if (_unread.Count > 0)
            {
                var settable = Settable.Where(p => _unread.Contains(p, StringComparer.OrdinalIgnoreCase)).ToList();
                var example = settable.Count == 0
                    ? string.Empty
                    : " To apply each row's values, give them per row: ForEach-Object { Set-Partner -Name $_.Name " +
                      string.Join(" ", settable.Select(p => $"-{p} $_.{p}")) + " }.";
                WriteWarning(
                    $"The piped rows have columns that Set-Partner does not take from rows, so their values were not applied: {string.Join(", ", _unread)}. " +
                    "Set-Partner takes only the partner (Id, Name, PartnerName or PartnerId) and NewName from a piped row; other changes come from its parameters, the same for every row." +
                    example);
            }

            base.EndProcessing();
        }

        /// <summary>
        /// Notes the columns of a row (Import-Csv, ConvertFrom-Json, [pscustomobject]) that Set-Partner does not apply. Module
        /// objects (live or deserialized) and rows shaped like them (an exported partner or record, whose columns are its
        /// current values, not changes) are not rows here; parameters given on the command line are applied, so not named.
        /// </summary>
        private void NoteUnreadColumns(PSObject? item)
        {
            if (item == null || !(item.BaseObject is PSCustomObject) || PipedObject.ModuleObjectDatabase(item) != null
                || PipedObject.Read(item).Kind != PipedKind.Row)
            {
                return;
            }

            foreach (var property in item.Properties)
            {
                var name = property.Name;
                if (!ReadFromRows.Contains(name) && !MyInvocation.BoundParameters.ContainsKey(name)
                    && !_unread.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    _unread.Add(name);
                }
            }
        }

        // What -WhatIf and -Confirm say is changed: "Tier = Gold, NewName = Acme Ltd" (dates as yyyy-MM-dd, empty values as (none)).
        private string Described() =>
            ChangeText.Describe(MyInvocation.BoundParameters, Settable, NewName != null ? new[] { $"NewName = {NewName}" } : null);

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
                EffectiveDate = EffectiveDate,
                Reason = Reason,
            };

            WithPartner(
                reference,
                target,
                "Set partner properties",
                ConfirmImpact.Medium,
                (partner, _) => $"{partner.Name} (Id {partner.Id}): {Described()}",
                (partner, writes) =>
                {
                    if (bound.ContainsKey(nameof(EffectiveDate)) && EffectiveDate == null)
                    {
                        // '' or $null: no date (DateTransformation reads an empty cell so), and a change's date cannot be cleared.
                        throw new PartnerOpsException(
                            ErrorIds.InvalidPartnerValue,
                            FailureKind.InvalidArgument,
                            "EffectiveDate '' is not valid: it is empty; give the day the -Status or -Tier change takes effect (such as 2015-03-31), or leave -EffectiveDate out for today.",
                            string.Empty);
                    }

                    var updated = writes.Partners.Update(partner, changes);
                    if (ReferenceEquals(updated, partner))
                    {
                        WriteVerbose($"Partner '{partner.Name}' (Id {partner.Id}) already has these values: no change, nothing written.");
                        writes.Written--; // not counted among the partners updated
                    }

                    return updated;
                },
                PassThru);
        }
    }
}
