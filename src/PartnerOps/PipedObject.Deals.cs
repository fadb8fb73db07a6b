namespace PartnerOps.Commands
{
    /// <summary>What a piped object names for the deal cmdlets (issue 19): a deal.</summary>
    internal sealed partial class PipedObject
    {
        /// <summary>The deal this object is (live, deserialized, or a row shaped like one), for a cmdlet that takes deals.</summary>
        /// <exception cref="PartnerOpsException">
        /// InputObjectInvalid: the object is not a deal (the message names a piped text or number and the parameter to give it
        /// to), or a value in it is unreadable.
        /// </exception>
        public DealReference Deal()
        {
            if (Kind != PipedKind.Deal || Number("Id") is not long id)
            {
                throw NotA("deal", "Get-PartnerDeal", (value, number) => number ? "-Id " + value : $"-Reference '{TextRules.Shown(value)}' or -Id");
            }

            return new DealReference(id, Database, Description) { PartnerId = Number("PartnerId"), Customer = Text("Customer") };
        }

        /// <summary>
        /// The Reference of a row that names a deal only by it (a CSV of references: a Reference column, no Id), as -Reference
        /// takes it; null for any other object. Rows are data: the deal is looked up in the command's database.
        /// </summary>
        /// <exception cref="PartnerOpsException">InputObjectInvalid: the Reference is not one text.</exception>
        public string? DealReferenceOnly() =>
            Kind == PipedKind.Row && Value.Properties["Id"] == null && Value.Properties["Reference"] != null ? Text("Reference") : null;
    }
}
