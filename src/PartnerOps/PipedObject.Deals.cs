namespace PartnerOps.Commands
{
    /// <summary>What a piped object names for the deal cmdlets (issue 19): a deal.</summary>
    internal sealed partial class PipedObject
    {
        /// <summary>The deal this object is (live, deserialized, or a row shaped like one), for a cmdlet that takes deals.</summary>
        /// <exception cref="PartnerOpsException">InputObjectInvalid: the object is not a deal, or a value in it is unreadable.</exception>
        public DealReference Deal()
        {
            if (Kind != PipedKind.Deal || Number("Id") is not long id)
            {
                throw NotA("deal", "Get-PartnerDeal");
            }

            return new DealReference(id, Database, Description) { PartnerId = Number("PartnerId"), Customer = Text("Customer") };
        }
    }
}
