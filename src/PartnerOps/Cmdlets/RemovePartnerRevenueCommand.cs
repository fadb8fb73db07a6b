using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
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
                    Remove(null, id, Describe(id), writes => writes.Revenue.Remove(id));
                }

                return;
            }

            foreach (var (record, item) in Piped.ReadPiped(InputObject, piped => piped.Revenue()))
            {
                Remove(record.Database, item, $"Id {record.Id.ToString(CultureInfo.InvariantCulture)}: {item}", writes =>
                {
                    writes.Revenue.Require(record);
                    writes.Revenue.Remove(record.Id);
                });
            }
        }

        protected override void EndProcessing()
        {
            RemoveDeferred();
            Writer.CompleteWrites("Removed", "revenue record(s)");
        }

        // Records whose removal, in the order they came, would have taken their cell's running total beyond 64 bits (a credit
        // note before the sales it offsets): they are removed after the others, in rounds while any goes, so that removing a
        // set of records does not fail because of its order. One that still cannot go is reported then (InvalidAmount).
        private readonly List<(PipelinedWrites Writes, object Target, Action<PipelinedWrites> Remove)> _deferred =
            new List<(PipelinedWrites, object, Action<PipelinedWrites>)>();

        private void RemoveDeferred()
        {
            var progress = true;
            while (_deferred.Count > 0 && progress)
            {
                progress = false;
                foreach (var item in _deferred.ToList())
                {
                    var removed = false;
                    Writer.WriteItem(item.Writes, item.Target, () =>
                    {
                        try
                        {
                            item.Remove(item.Writes);
                            removed = true;
                        }
                        catch (PartnerOpsException ex) when (ex.ErrorId == ErrorIds.InvalidAmount)
                        {
                            item.Writes.Written--;
                        }

                        return null;
                    });
                    if (removed)
                    {
                        _deferred.Remove(item);
                        progress = true;
                    }
                }
            }

            foreach (var item in _deferred)
            {
                Writer.WriteItem(item.Writes, item.Target, () =>
                {
                    item.Remove(item.Writes);
                    return null;
                });
            }

            _deferred.Clear();
        }

        // "Id 7: 2015-01-01 Acme 10.00 USD": the record as stored (date, partner, money with its currency), for -WhatIf and
        // -Confirm; an id that is not there stays "Id 7" (its removal then reports RevenueNotFound).
        private string Describe(long id)
        {
            var text = "Id " + id.ToString(CultureInfo.InvariantCulture);
            if (Stores.WritesFor(null, create: false, id) is PipelinedWrites writes)
            {
                PipelineWriter.SeeOtherWrites(writes.Store, writes.Batch);
                var record = writes.Revenue.GetById(id);
                return record == null ? text : $"{text}: {record}";
            }

            return text;
        }

        private void Remove(string? origin, object target, string description, Action<PipelinedWrites> remove)
        {
            if (!Writer.ShouldWrite(description, "Remove revenue", ConfirmImpact.High))
            {
                return;
            }

            if (!(Stores.WritesFor(origin, create: false, target) is PipelinedWrites writes))
            {
                return;
            }

            Writer.WriteItem(writes, target, () =>
            {
                try
                {
                    remove(writes);
                }
                catch (PartnerOpsException ex) when (ex.ErrorId == ErrorIds.InvalidAmount)
                {
                    // The statement was undone (the totals triggers' RAISE); try again after the other records.
                    _deferred.Add((writes, target, remove));
                    writes.Written--;
                }

                return null;
            });
        }
    }
}
