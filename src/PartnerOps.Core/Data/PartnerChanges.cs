using System;

namespace PartnerOps.Data
{
    /// <summary>The properties Set-Partner was asked to change; unset ones keep their stored value.</summary>
    public sealed class PartnerChanges
    {
        public string? NewName { get; set; }

        public PartnerType? Type { get; set; }

        public PartnerTier? Tier { get; set; }

        public PartnerStatus? Status { get; set; }

        public bool RegionSet { get; set; }

        public string? Region { get; set; }

        public bool CountrySet { get; set; }

        public string? Country { get; set; }

        public DateTime? JoinedOn { get; set; }

        public bool EndedOnSet { get; set; }

        public DateTime? EndedOn { get; set; }

        public bool NotesSet { get; set; }

        public string? Notes { get; set; }

        /// <summary>A copy of <paramref name="current"/> with these changes; the original is not touched.</summary>
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
