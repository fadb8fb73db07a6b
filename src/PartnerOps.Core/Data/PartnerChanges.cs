using System;

namespace PartnerOps.Data
{
    /// <summary>
    /// The properties Set-Partner was asked to change; unset ones keep their stored value. Two kinds of member: a nullable
    /// value (<see cref="NewName"/>, <see cref="Type"/>, <see cref="Tier"/>, <see cref="Status"/>, <see cref="JoinedOn"/>)
    /// where null means "unchanged" (these properties cannot be cleared), and a value paired with a *Set flag
    /// (<see cref="Region"/>, <see cref="Country"/>, <see cref="EndedOn"/>, <see cref="Notes"/>) where the flag false means
    /// "unchanged" whatever the value, and the flag true with a null value means "set to null" (clear it). The values are taken
    /// as given here; <see cref="IPartnerRepository.Update"/> validates and normalises them (<see cref="PartnerRules.Normalize"/>).
    /// </summary>
    public sealed class PartnerChanges
    {
        /// <summary>
        /// The new name; null leaves the name unchanged. Trimmed and checked when stored (1 to 200 characters, no control or
        /// invisible characters: InvalidPartnerValue), and unique by <see cref="PartnerRules.NameKey"/> (PartnerAlreadyExists).
        /// </summary>
        public string? NewName { get; set; }

        /// <summary>The new type; null leaves it unchanged. A value outside the enum is InvalidPartnerValue when stored.</summary>
        public PartnerType? Type { get; set; }

        /// <summary>The new tier; null leaves it unchanged. A value outside the enum is InvalidPartnerValue when stored.</summary>
        public PartnerTier? Tier { get; set; }

        /// <summary>
        /// The new status; null leaves it unchanged. Terminated without an EndedOn (none stored, none set) ends the relationship
        /// today (the local day of the clock, not before JoinedOn); any other status with <see cref="EndedOnSet"/> false clears
        /// EndedOn (the relationship reopens: see <see cref="ApplyTo"/>).
        /// </summary>
        public PartnerStatus? Status { get; set; }

        /// <summary>True when <see cref="Region"/> is a change (null in it then removes the region); false leaves the region unchanged.</summary>
        public bool RegionSet { get; set; }

        /// <summary>
        /// The new region, used only when <see cref="RegionSet"/> is true: null, empty or white space removes the region;
        /// otherwise trimmed, NFC-normalised and at most 100 characters (InvalidPartnerValue), compared by key elsewhere.
        /// </summary>
        public string? Region { get; set; }

        /// <summary>True when <see cref="Country"/> is a change (null in it then removes the country); false leaves the country unchanged.</summary>
        public bool CountrySet { get; set; }

        /// <summary>
        /// The new country, used only when <see cref="CountrySet"/> is true: null, empty or white space removes it; otherwise an
        /// ISO 3166-1 alpha-2 code (or XK) in any case, stored upper-case (InvalidCountryCode for anything else).
        /// </summary>
        public string? Country { get; set; }

        /// <summary>
        /// The new start of the relationship; null leaves it unchanged. A date-only calendar day (kind Unspecified, as
        /// <see cref="ValueText.DayOf(DateTime)"/> makes it): the time of day is dropped and the kind is not looked at, so the
        /// value's own year, month and day are stored, never converted between time zones. Years 1900 to 2999, and not after
        /// EndedOn (InvalidPartnerValue).
        /// </summary>
        public DateTime? JoinedOn { get; set; }

        /// <summary>
        /// True when <see cref="EndedOn"/> is a change (null in it then clears the end date; with Status Terminated it is then
        /// today); false leaves EndedOn unchanged, except that a new <see cref="Status"/> other than Terminated clears it.
        /// </summary>
        public bool EndedOnSet { get; set; }

        /// <summary>
        /// The new end of the relationship (the first day it no longer counts as a partner), used only when
        /// <see cref="EndedOnSet"/> is true; null clears it. A date-only calendar day like <see cref="JoinedOn"/> (time of day
        /// dropped, kind not looked at, never converted); years 1900 to 2999 and not before JoinedOn (InvalidPartnerValue).
        /// </summary>
        public DateTime? EndedOn { get; set; }

