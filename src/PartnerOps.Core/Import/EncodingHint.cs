using System.Text;

namespace PartnerOps.Import
{
    /// <summary>
    /// A rejected row whose text holds U+0080–U+009F (C1 control characters, never meant as text) was almost
    /// always decoded with the wrong single-byte encoding: Windows-1252 puts ’ “ ” € – … at bytes 0x80–0x9F,
    /// where ISO-8859-1 (latin1) has control characters. The row's reason then says which -Encoding reads it.
    /// </summary>
    internal static class EncodingHint
    {
        public static ImportRowError Add(ImportRowError error, Encoding? encoding)
        {
            foreach (var value in error.Values)
            {
                if (value == null)
                {
                    continue;
                }

                foreach (var c in value)
                {
                    if (c >= '\u0080' && c <= '\u009F')
                    {
                        var readAs = encoding == null ? "UTF-8" : encoding.CodePage == 28591 ? "iso-8859-1 (latin1, code page 28591)" : $"{encoding.WebName} (code page {encoding.CodePage})";
                        var hint = $" The row holds U+{(int)c:X4}, one of the control characters U+0080-U+009F, which a file saved in Windows-1252 gives when it is read as {readAs}: import it with -Encoding 1252 (windows-1252; -Encoding ansi on a Western-European Windows).";
                        return new ImportRowError(error.Line, error.Column, error.Reason.TrimEnd() + hint, error.Columns, error.Values);
                    }
                }
            }

            return error;
        }
    }
}
