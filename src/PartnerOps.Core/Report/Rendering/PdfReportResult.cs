using System.Collections.Generic;
using System.Linq;

namespace PartnerOps.Report.Rendering
{
    /// <summary>
    /// What <see cref="PdfReportWriter.Write"/> wrote: the texts of the report the PDF shows changed because it cannot show
    /// some of their characters (the PDF's text is Windows-1252, see <see cref="PdfReportWriter"/>). Empty when every text is
    /// shown as written; the PDF then has no note about it either.
    /// </summary>
    public sealed class PdfReportResult
    {
        /// <summary>How many texts the PDF's note and <see cref="Warning"/> name; more are counted ("and 3 more").</summary>
        public const int NamedTexts = 5;

        internal PdfReportResult(IReadOnlyList<PdfReplacedText> replacedTexts)
        {
            this.ReplacedTexts = replacedTexts;
        }

        /// <summary>
        /// Each distinct text (a title, a name in a chart or table, a note) with characters the PDF shows as "?", in the order
        /// they are drawn; empty when there is none.
        /// </summary>
        public IReadOnlyList<PdfReplacedText> ReplacedTexts { get; }

        /// <summary>
        /// A warning for the person who exported the report, naming the first <see cref="NamedTexts"/> texts and what the PDF
        /// shows for them, e.g. "The PDF shows characters it cannot show as ?: 'Łódź' as '?ód?', '北京' as '??'. The HTML
        /// report (-Format Html) shows them."; null when <see cref="ReplacedTexts"/> is empty.
        /// </summary>
        public string? Warning =>
            this.ReplacedTexts.Count == 0
                ? null
                : "The PDF shows characters it cannot show as ?: "
                  + Names(this.ReplacedTexts, t => "'" + t.Text + "' as '" + t.Shown + "'")
                  + ". The HTML report (-Format Html) shows them.";

        /// <summary>
        /// The note on the PDF's first page (in characters it shows): "Some text has characters this PDF cannot show (shown as
        /// ?): "?ód?" (U+0141, U+017A), "??" (U+5317, U+4EAC). The HTML report (-Format Html) shows them."; null when none. A
        /// text is cut to 60 characters and its first six code points listed, "…" standing for the rest.
        /// </summary>
        internal static string? Note(IReadOnlyList<PdfReplacedText> replaced) =>
            replaced.Count == 0
                ? null
                : "Some text has characters this PDF cannot show (shown as ?): "
                  + Names(replaced, t => "\"" + Shorter(t.Shown) + "\" (" + CodePoints(t.Characters) + ")")
                  + ". The HTML report (-Format Html) shows them.";

        private static string Names(IReadOnlyList<PdfReplacedText> replaced, System.Func<PdfReplacedText, string> name)
        {
            var named = string.Join(", ", replaced.Take(NamedTexts).Select(name));
            return replaced.Count > NamedTexts ? named + " and " + (replaced.Count - NamedTexts).ToString(System.Globalization.CultureInfo.InvariantCulture) + " more" : named;
        }

        // The first six code points, "…" standing for the others.
        private static string CodePoints(IReadOnlyList<string> characters) =>
            string.Join(", ", characters.Take(6)) + (characters.Count > 6 ? ", \u2026" : string.Empty);

        private static string Shorter(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "\u2026";
    }

    /// <summary>A text of the report that the PDF shows changed, some of its characters being shown as "?".</summary>
    public sealed class PdfReplacedText
    {
        internal PdfReplacedText(string text)
        {
            this.Text = text;
            this.Shown = PdfText.Shown(text);
            this.Characters = PdfText.Unshown(text);
        }

        /// <summary>The text as the report has it ("Łódź").</summary>
        public string Text { get; }

        /// <summary>The text as the PDF shows it ("?ód?"): each character it cannot show is "?".</summary>
        public string Shown { get; }

        /// <summary>The characters the PDF cannot show, distinct, as Unicode code points ("U+0141", "U+017A").</summary>
        public IReadOnlyList<string> Characters { get; }

        /// <inheritdoc/>
        public override string ToString() => this.Text + " -> " + this.Shown;
    }

    /// <summary>Collects, while a PDF is drawn, the distinct texts drawn with characters it cannot show.</summary>
    internal sealed class PdfReplacedTexts
    {
        private readonly HashSet<string> seen = new HashSet<string>(System.StringComparer.Ordinal);
        private readonly List<PdfReplacedText> replaced = new List<PdfReplacedText>();

        /// <summary>The texts so far, in the order drawn.</summary>
        internal IReadOnlyList<PdfReplacedText> All => this.replaced;

        /// <summary>Notes <paramref name="text"/> (as the report has it) when the PDF cannot show all of it.</summary>
        internal void Drawn(string? text)
        {
            if (string.IsNullOrEmpty(text) || this.seen.Contains(text!))
            {
                return;
            }

            this.seen.Add(text!);
            if (PdfText.Unshown(text).Count > 0)
            {
                this.replaced.Add(new PdfReplacedText(text!));
            }
        }
    }
}
