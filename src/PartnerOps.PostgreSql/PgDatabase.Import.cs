using System;
using System.Threading;
using PartnerOps.Data;
using PartnerOps.Import;

namespace PartnerOps.PostgreSql
{
    // PLACEHOLDER owned by part B (bulk import through COPY): replace this whole file.
    public sealed partial class PgDatabase
    {
        public IImportWriter StartImport(ImportTable table, ImportOptions options, Func<DateTime> utcNow, CancellationToken cancellation) =>
            throw new NotSupportedException("placeholder B");
    }
}
