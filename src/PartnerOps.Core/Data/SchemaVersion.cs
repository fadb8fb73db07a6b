namespace PartnerOps.Data
{
    /// <summary>
    /// The schema version this build reads and writes, the same number on every backend: SQLite's migration list
    /// (Sqlite.Schema) and PostgreSQL's (PgSchema) each end at it, and a database at a higher version is refused
    /// (DatabaseSchemaTooNew) for reads and writes alike.
    /// </summary>
    public static class SchemaVersion
    {
        /// <summary>The current schema version.</summary>
        public const int Current = 14;
    }
}
