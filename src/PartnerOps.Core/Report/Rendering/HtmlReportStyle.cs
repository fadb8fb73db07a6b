namespace PartnerOps.Report.Rendering
{
    /// <summary>The HTML report's style sheet: system fonts only, tiles in a row, two charts a row on a wide screen, A4 print rules.</summary>
    internal static class HtmlReportStyle
    {
        /// <summary>The CSS, written inline into the page's &lt;style&gt;.</summary>
        internal const string Css = @":root { --ink: #1d2733; --muted: #5b6774; --line: #d9dee4; --accent: #1f5a96; --good: #2e7d32; --bad: #b3261e; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f6f8; color: var(--ink); font: 15px/1.45 system-ui, -apple-system, ""Segoe UI"", Roboto, ""Helvetica Neue"", Arial, ""Noto Sans"", ""Liberation Sans"", sans-serif; }
.report-header { background: #fff; border-bottom: 3px solid var(--accent); padding: 20px 32px 14px; }
.report-header h1 { margin: 0 0 4px; font-size: 26px; font-weight: 650; }
.meta, .report-footer { color: var(--muted); font-size: 13px; margin: 0; }
main { max-width: 1240px; margin: 0 auto; padding: 8px 24px 24px; }
.report-section { background: #fff; border: 1px solid var(--line); border-radius: 8px; margin: 18px 0; padding: 16px 20px 20px; }
.report-section h2 { margin: 0 0 6px; font-size: 19px; }
.note { color: var(--muted); margin: 0 0 12px; }
.empty { color: var(--muted); font-style: italic; background: #f7f8fa; border: 1px dashed var(--line); border-radius: 6px; padding: 12px 14px; margin: 8px 0; }
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 12px; margin: 8px 0 12px; }
.tile { border: 1px solid var(--line); border-left: 5px solid #9aa5b1; border-radius: 6px; padding: 10px 14px; background: #fbfcfd; }
.tile.on-track { border-left-color: var(--good); }
.tile.behind { border-left-color: var(--bad); }
.tile-label { color: var(--muted); font-size: 13px; }
.tile-value { font-size: 28px; font-weight: 650; line-height: 1.2; font-variant-numeric: tabular-nums; }
.tile-detail { font-size: 13px; color: var(--muted); }
.tile-status { font-size: 13px; font-weight: 600; }
.on-track .tile-status { color: var(--good); }
.behind .tile-status { color: var(--bad); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(480px, 1fr)); gap: 16px; }
figure.chart { margin: 0; padding: 10px 12px; border: 1px solid var(--line); border-radius: 6px; min-width: 0; }
figcaption { font-weight: 600; margin-bottom: 6px; }
svg.chart-drawing { display: block; width: 100%; height: auto; max-width: 760px; font-family: inherit; }
.legend { list-style: none; margin: 6px 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 13px; }
.swatch { display: inline-block; width: 12px; height: 12px; margin-right: 6px; vertical-align: -1px; background: var(--swatch); border-radius: 2px; }
.swatch.diamond { transform: rotate(45deg) scale(0.8); border-radius: 0; }
.swatch.dashed { height: 0; border-top: 2px dashed var(--swatch); background: none; vertical-align: 3px; width: 18px; }
svg.swatch-drawing { display: inline-block; margin-right: 6px; vertical-align: -2px; }
details { margin-top: 6px; font-size: 13px; }
summary { cursor: pointer; color: var(--accent); }
.table-wrap { overflow-x: auto; margin: 12px 0 0; }
table { border-collapse: collapse; width: 100%; font-size: 13.5px; }
caption { text-align: left; font-weight: 600; padding: 4px 0 6px; }
th, td { padding: 5px 9px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { background: #eef1f4; font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.shaded { background: rgba(31, 90, 150, calc(0.06 + 0.38 * var(--shade))); }
.table-empty .caption { font-weight: 600; margin: 12px 0 0; }
.report-footer { max-width: 1240px; margin: 0 auto; padding: 0 24px 24px; }
@page { size: A4; margin: 15mm; }
@media print {
  body { background: #fff; font-size: 10pt; }
  .report-header { padding: 0 0 8px; }
  main { padding: 0; max-width: none; }
  .report-section { border: none; padding: 0; margin: 0 0 10mm; }
  .report-section h2, .report-section .note, figcaption, caption, .table-empty .caption { break-after: avoid; }
  .report-section h2, .report-section .note, caption, figcaption { break-inside: avoid; }
  thead, tbody tr:first-child, tbody tr:nth-child(2) { break-before: avoid; break-inside: avoid; }
  thead { display: table-header-group; }
  .tiles { grid-template-columns: repeat(4, 1fr); gap: 6px; }
  .tile { padding: 6px 8px; }
  .tile-value { font-size: 16pt; }
  .charts { display: block; }
  figure.chart { margin: 0 0 6mm; }
  figure.chart, .tile, tr, .table-empty { break-inside: avoid; }
  svg.chart-drawing { max-width: 170mm; }
  details > summary { display: none; }
  details::details-content { content-visibility: visible; display: block; }
  details { display: block; }
  .table-wrap { overflow: visible; }
}
";
    }
}
