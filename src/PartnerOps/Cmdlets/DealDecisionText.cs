using System;
using System.Globalization;

namespace PartnerOps.Commands
{
    /// <summary>How the deal transitions (issue 19) name a deal to -WhatIf and -Confirm.</summary>
    internal static class DealDecisionText
    {
        /// <summary>"deal 12 'Contoso' (DE) of Acme (Id 12, Submitted today), on 2026-03-01": the deal, its status as read, and the day given.</summary>
        public static string Describe(PartnerDeal deal, DateTime? date) =>
            $"{deal} (Id {deal.Id.ToString(CultureInfo.InvariantCulture)}, {deal.Status} today), " +
            (date is DateTime day ? $"on {PartnerRules.FormatDate(day)}" : "today");
    }
}
