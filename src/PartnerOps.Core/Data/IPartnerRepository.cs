using System;
using System.Collections.Generic;

namespace PartnerOps.Data
{
    /// <summary>Partners: reads stream as the database returns them; writes run inside the database's open write transaction.</summary>
    public interface IPartnerRepository
    {
        /// <summary>The partners a filter selects, in name order (see <see cref="PartnerRules.NameSortKey"/>).</summary>
        IEnumerable<Partner> Find(PartnerFilter filter);

        /// <summary>How many partners a filter selects.</summary>
        long Count(PartnerFilter filter);

        /// <summary>The filter's name patterns that matched none of <paramref name="seenKeys"/> (name keys of the partners found).</summary>
        IEnumerable<NamePattern> Unmatched(PartnerFilter filter, ISet<string> seenKeys);

        /// <summary>The partner with this id, or null.</summary>
        Partner? GetById(long id);

        /// <summary>The partner with this name (compared by name key), or null; SharedName when two stored names print the same.</summary>
        Partner? GetByName(string name);

        /// <summary>
        /// Resolves references to partner ids (added to <paramref name="ids"/>); the failures (PartnerNotFound, SharedName) of
        /// those that resolve to none are returned, not thrown.
        /// </summary>
        IReadOnlyList<PartnerOpsException> Resolve(IEnumerable<PartnerReference> references, ISet<long> ids, IList<NamePattern>? wildcards, bool idsAsGiven);

        /// <summary>The partner a reference names.</summary>
        /// <exception cref="PartnerOpsException">PartnerNotFound, or SharedName.</exception>
        Partner Require(PartnerReference given);

        /// <summary>Adds a partner after validating it (<see cref="PartnerRules"/>); returns it as stored.</summary>
        /// <exception cref="PartnerOpsException">InvalidPartnerValue, PartnerAlreadyExists, or a named database failure.</exception>
        Partner Add(Partner draft);

        /// <summary>
        /// The add as one write batch item (<see cref="IWriteBatch.Run"/>): the storage says whether a failure of it needs a
        /// savepoint to be undone.
        /// </summary>
        WriteOperation Adding(Partner draft);

        /// <summary>Applies changes to a partner; returns it as stored.</summary>
        /// <exception cref="PartnerOpsException">InvalidPartnerValue, PartnerAlreadyExists (a new name taken), PartnerNotFound.</exception>
        Partner Update(Partner current, PartnerChanges changes);

        /// <summary>Removes a partner (its revenue must be removed first).</summary>
        void Remove(Partner partner);

        /// <summary>
        /// How many partners were partners on <paramref name="date"/> (joined on or before it, not ended by it: the rule of Get-Partner -AsOf) with one of
        /// <paramref name="statuses"/>, in a region (compared by key) or in all when <paramref name="region"/> is null.
        /// </summary>
        long CountOn(DateTime date, string? region, IReadOnlyCollection<PartnerStatus> statuses);
    }
}
