using System;
using System.Collections.Generic;
using Dapper;
using PartnerOps.Data;

namespace PartnerOps.PostgreSql
{
    // Part A: the repositories of partners, revenue, targets and exchange rates, pipelined writes (a write batch with a
    // savepoint per item, on the caller's thread or a writer thread of its own) and the filters' "did you mean" hints.
    public sealed partial class PgDatabase
    {
        private PgPartnerRepository? _partners;
        private PgRevenueRepository? _revenue;
        private PgTargetRepository? _targets;
        private PgExchangeRateRepository? _rates;

        /// <inheritdoc />
        public IPartnerRepository Partners => PartnerRepository;

        /// <summary>The partner repository itself, for the other repositories of this database.</summary>
        internal PgPartnerRepository PartnerRepository => _partners ??= new PgPartnerRepository(this);

        /// <inheritdoc />
        public IRevenueRepository Revenue => _revenue ??= new PgRevenueRepository(this);

        /// <inheritdoc />
        public ITargetRepository Targets => _targets ??= new PgTargetRepository(this);

        /// <inheritdoc />
        public IExchangeRateRepository ExchangeRates => _rates ??= new PgExchangeRateRepository(this);

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
