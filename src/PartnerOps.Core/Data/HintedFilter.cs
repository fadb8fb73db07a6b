namespace PartnerOps.Data
{
    /// <summary>A filter whose exact values are checked against the values the database holds (<see cref="IPartnerDatabase.UnknownFilterValues"/>).</summary>
    public enum HintedFilter
    {
        /// <summary>A partner's Region (Get-Partner -Region).</summary>
        PartnerRegion,

        /// <summary>A partner's Country, an ISO 3166-1 alpha-2 code (Get-Partner -Country).</summary>
        PartnerCountry,

        /// <summary>A revenue record's Region (Get-PartnerRevenue, Measure-PartnerRevenue -Region).</summary>
        RevenueRegion,

        /// <summary>A revenue record's Segment (Get-PartnerRevenue, Measure-PartnerRevenue -Segment).</summary>
        RevenueSegment,

        /// <summary>A target's Region (Get-PartnerTarget, Measure-PartnerTarget -Region).</summary>
        TargetRegion,

        /// <summary>A deal's Segment (Measure-PartnerDeal -Segment, issue 19).</summary>
        DealSegment,
    }
}
