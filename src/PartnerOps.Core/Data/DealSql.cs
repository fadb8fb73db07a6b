namespace PartnerOps.Data
{
    /// <summary>
    /// The SQL fragments of a deal's state on a day (issue 19), one text for SQLite and PostgreSQL: the status a deal reads on day
    /// D and whether it holds its customer on D, both computed from the stored columns (status, registered_on, expires_on,
    /// decided_on, closed_on), never written. Days are 'yyyy-MM-dd' text on both backends, compared as text; the day is a
    /// parameter the caller binds (its name without '@').
    /// </summary>
    public static class DealSql
    {
        /// <summary>
        /// Whether the deal of <paramref name="alias"/> exists on the day bound as <paramref name="dayParameter"/>: it was registered
        /// on or before it (on the days before, a deal is not listed at all).
        /// </summary>
        public static string ExistsOn(string alias, string dayParameter) => $"{alias}.registered_on <= @{dayParameter}";

        /// <summary>
        /// The status (<see cref="DealStatus"/>'s name, text) of the deal of <paramref name="alias"/> on the day bound as
        /// <paramref name="dayParameter"/>, for a deal that exists on it (<see cref="ExistsOn"/>): Won or Lost once closed (closed_on
        /// on or before the day); Denied once denied (decided_on on or before it); otherwise Approved when it was approved by then
        /// (decided_on on or before the day, stored Approved, Won or Lost), else Submitted; and a Submitted or Approved deal whose
        /// expires_on (the last day of protection) is before the day reads Expired.
        /// </summary>
        public static string StatusOn(string alias, string dayParameter) =>
            StatusOn(alias, dayParameter, s => $"'{s}'", $"{alias}.status");

        /// <summary>
        /// <see cref="StatusOn"/> as a number: <see cref="StatusCode"/> of the status the deal reads that day (1 to 6, integer), the
        /// same branches in the same order, for statements that group by it (a number is compared faster than text).
        /// </summary>
        public static string StatusCodeOn(string alias, string dayParameter) =>
            StatusOn(alias, dayParameter, s => StatusCode(s).ToString(System.Globalization.CultureInfo.InvariantCulture),
                     $"CASE {alias}.status WHEN 'Won' THEN {StatusCode(DealStatus.Won)} ELSE {StatusCode(DealStatus.Lost)} END");

        /// <summary>The number <see cref="StatusCodeOn"/> writes for <paramref name="status"/>: its place in <see cref="DealStatus"/> plus one.</summary>
        public static int StatusCode(DealStatus status) => (int)status + 1;

        /// <summary>The status whose <see cref="StatusCode"/> is <paramref name="code"/> (1 to 6).</summary>
        /// <exception cref="System.ArgumentOutOfRangeException">A number that is no status's code.</exception>
        public static DealStatus StatusOfCode(long code) =>
            code >= 1 && code <= 6 && System.Enum.IsDefined(typeof(DealStatus), (int)(code - 1))
                ? (DealStatus)(int)(code - 1)
                : throw new System.ArgumentOutOfRangeException(nameof(code), code, "not a deal status code (1 to 6)");

        // The CASE of StatusOn, each status written by literal (Submitted ... Expired) and the closed one (Won or Lost) by closed.
        private static string StatusOn(string a, string dayParameter, System.Func<DealStatus, string> literal, string closed)
        {
            var day = "@" + dayParameter;
            return $"(CASE WHEN {a}.status IN ('Won', 'Lost') AND {a}.closed_on <= {day} THEN {closed} " +
                   $"WHEN {a}.status = 'Denied' AND {a}.decided_on <= {day} THEN {literal(DealStatus.Denied)} " +
                   $"WHEN {a}.expires_on < {day} THEN {literal(DealStatus.Expired)} " +
                   $"WHEN {a}.status IN ('Approved', 'Won', 'Lost') AND {a}.decided_on <= {day} THEN {literal(DealStatus.Approved)} " +
                   $"ELSE {literal(DealStatus.Submitted)} END)";
        }

        /// <summary>
        /// Whether the deal of <paramref name="alias"/> reads Approved (<see cref="StatusOn"/>) on some day from the day bound as
        /// <paramref name="fromParameter"/> to the one bound as <paramref name="toParameter"/> (both included, from not after to):
        /// it was approved (decided_on set, stored Approved, or Won or Lost after its approval), and its approved days, from
        /// decided_on to expires_on and before closed_on (on its close day a deal reads Won or Lost), meet that period. The
        /// exclusivity of approvals (issue 19) refuses an approval whose days meet another partner's approved days.
        /// </summary>
        public static string ApprovedDuring(string alias, string fromParameter, string toParameter)
        {
            var a = alias;
            var from = "@" + fromParameter;
            var to = "@" + toParameter;
            return $"({a}.decided_on IS NOT NULL AND {a}.status IN ('Approved', 'Won', 'Lost') " +
                   $"AND {a}.decided_on <= {to} AND {a}.expires_on >= {from} AND {a}.decided_on <= {a}.expires_on " +
                   $"AND ({a}.closed_on IS NULL OR ({a}.closed_on > {from} AND {a}.closed_on > {a}.decided_on)))";
        }

        /// <summary>
        /// Whether the deal of <paramref name="alias"/> holds its customer on the day bound as <paramref name="dayParameter"/>: it
        /// exists that day and reads Submitted or Approved (<see cref="StatusOn"/>): registered by then, expires_on on or after the
        /// day, not closed and not denied by then. On today this is the stored status Submitted or Approved with expires_on not
        /// passed (a deal is never closed or decided after today); written without CASE so that an index on expires_on or on the
        /// customer serves it.
        /// </summary>
        public static string HeldOn(string alias, string dayParameter)
        {
            var a = alias;
            var day = "@" + dayParameter;
            return $"({a}.registered_on <= {day} AND {a}.expires_on >= {day} " +
                   $"AND NOT ({a}.status IN ('Won', 'Lost') AND {a}.closed_on <= {day}) " +
                   $"AND NOT ({a}.status = 'Denied' AND {a}.decided_on <= {day}))";
        }
    }
}
