using System;
using System.Collections.Generic;

namespace PartnerOps.Data
{
    /// <summary>
    /// The counts the funnel measurer combines, counted by the database in a few grouped statements per period (no partner or
    /// status change read into memory): see <see cref="FunnelSql"/> for what each counts.
    /// </summary>
    public interface IFunnelCounts
    {
        /// <summary>
        /// The figures of the period [<paramref name="start"/>, <paramref name="end"/>] (calendar days, both included; time of
        /// day ignored) per group of <paramref name="keys"/> (Region and Type only: partner keys; regions as spelled, shown one
        /// way per key), over the partners <paramref name="filter"/> selects (its Regions and Types; other members ignored).
        /// </summary>
        /// <exception cref="PartnerOpsException">A named database failure (DatabaseBusy, DatabaseInvalid, DatabaseError ...).</exception>
        FunnelFigures Count(IList<FunnelGroupKey> keys, PartnerFilter filter, DateTime start, DateTime end);
    }

    /// <summary>The database's figures of one period, per group (key values as <see cref="GroupKeyValues"/> shows partner keys).</summary>
    public sealed class FunnelFigures
    {
        /// <summary>
        /// Per group, the partner figures (<see cref="FunnelSql.PartnerColumns"/> in that order): Prospects, Onboarding, Active,
        /// Suspended, AtStart, Joined, WasProspect, ProspectConverted, WasOnboarding, OnboardingConverted.
        /// </summary>
        public List<(object?[] Keys, long[] Values)> Partners { get; } = new List<(object?[] Keys, long[] Values)>();

        /// <summary>Per group and stage (a status name), the status changes into it effective in the period.</summary>
        public List<(object?[] Keys, string Stage, long Count)> Entered { get; } = new List<(object?[] Keys, string Stage, long Count)>();

        /// <summary>Per group and reason (null for none), the partners whose EndedOn is in the period.</summary>
        public List<(object?[] Keys, string? Reason, long Count)> Ended { get; } = new List<(object?[] Keys, string? Reason, long Count)>();

        /// <summary>Per group, currency (ISO 4217) and year, the revenue lost: whole minor units of that currency.</summary>
        public List<(object?[] Keys, string Currency, int Year, long Minor)> RevenueLost { get; } = new List<(object?[] Keys, string Currency, int Year, long Minor)>();

        /// <summary>Per group, stage (Prospect or Onboarding) and length in days, the stays in that stage that ended in the period.</summary>
        public List<(object?[] Keys, string Stage, long Days, long Count)> Stays { get; } = new List<(object?[] Keys, string Stage, long Days, long Count)>();

        /// <summary>
        /// Per group, the partners first Active in the period by days from that date to their first revenue record (null: no
        /// revenue dated on or before the period's end).
        /// </summary>
        public List<(object?[] Keys, long? Days, long Count)> Activation { get; } = new List<(object?[] Keys, long? Days, long Count)>();
    }
}
