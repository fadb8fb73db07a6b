using System;
using System.Collections.Generic;
using System.Linq;
using Dapper;
using NpgsqlTypes;
using PartnerOps.Data;

namespace PartnerOps.PostgreSql
{
    /// <summary>
    /// The revenue sums in SQL on PostgreSQL (<see cref="IRevenueSums"/>): one GROUP BY per question over the revenue_totals
    /// cells when the filter allows (<see cref="RevenueFilter.FitsYearlyTotals"/>, no key finer than a year), else over the
    /// records, or over the given records (copied into a temporary table). Whole minor units; PostgreSQL sums bigint into
    /// numeric, so a sum beyond 64 bits comes back exact. The same groups, keys and spellings as Sqlite/Measures/RevenueSums.
    /// </summary>
    internal sealed class PgRevenueSums : IRevenueSums
    {
        private const string GivenTable = "pg_temp.po_measure_input";
        private const int GivenBatch = 10_000;

        private readonly PgDatabase _db;
        private readonly List<object?[]> _pending = new List<object?[]>();
        private bool _given;

        public PgRevenueSums(PgDatabase db)
        {
            _db = db;
        }

        /// <inheritdoc/>
        public void BeginGiven()
        {
            _pending.Clear();
            _db.Execute(
                @"CREATE TEMP TABLE IF NOT EXISTS po_measure_input (
                      partner_id bigint, date text COLLATE ""C"" NOT NULL, amount bigint NOT NULL, currency text COLLATE ""C"" NOT NULL,
                      segment text COLLATE ""C"" NOT NULL, segment_key text COLLATE ""C"" NOT NULL, region text COLLATE ""C"", region_key text COLLATE ""C"",
                      attribution text COLLATE ""C"");
                  TRUNCATE " + GivenTable);
            _given = true;
        }

        /// <inheritdoc/>
        public void AddGiven(long? partnerId, DateTime date, long amount, string currency, string segment, string? region, RevenueAttribution? attribution = null)
        {
            _pending.Add(new object?[] { partnerId, PartnerRules.FormatDate(date), amount, currency, segment, RevenueRules.Key(segment), region, RevenueRules.Key(region), attribution?.ToString() });
            if (_pending.Count >= GivenBatch)
            {
                CopyGiven();
            }
        }

        /// <inheritdoc/>
        public IEnumerable<RevenueSum> Sum(IList<RevenueGroupKey> keys, RevenueFilter filter)
        {
            CopyGiven();
            var useTotals = !_given && filter.FitsYearlyTotals && !keys.Any(MeasureKeys.NotInTotals);
            var (where, parameters) = PgRevenueWhere.Build(filter, useTotals);
            var source = useTotals
                ? "SELECT t.partner_key, t.year, NULL::integer AS month, t.region_key, t.region, t.segment_key, t.segment, t.currency, " +
                  "t.count, t.total, t.minimum, t.maximum, NULL::text AS attribution FROM revenue_totals t" + where
                : "SELECT coalesce(r.partner_id, 0) AS partner_key, substr(r.date, 1, 4)::integer AS year, substr(r.date, 6, 2)::integer AS month, " +
                  "coalesce(r.region_key, '') AS region_key, r.region, r.segment_key, r.segment, r.currency, 1 AS count, r.amount AS total, " +
                  "r.amount AS minimum, r.amount AS maximum, r.attribution FROM " + (_given ? GivenTable : "revenue") + " r" + where;

            // The spelling shown for each region or segment key: the smallest of the database's (its totals), so that a measure of
            // 2016 alone shows a region as the measure of every year does; given records show the smallest of their own. Rows in
            // the order of the groups, as SQLite's GROUP BY gives them (NULLs first), so that a measure meets its groups, and the
            // first missing exchange rate, in the same order on both backends.
            var (grouped, groups) = MeasureSql.RevenueSums(
                keys, "b.currency, b.year, sum(b.count)::bigint, sum(b.total), min(b.minimum), max(b.maximum)", source, _given ? $"({source}) g" : "revenue_totals");
            var sql = grouped + " ORDER BY " + string.Join(" NULLS FIRST, ", groups) + " NULLS FIRST";

            // Read whole before the measurer goes on (a few rows: one per group, currency and year), so that the connection is
            // free for its next statement; Ctrl+C cancels the statement while it runs (Interrupt).
            return _db.Run(sql, parameters, () => Rows(sql, parameters, keys));
        }

        private List<RevenueSum> Rows(string sql, DynamicParameters parameters, IList<RevenueGroupKey> keys)
        {
            var sums = new List<RevenueSum>();
            using (var reader = _db.Connection.ExecuteReader(sql, parameters, _db.Transaction))
            {
                while (reader.Read())
                {
                    sums.Add(new RevenueSum(
                        MeasureSql.RevenueKeys(reader, keys),
                        reader.GetString(keys.Count),
                        reader.GetInt32(keys.Count + 1),
                        reader.GetInt64(keys.Count + 2),
                        reader.GetDecimal(keys.Count + 3),
                        reader.GetInt64(keys.Count + 4),
                        reader.GetInt64(keys.Count + 5)));
                }
            }

            return sums;
        }

        // The given records wait in memory in batches and go to the temporary table by one binary COPY per batch.
        private void CopyGiven()
        {
            if (_pending.Count == 0)
            {
                return;
            }

            const string copy = "COPY " + GivenTable + " (partner_id, date, amount, currency, segment, segment_key, region, region_key, attribution) FROM STDIN (FORMAT BINARY)";
            var types = new[]
            {
                NpgsqlDbType.Bigint, NpgsqlDbType.Text, NpgsqlDbType.Bigint, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text,
                NpgsqlDbType.Text,
            };
            _db.Run(copy, () =>
            {
                using (var writer = _db.Connection.BeginBinaryImport(copy))
                {
                    foreach (var row in _pending)
                    {
                        writer.StartRow();
                        for (var i = 0; i < row.Length; i++)
                        {
                            if (row[i] == null)
                            {
                                writer.WriteNull();
                            }
                            else
                            {
                                writer.Write(row[i]!, types[i]);
                            }
                        }
                    }

                    return writer.Complete();
                }
            });
            _pending.Clear();
        }
    }
}
