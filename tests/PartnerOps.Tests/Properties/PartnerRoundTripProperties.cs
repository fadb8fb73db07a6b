using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PartnerOps.Data;
using PartnerOps.Sqlite;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests.Properties
{
    using PartnerOps.Properties;

    /// <summary>
    /// Random valid partners are stored exactly as the documented rules say, and read back the same by id,
    /// by exact name, by name in another case and by a wildcard made of the escaped name.
    /// On failure FsCheck prints the seed; [Property(Replay = "...")] replays it.
    /// </summary>
    public class PartnerRoundTripProperties
    {
        [Property(MaxTest = 40)]
        public Property Random_partners_round_trip_exactly_through_Add_and_Get() =>
            Prop.ForAll(PartnerGenerators.Partners(12).ToArbitrary(), cases =>
            {
                using var db = new TempDatabase();
                using var store = db.Open();
                var partners = Repository(store);
                store.BeginWrite();
                var ids = cases.Select(c => partners.Add(c.ToDraftForCore())).Select(p => p.Id).ToArray();
                store.Commit();

                for (var i = 0; i < cases.Length; i++)
                {
                    var expected = cases[i].Expected(Today);
                    var byId = partners.GetById(ids[i]) ?? throw new Exception("Id " + ids[i] + " was not found for " + cases[i]);
                    Check(cases[i], expected, byId, "by id");
                    Check(cases[i], expected, partners.GetByName(expected.Name)!, "by exact name");
                    Check(cases[i], expected, Single(partners, NamePattern.LiteralName(expected.Name)), "by literal pattern");
                    Check(cases[i], expected, Single(partners, NamePattern.ParseName(EscapeWildcards(expected.Name) + "*"), expected.Name), "by escaped name + '*'");
                }

                var all = partners.Find(new PartnerFilter()).Select(p => p.Name).ToArray();
                if (all.Length != cases.Length)
                {
                    throw new Exception($"{cases.Length} added, {all.Length} stored");
                }
            });

        /// <summary>The longest name is kept whole; one more character is refused rather than cut.</summary>
        [Property(MaxTest = 5)]
        public Property Names_longer_than_200_characters_are_refused_not_cut() =>
            Prop.ForAll(PartnerGenerators.Name.ArrayOf(20).ToArbitrary(), names =>
            {
                using var db = new TempDatabase();
                using var store = db.Open();
                var partners = Repository(store);
                foreach (var name in names)
                {
                    var stored = name.Trim().Normalize(System.Text.NormalizationForm.FormC);
                    var tooLong = stored + new string('x', PartnerRules.MaxNameLength + 1 - stored.Length);
                    var ex = ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => partners.Add(Draft(tooLong)));
                    if (!ex.Message.Contains("at most 200 characters"))
                    {
                        throw new Exception("Unexpected message: " + ex.Message);
                    }
                }

                return !partners.Find(new PartnerFilter()).Any();
            });

        /// <summary>A control character (a NUL cut the text in SQLite), U+FFFD or half a surrogate pair (which became U+FFFD) is refused, never stored changed.</summary>
        [Property(MaxTest = 5)]
        public Property Text_that_cannot_be_stored_as_given_is_refused() =>
            Prop.ForAll(PartnerGenerators.UnstorableText.Zip(Gen.Elements("Name", "Region", "Notes")).ArrayOf(20).ToArbitrary(), cases =>
            {
                using var db = new TempDatabase();
                using var store = db.Open();
                var partners = Repository(store);
                foreach (var (text, property) in cases)
                {
                    var draft = property == "Name" ? Draft(text) : property == "Region" ? Draft("Acme", region: text) : Draft("Acme", notes: text);
                    ThrowsPartnerOps(ErrorIds.InvalidPartnerValue, () => partners.Add(draft));
                }

                return !partners.Find(new PartnerFilter()).Any();
            });

        internal static string EscapeWildcards(string text)
        {
            var escaped = new System.Text.StringBuilder();
            foreach (var c in text)
            {
                if (c == '*' || c == '?' || c == '[' || c == ']' || c == '`')
                {
                    escaped.Append('`');
                }

                escaped.Append(c);
            }

            return escaped.ToString();
        }

        private static Partner Single(PartnerRepository partners, NamePattern pattern, string? onlyName = null)
        {
            var filter = new PartnerFilter();
            filter.Names.Add(pattern);
            var found = partners.Find(filter).ToArray();

            // A trailing '*' may match longer names too; the one with exactly this name must be among them.
            var matching = onlyName == null ? found : found.Where(p => p.Name == onlyName).ToArray();
            if (matching.Length != 1)
            {
                throw new Exception($"Pattern {PartnerCase.Show(pattern.Text)} found {found.Length} partner(s): {string.Join(", ", found.Select(p => PartnerCase.Show(p.Name)))}");
            }

            return matching[0];
        }

        private static void Check(PartnerCase given, Partner expected, Partner actual, string how)
        {
            var differences = PartnerCase.Differences(expected, actual);
            if (differences.Length > 0)
            {
                throw new Exception($"Read back {how}, the partner differs (expected | actual):\n{differences}\nGiven: {given}");
            }
        }
    }

    internal static class PartnerCaseExtensions
    {
        /// <summary>The draft the cmdlet builds from these parameters (AddPartnerCommand: not given is the model's default).</summary>
        public static Partner ToDraftForCore(this PartnerCase c) =>
            TestSupport.Draft(c.Name, c.Type ?? PartnerType.Other, c.Tier ?? PartnerTier.Registered, c.Status ?? PartnerStatus.Active, c.Region, c.Country, c.JoinedOn, c.EndedOn, c.Notes);
    }
}
