using System;
using System.Linq;
using PartnerOps.Data;

namespace PartnerOps.Measures
{
    /// <summary>
    /// Why a named partner is not among those a partner-quality measure looks at (the partners in the programme on a day:
    /// joined by it, not ended by it, status that day Onboarding, Active or Suspended, <see cref="StatusSql.PartnerOn"/>).
    /// </summary>
    public static class ProgrammeMembership
    {
        /// <summary>
        /// InvalidPartnerValue (InvalidArgument) naming the partner, the day and its status that day (the latest Status change
        /// effective on or before it; before its first change, the first change's value; with none, its status), or that it had
        /// not joined yet; null when the partner with <paramref name="partnerId"/> is no longer stored.
        /// </summary>
        /// <exception cref="PartnerOpsException">A named database failure.</exception>
        public static PartnerOpsException? NotInProgramme(IPartnerDatabase store, long partnerId, DateTime day, string measure)
        {
            if (!(store.Partners.GetById(partnerId) is Partner partner))
            {
                return null;
            }

            var dayText = PartnerRules.FormatDate(day);
            string why;
            if (partner.JoinedOn.Date > day.Date)
            {
                why = $"it joined on {PartnerRules.FormatDate(partner.JoinedOn)}, after that day";
            }
            else
            {
                var filter = new StatusChangeFilter { PartnerIds = new System.Collections.Generic.HashSet<long> { partnerId } };
                filter.Attributes.Add(StatusAttribute.Status);
                var changes = store.StatusHistory.Find(filter).OrderBy(c => c.EffectiveDate).ThenBy(c => c.Id).ToList();
                var status = changes.LastOrDefault(c => c.EffectiveDate.Date <= day.Date)?.To ?? changes.FirstOrDefault()?.To ?? partner.Status.ToString();
                why = partner.EndedOn is DateTime ended && ended.Date <= day.Date
                    ? $"it ended on {PartnerRules.FormatDate(ended)} (status {status})"
                    : $"its status that day is {status}";
            }

            return new PartnerOpsException(
                ErrorIds.InvalidPartnerValue,
                FailureKind.InvalidArgument,
                $"Partner '{partner.Name}' is not in the programme on {dayText}: {why}. {measure} looks at Onboarding, Active and Suspended partners only.",
                partner.Name);
        }
    }
}
