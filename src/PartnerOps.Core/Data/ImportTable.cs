namespace PartnerOps.Data
{
    /// <summary>What a bulk import writes: the rows of Import-Partner or of Import-PartnerRevenue.</summary>
    public enum ImportTable
    {
        /// <summary>Partner rows (<see cref="Import.PartnerImportMapper"/>'s parameters).</summary>
        Partners,

        /// <summary>Revenue rows (<see cref="Import.RevenueImportMapper"/>'s parameters).</summary>
        Revenue,
    }
}
