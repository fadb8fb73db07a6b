using System.Management.Automation;
using PartnerOps.Import;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Imports revenue records (PartnerName, empty for direct revenue; Date, Amount, Currency, Segment,
    /// Region, Reference) from a CSV or JSON file, as Import-Partner imports partners; -Mode matches on Reference.
    /// </summary>
    [Cmdlet(VerbsData.Import, "PartnerRevenue", SupportsShouldProcess = true, DefaultParameterSetName = ByPath)]
    [OutputType(typeof(ImportResult))]
    public sealed class ImportPartnerRevenueCommand : ImportCommand
    {
        protected override string What => "revenue";

        /// <inheritdoc/>
        protected override string ResumeNote =>
            "the records whose Reference is stored are skipped, the others imported. Records without a Reference cannot be matched and " +
            "would be added again: import only the lines after the one named above.";

        protected override ImportJob Open(string path, ImportOptions options) => RevenueImport.Open(path, options);
    }
}
