using System;
using System.Globalization;
using System.Management.Automation;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Deletes revenue records by id, or the revenue records piped in (live, deserialized, or rows exported from them),
    /// each in the database it came from unless -Database is given; a record from another database is refused.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "PartnerRevenue", DefaultParameterSetName = ById, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemovePartnerRevenueCommand : PartnerOpsCmdlet
    {
        private const string ById = nameof(ById);
        private const string ByInputObject = nameof(ByInputObject);

        #region Parameters

        /// <summary>Record ids, in this command's database. (Piped objects never bind here, so a piped Partner's Id is never taken for one.)</summary>
        [Parameter(ParameterSetName = ById, Mandatory = true, Position = 0)]
        [IntegerTransformation(List = true)]
        public long[] Id { get; set; } = Array.Empty<long>();

        /// <summary>Revenue records: PartnerRevenue objects, their deserialized forms, or rows with their Id, Date, Amount and Currency.</summary>
        [Parameter(ParameterSetName = ByInputObject, Mandatory = true, ValueFromPipeline = true)]
        public PSObject[] InputObject { get; set; } = Array.Empty<PSObject>();

        #endregion

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ById)
            {
                foreach (var id in Id)
                {
                    Remove(null, id, "Id " + id.ToString(CultureInfo.InvariantCulture), writes => writes.Revenue.Remove(id));
                }

                return;
            }

            foreach (var (record, item) in ReadPiped(InputObject, piped => piped.Revenue()))
            {
                Remove(record.Database, item, $"Id {record.Id.ToString(CultureInfo.InvariantCulture)}: {item}", writes =>
                {
                    writes.Revenue.Require(record);
                    writes.Revenue.Remove(record.Id);
                });
            }
        }

        protected override void EndProcessing() => CompleteWrites("Removed", "revenue record(s)");

        private void Remove(string? origin, object target, string description, Action<PipelinedWrites> remove)
        {
            if (!ShouldWrite(description, "Remove revenue", ConfirmImpact.High))
            {
                return;
            }

            if (!(WritesFor(origin, create: false, target) is PipelinedWrites writes))
            {
                return;
            }

            WriteItem(writes, target, () =>
            {
                remove(writes);
                return null;
            });
        }
    }
}
