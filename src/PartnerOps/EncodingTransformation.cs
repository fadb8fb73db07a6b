using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Text;

namespace PartnerOps.Commands
{
    /// <summary>
    /// -Encoding as PowerShell 7's file cmdlets take it: a name (utf8, utf8BOM, utf8NoBOM, unicode,
    /// bigendianunicode, utf32, ascii, latin1, ansi, oem, ...), a code page number (1252) or name
    /// (windows-1252), or an Encoding object. ansi is the current culture's ANSI code page (1252 for English and
    /// Western-European cultures and the invariant culture) and oem its OEM code page on Windows and UTF-8
    /// elsewhere, as PowerShell 7.4+ resolves them. Code pages such as 1252 come from the code-pages provider
    /// that pwsh registers at start-up (.NET Framework has them built in).
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class EncodingTransformationAttribute : ArgumentTransformationAttribute
    {
        internal static readonly IReadOnlyDictionary<string, Func<Encoding>> Names = new Dictionary<string, Func<Encoding>>(StringComparer.OrdinalIgnoreCase)
        {
            ["utf8"] = () => new UTF8Encoding(false),
            ["utf8NoBOM"] = () => new UTF8Encoding(false),
            ["utf8BOM"] = () => new UTF8Encoding(true),
            ["unicode"] = () => new UnicodeEncoding(false, true),
            ["bigendianunicode"] = () => new UnicodeEncoding(true, true),
            ["utf32"] = () => new UTF32Encoding(false, true),
            ["bigendianutf32"] = () => new UTF32Encoding(true, true),
            ["ascii"] = () => new ASCIIEncoding(),
            ["latin1"] = () => Encoding.GetEncoding(28591),
            ["ansi"] = () => Encoding.GetEncoding(CultureInfo.CurrentCulture.TextInfo.ANSICodePage),
            ["oem"] = () => System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.Windows)
                ? Encoding.GetEncoding(CultureInfo.CurrentCulture.TextInfo.OEMCodePage)
                : new UTF8Encoding(false),
        };

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject ps ? ps.BaseObject : inputData;
            try
            {
                switch (value)
                {
                    case string name when Names.TryGetValue(name.Trim(), out var make):
                        return make();
                    case string name when int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var codePage):
                        return Encoding.GetEncoding(codePage);
                    case string name:
                        return Encoding.GetEncoding(name.Trim());
                    case int codePage:
                        return Encoding.GetEncoding(codePage);
                    default:
                        return inputData;
                }
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException)
            {
                throw new ArgumentTransformationMetadataException(
                    $"'{value}' is not an encoding; use one of {string.Join(", ", Names.Keys)}, or a code page number or name.", ex);
            }
        }
    }

    /// <summary>Tab completion for -Encoding.</summary>
    public sealed class EncodingCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            EncodingTransformationAttribute.Names.Keys
                .Where(n => n.StartsWith(wordToComplete ?? string.Empty, StringComparison.OrdinalIgnoreCase))
                .Select(n => new CompletionResult(n));
    }
}
