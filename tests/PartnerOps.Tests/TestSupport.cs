using System;
using System.IO;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using PartnerOps.Storage;
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

        public static PartnerRepository Repository(PartnerStore store, DateTime? utcNow = null)
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
            string? notes = null) => new Partner
            {
                Name = name,
                Type = type,
                Tier = tier,
                Status = status,
                Region = region,
                Country = country,
                JoinedOn = joinedOn ?? default,
                EndedOn = endedOn,
                Notes = notes,
            };

        /// <summary>A connection that bypasses PartnerStore and the pool, to look at or shape a file directly.</summary>
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
