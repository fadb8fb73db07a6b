using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PartnerOps.Data;

namespace PartnerOps.Commands
{
    /// <summary>
    /// The partner filters Get-Partner and Measure-Partner share (cmdlets.md: Measure-Partner takes "filters as Get-Partner"):
    /// -Type, -Tier, -Status, -Region (wildcards, matched by the region's key), -Country (ISO 3166-1 alpha-2) and
    /// -JoinedAfter/-JoinedBefore, read into one <see cref="PartnerFilter"/> so that both cmdlets select partners alike.
    /// </summary>
    public abstract class PartnerFilterCmdlet : PartnerOpsCmdlet
    {
        #region Parameters

        /// <summary>Only partners of these (current) types.</summary>
        [Parameter]
        [EnumValue(typeof(PartnerType), List = true)]
        public PartnerType[]? Type { get; set; }

        /// <summary>Only partners of these (current) tiers.</summary>
        [Parameter]
        [EnumValue(typeof(PartnerTier), List = true)]
        public PartnerTier[]? Tier { get; set; }

        /// <summary>Only partners with these (current) statuses.</summary>
        [Parameter]
        [EnumValue(typeof(PartnerStatus), List = true)]
        public PartnerStatus[]? Status { get; set; }

        /// <summary>Only partners in these regions, matched by their key (RevenueRules.Key); wildcards allowed.</summary>
        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RegionCompleter))]
        [ValueList]
        public string[]? Region { get; set; }

        /// <summary>Only partners in these countries (ISO 3166-1 alpha-2, any case; InvalidCountryCode otherwise).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CountryCompleter))]
        [ValueList]
        public string[]? Country { get; set; }

        /// <summary>Joined strictly after this date.</summary>
        [Parameter]
        [DateTransformation]
        public DateTime? JoinedAfter { get; set; }

        /// <summary>Joined strictly before this date.</summary>
        [Parameter]
        [DateTransformation]
        public DateTime? JoinedBefore { get; set; }

        #endregion

        /// <summary>
        /// The filter of the parameters above. A country that is not an ISO 3166-1 alpha-2 code stops the command with
        /// InvalidCountryCode naming it.
        /// </summary>
        protected PartnerFilter BuildPartnerFilter()
        {
            var filter = new PartnerFilter { JoinedAfter = JoinedAfter, JoinedBefore = JoinedBefore };
            AddAll(filter.Types, Type);
            AddAll(filter.Tiers, Tier);
            AddAll(filter.Statuses, Status);
            AddAll(filter.Regions, Region?.Select(NamePattern.Parse));
            foreach (var country in Country ?? Array.Empty<string>())
            {
                try
                {
                    filter.Countries.Add(PartnerRules.NormalizeCountry(country)!);
                }
                catch (PartnerOpsException ex)
                {
                    Failures.ThrowFailure(ex, country);
                }
            }

            return filter;
        }

        /// <summary>
        /// After the command's answer: a warning for each exact -Region or -Country value that no partner has, naming the
        /// closest ones in use (<see cref="FilterHintWarnings"/>); <paramref name="answerEmpty"/> when nothing was found.
        /// </summary>
        protected void WarnOfUnknownFilterValues(IPartnerDatabase store, bool answerEmpty)
        {
            FilterHintWarnings.Warn(this, store, HintedFilter.PartnerRegion, Region, answerEmpty);
            FilterHintWarnings.Warn(this, store, HintedFilter.PartnerCountry, Country, answerEmpty);
        }

        /// <summary>
        /// A warning when -Status asks for Prospect or Terminated partners of a day (-AsOf): the partners of a day are those
        /// Onboarding, Active or Suspended that day, so those statuses match nothing there (issue 17's "as of a day" rule).
        /// </summary>
        protected void WarnOfStatusesNeverOnADay()
        {
            var never = (Status ?? Array.Empty<PartnerStatus>()).Where(s => s == PartnerStatus.Prospect || s == PartnerStatus.Terminated).Distinct().ToList();
            if (never.Count > 0)
            {
                WriteWarning(
                    $"-Status {string.Join(", ", never)} matches nothing as of a day: the partners of a day are those Onboarding, Active or Suspended on it (joined, not ended). " +
                    "Prospects and ended partners of a period are in Measure-PartnerFunnel (Prospects, Ended) and Get-PartnerStatusHistory.");
            }
        }

        /// <summary>Adds every value (none when null).</summary>
        protected static void AddAll<T>(IList<T> list, IEnumerable<T>? values)
        {
            foreach (var value in values ?? Enumerable.Empty<T>())
            {
                list.Add(value);
            }
        }
    }
}
