using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PartnerOps.Data
{
    /// <summary>
    /// Years as runs of consecutive years, so that a filter on years reads date ranges ('2019-01-01' to before '2021-01-01'),
    /// which a date index can answer, rather than computing each row's year.
    /// </summary>
    public static class YearRuns
    {
        /// <summary>The distinct years in ascending runs of consecutive years (2019, 2020, 2022 gives 2019-2020 and 2022-2022).</summary>
        public static IReadOnlyList<(int First, int Last)> Of(IEnumerable<int> years)
        {
            var runs = new List<(int First, int Last)>();
            foreach (var year in years.Distinct().OrderBy(y => y))
            {
                if (runs.Count > 0 && runs[runs.Count - 1].Last == year - 1)
                {
                    runs[runs.Count - 1] = (runs[runs.Count - 1].First, year);
                }
                else
                {
                    runs.Add((year, year));
                }
            }

            return runs;
        }

        /// <summary>The first day of a year as stored dates are written (yyyy-MM-dd).</summary>
        public static string Start(int year) => year.ToString("0000", CultureInfo.InvariantCulture) + "-01-01";
    }
}
