using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using Dapper;
using Microsoft.Data.Sqlite;
using PartnerOps.Data;
using PartnerOps.Measures;
using PartnerOps.Sqlite;
using Xunit;

namespace PartnerOps.Tests
{
    /// <summary>Small helpers shared by the test classes.</summary>
    internal static class TestSupport
    {
        /// <summary>A fixed "now" (midday UTC, so the local date is the same date in nearly every time zone).</summary>
        public static readonly DateTime Now = new DateTime(2024, 5, 15, 12, 0, 0, DateTimeKind.Utc);

        /// <summary>What the repository should treat as "today" for <see cref="Now"/>: the user's local date.</summary>
        public static DateTime Today => Now.ToLocalTime().Date;

        public static PartnerRepository Repository(SqliteDatabase store, DateTime? utcNow = null)
        {
            var now = utcNow ?? Now;
            return new PartnerRepository(store, () => now);
        }

        public static Partner Draft(
            string name,
            PartnerType type = PartnerType.Reseller,
            PartnerTier tier = PartnerTier.Registered,
            PartnerStatus status = PartnerStatus.Active,
            string? region = null,
            string? country = null,
            DateTime? joinedOn = null,
            DateTime? endedOn = null,
            string? notes = null)
        {
            var draft = new Partner
            {
                Name = name,
                Type = type,
                Tier = tier,
                Status = status,
                Region = region,
                Country = country,
                EndedOn = endedOn,
                Notes = notes,
            };

            // Not given stays unset, as Add-Partner leaves it: the repository then uses today.
            if (joinedOn is DateTime joined)
            {
                draft.JoinedOn = joined;
            }

            return draft;
        }

        /// <summary>A connection that bypasses SqliteDatabase and the pool, to look at or shape a file directly.</summary>
        public static SqliteConnection OpenRaw(string path, SqliteOpenMode mode = SqliteOpenMode.ReadWriteCreate)
        {
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
            connection.Open();
            return connection;
        }

        public static string Hash(string path)
        {
            using var sha = SHA256.Create();
            return Convert.ToHexString(sha.ComputeHash(File.ReadAllBytes(path)));
        }

        public static PartnerOpsException ThrowsPartnerOps(string errorId, Action action)
        {
            var ex = Assert.Throws<PartnerOpsException>(action);
            Assert.Equal(errorId, ex.ErrorId);
            return ex;
        }

        public static DateTime Day(int year, int month, int day) => new DateTime(year, month, day);

        public static RevenueRepository Revenue(SqliteDatabase store) => new RevenueRepository(store, () => Now);

        /// <summary>A revenue record through a partner (the partner by its object, so by id).</summary>
        public static RevenueDraft Sale(Partner partner, DateTime date, decimal amount, string? currency = null, string? segment = null, string? region = null, string? reference = null) =>
            Sale(new PartnerReference(partner.Id), date, amount, currency, segment, region, reference);

        /// <summary>A revenue record; a null partner is direct revenue.</summary>
        public static RevenueDraft Sale(PartnerReference? partner, DateTime date, decimal amount, string? currency = null, string? segment = null, string? region = null, string? reference = null) =>
            new RevenueDraft { Partner = partner, Date = date, Amount = amount, Currency = currency, Segment = segment, Region = region, Reference = reference };

        public static RevenueDraft DirectSale(string region, DateTime date, decimal amount, string? currency = null, string? segment = null) =>
            Sale((PartnerReference?)null, date, amount, currency, segment, region);

        public static decimal Money(string text) => decimal.Parse(text, NumberStyles.Number | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

        /// <summary>The revenue_totals cells as the triggers keep them, in key order.</summary>
        public static List<string> KeptTotals(SqliteDatabase store) =>
            store.Connection.Query<string>(
                "SELECT printf('%d|%d|%s|%s|%s|%d|%d|%d|%d', partner_key, year, region_key, segment_key, currency, count, total, minimum, maximum) " +
                "FROM revenue_totals",
                transaction: store.Transaction).OrderBy(s => s, StringComparer.Ordinal).ToList();

        /// <summary>The same cells computed afresh from the revenue records.</summary>
        public static List<string> FreshTotals(SqliteDatabase store) =>
            store.Connection.Query<string>(
                "SELECT printf('%d|%d|%s|%s|%s|%d|%d|%d|%d', coalesce(partner_id, 0), CAST(substr(date, 1, 4) AS INTEGER), coalesce(region_key, ''), " +
                "segment_key, currency, count(*), sum(amount), min(amount), max(amount)) FROM revenue " +
                "GROUP BY coalesce(partner_id, 0), CAST(substr(date, 1, 4) AS INTEGER), coalesce(region_key, ''), segment_key, currency",
                transaction: store.Transaction).OrderBy(s => s, StringComparer.Ordinal).ToList();

        /// <summary>Every figure of a measure on one line, so that two measurements can be compared as a whole.</summary>
        public static string Describe(RevenueMeasure measure) =>
            string.Join(", ", measure.Keys.Select(k => k.Key + "=" + (k.Value == null ? "(null)" : Convert.ToString(k.Value, CultureInfo.InvariantCulture))))
            + string.Format(
                CultureInfo.InvariantCulture,
                " | Count={0} Total={1} Average={2} Minimum={3} Maximum={4} Share={5} Currency={6} PreviousTotal={7} Growth={8}",
                measure.Count,
                measure.Total,
                measure.Average,
                measure.Minimum,
                measure.Maximum,
                measure.Share,
                measure.Currency,
                measure.PreviousTotal,
                measure.Growth);

        public static string[] Describe(IEnumerable<RevenueMeasure> measures) => measures.Select(Describe).ToArray();

        public static RevenueMeasureRequest Request(params RevenueGroupKey[] groupBy)
        {
            var request = new RevenueMeasureRequest();
            foreach (var key in groupBy)
            {
                request.GroupBy.Add(key);
            }

            return request;
        }
    }

    /// <summary>A fact that only means something on Linux (the per-user default path differs per OS).</summary>
    public sealed class LinuxFactAttribute : FactAttribute
    {
        public LinuxFactAttribute()
        {
            if (!OperatingSystem.IsLinux())
            {
                Skip = "The XDG rules apply on Linux only.";
            }
        }
    }
}
