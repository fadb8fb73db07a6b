using System;
using System.Threading;
using PartnerOps.Data;
using PartnerOps.Import;

namespace PartnerOps.PostgreSql
{
    /// <summary>Bulk import (Import-Partner, Import-PartnerRevenue): binary COPY into a staging table, then one merge per batch.</summary>
    public sealed partial class PgDatabase
    {
        /// <inheritdoc />
        public IImportWriter StartImport(ImportTable table, ImportOptions options, Func<DateTime> utcNow, CancellationToken cancellation) =>
            new PgImportWriter(
                this,
                table == ImportTable.Partners ? new PgPartnerImport(options.Mode) : (PgImportTarget)new PgRevenueImport(options.Mode),
                options,
                utcNow,
                cancellation);
    }
}
