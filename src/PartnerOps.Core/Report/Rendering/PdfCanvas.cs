using System;
using System.Collections.Generic;
using System.Globalization;
using OxyPlot;

namespace PartnerOps.Report.Rendering
{
    /// <summary>
    /// A4 pages of a <see cref="PortableDocument"/> filled from the top down: a cursor (points from the page's top), text
    /// that wraps within a width, and a new page (with its footer) when what comes next does not fit.
    /// </summary>
    internal sealed class PdfCanvas
    {
        /// <summary>A4 width in points.</summary>
        internal const double PageWidth = 595;

        /// <summary>A4 height in points.</summary>
        internal const double PageHeight = 842;

        /// <summary>The margin on every side (15 mm).</summary>
        internal const double Margin = 42.5;

        /// <summary>The width between the margins.</summary>
        internal const double ContentWidth = PageWidth - (2 * Margin);

        /// <summary>The body text colour.</summary>
        internal static readonly OxyColor Ink = OxyColor.FromRgb(0x1D, 0x27, 0x33);

        /// <summary>The colour of secondary text (notes, details, the footer).</summary>
        internal static readonly OxyColor Muted = OxyColor.FromRgb(0x5B, 0x67, 0x74);

        /// <summary>The colour of rules and borders.</summary>
        internal static readonly OxyColor Rule = OxyColor.FromRgb(0xD9, 0xDE, 0xE4);

        private const double FooterHeight = 16;

        private readonly string footer;

        /// <summary>
        /// Creates a canvas on <paramref name="document"/> (no page yet) with a footer line for every page, noting in
        /// <paramref name="replaced"/> each text drawn with characters the PDF cannot show.
        /// </summary>
        internal PdfCanvas(PortableDocument document, string footer, PdfReplacedTexts replaced)
        {
            this.Document = document;
            this.footer = footer;
            this.Replaced = replaced;
        }

        /// <summary>The texts drawn so far with characters the PDF cannot show.</summary>
        internal PdfReplacedTexts Replaced { get; }

        /// <summary>The document drawn on.</summary>
        internal PortableDocument Document { get; }

        /// <summary>Where the next thing is drawn: points from the page's top edge.</summary>
        internal double Y { get; set; }

        /// <summary>The number of pages so far.</summary>
        internal int Pages { get; private set; }

        /// <summary>The lowest the cursor may go on a page (points from the top).</summary>
        internal static double Bottom => PageHeight - Margin - FooterHeight;

        /// <summary>Starts a new page, writes its footer and puts the cursor at the top margin.</summary>
        internal void NewPage()
        {
            this.Document.AddPage(PageWidth, PageHeight);
            this.Pages++;
            var number = "Page " + this.Pages.ToString(CultureInfo.InvariantCulture);
            this.Text(Margin, PageHeight - Margin - 9, this.footer, 7.5, false, false, Muted);
            this.Text(PageWidth - Margin - Measure(number, 7.5, false, false), PageHeight - Margin - 9, number, 7.5, false, false, Muted);
            this.Y = Margin;
        }

        /// <summary>Starts a new page when <paramref name="height"/> points do not fit under the cursor (and the page is not empty).</summary>
        internal void Ensure(double height)
        {
            if (this.Y + height > Bottom && this.Y > Margin)
            {
                this.NewPage();
            }
        }

        /// <summary>The width of <paramref name="text"/> in Helvetica at <paramref name="size"/> points, as the PDF shows it.</summary>
        internal static double Measure(string text, double size, bool bold, bool italic)
        {
            StandardFonts.Helvetica.GetFont(bold, italic).Measure(PdfText.Encode(text), size, out var width, out _);
            return width;
        }

        /// <summary>
        /// Splits <paramref name="text"/> (<see cref="PdfText.Prepare"/>d) into lines no wider than <paramref name="width"/>
        /// (a longer word is cut).
        /// </summary>
        internal static List<string> Wrap(string text, double size, bool bold, bool italic, double width)
        {
            var lines = new List<string>();
            var line = string.Empty;
            foreach (var word in PdfText.Prepare(text).Split(' '))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Measure(candidate, size, bold, italic) <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (line.Length > 1 && Measure(line, size, bold, italic) > width)
                {
                    var fit = line.Length - 1;
                    while (fit > 1 && Measure(line.Substring(0, fit), size, bold, italic) > width)
                    {
                        fit--;
                    }

                    lines.Add(line.Substring(0, fit));
                    line = line.Substring(fit);
                }
            }

            if (line.Length > 0 || lines.Count == 0)
            {
                lines.Add(line);
            }

            return lines;
        }

        /// <summary>Writes wrapped text at the cursor (left margin plus <paramref name="indent"/>) and moves the cursor under it.</summary>
        internal void Paragraph(string text, double size, bool bold, bool italic, OxyColor color, double indent = 0, double spaceAfter = 4)
        {
            var lineHeight = size * 1.3;
            foreach (var line in Wrap(text, size, bold, italic, ContentWidth - indent))
            {
                this.Ensure(lineHeight);
                this.Text(Margin + indent, this.Y + (size * 0.95), line, size, bold, italic, color, text);
                this.Y += lineHeight;
            }

            this.Y += spaceAfter;
        }

        /// <summary>
        /// Writes one line of text with its baseline at <paramref name="baseline"/> (points from the top), noting
        /// <paramref name="source"/> (the report's text this line is part of; the line itself when null) if the PDF cannot
        /// show all of it.
        /// </summary>
        internal void Text(double x, double baseline, string text, double size, bool bold, bool italic, OxyColor color, string? source = null)
        {
            this.Replaced.Drawn(source ?? text);
            this.Document.SetFont("Helvetica", size, bold, italic);
            this.Document.SetFillColor(color);
            this.Document.DrawText(x, PageHeight - baseline, PdfText.Encode(text));
        }

        /// <summary>Fills a rectangle given by its top left corner (points from the page's top left).</summary>
        internal void Fill(double x, double top, double width, double height, OxyColor color)
        {
            this.Document.SetFillColor(color);
            this.Document.FillRectangle(x, PageHeight - top - height, width, height);
        }

        /// <summary>Draws a horizontal rule at <paramref name="y"/> (points from the top).</summary>
        internal void HorizontalRule(double x, double y, double width, OxyColor color, double thickness = 0.6)
        {
            this.Document.SetColor(color);
            this.Document.SetLineWidth(thickness);
            this.Document.DrawLine(x, PageHeight - y, x + width, PageHeight - y);
        }
    }
}
