using System;
using System.Collections.Generic;
using System.Linq;
using Dapper;
using PartnerOps.Data;

namespace PartnerOps.Sqlite
{
    /// <summary>
    /// The revenue sums in SQL (<see cref="IRevenueSums"/>): whole minor units per group, currency and year, from the
    /// revenue_totals cells when the question allows (<see cref="RevenueWhere.TotalsCanAnswer"/>), else from the records (or
    /// the given records, in a temporary table).
    /// </summary>
    internal sealed class RevenueSums : IRevenueSums
    {
        private const string GivenTable = "temp.po_measure_input";

        private readonly SqliteDatabase _store;
        private bool _given;

        public RevenueSums(SqliteDatabase store)
        {
            _store = store;
        }

        /// <inheritdoc/>
        public void BeginGiven()
        {
            TranslatedReads.Run(_store, () => _store.Connection.Execute(
                @"CREATE TEMP TABLE IF NOT EXISTS po_measure_input (
                      partner_id INTEGER, date TEXT NOT NULL, amount INTEGER NOT NULL, currency TEXT NOT NULL,
                      segment TEXT NOT NULL, segment_key TEXT NOT NULL, region TEXT, region_key TEXT, attribution TEXT);
                  DELETE FROM temp.po_measure_input;"));
            _given = true;
        }

        /// <inheritdoc/>
        public void AddGiven(long? partnerId, DateTime date, long amount, string currency, string segment, string? region, RevenueAttribution? attribution = null)
        {
            var given = new
            {
                PartnerId = partnerId,
                Date = PartnerRules.FormatDate(date),
                Amount = amount,
                Currency = currency,
                Segment = segment,
                SegmentKey = RevenueRules.Key(segment),
                Region = region,
                RegionKey = RevenueRules.Key(region),
                Attribution = attribution?.ToString(),
            };
            TranslatedReads.Run(_store, () => _store.Connection.Execute(
                $"INSERT INTO {GivenTable} VALUES (@PartnerId, @Date, @Amount, @Currency, @Segment, @SegmentKey, @Region, @RegionKey, @Attribution)", given));
        }

        /// <inheritdoc/>
        public IEnumerable<RevenueSum> Sum(IList<RevenueGroupKey> keys, RevenueFilter filter)
        {
            var useTotals = !_given && RevenueWhere.TotalsCanAnswer(filter) && !keys.Any(MeasureKeys.NotInTotals);
            var (where, parameters) = RevenueWhere.Build(filter, useTotals, _given ? GivenTable : "revenue");
            var source = useTotals
                ? "SELECT t.partner_key AS partner_key, t.year AS year, NULL AS month, t.region_key AS region_key, t.region AS region, " +
                  "t.segment_key AS segment_key, t.segment AS segment, t.currency AS currency, t.count AS count, t.total AS total, " +
                  "t.minimum AS minimum, t.maximum AS maximum, NULL AS attribution FROM revenue_totals t" + where
                : "SELECT coalesce(r.partner_id, 0) AS partner_key, CAST(substr(r.date, 1, 4) AS INTEGER) AS year, " +
                  "CAST(substr(r.date, 6, 2) AS INTEGER) AS month, coalesce(r.region_key, '') AS region_key, r.region AS region, " +
                  "r.segment_key AS segment_key, r.segment AS segment, r.currency AS currency, 1 AS count, r.amount AS total, " +
                  "r.amount AS minimum, r.amount AS maximum, r.attribution AS attribution FROM " + (_given ? GivenTable : "revenue") + " r" + where;

            // The total is summed in two parts (whole billions of minor units, and the rest), each far from 64 bits, so that a sum over
            // many cells or records never raises "integer overflow"; the parts are joined exactly as decimals below. The spelling
            // shown for each region or segment key: the smallest of the database's (one scan of its totals), so that a measure of
            // 2016 alone shows a region as the measure of every year does; records given in the pipeline show the smallest of their own.
            var (sql, _) = MeasureSql.RevenueSums(
                keys,
                "b.currency, b.year, sum(b.count), sum(b.total / 1000000000), sum(b.total % 1000000000), min(b.minimum), max(b.maximum)",
                source,
                _given ? $"({source}) g" : "revenue_totals");

            // Streamed: the statement stays running while the measurer combines the rows, so that Ctrl+C's interrupt stops it
            // at its next row; a failure while reading is translated (TranslatedReads).
            return TranslatedReads.Stream(_store, () => Rows(sql, parameters, keys));
        }

        private IEnumerable<RevenueSum> Rows(string sql, DynamicParameters parameters, IList<RevenueGroupKey> keys)
        {
            using (var reader = _store.Connection.ExecuteReader(sql, parameters, _store.Transaction))
            {
                while (reader.Read())
                {
                    yield return new RevenueSum(
                        MeasureSql.RevenueKeys(reader, keys),
                        reader.GetString(keys.Count),
                        reader.GetInt32(keys.Count + 1),
                        reader.GetInt64(keys.Count + 2),
                        (reader.GetInt64(keys.Count + 3) * 1_000_000_000m) + reader.GetInt64(keys.Count + 4),
                        reader.GetInt64(keys.Count + 5),
                        reader.GetInt64(keys.Count + 6));
                }
            }
        }
    }
}
