using System.Text;

namespace PartnerOps.Storage
{
    /// <summary>
    /// A PowerShell wildcard pattern (<c>*</c>, <c>?</c>, <c>[a-c]</c>, backtick escapes) turned into an
    /// SQLite GLOB over an upper-cased key column, plus the literal prefix that bounds an index range scan.
    /// </summary>
    public sealed class NamePattern
    {
        private NamePattern(string text, bool isWildcard, string key, string glob, string prefix)
        {
            Text = text;
            IsWildcard = isWildcard;
            Key = key;
            Glob = glob;
            Prefix = prefix;
        }

        /// <summary>The pattern as the user wrote it.</summary>
        public string Text { get; }

        public bool IsWildcard { get; }

        /// <summary>For a literal: the key to look up. For a wildcard: empty.</summary>
        public string Key { get; }

        public string Glob { get; }

        /// <summary>Upper-cased literal characters before the first wildcard.</summary>
        public string Prefix { get; }

        /// <summary>Every key that starts with <see cref="Prefix"/> sorts below this.</summary>
        public string PrefixUpperBound => Prefix + char.ConvertFromUtf32(0x10FFFF);

        /// <summary>A pattern that matches exactly this text (case-insensitively), wildcard characters included.</summary>
        public static NamePattern Literal(string text)
        {
            var escaped = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                if (c == '*' || c == '?' || c == '[' || c == ']' || c == '`')
                {
                    escaped.Append('`');
                }

                escaped.Append(c);
            }

            return Parse(escaped.ToString());
        }

        public static NamePattern Parse(string pattern)
        {
            var glob = new StringBuilder();
            var literal = new StringBuilder();
            var prefix = new StringBuilder();
            var wildcard = false;
            for (var i = 0; i < pattern.Length; i++)
            {
                var c = pattern[i];
                if (c == '`' && i + 1 < pattern.Length)
                {
                    AppendLiteral(CodePointAt(pattern, ++i));
                    i += CodePointAt(pattern, i).Length - 1;
                }
                else if (c == '*' || c == '?')
                {
                    wildcard = true;
                    glob.Append(c);
                }
                else if (c == '[')
                {
                    var close = FindClose(pattern, i);
                    if (close < 0)
                    {
                        AppendLiteral("[");
                        continue;
                    }

                    wildcard = true;
                    glob.Append(BracketSet(pattern.Substring(i + 1, close - i - 1)));
                    i = close;
                }
                else
                {
                    var codePoint = CodePointAt(pattern, i);
                    AppendLiteral(codePoint);
                    i += codePoint.Length - 1;
                }
            }

            return wildcard
                ? new NamePattern(pattern, true, string.Empty, glob.ToString(), prefix.ToString())
                : new NamePattern(pattern, false, PartnerRules.NameKey(Nfc(literal.ToString().Trim())), string.Empty, string.Empty);

            // Text that cannot be stored matches nothing, so it is looked up as it is (half a surrogate pair cannot even be normalised).
            static string Nfc(string text) => TextRules.Problem(text) == null ? text.Normalize(NormalizationForm.FormC) : text;

            // One character, or a surrogate pair: upper-cased as a whole, as NameKey upper-cases the stored name
            // (char by char, a letter with case outside the BMP, such as Deseret, would stay lower-case).
            void AppendLiteral(string ch)
            {
                var upper = ch.ToUpperInvariant();
                literal.Append(ch);
                if (!wildcard)
                {
                    prefix.Append(upper);
                }

                glob.Append(upper == "*" || upper == "?" || upper == "[" ? "[" + upper + "]" : upper);
            }
        }

        /// <summary>The character at <paramref name="i"/>, with its low surrogate when it is the high half of a pair.</summary>
        private static string CodePointAt(string text, int i) =>
            char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? text.Substring(i, 2) : text[i].ToString();

        private static int FindClose(string pattern, int open)
        {
            for (var j = open + 1; j < pattern.Length; j++)
            {
                if (pattern[j] == '`')
                {
                    j++;
                }
                else if (pattern[j] == ']' && j > open + 1)
                {
                    return j;
                }
            }

            return -1;
        }

        private static string BracketSet(string inner)
        {
            var set = new StringBuilder();
            var caret = false;
            for (var j = 0; j < inner.Length; j++)
            {
                if (inner[j] == '`' && j + 1 < inner.Length)
                {
                    j++;
                }

                var ch = CodePointAt(inner, j);
                j += ch.Length - 1;
                if (ch == "^")
                {
                    caret = true; // GLOB reads a leading ^ as negation; PowerShell does not.
                    continue;
                }

                set.Append(ch.ToUpperInvariant());
            }

            if (caret)
            {
                if (set.Length == 0)
                {
                    return "^"; // a set of only ^ is just that character
                }

                set.Append('^');
            }

            // A ']' must come first inside a GLOB set to be literal.
            var text = set.ToString();
            if (text.IndexOf(']') > 0)
            {
                text = "]" + text.Replace("]", string.Empty);
            }

            return "[" + text + "]";
        }
    }
}
