// Random partner records and random import files for the property tests. This file is compiled into the
// xunit project and also loaded by tests/pester/Properties.Tests.ps1 with Add-Type (against the module's
// PartnerOps.Core.dll and FsCheck from the NuGet cache), so both drive the same generators.
#nullable enable
using System;
using System.Globalization;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace PartnerOps.Properties
{
    /// <summary>
    /// One partner as a user gives it (null: not given, so the default applies) and what the documented
    /// rules say is stored: trimmed NFC name and region, upper-case country, date-only dates, EndedOn today
    /// (or JoinedOn if later) for a Terminated partner without one, empty text as nothing.
    /// </summary>
    public sealed class PartnerCase
    {
        public string Name { get; set; } = string.Empty;

        public PartnerType? Type { get; set; }

        public PartnerTier? Tier { get; set; }

        public PartnerStatus? Status { get; set; }

        public string? Region { get; set; }

        public string? Country { get; set; }

        public DateTime? JoinedOn { get; set; }

        public DateTime? EndedOn { get; set; }

        public string? Notes { get; set; }

        /// <summary>The unique key of the name (only used to keep generated partners distinct, never as an expected value).</summary>
        public string NameKey => PartnerRules.NameKey(ExpectedName);

        /// <summary>The documented rule: trimmed, every space separator (Zs) a plain space, NFC.</summary>
        public string ExpectedName => SpacesAsSpace(Name.Trim()).Normalize(NormalizationForm.FormC);

        /// <summary>Every space separator (Zs) as a plain space: the documented rule for names, regions and segments (issue 12).</summary>
        private static string SpacesAsSpace(string text) =>
            new string(text.Select(c => char.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator ? ' ' : c).ToArray());

        public Partner Expected(DateTime today)
        {
            var status = Status ?? PartnerStatus.Active;
            var joined = (JoinedOn ?? today).Date;
            var region = Region == null ? null : SpacesAsSpace(Region.Trim()).Normalize(NormalizationForm.FormC);
            return new Partner
            {
                Name = ExpectedName,
                Type = Type ?? PartnerType.Other,
                Tier = Tier ?? PartnerTier.Registered,
                Status = status,
                Region = string.IsNullOrEmpty(region) ? null : region,
                Country = string.IsNullOrWhiteSpace(Country) ? null : Country!.Trim().ToUpperInvariant(),
                JoinedOn = joined,
                EndedOn = EndedOn?.Date ?? (status == PartnerStatus.Terminated ? (today.Date < joined ? joined : today.Date) : (DateTime?)null),
                Notes = string.IsNullOrEmpty(Notes) ? null : Notes,
            };
        }

        /// <summary>What differs between a stored partner and the expected one, as "Property: expected | actual" lines; empty when they are equal.</summary>
        public static string Differences(Partner expected, Partner actual)
        {
            var lines = new List<string>();
            Compare("Name", expected.Name, actual.Name);
            Compare("Type", expected.Type, actual.Type);
            Compare("Tier", expected.Tier, actual.Tier);
            Compare("Status", expected.Status, actual.Status);
            Compare("Region", expected.Region, actual.Region);
            Compare("Country", expected.Country, actual.Country);
            Compare("JoinedOn", expected.JoinedOn, actual.JoinedOn);
            Compare("EndedOn", expected.EndedOn, actual.EndedOn);
            Compare("Notes", expected.Notes, actual.Notes);
            return string.Join("\n", lines);

            void Compare(string property, object? want, object? got)
            {
                if (Equals(want, got))
                {
                    return;
                }

                if (want is string a && got is string b)
                {
                    // Long text: where the two part, with a little context, and both lengths.
                    var at = 0;
                    while (at < a.Length && at < b.Length && a[at] == b[at])
                    {
                        at++;
                    }

                    var from = Math.Max(0, at - 10);
                    lines.Add($"{property}: differs at character {at + 1} (lengths {a.Length} and {b.Length}): " +
                        Show(a.Substring(from, Math.Min(30, a.Length - from))) + " | " + Show(b.Substring(from, Math.Min(30, b.Length - from))));
                }
                else
                {
                    lines.Add(property + ": " + Show(want) + " | " + Show(got));
                }
            }
        }

        /// <summary>A value with every non-ASCII or control character as \uXXXX, so a failure message shows it exactly.</summary>
        public static string Show(object? value)
        {
            if (value == null)
            {
                return "(null)";
            }

            if (value is DateTime date)
            {
                return date.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
            }

            var text = value.ToString() ?? string.Empty;
            var shown = new StringBuilder("\"");
            foreach (var c in text)
            {
                shown.Append(c >= 0x20 && c < 0x7F ? c.ToString() : "\\u" + ((int)c).ToString("X4"));
            }

            return shown.Append('"').ToString();
        }

        public override string ToString() =>
            $"Name={Show(Name)} Type={Type} Tier={Tier} Status={Status} Region={Show(Region)} Country={Show(Country)} " +
            $"JoinedOn={Show(JoinedOn)} EndedOn={Show(EndedOn)} Notes={Show(Notes)}";
    }

    public static class PartnerGenerators
    {
        /// <summary>Pieces of text that break naive code: quotes, delimiters, SQL, wildcards, escapes, direction marks, odd spaces.</summary>
        /// <remarks>
        /// Only text that may be stored: no control characters (refused in one-line values; notes may hold line
        /// breaks and tabs, see <see cref="LineBreaks"/>) and no U+FFFD. Those are the refusals' own properties.
        /// </remarks>
        private static readonly string[] Awkward =
        {
            "'", "\"", "''", "\"\"", ",", ";", "|", "\\", "`", "--", "/*", "*/",
            "'; DROP TABLE partners; --", "\" OR 1=1 --", "Robert'); DELETE FROM partners;--", "%", "_", "%_%",
            "[", "]", "*", "?", "[a-z]", "[!x]", "`*", "$(whoami)", "@{a=1}", "\u200F", "\u202E", "\u200D", "\u200B",
            "\uFEFF", "\u00A0", "\u3000", " ", "\u0301", "e\u0301", "\u0958", "\uFB2C",
            "\u212A", "\u0130", "\u0131", "\u00DF", "\u1E9E", "\uFFFF",
        };

        /// <summary>What notes may hold beyond one-line text.</summary>
        private static readonly string[] LineBreaks = { "\t", "\r\n", "\n", "\r" };

        private static readonly Gen<string> CodePoint = Gen.Frequency(
            (30, Range(0x20, 0x7E)),            // printable ASCII
            (8, Range(0xA0, 0x2FF)),            // Latin-1 and Latin Extended
            (6, Range(0x300, 0x36F)),           // combining marks
            (6, Range(0x590, 0x5FF)),           // Hebrew (RTL)
            (6, Range(0x600, 0x6FF)),           // Arabic (RTL)
            (4, Range(0x1100, 0x11FF)),         // Hangul jamo (compose under NFC)
            (6, Range(0x4E00, 0x9FFF)),         // CJK
            (6, Range(0x1F300, 0x1FAFF)),       // emoji (surrogate pairs)
            (4, Range(0x10400, 0x1044F)),       // Deseret: letters with case outside the BMP
            (6, Gen.Choose(0, 0xFFFF - 0x800).Select(c => char.ConvertFromUtf32(c < 0xD800 ? c : c + 0x800))), // any BMP scalar
            (4, Gen.Choose(0x10000, 0x10FFFF).Select(char.ConvertFromUtf32)))                                    // any supplementary scalar
            .Where(text => TextRules.Problem(text) == null); // no control character, no U+FFFD

        private static readonly Gen<string> Piece = Gen.Frequency((5, CodePoint), (1, Gen.Elements(Awkward)));

        /// <summary>Well-formed UTF-16 text of about <paramref name="maxPieces"/> pieces at most.</summary>
        public static Gen<string> Text(int maxPieces) =>
            Gen.Choose(0, maxPieces).SelectMany(n => Piece.ArrayOf(n)).Select(pieces => string.Concat(pieces));

        /// <summary>Valid names: 1 to 200 characters once trimmed and NFC-normalised, padded with spaces now and then.</summary>
        public static Gen<string> Name { get; } = Gen.Frequency(
            (10, Text(60)),
            (2, Text(4)),
            (1, Gen.Elements(Awkward)),
            (1, LongName()))
            .SelectMany(name => Gen.Elements("", "", " ", "  \t", "\u00A0", "\u3000").Two().Select(pad => pad.Item1 + name + pad.Item2))
            .Where(name =>
            {
                var stored = name.Trim().Normalize(NormalizationForm.FormC);
                return stored.Length >= 1 && stored.Length <= PartnerRules.MaxNameLength && !HasInvisible(name);
            });

        // An invisible character, or a line or paragraph separator, a name or region may not hold (issue 12): Cf format characters other than ZWNJ/ZWJ and the Hangul
        // fillers, as the Default_Ignorable_Code_Point list names them; such names are tested in NameKeyTests.
        private static bool HasInvisible(string text) =>
            text.Any(c => (char.GetUnicodeCategory(c) == UnicodeCategory.Format && c != '\u200C' && c != '\u200D' && !char.IsSurrogate(c))
                || c == '\u2028' || c == '\u2029'
                || c == '\u115F' || c == '\u1160' || c == '\u3164' || c == '\uFFA0' || (c >= '\uFFF0' && c <= '\uFFF8') || (c >= '\u2060' && c <= '\u206F'))
            || Enumerable.Range(0, Math.Max(0, text.Length - 1)).Any(i => char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1])
                && char.ConvertToUtf32(text[i], text[i + 1]) is int cp && (cp >= 0xE0000 && cp <= 0xE0FFF && !(cp >= 0xE0100 && cp <= 0xE01EF)
                    || cp >= 0x1BCA0 && cp <= 0x1BCA3 || cp >= 0x1D173 && cp <= 0x1D17A));

        /// <summary>Valid text with a control character, U+FFFD or half of a surrogate pair put in somewhere: text that cannot be stored.</summary>
        public static Gen<string> UnstorableText { get; } =
            from text in Text(20)
            from bad in Gen.Elements("\0", "\u0001", "\u001B", "\u007F", "\u0085", "\uFFFD", "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uDC00\uD800")
            from at in Gen.Choose(0, text.Length)
            let cut = at > 0 && at < text.Length && char.IsLowSurrogate(text[at]) ? at - 1 : at
            select "x" + text.Substring(0, cut) + bad + text.Substring(cut) + "x";

        public static Gen<string?> Region { get; } = Gen.Frequency(
            (3, Gen.Constant<string?>(null)),
            (1, Gen.Elements<string?>("", "   ")),
            (6, Text(40).Select(t => (string?)t)))
            .Where(r => r == null || (r.Trim().Normalize(NormalizationForm.FormC).Length <= PartnerRules.MaxRegionLength && !HasInvisible(r)));

        /// <summary>Assigned codes in any case, with spaces around now and then; or none.</summary>
        public static Gen<string?> Country { get; } = Gen.Frequency(
            (2, Gen.Elements<string?>(null, "", " ")),
            (8, Gen.Elements(CountryCodes.All.ToArray())
                .SelectMany(code => Gen.Elements(code, code.ToLowerInvariant(), code.Substring(0, 1) + code.Substring(1).ToLowerInvariant(), " " + code + " "))
                .Select(code => (string?)code)));

        /// <summary>Text of several lines: one-line pieces and line breaks or tabs.</summary>
        private static Gen<string> Lines(int maxPieces) =>
            Gen.Choose(0, maxPieces).SelectMany(n => Gen.Frequency((8, Piece), (1, Gen.Elements(LineBreaks))).ArrayOf(n)).Select(pieces => string.Concat(pieces));

        public static Gen<string?> Notes { get; } = Gen.Frequency(
            (3, Gen.Constant<string?>(null)),
            (1, Gen.Elements<string?>("", " ", "\r\n")),
            (6, Lines(120).Select(t => (string?)t)),
            (1, Lines(1500).Select(t => (string?)t)))
            .Where(n => n == null || n.Length <= PartnerRules.MaxNotesLength);

        private static readonly DateTime FirstDay = new DateTime(PartnerRules.MinYear, 1, 1);

        private static readonly DateTime LastDay = new DateTime(PartnerRules.MaxYear, 12, 31);

        /// <summary>Any day of the years partners may have (1900 to 2999) with a time of day, the edges and a few famous days more often.</summary>
        public static Gen<DateTime> Date { get; } = Gen.Frequency(
            (6, Gen.Choose(0, (int)(LastDay - FirstDay).TotalDays).Select(d => FirstDay.AddDays(d))),
            (2, Gen.Choose(1990, 2035).SelectMany(y => Gen.Choose(1, 365).Select(d => new DateTime(y, 1, 1).AddDays(d - 1)))),
            (1, Gen.Elements(
                FirstDay, FirstDay.AddDays(1), new DateTime(1970, 1, 1), new DateTime(2000, 2, 29), new DateTime(2038, 1, 19),
                LastDay.AddDays(-1), LastDay)))
            .SelectMany(day => Gen.Elements(0L, 0L, TimeSpan.TicksPerDay - 1, TimeSpan.TicksPerHour * 12 + 1)
                .Select(ticks => day.AddTicks(ticks)));

        public static Gen<PartnerCase> Partner { get; } =
            from name in Name
            from type in Nullable(Gen.Elements((PartnerType[])Enum.GetValues(typeof(PartnerType))))
            from tier in Nullable(Gen.Elements((PartnerTier[])Enum.GetValues(typeof(PartnerTier))))
            from status in Nullable(Gen.Elements((PartnerStatus[])Enum.GetValues(typeof(PartnerStatus))))
            from region in Region
            from country in Country
            from joined in Nullable(Date)
            from ended in EndedAfter(joined)
            from notes in Notes
            select new PartnerCase
            {
                Name = name,
                Type = type,
                Tier = tier,
                Status = status,
                Region = region,
                Country = country,
                JoinedOn = joined,
                EndedOn = ended,
                Notes = notes,
            };

        /// <summary>Partners whose names are unique ignoring case (as the database requires).</summary>
        public static Gen<PartnerCase[]> Partners(int max) =>
            Gen.Choose(1, max).SelectMany(n => Partner.ArrayOf(n))
                .Select(all => all.GroupBy(p => p.NameKey, StringComparer.Ordinal).Select(g => g.First()).ToArray());

        /// <summary>Bytes of every kind: random ones, and CSV or JSON that is nearly right.</summary>
        public static Gen<byte[]> ImportBytes(char delimiter) => Gen.Frequency(
            (2, Gen.Choose(0, 600).SelectMany(n => Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf(n))),
            (4, CsvText(delimiter).SelectMany(Encode)),
            (2, PlainCsvText(delimiter).SelectMany(Encode)),
            (2, JsonText().SelectMany(Encode)),
            (1, CsvText(delimiter).SelectMany(Encode).SelectMany(Mutate)));

        /// <summary>A header (with or without a Name column) and rows of values, quotes, delimiters and line breaks in any order.</summary>
        public static Gen<string> CsvText(char delimiter)
        {
            var d = delimiter.ToString();
            var header = Gen.Elements("Name", "PartnerName", "name", " Name ", "Type", "Tier", "Status", "Region", "Country", "JoinedOn", "EndedOn", "Notes", "Id", "Line", "Reason", "Other", "", "\"Name\"", "\"Na\"\"me\"")
                .NonEmptyListOf();
            var cell = Gen.Frequency(
                (4, Text(6)),
                (2, Gen.Elements("Reseller", "gold", "Terminated", "Active", "DE", "xx", "2014-03-31", "0001-01-01", "9999-12-31", "31/03/2014", "2014-02-30", "", " ")),
                (2, Gen.Elements("\"", "\"\"", "\"a\"", "\"a,b\"", "\"x\ny\"", "\"unterminated", "a\"b", d, d + d, "\r", "\n", "\r\n", "\uFEFF", "\0")),
                (1, Text(3).Select(t => "\"" + t.Replace("\"", "\"\"") + "\"")));
            // Most rows have as many cells as the header has columns (ragged rows are errors of their own).
            Gen<string> Row(int columns) => Gen.Frequency((3, cell.ArrayOf(columns)), (1, cell.NonEmptyListOf().Select(cells => cells.ToArray())))
                .Select(cells => string.Join(d, cells));
            var newline = Gen.Elements("\n", "\r\n", "\r", "");
            return from columns in header
                   from rows in Row(columns.Count).ListOf()
                   from nl in newline
                   from bom in Gen.Elements("", "", "\uFEFF")
                   select bom + string.Join(d, columns) + nl + string.Join(nl.Length == 0 ? "\n" : nl, rows);
        }

        /// <summary>A well-formed CSV of names (and regions or notes) of any text, quoted: mostly rows that import.</summary>
        public static Gen<string> PlainCsvText(char delimiter)
        {
            var d = delimiter.ToString();
            var quoted = Text(8).Select(t => "\"" + t.Replace("\"", "\"\"") + "\"");
            return from columns in Gen.Elements(new[] { "Name" }, new[] { "Name", "Region" }, new[] { "Notes", "Name" })
                   from rows in quoted.ArrayOf(columns.Length).Select(cells => string.Join(d, cells)).NonEmptyListOf()
                   select string.Join(d, columns) + "\r\n" + string.Join("\r\n", rows) + "\r\n";
        }

        public static Gen<string> JsonText()
        {
            var value = Gen.Elements("\"Acme\"", "\"\"", "null", "1", "-0.5e3", "true", "[]", "{}", "\"2014-03-31\"", "\"DE\"", "\"Gold\"", "\"\\u0000\"", "\"\\ud800\"", "\"\\\"\"", "[1,", "{\"a\":");
            var key = Gen.Elements("Name", "PartnerName", "Type", "Tier", "Country", "JoinedOn", "Notes", "", "x");
            var member = from k in key from v in value.Or(Text(4).Select(t => "\"" + t.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"")) select "\"" + k + "\":" + v;
            var obj = member.ListOf().Select(ms => "{" + string.Join(",", ms) + "}");
            var noise = Gen.Elements("", "", ",", "]", "[", "}", "{", "\"", "\n", "/*", "\uFEFF");
            return from objects in obj.ListOf()
                   from open in Gen.Elements("[", "[", "", "{")
                   from close in Gen.Elements("]", "]", "", "}")
                   from extra in noise
                   select open + string.Join(",", objects) + extra + close;
        }

        /// <summary>Text as UTF-8 (with or without a BOM), UTF-16 (either order, with a BOM), or Latin-1.</summary>
        private static Gen<byte[]> Encode(string text) => Gen.Elements(0, 1, 2, 3, 4).Select(e => e switch
        {
            0 => new UTF8Encoding(false).GetBytes(text),
            1 => new UTF8Encoding(true).GetPreamble().Concat(new UTF8Encoding(false).GetBytes(text)).ToArray(),
            2 => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray(),
            3 => Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(text)).ToArray(),
            _ => Encoding.GetEncoding("iso-8859-1").GetBytes(text),
        });

        /// <summary>Cuts, flips or overwrites a few bytes (a truncated download, a damaged disk).</summary>
        private static Gen<byte[]> Mutate(byte[] bytes)
        {
            if (bytes.Length == 0)
            {
                return Gen.Constant(bytes);
            }

            return from at in Gen.Choose(0, bytes.Length - 1)
                   from how in Gen.Choose(0, 2)
                   from value in Gen.Choose(0, 255)
                   select how == 0 ? bytes.Take(at).ToArray()
                        : how == 1 ? bytes.Select((b, i) => i == at ? (byte)(b ^ 0x80) : b).ToArray()
                        : bytes.Select((b, i) => i == at ? (byte)value : b).ToArray();
        }

        private static Gen<string> Range(int first, int last) => Gen.Choose(first, last).Select(char.ConvertFromUtf32);

        private static Gen<T?> Nullable<T>(Gen<T> gen)
            where T : struct =>
            Gen.Frequency((1, Gen.Constant<T?>(null)), (3, gen.Select(v => (T?)v)));

        private static Gen<DateTime?> EndedAfter(DateTime? joined) => Gen.Frequency(
            (3, Gen.Constant<DateTime?>(null)),
            (1, joined is DateTime j
                ? Gen.Choose(0, (int)(LastDay - j.Date).TotalDays).Select(d => (DateTime?)j.Date.AddDays(d))
                : Gen.Constant<DateTime?>(null)));

        /// <summary>Exactly 200 characters that NFC leaves alone (ASCII, CJK and emoji), so the longest name is tried.</summary>
        private static Gen<string> LongName() =>
            Gen.Elements("a", "Z", "0", "'", "*", "\u4E2D", "\U0001F600")
                .ArrayOf(200)
                .Select(parts =>
                {
                    var text = new StringBuilder();
                    foreach (var part in parts)
                    {
                        if (text.Length + part.Length > PartnerRules.MaxNameLength)
                        {
                            break;
                        }

                        text.Append(part);
                    }

                    return text.ToString().PadRight(PartnerRules.MaxNameLength, 'x');
                });
    }
}