        /// <summary>True when <see cref="Notes"/> is a change (null in it then removes the notes); false leaves the notes unchanged.</summary>
        public bool NotesSet { get; set; }

        /// <summary>
        /// The new notes, used only when <see cref="NotesSet"/> is true: null or empty removes them; otherwise kept as given
        /// (not trimmed; line breaks allowed), at most 4000 characters (InvalidPartnerValue).
        /// </summary>
        public string? Notes { get; set; }

        /// <summary>
        /// The calendar day the Status and Tier changes of this call take effect (Set-Partner -EffectiveDate), date only as
        /// <see cref="JoinedOn"/>; null for the default: today (the local day), or for a change to Terminated the EndedOn given or
        /// stored. Years 1900 to 2999, not before the changed attribute's current since-date (StatusSince, TierSince), given only
        /// with <see cref="Status"/> or <see cref="Tier"/>, and the same day as <see cref="EndedOn"/> when both date a termination
        /// (InvalidPartnerValue; see <see cref="LifecycleRules.NormalizeChange"/>). A Status or Tier equal to the current one is no
        /// change: nothing is dated or written.
        /// </summary>
        public DateTime? EffectiveDate { get; set; }

        /// <summary>
        /// Why the Status changes (Set-Partner -Reason), kept with the change (status_changes.reason) and shown as EndReason while the
        /// partner is Terminated; null or white space for none. Trimmed, one line, at most <see cref="LifecycleRules.MaxReasonLength"/>
        /// characters, and given only with <see cref="Status"/> (InvalidPartnerValue).
        /// </summary>
        public string? Reason { get; set; }

        /// <summary>
        /// Why the Tier changes, kept with the Tier change (the reason of its status_changes row, as Get-PartnerStatusHistory shows
        /// it); null or white space for none. Trimmed, one line, at most <see cref="LifecycleRules.MaxReasonLength"/> characters, and
        /// given only with <see cref="Tier"/> (InvalidPartnerValue). Invoke-PartnerTierReview writes 'TierReview' here; Set-Partner's
        /// -Reason is the Status change's (<see cref="Reason"/>) and does not set it.
        /// </summary>
        public string? TierReason { get; set; }

        /// <summary>
        /// A copy of <paramref name="current"/> with these changes; the original is not touched. Nothing is validated or
        /// normalised here (the repository does that), and Id, CreatedAt and UpdatedAt (UTC), StatusSince, TierSince, EndReason and
        /// ActivatedOn are copied as they are (<see cref="LifecycleRules.NormalizeChange"/> dates the changes). A new
        /// <see cref="Status"/> other than Terminated, without <see cref="EndedOnSet"/>, sets EndedOn to null.
        /// </summary>
        public Partner ApplyTo(Partner current)
        {
            var next = new Partner
            {
                Id = current.Id,
                Name = NewName ?? current.Name,
                Type = Type ?? current.Type,
                Tier = Tier ?? current.Tier,
                Status = Status ?? current.Status,
                Region = RegionSet ? Region : current.Region,
                Country = CountrySet ? Country : current.Country,
                JoinedOn = JoinedOn ?? current.JoinedOn,
                EndedOn = EndedOnSet ? EndedOn : current.EndedOn,
                Notes = NotesSet ? Notes : current.Notes,
                StatusSince = current.StatusSince,
                TierSince = current.TierSince,
                EndReason = current.EndReason,
                ActivatedOn = current.ActivatedOn,
                CreatedAt = current.CreatedAt,
                UpdatedAt = current.UpdatedAt,
            };

            // Leaving Terminated (without a new end date) reopens the relationship.
            if (Status is PartnerStatus status && status != PartnerStatus.Terminated && !EndedOnSet)
            {
                next.EndedOn = null;
            }

            return next;
        }
    }
}
