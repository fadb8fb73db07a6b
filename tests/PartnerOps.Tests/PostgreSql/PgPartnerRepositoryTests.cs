using System;
using System.Collections.Generic;
using System.Linq;
using PartnerOps.Data;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests.PostgreSql
{
    /// <summary>Partners on the server give what they give on SQLite: the same partners, order, counts, ids and failures.</summary>
    public class PgPartnerRepositoryTests
    {
        private static readonly string[] Names =
        {
            "Acme GmbH", "Großhandel AG", "GROSSHANDEL Nord", "Zeta Inc", "beta*star", "Ähnlich", "alpha", "Alpha Two", "straße 1",
            "[bracket] co", "100% Net", "a_b", "Ｆｕｌｌ Width", "İstanbul Ltd", "back\\slash", "dot.com", "a?b", "Ωmega",
        };

        private static readonly string?[] Regions = { "Western Europe", "western europe", "Asia", null, "North America", "Großraum", "GROSSRAUM" };

        private static void AddPartners(IPartnerDatabase db)
        {
            for (var i = 0; i < Names.Length; i++)
            {
                db.Partners.Add(Draft(
                    Names[i],
                    (PartnerType)(i % 5),
                    (PartnerTier)(i % 4),
                    (PartnerStatus)(i % 5),
                    region: Regions[i % Regions.Length],
                    country: i % 3 == 0 ? null : (i % 2 == 0 ? "CN" : "DE"),
                    joinedOn: Day(2013 + (i % 5), 1 + (i % 12), 1 + i),
                    endedOn: i % 4 == 3 ? Day(2016, 6, 30) : (DateTime?)null));
            }
        }

        private static IEnumerable<(string Case, Action<PartnerFilter> Set)> Filters()
        {
            yield return ("all", f => { });
            foreach (var pattern in new[] { "gross*", "GROSS*", "straße*", "*star", "beta`*star", "[ab]*", "a?b", "a`?b", "*%*", "[[]*", "100% net", "ｆｕｌｌ*", "*\\*", "*.com", "ω*", "[a-c]*", "*[]]*", "?" })
            {
                yield return ("name " + pattern, f => f.Names.Add(NamePattern.ParseName(pattern)));
            }

            yield return ("many names", f =>
            {
                foreach (var p in new[] { "a*", "b*", "c*", "d*", "e*", "f*", "g*", "h*", "z*", "acme gmbh" })
                {
                    f.Names.Add(NamePattern.ParseName(p));
                }
            });
            yield return ("region exact", f => f.Regions.Add(NamePattern.Literal("WESTERN EUROPE")));
            yield return ("region wildcards", f => { f.Regions.Add(NamePattern.Parse("west*")); f.Regions.Add(NamePattern.Parse("*ROSS*")); });
            yield return ("region none", f => f.Regions.Add(NamePattern.Parse("Mars*")));
            yield return ("types", f => { f.Types.Add(PartnerType.Reseller); f.Types.Add(PartnerType.Consultancy); });
            yield return ("tiers", f => f.Tiers.Add(PartnerTier.Gold));
            yield return ("statuses", f => { f.Statuses.Add(PartnerStatus.Active); f.Statuses.Add(PartnerStatus.Prospect); });
            yield return ("countries", f => f.Countries.Add(" de "));
            yield return ("joined", f => { f.JoinedAfter = Day(2014, 1, 1); f.JoinedBefore = Day(2016, 12, 31); });
            yield return ("as of", f => f.AsOf = Day(2016, 7, 1));
            yield return ("ids", f => { f.Ids.Add(2); f.Ids.Add(5); f.Ids.Add(999); });
            yield return ("page", f => { f.Skip = 3; f.First = 4; });
            yield return ("first 0", f => f.First = 0);
            yield return ("skip only", f => f.Skip = 15);
            yield return ("combined", f => { f.Names.Add(NamePattern.ParseName("a*")); f.Regions.Add(NamePattern.Parse("*e*")); f.Skip = 1; f.First = 2; });
        }

        [PgFact]
        public void EveryFilterFindsAndCountsTheSamePartnersInTheSameOrder()
        {
            using var pair = new PgPair();
            foreach (var db in pair.Both)
            {
                AddPartners(db);
            }

            foreach (var (name, set) in Filters())
            {
                var filter = new PartnerFilter();
                set(filter);
                var (sqlite, server) = pair.Each(db => db.Partners.Find(filter).Select(p => $"{p.Id} {p.Name} {p.Region} {p.JoinedOn:yyyy-MM-dd} {p.EndedOn:yyyy-MM-dd}").ToList());
                Assert.True(sqlite.SequenceEqual(server), $"{name}: SQLite [{string.Join(", ", sqlite)}] server [{string.Join(", ", server)}]");
                var (sqliteCount, serverCount) = pair.Each(db => db.Partners.Count(filter));
                Assert.True(sqliteCount == serverCount, $"{name}: count {sqliteCount} against {serverCount}");
            }

            Assert.Equal(pair.Server.Path, Assert.Single(pair.Server.Partners.Find(new PartnerFilter { First = 1 })).Database);
        }

        [PgFact]
        public void UnmatchedNamesLookPastThePage()
        {
            using var pair = new PgPair();
            var results = pair.Both.Select(db =>
            {
                AddPartners(db);
                var filter = new PartnerFilter { First = 1 };
                filter.Names.Add(NamePattern.ParseName("alpha"));
                filter.Names.Add(NamePattern.ParseName("zeta inc"));
                filter.Names.Add(NamePattern.ParseName("nobody"));
                var seen = new HashSet<string>(db.Partners.Find(filter).Select(p => PartnerRules.NameKey(p.Name)), StringComparer.Ordinal);
                return string.Join(",", db.Partners.Unmatched(filter, seen).Select(n => n.Text));
            }).ToList();
            Assert.Equal("nobody", results[1]);
            Assert.Equal(results[0], results[1]);
        }

        [PgFact]
        public void RefusedNamesFailAlikeAndTakeNoId()
        {
            using var pair = new PgPair();
            var failures = pair.Both.Select(db =>
            {
                db.Partners.Add(Draft("Straße AG", joinedOn: Day(2020, 1, 1)));
                var duplicate = PgPair.Failure(db, () => db.Partners.Add(Draft("STRASSE ag", joinedOn: Day(2020, 1, 1))));
                var next = db.Partners.Add(Draft("Other", joinedOn: Day(2020, 1, 1))).Id;
                var other = db.Partners.GetByName("other")!;
                var rename = PgPair.Failure(db, () => db.Partners.Update(other, new PartnerChanges { NewName = "strasse AG" }));
                var same = ReferenceEquals(other, db.Partners.Update(other, new PartnerChanges { NewName = "Other" }));
                var renamed = db.Partners.Update(other, new PartnerChanges { NewName = "Another", Tier = PartnerTier.Gold });
                return $"{duplicate} | next id {next} | {rename} | unchanged returns itself {same} | {renamed.Name} {renamed.Tier} {renamed.Id}";
            }).ToList();
            Assert.Contains("PartnerAlreadyExists", failures[1], StringComparison.Ordinal);
            Assert.Contains("next id 2", failures[1], StringComparison.Ordinal);
            Assert.Equal(failures[0], failures[1]);
        }

        [PgFact]
        public void ReferencesResolveAndFailAlike()
        {
            using var pair = new PgPair();
            var results = pair.Both.Select(db =>
            {
                AddPartners(db);
                var acme = db.Partners.GetByName(" acme gmbh ")!;
                var stale = new Partner { Id = acme.Id, Name = "Renamed Since", Database = db.Path };
                var foreign = new Partner { Id = 1, Name = "Acme GmbH", Database = "/elsewhere/partners.db" };
                var ids = new SortedSet<long>();
                var wildcards = new List<NamePattern>();
                var failures = db.Partners.Resolve(
                    new[] { new PartnerReference("gross*"), new PartnerReference("Nobody"), new PartnerReference(999), new PartnerReference(stale), new PartnerReference(foreign), new PartnerReference("beta`*star"), new PartnerReference(3) },
                    ids,
                    null,
                    idsAsGiven: false).Select(f => f.ErrorId + ": " + f.Message.Replace(db.Path, "<db>"));
                var withWildcards = db.Partners.Resolve(new[] { new PartnerReference("a*") }, new HashSet<long>(), wildcards, idsAsGiven: true);
                return string.Join("\n", failures) + "\nids " + string.Join(",", ids) + "\nwildcards " + string.Join(",", wildcards.Select(w => w.Glob)) + withWildcards.Count +
                       "\nrequire " + PgPair.Failure(db, () => db.Partners.Require(new PartnerReference("nobody"))) +
                       "\nrequire " + db.Partners.Require(new PartnerReference(acme)).Name +
                       "\ncount on " + db.Partners.CountOn(Day(2016, 7, 1), "WESTERN europe", new[] { PartnerStatus.Active, PartnerStatus.Onboarding }) +
                       " " + db.Partners.CountOn(Day(2016, 7, 1), null, new[] { PartnerStatus.Active });
            }).ToList();
            Assert.Contains("is now named 'Acme GmbH', not 'Renamed Since'", results[1], StringComparison.Ordinal);
            Assert.Equal(results[0], results[1]);
        }

        [PgFact]
        public void RemovedPartnersAreGoneAndRemovingAgainFails()
        {
            using var pair = new PgPair();
            var results = pair.Both.Select(db =>
            {
                AddPartners(db);
                var zeta = db.Partners.GetByName("Zeta Inc")!;
                db.Partners.Remove(zeta);
                return PgPair.Failure(db, () => db.Partners.Remove(zeta)) + " " + db.Partners.Count(new PartnerFilter()) + " " + (db.Partners.GetById(zeta.Id) == null);
            }).ToList();
            Assert.Equal(results[0], results[1]);
        }

        [PgFact]
        public void UnknownFilterValuesNameTheClosestStoredOnes()
        {
            using var pair = new PgPair();
            var results = pair.Both.Select(db =>
            {
                AddPartners(db);
                return string.Join("\n", db.UnknownFilterValues(HintedFilter.PartnerRegion, new[] { "Westren Europe", "asia", "Mars" })
                    .Concat(db.UnknownFilterValues(HintedFilter.PartnerCountry, new[] { "DK", "cn" }))
                    .Select(u => u.Value + ": " + u.Message.Replace(db.Path, "<db>")));
            }).ToList();
            Assert.Contains("closest: 'Western Europe'", results[1], StringComparison.Ordinal);
            Assert.Equal(results[0], results[1]);
        }
    }
}
