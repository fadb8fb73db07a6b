using System;
using System.Management.Automation;
using PartnerOps.Data;

namespace PartnerOps.Commands
{
    /// <summary>Adds partners; every parameter binds from the pipeline by property name, so CSV rows flow in.</summary>
    [Cmdlet(VerbsCommon.Add, "Partner", SupportsShouldProcess = true)]
    [OutputType(typeof(Partner))]
    public sealed class AddPartnerCommand : PartnerOpsCmdlet
    {
        #region Parameters

        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("PartnerName")]
        [AllowEmptyString]
        [SingleValue]
        public string Name { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EnumValue(typeof(PartnerType))]
        public PartnerType? Type { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EnumValue(typeof(PartnerTier))]
        public PartnerTier? Tier { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [EnumValue(typeof(PartnerStatus))]
        public PartnerStatus? Status { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(RegionCompleter))]
        [SingleValue]
        public string? Region { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(CountryCompleter))]
        [SingleValue]
        public string? Country { get; set; }

        /// <summary>Date only; default today.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [DateTransformation]
        public DateTime? JoinedOn { get; set; }

        /// <summary>Default: today when Status is Terminated.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [DateTransformation]
        public DateTime? EndedOn { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [SingleValue]
        public string? Notes { get; set; }

        /// <summary>The day the initial status takes effect (date only); default JoinedOn; a Terminated partner's is its EndedOn.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("StatusSince")]
        [DateTransformation]
        public DateTime? StatusDate { get; set; }

        /// <summary>The day the initial tier takes effect (date only); default StatusDate, else JoinedOn.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("TierSince")]
        [DateTransformation]
        public DateTime? TierDate { get; set; }

        /// <summary>Why the relationship ended: only with Status Terminated; up to 200 characters, one line.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Reason")]
        [ArgumentCompleter(typeof(ReasonCompleter))]
        [SingleValue]
        public string? EndReason { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The piped object itself (a CSV row, a Partner): the target of its errors. Its properties bind to the parameters above.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        #endregion

        protected override void ProcessRecord()
        {
            // A partner object is added to its own database unless -Database says otherwise; a row is data, added where
            // -Database or the session's default says.
            try
            {
                if (PipedObject.NameConflict(InputObject) is PartnerOpsException conflict)
                {
                    Failures.WriteFailure(conflict, InputObject);
                    return;
                }
            }
            catch (PartnerOpsException ex)
            {
                Failures.WriteFailure(ex, InputObject);
                return;
            }

            var origin = PipedObject.ModuleObjectDatabase(InputObject);
            Piped.WarnOfRowDatabase(InputObject, Choice.DatabasePathFor(origin));
            var draft = new Partner
            {
                Name = Name,
                Type = Type ?? PartnerType.Other,
                Tier = Tier ?? PartnerTier.Registered,
                Status = Status ?? PartnerStatus.Active,
                Region = Region,
                Country = Country,
                EndedOn = EndedOn,
                Notes = Notes,
                EndReason = EndReason,
            };

            // Left unset when not given, so Core gives it today's date; a date given is checked (0001-01-01 too). A Partner
            // built by hand ([PartnerOps.Partner]@{ Name = 'X' }) has no date: its JoinedOn reads 0001-01-01.
            if (JoinedOn is DateTime joinedOn && !(joinedOn == DateTime.MinValue && InputObject?.BaseObject is Partner))
            {
                draft.JoinedOn = joinedOn;
            }

            // Not given (or 0001-01-01 on a hand-built Partner, as JoinedOn) is the default; a date given is checked by Core (0001-01-01 too).
            try
            {
                draft.StatusSince = GivenDate(StatusDate, "StatusDate");
                draft.TierSince = GivenDate(TierDate, "TierDate");
            }
            catch (PartnerOpsException ex)
            {
                Failures.WriteFailure(ex, InputObject ?? (object)Name);
                return;
            }

            if (!Writer.ShouldWrite(Name, "Add partner"))
            {
                return;
            }

            if (!(Stores.WritesFor(origin, create: true, InputObject ?? (object)Name) is PipelinedWrites writes))
            {
                return;
            }

            Writer.QueueItem(writes, InputObject ?? (object)Name, writes.Partners.Adding(draft), PassThru);
        }

        protected override void EndProcessing() => Writer.CompleteWrites("Added");

        // A date parameter as the draft holds it: default (not given) when absent or 0001-01-01 from a hand-built Partner; else
        // checked here, since Core reads 0001-01-01 as not given.
        private DateTime GivenDate(DateTime? value, string property)
        {
            if (!(value is DateTime date) || (date == DateTime.MinValue && InputObject?.BaseObject is Partner))
            {
                return default;
            }

            return PartnerRules.CheckDate(date, property)!.Value;
        }
    }
}
