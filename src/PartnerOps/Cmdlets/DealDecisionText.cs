using System;

namespace PartnerOps.Commands
{
    /// <summary>How the deal transitions (issue 19) name a deal to -WhatIf and -Confirm.</summary>
    internal static class DealDecisionText
    {
        /// <summary>"deal 12 'Contoso' (DE) of Acme (Submitted today), dated 2026-03-01": the deal, its status today, and the -Date given.</summary>
        public static string Describe(PartnerDeal deal, DateTime? date) =>
            $"{deal} ({deal.Status} today)" + (date is DateTime day ? $", dated {PartnerRules.FormatDate(day)}" : string.Empty);

        /// <summary>
        /// <see cref="Describe(PartnerDeal, DateTime?)"/> once the deal's status on <paramref name="date"/> allows
        /// <paramref name="action"/> (<see cref="IDealDecisions.Check"/>): -WhatIf and -Confirm announce only a transition the
        /// real run would make, and a refused one is the real run's error (PartnerDealStateInvalid, InvalidPartnerValue).
        /// </summary>
        public static string Checked(PartnerDeal deal, PipelinedWrites writes, DealAction action, DateTime? date)
        {
            writes.Store.DealDecisions.Check(deal, action, date);
            return Describe(deal, date);
        }
    }
}
