using System;
using System.Linq;
using System.Globalization;
using System.Management.Automation;
using PartnerOps.Data;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Deletes targets: by metric, year and region, by id, or the targets piped in (live, deserialized, or rows exported
    /// from them), each in the database it came from unless -Database is given; a target from another database is refused.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "PartnerTarget", DefaultParameterSetName = ByKey, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    public sealed class RemovePartnerTargetCommand : PartnerOpsCmdlet
    {
        private const string ByKey = nameof(ByKey);
        private const string ById = nameof(ById);
        private const string ByInputObject = nameof(ByInputObject);

        #region Parameters

        [Parameter(ParameterSetName = ByKey, Mandatory = true)]
        [EnumValue(typeof(TargetMetric))]
        public TargetMetric Metric { get; set; }

        [Parameter(ParameterSetName = ByKey, Mandatory = true)]
        [IntegerTransformation]
        public int Year { get; set; }

        /// <summary>The region; omit for the all-regions target.</summary>
        [Parameter(ParameterSetName = ByKey)]
        [ArgumentCompleter(typeof(RegionCompleter))]
        [SingleValue]
        public string? Region { get; set; }

        [Parameter(ParameterSetName = ById, Mandatory = true)]
        [IntegerTransformation(List = true)]
        public long[] Id { get; set; } = Array.Empty<long>();

        /// <summary>Targets: PartnerTarget objects, their deserialized forms, or rows with their Id, Metric, Year and Region.</summary>
        [Parameter(ParameterSetName = ByInputObject, Mandatory = true, ValueFromPipeline = true)]
        public PSObject[] InputObject { get; set; } = Array.Empty<PSObject>();

        #endregion

        protected override void ProcessRecord()
        {
            switch (ParameterSetName)
            {
                case ByKey:
                    var what = $"{Metric} {Region ?? "(all regions)"} {Year.ToString(CultureInfo.InvariantCulture)}";
                    Remove(null, what, what, writes =>
                    {
                        var target = writes.Targets.Get(Metric, Region, Year) ?? throw NotFound(writes.Store, what);
                        writes.Targets.Remove(target.Id);
                    });
                    break;
                case ById:
                    foreach (var id in Id)
                    {
                        Remove(null, id, Describe(id), writes => writes.Targets.Remove(id));
                    }

                    break;
                default:
                    foreach (var (target, item) in Piped.ReadPiped(InputObject, piped => piped.Target()))
                    {
                        Remove(target.Database, item, item.ToString(), writes =>
                        {
                            writes.Targets.Require(target);
                            writes.Targets.Remove(target.Id);
                        });
                    }

                    break;
            }
        }

        protected override void EndProcessing() => Writer.CompleteWrites("Removed", "target(s)");

        // TargetNotFound; when no target at all has the -Region given, the message also names the closest regions that have one.
        private PartnerOpsException NotFound(IPartnerDatabase store, string what)
        {
            var notFound = RecordNotFound.Target(what, what);
            var hint = Region == null ? null : store.UnknownFilterValues(HintedFilter.TargetRegion, new[] { Region }).Select(u => u.Message).FirstOrDefault();
            return hint == null ? notFound : new PartnerOpsException(notFound.ErrorId, notFound.Kind, notFound.Message + " " + hint, what);
        }

        // "Id 3: PartnerRevenue Western Europe 2015": the target by metric, region and year, for -WhatIf and -Confirm; an id
        // that is not there stays "Id 3" (its removal then reports TargetNotFound).
        private string Describe(long id)
        {
            var text = "Id " + id.ToString(CultureInfo.InvariantCulture);
            if (Stores.WritesFor(null, create: false, id) is PipelinedWrites writes)
            {
                PipelineWriter.SeeOtherWrites(writes.Store, writes.Batch);
                var target = writes.Targets.GetById(id);
                return target == null ? text : $"{text}: {target.Describe()}";
            }

            return text;
        }

        private void Remove(string? origin, object target, string description, Action<PipelinedWrites> remove)
        {
            if (Writer.ShouldWrite(description, "Remove target", ConfirmImpact.High))
            {
                if (!(Stores.WritesFor(origin, create: false, target) is PipelinedWrites writes))
                {
                    return;
                }

                Writer.WriteItem(writes, target, () =>
                {
                    remove(writes);
                    return null;
                });
            }
        }
    }
}
