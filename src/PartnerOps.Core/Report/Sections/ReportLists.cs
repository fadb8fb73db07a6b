using System.Collections.Generic;
using System.Linq;
using PartnerOps.Data;

namespace PartnerOps.Report.Sections
{
    /// <summary>How long a report's lists get, and which of their partners are in the report's regions.</summary>
    internal static class ReportLists
    {
        /// <summary>The most rows a list shows; its caption then says how many there are in all.</summary>
        public const int MaxRows = 100;

        /// <summary>Partner ids looked up together.</summary>
        private const int Chunk = 500;

        /// <summary>"; the first 100 shown" when a list of <paramref name="count"/> rows is cut; empty else.</summary>
        public static string Shown(int count) => count > MaxRows ? $"; the first {MaxRows} shown" : string.Empty;

        /// <summary>
        /// Of <paramref name="partnerIds"/>, those of partners in the report's regions (matched by the database, as Get-Partner
        /// -Region matches); all of them without a region filter.
        /// </summary>
        public static ISet<long> InRegions(ReportScope scope, IEnumerable<long> partnerIds)
        {
            var ids = new HashSet<long>(partnerIds);
            if (scope.Regions.Count == 0 || ids.Count == 0)
            {
                return ids;
            }

            var matched = new HashSet<long>();
            foreach (var chunk in ids.Select((id, i) => (id, i)).GroupBy(x => x.i / Chunk, x => x.id))
            {
                var filter = scope.Partners();
                foreach (var id in chunk)
                {
                    filter.Ids.Add(id);
                }

                matched.UnionWith(scope.Store.Partners.Find(filter).Select(p => p.Id));
            }

            return matched;
        }
    }
}
