using System.Collections.Generic;

namespace PartnerOps.Storage
{
    /// <summary>
    /// The database schema as an ordered list of migrations. Version N is reached by running every step
    /// up to N in one transaction; a later issue adds a step, never edits a shipped one.
    /// </summary>
    public static class Schema
    {
        /// <summary>Marks a file as a PartnerOps database ('POPS').</summary>
        public const int ApplicationId = 0x504F5053;

        public static IReadOnlyList<string> Migrations { get; } = new[]
        {
            // 1: partners and database settings.
            @"
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE partners (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    name_key   TEXT NOT NULL,
    type       TEXT NOT NULL CHECK (type IN ('Reseller','Distributor','SystemIntegrator','ServiceProvider','Consultancy','SoftwareVendor','Training','Other')),
    tier       TEXT NOT NULL CHECK (tier IN ('Registered','Silver','Gold','Platinum')),
    status     TEXT NOT NULL CHECK (status IN ('Prospect','Onboarding','Active','Suspended','Terminated')),
    region     TEXT,
    country    TEXT CHECK (country IS NULL OR length(country) = 2),
    joined_on  TEXT NOT NULL,
    ended_on   TEXT,
    notes      TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Names are unique case-insensitively (Unicode upper-case key, so not only ASCII).
CREATE UNIQUE INDEX partners_name_key ON partners (name_key);
",
        };

        public static int CurrentVersion => Migrations.Count;
    }
}
