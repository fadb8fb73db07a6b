using System;
using System.Collections.Generic;

namespace PartnerOps.Data
{
    /// <summary>
    /// Partners' registered deals (issue 19): reads stream; writes run inside the database's open write transaction (a write
    /// batch's item). Every deal returned has its Partner (name), Region (the partner's), Database, and its Status and
    /// ConflictsWith as of the day the read names (today's UTC date unless said), both computed in SQL (<see cref="DealSql"/>);
    /// on the days before its registration a deal is not read at all. The checks of a registration (reference, the partner's
    /// own held deal, the other partners' conflicting ones) run in the write transaction, so two writers cannot both pass them:
    /// writers of one database take turns (SQLite's write lock; on PostgreSQL the database's advisory lock every write
    /// transaction takes). A write's database failure other than those named below is named by the write batch that runs it.
    /// </summary>
    public interface IDealRepository
    {
        /// <summary>The deals a filter selects, by RegisteredOn, then Id; read as they are enumerated.</summary>
        /// <exception cref="PartnerOpsException">A named database failure, thrown while the deals are enumerated.</exception>
        IEnumerable<PartnerDeal> Find(DealFilter filter);

        /// <summary>
        /// The deal with this id as of <paramref name="day"/> (a calendar day; today, UTC, when null), or null when there is none
        /// (also when it was registered after that day).
        /// </summary>
        /// <exception cref="PartnerOpsException">A named database failure (DatabaseBusy, DatabaseInvalid, DatabaseError ...).</exception>
        PartnerDeal? GetById(long id, DateTime? day = null);

        /// <summary>The deal with this reference (trimmed, compared exactly) as of today, or null.</summary>
        /// <exception cref="PartnerOpsException">A named database failure (DatabaseBusy, DatabaseInvalid, DatabaseError ...).</exception>
        PartnerDeal? GetByReference(string reference);

        /// <summary>The deal with this id, as of today.</summary>
        /// <exception cref="PartnerOpsException">PartnerDealNotFound (NotFound) naming the id; a named database failure.</exception>
        PartnerDeal Require(long id);

        /// <summary>The deal with this reference, as of today.</summary>
        /// <exception cref="PartnerOpsException">PartnerDealNotFound (NotFound) naming the reference; a named database failure.</exception>
        PartnerDeal Require(string reference);

        /// <summary>The deal a piped object names (<see cref="DealReference"/>), as of today.</summary>
        /// <exception cref="PartnerOpsException">
        /// PartnerDealNotFound (none with its id, or the id now holds another deal), ObjectFromOtherDatabase, or a named database failure.
        /// </exception>
        PartnerDeal Require(DealReference reference);

        /// <summary>
        /// Registers a deal (status Submitted) after validating it (<see cref="DealRules"/>): returns it as stored, read as of
        /// today, and the other partners' deals that held its customer on its RegisteredOn (a conflict is registered all the same).
        /// </summary>
        /// <exception cref="PartnerOpsException">
        /// InvalidPartnerValue (a value, no partner given, a partner not in the programme), InvalidCountryCode,
        /// InvalidCurrencyCode, InvalidAmount, PartnerNotFound or ObjectFromOtherDatabase (the partner), PartnerDealExists
        /// (ResourceExists: the reference is another deal's, or the partner already holds this customer and segment).
        /// </exception>
        DealRegistration Register(DealDraft draft);

        /// <summary>Removes a deal, whatever its status; a won deal's revenue record stays.</summary>
        /// <exception cref="PartnerOpsException">PartnerDealNotFound when no deal has the id (removed meanwhile).</exception>
        void Remove(PartnerDeal deal);
    }

    /// <summary>What <see cref="IDealRepository.Register"/> did: the deal as stored, and the deals it conflicts with.</summary>
    public sealed class DealRegistration
    {
        public DealRegistration(PartnerDeal deal, IReadOnlyList<PartnerDeal> conflicts)
        {
            Deal = deal;
            Conflicts = conflicts;
        }

        /// <summary>The deal as stored, read as of today.</summary>
        public PartnerDeal Deal { get; }

        /// <summary>The other partners' deals that held the same customer (<see cref="DealRules.CustomerMatchKey"/> and country) on the deal's RegisteredOn, by id.</summary>
        public IReadOnlyList<PartnerDeal> Conflicts { get; }
    }

    /// <summary>
    /// What Get-PartnerDeal selects: partners (ids, and name patterns matched as Get-Partner matches names), ids, references,
    /// statuses on the day, customer patterns (wildcards, matched on the customer key), the held deals expiring within some days
    /// or conflicting with another partner's, and the day of the read.
    /// </summary>
    public sealed class DealFilter
    {
        /// <summary>Whether only the partners below are wanted (none of them then matches nothing).</summary>
        public bool RestrictPartners { get; set; }

        /// <summary>Partner ids.</summary>
        public ISet<long> PartnerIds { get; } = new HashSet<long>();

        /// <summary>Partner name patterns (typed wildcards).</summary>
        public IList<NamePattern> PartnerNames { get; } = new List<NamePattern>();

        /// <summary>Deal ids (any of them); none: any deal.</summary>
        public ISet<long> Ids { get; } = new HashSet<long>();

        /// <summary>References (any of them, trimmed, compared exactly); none: any deal.</summary>
        public ISet<string> References { get; } = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>Statuses on the day (any of them); none: any status.</summary>
        public ISet<DealStatus> Statuses { get; } = new HashSet<DealStatus>();

        /// <summary>Customer patterns (any of them), matched on the customer key (<see cref="DealRules.CustomerKey"/>).</summary>
        public IList<NamePattern> Customers { get; } = new List<NamePattern>();

        /// <summary>Only deals held on the day whose ExpiresOn is at most this many days after it (0: expiring that day); null: no such restriction.</summary>
        public int? ExpiringWithin { get; set; }

        /// <summary>Only deals held on the day for whose customer another partner holds a deal too (a non-empty ConflictsWith).</summary>
        public bool Conflicting { get; set; }

        /// <summary>The calendar day of the read (statuses, conflicts, expiry); null: today.</summary>
        public DateTime? AsOf { get; set; }

        /// <summary>Today's date (UTC), used when <see cref="AsOf"/> is null.</summary>
        public DateTime Today { get; set; } = DateTime.UtcNow.Date;

        /// <summary>The day of the read: <see cref="AsOf"/>, else <see cref="Today"/>.</summary>
        public DateTime Day => (AsOf ?? Today).Date;
    }
}
