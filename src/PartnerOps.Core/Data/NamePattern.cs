using System.Text;

namespace PartnerOps.Data
{
    /// <summary>
    /// A PowerShell wildcard pattern (<c>*</c>, <c>?</c>, <c>[a-c]</c>, backtick escapes) turned into a pattern over a key
    /// column (<see cref="Glob"/>: the glob syntax <c>*</c>, <c>?</c>, <c>[set]</c> over keyed text, which SQLite's GLOB takes
    /// as it is and another backend translates into its own), plus the literal prefix that bounds an index range scan. Partner names
    /// (<see cref="ParseName"/>, <see cref="LiteralName"/>) are matched on <see cref="PartnerRules.NameKey"/>: each run of
    /// literal characters is keyed as a name is, so 'großhandel*' and 'GROSSHANDEL*' are one pattern. Regions and segments
    /// (<see cref="Parse"/>, <see cref="Literal"/>) are matched on <see cref="RevenueRules.Key"/>, the same key.
    /// A wildcard or set stands for characters of the key, where ß is ss: 'Stra?e*' does not match 'Straße' (its key is
    /// 'strasse'), 'Stra??e*' and 'Straße*' do, and a set member that keys to more than one character ([ß]) matches nothing.
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

        /// <summary>True when the pattern holds a wildcard or set; false for a literal (matched by <see cref="Key"/>).</summary>
        public bool IsWildcard { get; }

        /// <summary>For a literal: the key to look up. For a wildcard: empty.</summary>
        public string Key { get; }

        /// <summary>
        /// For a wildcard: the pattern over the key, in glob syntax (<c>*</c> any run, <c>?</c> one character, <c>[abc]</c>
        /// and <c>[a-c]</c> sets, <c>[*]</c> a literal star; case-sensitive, since the key is already folded). Empty for a literal.
        /// </summary>
        public string Glob { get; }

        /// <summary>The key of the literal characters before the first wildcard.</summary>
        public string Prefix { get; }

        /// <summary>Every key that starts with <see cref="Prefix"/> sorts below this.</summary>
        public string PrefixUpperBound => Prefix + char.ConvertFromUtf32(0x10FFFF);

        /// <summary>A pattern for a partner name (keyed by <see cref="PartnerRules.NameKey"/>).</summary>
        public static NamePattern ParseName(string pattern) => Build(pattern);

        /// <summary>A pattern that matches exactly this partner name (by its key), wildcard characters included.</summary>
        public static NamePattern LiteralName(string text) => Build(Escape(text));

        /// <summary>A pattern for a region or segment (keyed by <see cref="RevenueRules.Key"/>, which is the name key).</summary>
        public static NamePattern Parse(string pattern) => Build(pattern);

        /// <summary>A pattern that matches exactly this region or segment (case-insensitively), wildcard characters included.</summary>
        public static NamePattern Literal(string text) => Build(Escape(text));

        /// <summary>
        /// Why <paramref name="pattern"/> is not a wildcard pattern as PowerShell's -like reads it, or null when it is: a '['
        /// that opens a set with no closing ']' ('[abc', '*[', '[]': a ']' right after '[' or after a backtick is a member).
        /// Such a pattern is refused rather than matched literally (write `[ for a literal bracket).
        /// </summary>
        public static string? Problem(string pattern)
        {
            for (var i = 0; i < pattern.Length; i++)
            {
                if (pattern[i] == '`')
                {
                    i++;
                }
                else if (pattern[i] == '[')
                {
                    var close = -1;
                    for (var j = i + 1; j < pattern.Length && close < 0; j++)
                    {
                        if (pattern[j] == '`')
                        {
                            j++;
                        }
                        else if (pattern[j] == ']' && j > i + 1)
                        {
                            close = j;
                        }
                    }

                    if (close < 0)
                    {
                        return $"it is not a valid wildcard pattern: the '[' at position {i + 1} opens a set that is never closed with ']' (write `[ for a literal '[')";
                    }

                    i = close;
                }
            }

            return null;
        }

        /// <summary>
        /// <paramref name="pattern"/> when it is a wildcard pattern (<see cref="Problem"/>); else the exception to report:
        /// <paramref name="errorId"/> (InvalidArgument) naming the parameter, the value and the problem.
        /// </summary>
        /// <exception cref="PartnerOpsException">The pattern is not a valid wildcard pattern.</exception>
        public static string Require(string pattern, string parameter, string errorId)
        {
            if (Problem(pattern) is string problem)
            {
                throw new PartnerOpsException(
                    errorId,
                    FailureKind.InvalidArgument,
                    $"-{parameter} '{TextRules.Shown(pattern)}' is not valid: {problem}; nothing was read.",
                    pattern);
            }

            return pattern;
        }

        private static string Escape(string text)
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

            return escaped.ToString();
        }

        private static NamePattern Build(string pattern)
        {
            var glob = new StringBuilder();
            var literal = new StringBuilder();
            var run = new StringBuilder();
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
                    Flush();
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

                    Flush();
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

            Flush();
            return wildcard
                ? new NamePattern(pattern, true, string.Empty, glob.ToString(), prefix.ToString())
                : new NamePattern(pattern, false, PartnerRules.NameKey(literal.ToString().Trim()), string.Empty, string.Empty);

            void AppendLiteral(string ch)
            {
                literal.Append(ch);
                run.Append(ch);
            }

            // A run of literal characters is keyed as a whole, as the stored name is (ß becomes ss, full-width letters
            // plain ones, invisible characters nothing); GLOB's own special characters in the key are bracketed.
            void Flush()
            {
                if (run.Length == 0)
                {
                    return;
                }

                // Keying the run as a whole keeps a surrogate pair whole (a Deseret letter is folded too).
                var key = PartnerRules.NameKey(run.ToString());
                run.Clear();
                if (!wildcard)
                {
                    prefix.Append(key);
                }

                foreach (var k in key)
                {
                    glob.Append(k == '*' || k == '?' || k == '[' ? "[" + k + "]" : k.ToString());
                }
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

                // Each member keyed as a name is; one that keys to more than one character (ß is ss) stays as it is.
                var key = PartnerRules.NameKey(ch);
                set.Append(key.Length == ch.Length ? key : ch);
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
