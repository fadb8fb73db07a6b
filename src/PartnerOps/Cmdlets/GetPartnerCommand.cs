using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PartnerOps.Storage;

namespace PartnerOps.Commands
{
    /// <summary>Finds partners by name (wildcards), id and properties; streams them sorted by name.</summary>
    [Cmdlet(VerbsCommon.Get, "Partner", DefaultParameterSetName = ByName, SupportsPaging = true)]
    [OutputType(typeof(Partner))]
    public sealed class GetPartnerCommand : PartnerOpsCmdlet, IDisposable
    {
        private const string ByName = nameof(ByName);
        private const string ById = nameof(ById);

        private PartnerStore? _store;

        #region Parameters

        [Parameter(ParameterSetName = ByName, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("PartnerName")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(PartnerNameCompleter))]
        public string[]? Name { get; set; }

        [Parameter(ParameterSetName = ById, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("PartnerId")]
        public long[]? Id { get; set; }

        [Parameter]
        public PartnerType[]? Type { get; set; }

        [Parameter]
        public PartnerTier[]? Tier { get; set; }

        [Parameter]
        public PartnerStatus[]? Status { get; set; }

        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string[]? Region { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CountryCompleter))]
        public string[]? Country { get; set; }

        [Parameter]
        [DateTransformation]
        public DateTime? JoinedAfter { get; set; }

        [Parameter]
        [DateTransformation]
        public DateTime? JoinedBefore { get; set; }

        /// <summary>Those that were partners on this date: joined on or before it, not ended by it, not Prospect.</summary>
        [Parameter]
        [DateTransformation]
        public DateTime? AsOf { get; set; }

        #endregion

        protected override void BeginProcessing()
        {
            _store = OpenStore(create: false);
        }

        protected override void ProcessRecord()
        {
            var filter = BuildFilter();
            SeeOtherWrites(_store!);
            var partners = new PartnerRepository(_store!);
            try
            {
                if (PagingParameters.IncludeTotalCount)
                {
                    WriteObject(PagingParameters.NewTotalCount((ulong)partners.Count(filter), 1.0));
                }

                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var partner in partners.Find(filter))
                {
                    seen.Add(PartnerRules.NameKey(partner.Name));
                    WriteObject(partner);
                }

                foreach (var missing in partners.Unmatched(filter, seen))
                {
                    WriteFailure(PartnerRepository.NotFound("'" + missing.Text + "'", missing.Text), missing.Text);
                }
            }
            catch (PartnerOpsException ex)
            {
                // The database failed while the rows were read (they stream).
                ThrowFailure(ex, ex.Target);
            }

            FlushSqlTrace();
        }

        protected override void EndProcessing() => Dispose();

        public void Dispose()
        {
            _store?.Dispose();
            _store = null;
        }

        private PartnerFilter BuildFilter()
        {
            var filter = new PartnerFilter
            {
                JoinedAfter = JoinedAfter,
                JoinedBefore = JoinedBefore,
                AsOf = AsOf,
                Skip = PagingSkip,
                First = PagingFirst,
            };
            AddAll(filter.Names, Name?.Select(NamePattern.Parse));
            AddAll(filter.Ids, Id);
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
                    ThrowFailure(ex, country);
                }
            }

            return filter;
        }

        private static void AddAll<T>(IList<T> list, IEnumerable<T>? values)
        {
            foreach (var value in values ?? Enumerable.Empty<T>())
            {
                list.Add(value);
            }
        }
    }
}
