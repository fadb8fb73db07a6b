using System;
using System.Collections.Generic;
using PartnerOps.Data;

namespace PartnerOps.PostgreSql
{
    // PLACEHOLDER owned by part C (history, measures, completion, info, checks): replace this whole file.
    public sealed partial class PgDatabase
    {
        public IHistoryRepository History => throw new NotSupportedException("placeholder C");

        public IRevenueSums RevenueSums => throw new NotSupportedException("placeholder C");

        public IPartnerCounts PartnerCounts => throw new NotSupportedException("placeholder C");

        public DatabaseInfo GetInfo() => throw new NotSupportedException("placeholder C");

        public IReadOnlyList<DatabaseFinding> Check() => throw new NotSupportedException("placeholder C");
    }
}
