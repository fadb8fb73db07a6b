using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using PartnerOps.Data;
using Xunit;

namespace PartnerOps.Tests.Architecture
{
    /// <summary>
    /// docs/architecture.md: OxyPlot (the charts of Export-PartnerReport) is used only in src/PartnerOps.Core/Report/Rendering,
    /// namespace PartnerOps.Report.Rendering; the cmdlets and the rest of Core never name it.
    /// </summary>
    public class ReportRenderingArchitectureTests
    {
        private const string RenderingFolder = "src/PartnerOps.Core/Report/Rendering";
        private const string RenderingNamespace = "PartnerOps.Report.Rendering";

        // C# allows spaces around a qualified name's dots; "OxyPlot" alone also catches a using alias or a global using.
        private static readonly Regex OxyPlotName = new Regex(@"\bOxyPlot\b", RegexOptions.Compiled);

        [Fact]
        public void OxyPlotIsNamedOnlyInTheRenderingFolder()
        {
            var files = ArchitectureTests.SourceFiles().ToList();
            Assert.Contains(files, f => ArchitectureTests.InFolder(f, RenderingFolder) && OxyPlotName.IsMatch(ArchitectureTests.Code(f))); // the reading works
            var offenders = files
                .Where(f => !ArchitectureTests.InFolder(f, RenderingFolder))
                .Where(f => OxyPlotName.IsMatch(ArchitectureTests.Code(f)))
                .Select(ArchitectureTests.Relative)
                .ToList();
            Assert.Empty(offenders);
        }

        [Fact]
        public void OnlyTheRenderingNamespaceUsesOxyPlotTypes()
        {
            // Signatures and method bodies (lambdas and iterators too: nested types of their method's type).
            var outside = new List<string>();
            var uses = 0;
            foreach (var type in typeof(PartnerDatabases).Assembly.GetTypes())
            {
                var inRendering = type.Namespace == RenderingNamespace;
                foreach (var named in IlReferences.NamedTypes(type).Where(t => IsOxyPlot(t.Namespace)))
                {
                    uses++;
                    if (!inRendering)
                    {
                        outside.Add($"{type.FullName} uses {named.FullName}");
                    }
                }
            }

            Assert.True(uses > 0, "the reading works: the renderers do use OxyPlot types");
            Assert.Empty(outside.Distinct());
        }

        [Fact]
        public void TheCmdletsNameNoOxyPlotType()
        {
            var references = ArchitectureTests.TypeReferenceNamespaces(ArchitectureTests.CmdletAssembly());
            Assert.Contains("PartnerOps.Data", references); // the reading works
            Assert.DoesNotContain(references, IsOxyPlot);
        }

        private static bool IsOxyPlot(string? ns) => ns != null && (ns == "OxyPlot" || ns.StartsWith("OxyPlot.", StringComparison.Ordinal));
    }
}
