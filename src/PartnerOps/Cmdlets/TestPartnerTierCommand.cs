using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PartnerOps.Data;
using PartnerOps.Measures;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Each partner in the programme on a day measured against the tier rules: the tier it has, the highest tier whose
    /// applicable rule it meets, Upgrade/Downgrade/Keep, and what the next tier's rule still lacks. The database sums the
    /// revenue and counts the certified contacts (<see cref="IQualityInputs"/>); <see cref="TierAssessor"/> combines them.
    /// Partners named (typed or piped) are collected and assessed at the end, once per database.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "PartnerTier")]
    [OutputType(typeof(TierAssessment))]
    public sealed class TestPartnerTierCommand : PartnerOpsCmdlet
    {
        private const string Measure = "Test-PartnerTier";

        // The partners asked for, per database (by its key), in the order the databases came.
        private readonly List<Request> _requests = new List<Request>();

        #region Parameters

        /// <summary>Only these partners: names (wildcards) or ids, or partner objects. A named partner not in the programme on the day is an error.</summary>
        [Parameter(Position = 0)]
        [ArgumentCompleter(typeof(PartnerNameCompleter))]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [PartnerReferenceTransformation(Multiple = true)]
        public PartnerReference[]? Partner { get; set; }

        /// <summary>
        /// Only the partners these objects name, each in its own database unless -Database is given: partners, records that
        /// name a partner, rows with Name, PartnerName or PartnerId, names or ids.
        /// </summary>
        [Parameter(ValueFromPipeline = true)]
        public PSObject[]? InputObject { get; set; }

        /// <summary>The day assessed (its date; default today, UTC): the tiers, statuses, revenue window and certifications of that day.</summary>
        [Parameter]
        [DateTransformation]
        [ValidateNotNull]
        public DateTime? AsOf { get; set; }

        /// <summary>Only partners in these regions, matched by their key; wildcards allowed.</summary>
        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(RegionCompleter))]
        [ValueList]
        public string[]? Region { get; set; }

        /// <summary>Only partners of these types.</summary>
        [Parameter]
        [EnumValue(typeof(PartnerType), List = true)]
        public PartnerType[]? Type { get; set; }

        /// <summary>Only partners with these tiers on the day assessed.</summary>
        [Parameter]
        [EnumValue(typeof(PartnerTier), List = true)]
        public PartnerTier[]? Tier { get; set; }

        #endregion

        private DateTime Day => (AsOf ?? DateTime.UtcNow).Date;

        protected override void ProcessRecord() => Piped.ReadPerPartner(Partner, InputObject, Collect);

        protected override void EndProcessing()
        {
            try
            {
                var unruled = new List<TierAssessment>();
                foreach (var request in _requests)
                {
                    PipelineWriter.SeeOtherWrites(request.Store);
                    var assessments = Assess(request);
                    WriteVerbose($"Assessed {assessments.Count} partner(s) of '{request.Store.Path}' on {PartnerRules.FormatDate(Day)}.");
                    foreach (var assessment in assessments.OrderBy(a => PartnerRules.NameOrder(a.Partner)).ThenBy(a => a.PartnerId))
                    {
                        WriteObject(assessment);
                    }

                    unruled.AddRange(assessments.Where(a => a.QualifiedTier == null));
                    FilterHintWarnings.Warn(this, request.Store, HintedFilter.PartnerRegion, Region, assessments.Count == 0);
                }

                if (unruled.Count > 0)
                {
                    WriteWarning(TierAssessor.NoRuleWarning(unruled));
                }
            }
            catch (PartnerOpsException ex)
            {
                Failures.ThrowFailure(ex, ex.Target);
            }
            finally
            {
                Dispose();
            }
        }

        // Notes what one read names: every partner (nothing named), or the named ones (their ids, each with the item that named
        // it) and the wildcard names; a reference that names none is an error at once.
        private void Collect(IPartnerDatabase store, PartnerReference[]? partners, object? item)
        {
            var request = _requests.FirstOrDefault(r => r.Store.Key == store.Key);
            if (request == null)
            {
                _requests.Add(request = new Request(store));
            }

            if (partners == null)
            {
                request.All = true;
                return;
            }

            var ids = new HashSet<long>();
            foreach (var missing in store.Partners.Resolve(partners, ids, request.Wildcards, idsAsGiven: false))
            {
                Failures.WriteFailure(missing, item ?? missing.Target);
            }

            foreach (var id in ids)
            {
                if (!request.Named.ContainsKey(id))
                {
                    request.Named[id] = item;
                }
            }
        }

        // The assessments of one database: all its partners, or the named ones and those the wildcard names match; a named
        // partner that is not in the programme on the day is an error pointing at the item that named it.
        private List<TierAssessment> Assess(Request request)
        {
            var store = request.Store;
            var rules = store.TierRules.Find(null, null, null).ToList();
            var converter = store.ExchangeRates.Converter();
            IReadOnlyList<TierAssessment> Run(Action<PartnerFilter> restrict)
            {
                var filter = new PartnerFilter();
                restrict(filter);
                foreach (var type in Type ?? Array.Empty<PartnerType>())
                {
                    filter.Types.Add(type);
                }

                foreach (var tier in Tier ?? Array.Empty<PartnerTier>())
                {
                    filter.Tiers.Add(tier);
                }

                foreach (var region in Region ?? Array.Empty<string>())
                {
                    filter.Regions.Add(NamePattern.Parse(region));
                }

                return TierAssessor.Run(store.QualityInputs, rules, converter, Day, filter, store.Path);
            }

            if (request.All)
            {
                return Run(_ => { }).ToList();
            }

            var assessed = new Dictionary<long, TierAssessment>();
            if (request.Named.Count > 0)
            {
                foreach (var assessment in Run(f => { foreach (var id in request.Named.Keys) { f.Ids.Add(id); } }))
                {
                    assessed[assessment.PartnerId] = assessment;
                }

                // The named partners the restrictions did not leave out but the day did: not in the programme then.
                var missing = new PartnerFilter();
                foreach (var id in request.Named.Keys.Where(id => !assessed.ContainsKey(id)))
                {
                    missing.Ids.Add(id);
                }

                var inProgramme = missing.Ids.Count == 0 ? new HashSet<long>() : new HashSet<long>(store.QualityInputs.Partners(Day, missing, lastRevenue: false).Select(p => p.Id));
                foreach (var id in missing.Ids.Where(id => !inProgramme.Contains(id)))
                {
                    if (ProgrammeMembership.NotInProgramme(store, id, Day, Measure) is PartnerOpsException notIn)
                    {
                        Failures.WriteFailure(notIn, request.Named[id] ?? notIn.Target);
                    }
                }
            }

            if (request.Wildcards.Count > 0)
            {
                foreach (var assessment in Run(f => { foreach (var name in request.Wildcards) { f.Names.Add(name); } }))
                {
                    assessed[assessment.PartnerId] = assessment;
                }
            }

            return assessed.Values.ToList();
        }

        // What is asked of one database.
        private sealed class Request
        {
            public Request(IPartnerDatabase store) => Store = store;

            public IPartnerDatabase Store { get; }

            public bool All { get; set; }

            public Dictionary<long, object?> Named { get; } = new Dictionary<long, object?>();

            public List<NamePattern> Wildcards { get; } = new List<NamePattern>();
        }
    }
}
