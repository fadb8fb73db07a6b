using System;
using System.Collections.Generic;
using System.Linq;
using PartnerOps.Data;
using Xunit;

namespace PartnerOps.Tests
{
    /// <summary>
    /// Resolving a list of partner references reads the partners it names in one statement per kind (ids, names), not one
    /// per reference (a server round trip each: 40,000 ids took 10 s on PostgreSQL), with the same outcome as one by one.
    /// </summary>
    public class PartnerLookupReadAheadTests
    {
        [Fact]
        public void ManyIdsAndNamesAreReadInTwoStatementsAndResolveAsOneByOne()
        {
            var source = new CountingSource(Enumerable.Range(1, 500).Select(i => Partner(i, "Partner " + i)));
            var references = Enumerable.Range(1, 300).Select(i => new PartnerReference((long)i))
                .Concat(Enumerable.Range(301, 150).Select(i => new PartnerReference("PARTNER " + i)))
                .Append(new PartnerReference(9999L))
                .Append(new PartnerReference("Nobody"))
                .ToList();

            var ids = new HashSet<long>();
            var failures = PartnerLookup.Resolve(source, references, ids, null, idsAsGiven: false);

            Assert.Equal(Enumerable.Range(1, 450).Select(i => (long)i), ids.OrderBy(i => i));
            Assert.Equal(2, failures.Count);
            Assert.Contains("9999", failures[0].Message);
            Assert.Contains("Nobody", failures[1].Message);
            Assert.Equal(0, source.SingleReads);
            Assert.Equal(2, source.ListReads);
        }

        [Fact]
        public void ANameTwoOldPartnersShareIsReportedForThatReferenceOnly()
        {
            var source = new CountingSource(new[] { Partner(1, "Acme"), Partner(2, "Acme"), Partner(3, "Zeta") });
            var ids = new HashSet<long>();
            var failures = PartnerLookup.Resolve(source, new[] { new PartnerReference("acme"), new PartnerReference("Zeta") }, ids, null, idsAsGiven: false);

            Assert.Equal(new long[] { 3 }, ids.ToArray());
            var failure = Assert.Single(failures);
            Assert.Contains("Id 1", failure.Message);
            Assert.Contains("Id 2", failure.Message);
        }

        [Fact]
        public void AnIdNowNamedOtherwiseIsRefusedAsOneByOne()
        {
            var source = new CountingSource(new[] { Partner(1, "Acme"), Partner(2, "Beta") });
            var renamed = new PartnerReference(Partner(1, "Old Acme"));
            var ids = new HashSet<long>();
            var failures = PartnerLookup.Resolve(source, new[] { renamed, new PartnerReference(2L) }, ids, null, idsAsGiven: false);

            Assert.Equal(new long[] { 2 }, ids.ToArray());
            Assert.Contains("now named 'Acme'", Assert.Single(failures).Message);
        }

        private static Partner Partner(long id, string name) => new Partner { Id = id, Name = name };

        private sealed class CountingSource : IPartnerLookupSource
        {
            private readonly List<Partner> _partners;

            public CountingSource(IEnumerable<Partner> partners)
            {
                _partners = partners.ToList();
            }

            public int SingleReads { get; private set; }

            public int ListReads { get; private set; }

            public string DatabasePath => "/tmp/counting.db";

            public bool IsSameDatabase(string? location) => location == null || location == DatabasePath;

            public Partner? GetById(long id)
            {
                SingleReads++;
                return _partners.FirstOrDefault(p => p.Id == id);
            }

            public IEnumerable<Partner> Find(PartnerFilter filter) => throw new InvalidOperationException("no wildcard here");

            public IReadOnlyList<Partner> WithKey(string key)
            {
                SingleReads++;
                return _partners.Where(p => KeyOf(p) == key).ToList();
            }

            public IReadOnlyList<Partner> WithIds(IReadOnlyCollection<long> ids)
            {
                ListReads++;
                return _partners.Where(p => ids.Contains(p.Id)).ToList();
            }

            public IReadOnlyList<(long Id, string Key)> HoldersOf(IReadOnlyCollection<string> keys)
            {
                ListReads++;
                return _partners.Where(p => keys.Contains(KeyOf(p))).Select(p => (p.Id, KeyOf(p))).ToList();
            }

            // Partners stored before schema 4 could share a key (two named Acme here).
            private static string KeyOf(Partner p) => PartnerRules.NameKey(p.Name);
        }
    }
}
