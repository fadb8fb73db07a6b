using System;
using PartnerOps.Data;

namespace PartnerOps.PostgreSql
{
    // PLACEHOLDER owned by part A (repositories and pipelined writes): replace this whole file.
    public sealed partial class PgDatabase
    {
        public IPartnerRepository Partners => throw new NotSupportedException("placeholder A");

        public IRevenueRepository Revenue => throw new NotSupportedException("placeholder A");

        public ITargetRepository Targets => throw new NotSupportedException("placeholder A");

        public IExchangeRateRepository ExchangeRates => throw new NotSupportedException("placeholder A");

        public IWriteBatch NewWriteBatch(int maxItems = 1000, TimeSpan? maxAge = null) => throw new NotSupportedException("placeholder A");

        public void SeeOtherWrites(IWriteBatch? own = null) => throw new NotSupportedException("placeholder A");

        public System.Collections.Generic.IReadOnlyList<(string Value, string Message)> UnknownFilterValues(HintedFilter filter, System.Collections.Generic.IEnumerable<string>? values) =>
            throw new NotSupportedException("placeholder A");
    }
}
