using System;
using System.Collections.Generic;
using Dapper;
using Npgsql;
using PartnerOps.Data;

namespace PartnerOps.PostgreSql
{
    // The repositories of partners, revenue, targets and exchange rates, pipelined writes (a write batch with a
    // savepoint per item, on the caller's thread or a writer thread of its own) and the filters' "did you mean" hints.
    public sealed partial class PgDatabase
    {
        private PgPartnerRepository? _partners;
        private PgRevenueRepository? _revenue;
        private PgTargetRepository? _targets;
        private PgExchangeRateRepository? _rates;
        private PgCertificationRepository? _certifications;

        /// <inheritdoc />
        public IPartnerRepository Partners => PartnerRepository;

        /// <summary>The partner repository itself, for the other repositories of this database.</summary>
        internal PgPartnerRepository PartnerRepository => _partners ??= new PgPartnerRepository(this);

        /// <inheritdoc />
        public IRevenueRepository Revenue => _revenue ??= new PgRevenueRepository(this);

        /// <inheritdoc />
        public ITargetRepository Targets => _targets ??= new PgTargetRepository(this);

        /// <inheritdoc />
        public ITierRuleRepository TierRules => new PgTierRuleRepository(this);

        /// <inheritdoc />
        public IExchangeRateRepository ExchangeRates => _rates ??= new PgExchangeRateRepository(this);

        /// <inheritdoc />
        public ICertificationRepository Certifications => _certifications ??= new PgCertificationRepository(this);

        /// <inheritdoc />
        public IContactRepository Contacts => new PgContactRepository(this);

        /// <inheritdoc />
        public IDealRepository Deals => new PgDealRepository(this);

        /// <inheritdoc />
        public IDealDecisions DealDecisions => new PgDealDecisionRepository(this);

        /// <inheritdoc />
        public IQualityInputs QualityInputs => new PgQualityInputs(this);

        /// <inheritdoc />
        public IQualityHistory QualityHistory => new PgQualityHistory(this);

        /// <inheritdoc />
        public IDealSums DealSums => new PgDealSums(this);

        /// <inheritdoc />
        public IWriteBatch NewWriteBatch(int maxItems = 1000, TimeSpan? maxAge = null) => new PgWriteBatch(this, maxItems, maxAge);

        /// <inheritdoc />
        public void SeeOtherWrites(IWriteBatch? own = null) => OpenWriteBatches.CommitIdle(Key, own);

        /// <inheritdoc />
        public IReadOnlyList<(string Value, string Message)> UnknownFilterValues(HintedFilter filter, IEnumerable<string>? values) =>
            FilterHints.Unknown(filter, values, sql => Query<string>(sql), Path);

        /// <summary>
        /// The rows of a query (Dapper parameters) read as they are enumerated (<c>buffered: false</c>): traced, stoppable, a
        /// failure in making the query or in reading any row translated (<see cref="PgErrors.Translate"/>).
        /// </summary>
        internal IEnumerable<T> Stream<T>(string sql, object? parameters = null)
        {
            using var rows = Run(sql, () => Connection.Query<T>(sql, parameters, Transaction, buffered: false).GetEnumerator());
            while (Next(rows))
            {
                yield return rows.Current;
            }
        }

        /// <summary>
        /// Runs one statement (<paramref name="run"/> is given its SQL) so that its failure undoes that statement alone, as an
        /// SQLite statement's failure does: PostgreSQL would abort the whole transaction, so inside one the statement is sent
        /// between <c>SAVEPOINT</c> and <c>RELEASE</c> (one round trip), and a failure rolls back to that savepoint before it
        /// is thrown. The caller may then read and write on (to name the failure; the cmdlet to try the item again later).
        /// </summary>
        internal T Alone<T>(string sql, Func<string, T> run)
        {
            if (Transaction == null)
            {
                return run(sql);
            }

            try
            {
                return run($"SAVEPOINT {StatementSavepoint}; {sql}; RELEASE SAVEPOINT {StatementSavepoint}");
            }
            catch (Exception ex) when (!(ex is OperationCanceledException)) // a stop before the statement ran: nothing to undo
            {
                try
                {
                    using var undo = new NpgsqlCommand($"ROLLBACK TO SAVEPOINT {StatementSavepoint}; RELEASE SAVEPOINT {StatementSavepoint}", Connection, Transaction);
                    undo.ExecuteNonQuery();
                }
                catch (Exception undoFailure) when (undoFailure is NpgsqlException || undoFailure is InvalidOperationException)
                {
                    // The connection broke: the transaction is lost, and the failure thrown says so.
                }

                throw;
            }
        }

        private const string StatementSavepoint = "po_statement";

        private bool Next<T>(IEnumerator<T> rows)
        {
            try
            {
                return rows.MoveNext();
            }
            catch (Exception ex) when (!(ex is PartnerOpsException))
            {
                throw PgErrors.Translate(ex, Location);
            }
        }
    }
}
