using System;
using System.Collections.Generic;

namespace PartnerOps.Data
{
    /// <summary>
    /// Partners: reads stream as the database returns them; writes run inside the database's open write transaction (a write
    /// batch's item, <see cref="IWriteBatch.Run"/>). Every partner returned has its Database set; its JoinedOn and EndedOn are
    /// date-only calendar days (kind Unspecified), its CreatedAt and UpdatedAt UTC instants (kind Utc). A read's SQLite failure
    /// comes as a named <see cref="PartnerOpsException"/> (for a streaming read, while it is enumerated); a write's SQLite
    /// failure other than those named below is named by the write batch that runs it (a stop, SQLITE_INTERRUPT, stays as it is).
    /// </summary>
    public interface IPartnerRepository
    {
        /// <summary>
        /// The partners a filter selects, in name order (see <see cref="PartnerRules.NameSortKey"/>, then name key, then id),
        /// paged by the filter's Skip and First; read as they are enumerated.
        /// </summary>
        /// <exception cref="PartnerOpsException">A named database failure: DatabaseBusy, DatabaseInvalid, DatabaseError ...</exception>
        IEnumerable<Partner> Find(PartnerFilter filter);

        /// <summary>How many partners a filter selects (its Skip and First ignored).</summary>
        /// <exception cref="PartnerOpsException">A named database failure: DatabaseBusy, DatabaseInvalid, DatabaseError ...</exception>
        long Count(PartnerFilter filter);

        /// <summary>
        /// The filter's exact (non-wildcard) name patterns that matched none of <paramref name="seenKeys"/> (name keys of the
        /// partners found); with paging, those off the page are looked up, so only names no partner matches are returned.
        /// </summary>
        /// <exception cref="PartnerOpsException">A named database failure: DatabaseBusy, DatabaseInvalid, DatabaseError ...</exception>
        IEnumerable<NamePattern> Unmatched(PartnerFilter filter, ISet<string> seenKeys);

        /// <summary>The partner with this id, or null.</summary>
        /// <exception cref="PartnerOpsException">A named database failure: DatabaseBusy, DatabaseInvalid, DatabaseError ...</exception>
        Partner? GetById(long id);

        /// <summary>
        /// The partner with this name (trimmed, compared by name key), or null (also for an empty name or one no partner could
        /// have).
        /// </summary>
        /// <exception cref="PartnerOpsException">
        /// PartnerNotFound naming each partner's id when the name is shared by partners stored before schema 4 (the SharedName
        /// case); a named database failure.
        /// </exception>
        Partner? GetByName(string name);

        /// <summary>
        /// Resolves references to partner ids (added to <paramref name="ids"/>); the failures of those that resolve to none
        /// (PartnerNotFound: no such partner, an id now with another name, or a name shared by older partners;
        /// ObjectFromOtherDatabase) are returned, not thrown. A typed wildcard name goes to <paramref name="wildcards"/> when
        /// given, else is expanded to the ids it matches (matching none is no failure). With <paramref name="idsAsGiven"/> an id
        /// no partner has any more is kept (a removed partner's id still names its history).
        /// </summary>
        /// <exception cref="PartnerOpsException">A named database failure (not returned: it stops the resolving).</exception>
        IReadOnlyList<PartnerOpsException> Resolve(IEnumerable<PartnerReference> references, ISet<long> ids, IList<NamePattern>? wildcards, bool idsAsGiven);

        /// <summary>The partner a reference names.</summary>
        /// <exception cref="PartnerOpsException">
        /// PartnerNotFound (none; an id that now has another name; a name shared by older partners), ObjectFromOtherDatabase
        /// (a record of another database), or a named database failure.
        /// </exception>
        Partner Require(PartnerReference given);

        /// <summary>
        /// Adds a partner after validating and normalising it (<see cref="PartnerRules.Normalize"/>: a JoinedOn not given is
        /// today, the local day of the clock; dates are calendar days of years 1900 to 2999); returns <paramref name="draft"/>
        /// itself as stored, with its new Id, Database, and CreatedAt = UpdatedAt = now (UTC).
        /// </summary>
        /// <exception cref="PartnerOpsException">
        /// InvalidPartnerValue, InvalidCountryCode, PartnerAlreadyExists (name key taken); other SQLite failures come unnamed
        /// here and are named by the write batch that runs the add.
        /// </exception>
        Partner Add(Partner draft);

        /// <summary>
        /// The add as one write batch item (<see cref="IWriteBatch.Run"/>): the storage says whether a failure of it needs a
        /// savepoint to be undone.
        /// </summary>
        WriteOperation Adding(Partner draft);

        /// <summary>
        /// Applies changes to a partner (<see cref="PartnerChanges.ApplyTo"/>, then validated and normalised); returns a new
        /// partner as stored, UpdatedAt now (UTC). Changes that leave every stored value as it is write nothing and return
        /// <paramref name="current"/> itself (UpdatedAt unchanged, no history).
        /// </summary>
        /// <exception cref="PartnerOpsException">
        /// InvalidPartnerValue, InvalidCountryCode, PartnerAlreadyExists (a new name taken), PartnerNotFound (the partner was
        /// removed meanwhile); other SQLite failures are named by the write batch that runs the update.
        /// </exception>
        Partner Update(Partner current, PartnerChanges changes);

        /// <summary>
        /// Removes a partner by its Id (its history stays). Its revenue must be removed first
        /// (<see cref="IRevenueRepository.RemoveForPartner"/>): this method does not check for revenue and never throws
        /// PartnerHasRevenue (Remove-Partner checks with <see cref="IRevenueRepository.CountForPartner"/>). With revenue left,
        /// the database refuses the delete (a foreign key, SQLite "FOREIGN KEY constraint failed"): nothing is removed, and the
        /// SQLite failure, unnamed here, becomes DatabaseError in the write batch that runs the removal.
        /// </summary>
        /// <exception cref="PartnerOpsException">PartnerNotFound when no partner has the Id (removed meanwhile).</exception>
        void Remove(Partner partner);

        /// <summary>
        /// How many contacts, certifications of those contacts (schema 13) and registered deals (schema 14, issue 19) a partner
        /// has: what removing it removes with it (ON DELETE CASCADE; the history records each), as Remove-Partner's -WhatIf and
        /// -Confirm name them.
        /// </summary>
        /// <exception cref="PartnerOpsException">A named database failure (DatabaseBusy, DatabaseInvalid, DatabaseError ...).</exception>
        (long Contacts, long Certifications, long Deals) CountDependents(long partnerId);

        /// <summary>
        /// How many partners were partners on <paramref name="date"/> (the rule of Get-Partner -AsOf, <see cref="StatusSql.PartnerOn"/>)
        /// whose status on that day (<see cref="StatusSql.On"/>) is one of <paramref name="statuses"/>, in a region (compared by
        /// key) or in all when <paramref name="region"/> is null.
        /// <paramref name="date"/> is a date-only calendar day: its year, month and day are compared, time of day and kind ignored.
        /// </summary>
        /// <exception cref="PartnerOpsException">A named database failure: DatabaseBusy, DatabaseInvalid, DatabaseError ...</exception>
        long CountOn(DateTime date, string? region, IReadOnlyCollection<PartnerStatus> statuses);
    }
}
