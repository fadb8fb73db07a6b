using System.Linq;
using System.Text.RegularExpressions;
using Xunit;
using static PartnerOps.Tests.Architecture.ArchitectureTests;

namespace PartnerOps.Tests.Architecture
{
    /// <summary>
    /// The Report folder's boundaries (docs/architecture.md): the report (src/PartnerOps.Core/Report) uses Data, Model and
    /// Measures, never the SQLite wing or Import; only its Rendering folder names OxyPlot; the rest of Core does not name the
    /// report (the measures know nothing of the report made of them).
    /// </summary>
    public sealed class ReportArchitectureTests
    {
        private const string ReportFolder = "src/PartnerOps.Core/Report";
        private const string RenderingFolder = ReportFolder + "/Rendering";

        private static readonly Regex PartnerOpsNamespace = new Regex(@"\bPartnerOps\s*\.\s*(\w+)", RegexOptions.Compiled);
        private static readonly Regex UsingDirective = new Regex(@"^\s*using\s+(static\s+)?([\w.]+)\s*;", RegexOptions.Compiled | RegexOptions.Multiline);
        private static readonly Regex OxyPlot = new Regex(@"\bOxyPlot\b", RegexOptions.Compiled);
        private static readonly string[] ReportMayUse = { "Data", "Measures", "Report" };

        [Fact]
        public void TheReportUsesOnlyDataModelAndMeasures()
        {
            var files = SourceFiles().Where(f => InFolder(f, ReportFolder)).ToList();
            Assert.NotEmpty(files);
            var offenders = files
                .SelectMany(f => PartnerOpsNamespace.Matches(Code(f)).Cast<Match>()
                    .Select(m => m.Groups[1].Value)
                    .Where(name => !ReportMayUse.Contains(name) && !IsModelType(name))
                    .Select(name => $"{Relative(f)}: PartnerOps.{name}"))
                .Concat(files.SelectMany(f => UsingDirective.Matches(Code(f)).Cast<Match>()
                    .Select(m => m.Groups[2].Value)
                    .Where(ns => !(ns == "System" || ns.StartsWith("System.")) && !(ns == "PartnerOps" || ns.StartsWith("PartnerOps.")) && !(ns == "OxyPlot" || ns.StartsWith("OxyPlot.")))
                    .Select(ns => $"{Relative(f)}: using {ns}")))
                .Distinct()
                .ToList();
            Assert.True(offenders.Count == 0, "The report may use Data, Model and Measures only:\n" + string.Join("\n", offenders));
        }

        [Fact]
        public void OnlyTheReportsRenderingNamesOxyPlot()
        {
            var offenders = SourceFiles().Where(f => !InFolder(f, RenderingFolder)).Where(f => OxyPlot.IsMatch(Code(f))).Select(Relative).ToList();
            Assert.True(offenders.Count == 0, "OxyPlot is named outside src/PartnerOps.Core/Report/Rendering:\n" + string.Join("\n", offenders));
        }

        [Fact]
        public void TheRestOfCoreDoesNotNameTheReport()
        {
            var offenders = SourceFiles()
                .Where(f => InFolder(f, "src/PartnerOps.Core") && !InFolder(f, ReportFolder))
                .Where(f => Regex.IsMatch(Code(f), @"\bPartnerOps\s*\.\s*Report\b"))
                .Select(Relative)
                .ToList();
            Assert.True(offenders.Count == 0, "Core outside the Report folder names PartnerOps.Report:\n" + string.Join("\n", offenders));
        }

        // A Model type named through the root namespace (PartnerOps.PartnerRules ...): Model's namespace is PartnerOps itself.
        private static bool IsModelType(string name) =>
            typeof(PartnerOps.PartnerRules).Assembly.GetType("PartnerOps." + name) != null;
    }
}
