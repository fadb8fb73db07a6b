using System;
using System.Collections.Generic;
using System.Threading;
using PartnerOps.Import;

namespace PartnerOps.Data
{
    /// <summary>
    /// One open PartnerOps database, whatever engine holds it: what Core and the cmdlets program against. Opening, creating and
    /// bringing its schema up to date happen in <see cref="PartnerDatabases"/>; disposing ends this command's use of it (an open
    /// write transaction is rolled back).
    /// </summary>
    public interface IPartnerDatabase : IDisposable
    {
        /// <summary>The database's location as the user named it (for a file, its full path): what objects' Database property shows.</summary>
        string Path { get; }

        /// <summary>The one name this process uses for the database: two locations that lead to the same database give the same key.</summary>
        string Key { get; }

        /// <summary>How many names (hard links) the database file has; more than one means another process could open it by another name.</summary>
        long Links { get; }

        /// <summary>
        /// The reporting currency (ISO 4217 code) stored with the database; USD for one that has none. Read from the database on
        /// each get; a failure to read it is not named (the engine's own exception).
        /// </summary>
        string Currency { get; }

        /// <summary>True when nothing can be written to the database (its file, folder or file system refuses).</summary>
        bool IsReadOnly { get; }

        /// <summary>Partners: reads stream; writes run inside the open write transaction.</summary>
        IPartnerRepository Partners { get; }

        /// <summary>Revenue records: reads stream; writes run inside the open write transaction.</summary>
        IRevenueRepository Revenue { get; }

        /// <summary>The history of changes, newest first.</summary>
        IHistoryRepository History { get; }

        /// <summary>The dated Status and Tier changes of partners (Get-PartnerStatusHistory).</summary>
        IStatusHistoryRepository StatusHistory { get; }

        /// <summary>Yearly targets.</summary>
        ITargetRepository Targets { get; }

        /// <summary>Yearly exchange rates.</summary>
        IExchangeRateRepository ExchangeRates { get; }

        /// <summary>Certifications of partners' contacts (issue 18): reads stream; writes run inside the open write transaction.</summary>
        ICertificationRepository Certifications { get; }

        /// <summary>Partners' contacts (issue 18): reads stream; writes run inside the open write transaction.</summary>
        IContactRepository Contacts { get; }

        /// <summary>Partners' registered deals (issue 19): reads stream; writes run inside the open write transaction.</summary>
        IDealRepository Deals { get; }

        /// <summary>The transitions of deals (issue 19): approve, deny, close, change; each runs inside the open write transaction.</summary>
        IDealDecisions DealDecisions { get; }

        /// <summary>The tier rules (schema 13): what a partner must meet to qualify for each tier.</summary>
        ITierRuleRepository TierRules { get; }

        /// <summary>The revenue sums (whole minor units per group, currency and year) that the revenue measurer converts.</summary>
        IRevenueSums RevenueSums { get; }

        /// <summary>The partner counts per group that the partner measurer combines.</summary>
        IPartnerCounts PartnerCounts { get; }

        /// <summary>The funnel's counts per period and group that the funnel measurer combines (Measure-PartnerFunnel).</summary>
        IFunnelCounts FunnelCounts { get; }

        /// <summary>The partner-quality figures (tier assessment, tier review, scorecard), computed in SQL.</summary>
        IQualityInputs QualityInputs { get; }

        /// <summary>The dated inputs of partner quality for a few partners over a period (the tier review's grace period), read in SQL.</summary>
        IQualityHistory QualityHistory { get; }

        /// <summary>The deal counts and sums per group that the deal measurer combines (Measure-PartnerDeal, issue 19), computed in SQL.</summary>
        IDealSums DealSums { get; }

        /// <summary>
        /// Whether <paramref name="location"/> (as a Database property holds it) names this database: the same file, also through a
        /// link or in other letter case.
        /// </summary>
        bool IsSameDatabase(string? location);

        /// <summary>The database's schema version, currency, counts, size and journal mode.</summary>
        /// <exception cref="PartnerOpsException">A named database failure (DatabaseInvalid, DatabaseBusy ...).</exception>
        DatabaseInfo GetInfo();

