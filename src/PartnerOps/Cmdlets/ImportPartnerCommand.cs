using System.Management.Automation;
using PartnerOps.Import;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Imports partners from a CSV file (JSON when the name ends in .json) in batched transactions, reading
    /// and validating on the pipeline thread while another thread writes. Each bad row is one
    /// ImportRowInvalid error; the result is one PartnerOps.ImportResult per file.
    /// </summary>
    [Cmdlet(VerbsData.Import, "Partner", SupportsShouldProcess = true, DefaultParameterSetName = ByPath)]
    [OutputType(typeof(ImportResult))]
    public sealed class ImportPartnerCommand : ImportCommand
    {
        protected override string What => "partners";

        /// <inheritdoc/>
        protected override string ResumeNote => "the partners already stored (matched by name) are skipped, the others imported.";

        protected override ImportJob Open(string path, ImportOptions options) => PartnerImport.Open(path, options);
    }
}
