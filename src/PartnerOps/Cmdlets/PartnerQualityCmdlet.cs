using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PartnerOps.Data;
using PartnerOps.Measures;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Shared by Test-PartnerTier, Invoke-PartnerTierReview and Measure-PartnerScorecard: the partners in the programme on a day (-AsOf), all of
    /// them or those named (-Partner, piped objects; each in its own database unless -Database is given), restricted by -Region,
    /// -Type and -Tier (the tier of the day). The partners named are collected and looked at once per database, at the end.
    /// </summary>
    public abstract class PartnerQualityCmdlet : PartnerOpsCmdlet
    {
        private readonly List<Selection> _selections = new List<Selection>();

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

        /// <summary>The day looked at (its date; default today, UTC): the tiers, statuses, revenue windows and certifications of that day.</summary>
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

        /// <summary>Only partners with these tiers on the day.</summary>
        [Parameter]
        [EnumValue(typeof(PartnerTier), List = true)]
        public PartnerTier[]? Tier { get; set; }

        #endregion

        /// <summary>The day looked at (date only): -AsOf, else today (UTC).</summary>
        protected DateTime Day => (AsOf ?? DateTime.UtcNow).Date;

        /// <summary>The command's name in messages (a named partner not in the programme: "... looks at ... only").</summary>
        protected abstract string Measure { get; }

        protected override void ProcessRecord() => Piped.ReadPerPartner(Partner, InputObject, Collect);

        /// <summary>
        /// The partners to look at in each database, in the order the databases came: the filter of the parameters, restricted to
        /// the partners named when some were (null ids: all); with the item that named each, to target its errors.
        /// </summary>
        protected IEnumerable<(IPartnerDatabase Store, PartnerFilter Filter, IReadOnlyDictionary<long, object?> Named)> Selections()
        {
            foreach (var selection in _selections)
            {
                var filter = new PartnerFilter();
                AddAll(filter.Types, Type);
                AddAll(filter.Tiers, Tier);
                AddAll(filter.Regions, Region?.Select(NamePattern.Parse));
                if (!selection.All)
                {
                    AddAll(filter.Ids, selection.Named.Keys.Concat(selection.Matched).Distinct());
                    if (filter.Ids.Count == 0)
                    {
                        continue; // named none that exists: each was an error already
                    }
                }

                yield return (selection.Store, filter, selection.Named);
            }
        }

        /// <summary>
        /// The errors of the partners named by name or id (not by a wildcard) that <paramref name="found"/> left out though the
        /// filters did not: not in the programme on the day (InvalidPartnerValue naming its status), each targeted at the item
        /// that named it.
        /// </summary>
        protected void ReportNotInProgramme(IPartnerDatabase store, IReadOnlyDictionary<long, object?> named, ISet<long> found)
        {
            var missing = new PartnerFilter();
            AddAll(missing.Ids, named.Keys.Where(id => !found.Contains(id)));
            if (missing.Ids.Count == 0)
            {
                return;
            }

            var inProgramme = new HashSet<long>(store.QualityInputs.Partners(Day, missing).Select(p => p.Id));
            foreach (var id in missing.Ids.Where(id => !inProgramme.Contains(id)))
            {
                if (ProgrammeMembership.NotInProgramme(store, id, Day, Measure) is PartnerOpsException notIn)
                {
                    Failures.WriteFailure(notIn, named[id] ?? notIn.Target);
                }
            }
        }

        // Notes what one read names: every partner (nothing named), or the named ones (by id, with the item that named each)
        // and the ids the wildcard names match; a reference that names none is an error at once.
        private void Collect(IPartnerDatabase store, PartnerReference[]? partners, object? item)
        {
            var selection = _selections.FirstOrDefault(s => s.Store.Key == store.Key);
            if (selection == null)
            {
                _selections.Add(selection = new Selection(store));
            }

            if (partners == null)
            {
                selection.All = true;
                return;
            }

            var ids = new HashSet<long>();
            var wildcards = new List<NamePattern>();
            foreach (var missing in store.Partners.Resolve(partners, ids, wildcards, idsAsGiven: false))
            {
                Failures.WriteFailure(missing, item ?? missing.Target);
            }

            foreach (var id in ids.Where(id => !selection.Named.ContainsKey(id)))
            {
                selection.Named[id] = item;
            }

            if (wildcards.Count > 0)
            {
                var byName = new PartnerFilter();
                AddAll(byName.Names, wildcards);
                selection.Matched.UnionWith(store.Partners.Find(byName).Select(p => p.Id));
            }
        }

        private static void AddAll<T>(IList<T> list, IEnumerable<T>? values)
        {
            foreach (var value in values ?? Enumerable.Empty<T>())
            {
                list.Add(value);
            }
        }

        // The partners asked for in one database.
        private sealed class Selection
        {
            public Selection(IPartnerDatabase store)
            {
                Store = store;
            }

            public IPartnerDatabase Store { get; }

            public bool All { get; set; }

            public Dictionary<long, object?> Named { get; } = new Dictionary<long, object?>();

            public HashSet<long> Matched { get; } = new HashSet<long>();
        }
    }
}