        /// <summary>Integrity, foreign-key, schema, revenue-totals and name checks, each with what it found.</summary>
        /// <exception cref="PartnerOpsException">DatabaseInvalid when the database cannot be read at all.</exception>
        IReadOnlyList<DatabaseFinding> Check();

        /// <summary>
        /// Copies the database to <paramref name="destinationPath"/> from one consistent snapshot while others write; the copy
        /// is moved into place only when complete. <paramref name="progress"/> gets (pages copied, pages in all).
        /// </summary>
        /// <exception cref="PartnerOpsException">DatabaseFull or DatabaseReadOnly for the copy; another named failure for the database read.</exception>
        void BackupTo(string destinationPath, Action<long, long>? progress = null);

        /// <summary>
        /// Begins one consistent read of everything in the database (<see cref="DatabaseDump"/>'s tables), for a copy into
        /// another database; disposing the snapshot ends the read. Others may go on writing meanwhile.
        /// </summary>
        /// <exception cref="PartnerOpsException">A named database failure (DatabaseBusy, DatabaseInvalid, ServerUnavailable ...).</exception>
        IDatabaseSnapshot ReadSnapshot();

        /// <summary>
        /// Writes everything in <paramref name="source"/> (another database's snapshot) into this one, in one transaction, ids
        /// kept (Copy-PartnerDatabase). A database that holds data is refused (DestinationNotEmpty) unless
        /// <paramref name="replace"/>, which replaces its PartnerOps rows and nothing else. <paramref name="progress"/> gets a
        /// report per table and every few thousand rows.
        /// </summary>
        /// <exception cref="PartnerOpsException">DestinationNotEmpty; DatabaseReadOnly, DatabaseFull, DatabaseBusy ... of either database.</exception>
        void Restore(IDatabaseSnapshot source, bool replace, Action<DumpProgress>? progress = null);

        /// <summary>Sends the text of every statement run on this database to <paramref name="sink"/> (null stops it), from any thread.</summary>
        void TraceSql(Action<string>? sink);

        /// <summary>
        /// Stops the statement running on this database (from any thread). A transaction that already holds finished items is
        /// left to finish its statement, so items a command reported as written stay written.
        /// </summary>
        void Interrupt();

        /// <summary>
        /// Whether <paramref name="failure"/> is a statement cut by <see cref="Interrupt"/> (SQLite's SQLITE_INTERRUPT, PostgreSQL's
        /// SQLSTATE 57014 or a cancelled wait), not a refusal of the item: what a stopped pipelined write counts as not written.
        /// </summary>
        bool IsInterruption(System.Exception failure);

        /// <summary>
        /// A batch of pipelined writes (a transaction per <paramref name="maxItems"/> items or <paramref name="maxAge"/>, default
        /// 1000 items or 200 ms), each item succeeding or failing alone.
        /// </summary>
        IWriteBatch NewWriteBatch(int maxItems = 1000, TimeSpan? maxAge = null);

        /// <summary>
        /// Commits the idle write batches this thread holds open on this database (other than <paramref name="own"/>), so that
        /// what other commands of the pipeline wrote is visible to this one and their locks do not block it.
        /// </summary>
        /// <exception cref="PartnerOpsException">A named database failure of a commit (DatabaseFull, DatabaseBusy ...); that batch's open items are rolled back.</exception>
        void SeeOtherWrites(IWriteBatch? own = null);

        /// <summary>
        /// For each filter value that matches nothing stored (compared as the filter compares), the value and a message naming up
        /// to three close stored values; empty when every value matches.
        /// </summary>
        /// <exception cref="PartnerOpsException">A named database failure (DatabaseBusy, DatabaseInvalid, DatabaseError ...).</exception>
        IReadOnlyList<(string Value, string Message)> UnknownFilterValues(HintedFilter filter, IEnumerable<string>? values);

        /// <summary>
        /// Starts the bulk-import writer of <paramref name="table"/> on a thread of its own; it writes the chunks it is given in
        /// batched transactions and reports each row's outcome. <paramref name="utcNow"/> gives the timestamps written (UTC).
        /// Nothing is thrown for the writing: its failures come as <see cref="IImportWriter.Events"/> and <see cref="IImportWriter.Fault"/>.
        /// </summary>
        IImportWriter StartImport(ImportTable table, ImportOptions options, Func<DateTime> utcNow, CancellationToken cancellation);
    }
}
