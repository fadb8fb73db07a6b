using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using PartnerOps.Data;
using PartnerOps.Report;
using PartnerOps.Report.Rendering;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Writes the partner programme report (targets, share of revenue, recruitment, regions, tiers, concentration) of the
    /// database as one self-contained HTML file, or a PDF, and returns the file written. An existing file at the path is
    /// replaced whole (written beside it, then moved into place).
    /// </summary>
    [Cmdlet(VerbsData.Export, "PartnerReport", SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportPartnerReportCommand : PartnerOpsCmdlet
    {
        private const int ProgressId = 0x5250;

        #region Parameters

        /// <summary>The file to write; relative to the current location, ~ expanded. Its folder must exist.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        [SinglePath]
        public string Path { get; set; } = string.Empty;

        /// <summary>Html (the default) or Pdf; not taken from the extension (a mismatch is warned about).</summary>
        [Parameter]
        [EnumValue(typeof(ReportFormat))]
        public ReportFormat Format { get; set; } = ReportFormat.Html;

        /// <summary>The year of the tiles and the year charts; default the -AsOf day's year.</summary>
        [Parameter]
        [IntegerTransformation]
        [ValidateRange(1900, 2999)]
        public int Year { get; set; }

        /// <summary>Only these regions, matched by their key as the measures match them; wildcards allowed.</summary>
        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RegionCompleter))]
        [ValueList]
        public string[]? Region { get; set; }

        /// <summary>
        /// The currency revenue is shown in (tiles, share and attribution charts, regions, countries, concentration), converted
        /// with each year's exchange rate; default the database's reporting currency. Targets, deals and tier-change reasons keep
        /// their own currency.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CurrencyCompleter))]
        [SingleValue]
        public string? Currency { get; set; }

        /// <summary>The day measured (to its end); default today.</summary>
        [Parameter]
        [DateTransformation]
        public DateTime? AsOf { get; set; }

        /// <summary>The report's heading; default "Partner programme report".</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [SingleValue]
        public string? Title { get; set; }

        /// <summary>Opens the file written in the default browser (or PDF viewer), when the session is interactive.</summary>
        [Parameter]
        public SwitchParameter Open { get; set; }

        #endregion

        protected override void EndProcessing()
        {
            try
            {
                Export();
            }
            catch (PartnerOpsException ex)
            {
                Failures.ThrowFailure(ex, ex.Target);
            }
            finally
            {
                Dispose();
            }
        }

        private void Export()
        {
            var destination = ReportFile.RequireFilePath(FilePaths.Resolve(this, Path, "-Path ", ErrorIds.ReportPathInvalid));
            var database = Choice.ResolveDatabasePath();
            if (PartnerDatabases.IsDatabaseFile(database, destination))
            {
                throw new PartnerOpsException(
                    ErrorIds.ReportPathInvalid,
                    FailureKind.InvalidArgument,
                    $"-Path '{destination}' is a file of the database '{database}' (the database itself, or its -wal, -shm or -journal file): the report written there would destroy it. Give another file.",
                    destination);
            }

            var currency = Currency == null ? null : CurrencyCodes.Require(Currency);
            var asOf = PartnerRules.CheckDate(AsOf, nameof(AsOf)) ?? DateTime.Today;
            WarnIfExtensionDiffers(destination);

            var exists = File.Exists(destination);
            if (!ShouldProcess(destination, $"{(exists ? "Replace the file with" : "Write")} the partner report ({Format})"))
            {
                return;
            }

            using (var store = Stores.OpenStore(create: false))
            {
                var options = new ReportOptions
                {
                    AsOf = asOf,
                    Year = MyInvocation.BoundParameters.ContainsKey(nameof(Year)) ? Year : (int?)null,
                    Currency = currency,
                    Title = Title,
                    Database = CmdletExtensions.ShownLocation(store.Path),
                };
                foreach (var region in Region ?? Array.Empty<string>())
                {
                    options.Regions.Add(NamePattern.Parse(region));
                }

                var activity = MyInvocation.MyCommand.Name;
                WriteProgress(new ProgressRecord(ProgressId, activity, "Measuring " + options.Database) { PercentComplete = 0 });
                var report = new PartnerReportBuilder(store).Build(options, (step, percent) =>
                    WriteProgress(new ProgressRecord(ProgressId, activity, step) { PercentComplete = Math.Max(0, Math.Min(100, percent)) }));

                WriteProgress(new ProgressRecord(ProgressId, activity, "Writing " + destination) { PercentComplete = 100 });
                string? shownDifferently = null;
                ReportFile.Write(destination, stream => shownDifferently = Render(report, stream));
                WriteProgress(new ProgressRecord(ProgressId, activity, "Done") { RecordType = ProgressRecordType.Completed });
                if (shownDifferently != null)
                {
                    WriteWarning(shownDifferently);
                }

                WarnOfUnknownRegions(store);
                WriteVerbose($"Wrote the partner report of '{options.Database}' as of {PartnerRules.FormatDate(asOf)} to '{destination}' ({Format}).");
            }

            if (Open)
            {
                OpenFile(destination);
            }

            foreach (var item in SessionState.InvokeProvider.Item.Get(new[] { destination }, force: false, literalPath: true))
            {
                WriteObject(item);
            }
        }

        // A -Region value (exact, not a wildcard) that no partner, revenue record or target holds is most often a typo: warned
        // about once, naming the closest regions in use (FilterHints), as Measure-Partner and Measure-PartnerRevenue warn.
        private void WarnOfUnknownRegions(IPartnerDatabase store)
        {
            if (Region == null || Region.Length == 0)
            {
                return;
            }

            System.Collections.Generic.IReadOnlyList<(string Value, string Message)>[] unknown;
            try
            {
                unknown = new[] { HintedFilter.PartnerRegion, HintedFilter.RevenueRegion, HintedFilter.TargetRegion }
                    .Select(filter => store.UnknownFilterValues(filter, Region))
                    .ToArray();
            }
            catch (PartnerOpsException ex)
            {
                // A hint is a courtesy: a failure to read it must not turn the report into an error.
                WriteVerbose("The region hint could not be read: " + ex.Message);
                return;
            }

            foreach (var (value, _) in unknown[0])
            {
                var messages = unknown.Select(list => list.Where(u => u.Value == value).Select(u => u.Message).FirstOrDefault()).ToList();
                if (messages.Any(m => m == null))
                {
                    continue; // a region of the revenue or of a target: not a typo
                }

                var message = messages.FirstOrDefault(m => m!.Contains("; closest: ")) ?? messages[0]!;
                WriteWarning(message);
            }
        }

        // Writes the report; returns the warning of a PDF that shows some characters as "?" (its texts named), else null.
        private string? Render(PartnerReport report, Stream stream)
        {
            if (Format == ReportFormat.Pdf)
            {
                return PdfReportWriter.Write(report, stream).Warning;
            }

            using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 65536, leaveOpen: true))
            {
                HtmlReportWriter.Write(report, writer);
            }

            return null;
        }

        private void WarnIfExtensionDiffers(string destination)
        {
            var extension = System.IO.Path.GetExtension(destination).ToLowerInvariant();
            var html = extension == ".html" || extension == ".htm";
            var pdf = extension == ".pdf";
            if (Format == ReportFormat.Pdf ? pdf : html)
            {
                return;
            }

            var hint = Format == ReportFormat.Html && pdf ? " Add -Format Pdf to write a PDF."
                : Format == ReportFormat.Pdf && html ? " Leave out -Format Pdf to write HTML."
                : string.Empty;
            WriteWarning(
                $"The report is written as {Format}, but '{destination}' does not end in {(Format == ReportFormat.Pdf ? ".pdf" : ".html or .htm")}: " +
                $"a browser or mail program may not open it as {Format}.{hint}");
        }

        private void OpenFile(string destination)
        {
            var why = InteractiveSession.WhyNot(this);
            if (why != null)
            {
                WriteWarning($"The report was written to '{destination}' but not opened: {why}.");
                return;
            }

            try
            {
                using (System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(destination) { UseShellExecute = true }))
                {
                }
            }
            catch (Exception ex) when (ex is System.ComponentModel.Win32Exception || ex is InvalidOperationException || ex is PlatformNotSupportedException)
            {
                WriteWarning($"The report was written to '{destination}' but could not be opened: {ex.Message.TrimEnd('.')}.");
            }
        }
    }
}
