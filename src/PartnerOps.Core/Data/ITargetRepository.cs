using System.Collections.Generic;

namespace PartnerOps.Data
{
    /// <summary>Yearly targets per metric and region (compared by key).</summary>
    public interface ITargetRepository
    {
        /// <summary>
        /// Adds the target, or changes the value (currency, counted statuses) of the one with the same metric, region and year;
        /// checked by <see cref="TargetRules.Validate"/>. <paramref name="changed"/> is false when it was stored already as given
        /// (nothing written).
        /// </summary>
        /// <exception cref="PartnerOpsException">
        /// InvalidTargetValue (InvalidArgument): a value, year, currency or statuses that do not fit the metric; other SQLite
        /// failures are named by the write batch that runs it.
        /// </exception>
        PartnerTarget Set(TargetMetric metric, string? region, int year, decimal value, string? currency, IEnumerable<PartnerStatus>? statuses, out bool changed);

        /// <summary>
        /// Targets matching every given restriction (null or empty lists restrict nothing), by year, metric and region; read as
        /// they are enumerated.
        /// </summary>
        /// <exception cref="PartnerOpsException">A named database failure, thrown while the targets are enumerated.</exception>
        IEnumerable<PartnerTarget> Find(IList<TargetMetric>? metrics = null, IList<int>? years = null, IList<NamePattern>? regions = null);

        /// <summary>The warning that no target matched these restrictions, naming the close regions stored.</summary>
        /// <exception cref="PartnerOpsException">A named database failure (DatabaseBusy, DatabaseInvalid, DatabaseError ...).</exception>
        string NoneFound(IList<TargetMetric>? metrics, IList<int>? years, IList<string>? regions);

        /// <summary>The target with this id, or null.</summary>
        /// <exception cref="PartnerOpsException">A named database failure (DatabaseBusy, DatabaseInvalid, DatabaseError ...).</exception>
        PartnerTarget? GetById(long id);

        /// <summary>The target of this metric, region (by key; null for all regions) and year, or null.</summary>
        /// <exception cref="PartnerOpsException">A named database failure (DatabaseBusy, DatabaseInvalid, DatabaseError ...).</exception>
        PartnerTarget? Get(TargetMetric metric, string? region, int year);

        /// <summary>Removes a target.</summary>
        /// <exception cref="PartnerOpsException">TargetNotFound.</exception>
        void Remove(long id);

        /// <summary>The target a reference names.</summary>
        /// <exception cref="PartnerOpsException">
        /// TargetNotFound (none, or the id now holds another target), ObjectFromOtherDatabase, or a named database failure.
        /// </exception>
        PartnerTarget Require(TargetReference reference);
    }
}
