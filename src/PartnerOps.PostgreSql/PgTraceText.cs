using System;
using System.Collections;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;

namespace PartnerOps.PostgreSql
{
    /// <summary>
    /// The text -Debug shows of a statement: its SQL with each @parameter replaced by the value it was run with, as a SQL literal
    /// ('text' quoted, NULL, numbers in invariant form, lists as ARRAY[...]), as SQLite's expanded SQL shows its statements. The
    /// statement itself runs with parameters; this text is for reading only.
    /// </summary>
    internal static class PgTraceText
    {
        private static readonly Regex Parameter = new Regex(@"(?<![@\w])@(\w+)", RegexOptions.Compiled | RegexOptions.CultureInvariant);

        /// <summary>The statement with its values: <paramref name="parameters"/> is what Dapper took (an object's properties or DynamicParameters).</summary>
        public static string Expand(string sql, object? parameters)
        {
            if (parameters == null)
            {
                return sql;
            }

            var names = parameters is DynamicParameters dynamic ? dynamic.ParameterNames.ToList() : parameters.GetType().GetProperties().Select(p => p.Name).ToList();
            return Parameter.Replace(sql, match =>
            {
                var name = names.FirstOrDefault(n => string.Equals(n, match.Groups[1].Value, StringComparison.OrdinalIgnoreCase));
                if (name == null)
                {
                    return match.Value;
                }

                try
                {
                    var value = parameters is DynamicParameters given ? given.Get<object?>(name) : parameters.GetType().GetProperty(name)!.GetValue(parameters);
                    return Literal(value);
                }
                catch (Exception ex) when (ex is ApplicationException || ex is InvalidOperationException || ex is ArgumentException)
                {
                    return match.Value; // a value Dapper takes from a template object only when the statement runs: shown by its name
                }
            });
        }

        private static string Literal(object? value)
        {
            switch (value)
            {
                case null:
                case DBNull _:
                    return "NULL";
                case string text:
                    return "'" + text.Replace("'", "''") + "'";
                case bool flag:
                    return flag ? "true" : "false";
                case DateTime time:
                    return "'" + time.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture) + "'";
                case IFormattable number when !(value is Enum):
                    return number.ToString(null, CultureInfo.InvariantCulture);
                case IEnumerable list:
                    var items = new StringBuilder("ARRAY[");
                    var first = true;
                    foreach (var item in list)
                    {
                        items.Append(first ? string.Empty : ", ").Append(Literal(item));
                        first = false;
                    }

                    return items.Append(']').ToString();
                default:
                    return "'" + value.ToString()!.Replace("'", "''") + "'";
            }
        }
    }
}
