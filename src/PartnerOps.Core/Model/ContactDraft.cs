using System;

namespace PartnerOps
{
    /// <summary>What Add-PartnerContact is given, before validation (<see cref="ContactRules"/>).</summary>
    public sealed class ContactDraft
    {
        /// <summary>The partner the contact works for (required).</summary>
        public PartnerReference? Partner { get; set; }

        /// <summary>The contact's name (1 to 200 characters, as partner names).</summary>
        public string? Name { get; set; }

        /// <summary>One email address, unique (ignoring case) among the partner's contacts, ended ones included.</summary>
        public string? Email { get; set; }

        /// <summary>The contact's role (free text, one line, up to 100 characters), or null.</summary>
        public string? Role { get; set; }

        /// <summary>A phone number (free text, one line, up to 50 characters), or null.</summary>
        public string? Phone { get; set; }

        /// <summary>The first day as the partner's contact (a calendar day, may be in the future), or null when not known.</summary>
        public DateTime? StartedOn { get; set; }

        /// <summary>
        /// The day the contact left (a calendar day, on or after StartedOn; may be in the future: a planned leave), or null for a
        /// current contact: a contact exported with Get-PartnerContact -IncludeEnded comes back ended.
        /// </summary>
        public DateTime? EndedOn { get; set; }
    }

    /// <summary>
    /// What Set-PartnerContact was asked to change: a null <see cref="Name"/> or <see cref="NewEmail"/> leaves it as it is;
    /// the other values come with a *Set flag, and a flag set with a null value clears the value (EndedOn: the contact is
    /// current again). Validated by <see cref="ContactRules"/> when applied.
    /// </summary>
    public sealed class ContactChanges
    {
        /// <summary>The new name; null leaves it unchanged.</summary>
        public string? Name { get; set; }

        /// <summary>The new email address (unique among the partner's contacts, ignoring case); null leaves it unchanged.</summary>
        public string? NewEmail { get; set; }

        /// <summary>True when <see cref="Role"/> is a change (null or empty removes the role).</summary>
        public bool RoleSet { get; set; }

        /// <summary>The new role, used when <see cref="RoleSet"/>.</summary>
        public string? Role { get; set; }

        /// <summary>True when <see cref="Phone"/> is a change (null or empty removes the phone).</summary>
        public bool PhoneSet { get; set; }

        /// <summary>The new phone, used when <see cref="PhoneSet"/>.</summary>
        public string? Phone { get; set; }

        /// <summary>True when <see cref="StartedOn"/> is a change (null removes it).</summary>
        public bool StartedOnSet { get; set; }

        /// <summary>The new first day (calendar day), used when <see cref="StartedOnSet"/>.</summary>
        public DateTime? StartedOn { get; set; }

        /// <summary>True when <see cref="EndedOn"/> is a change (null reopens an ended contact).</summary>
        public bool EndedOnSet { get; set; }

        /// <summary>The first day no longer a contact (calendar day, may be in the future), used when <see cref="EndedOnSet"/>.</summary>
        public DateTime? EndedOn { get; set; }

        /// <summary>
        /// The contact <paramref name="current"/> with these changes applied and validated (<see cref="ContactRules"/>), as a
        /// new object; <paramref name="current"/> is not changed.
        /// </summary>
        /// <exception cref="PartnerOpsException">InvalidPartnerValue.</exception>
        public PartnerContact ApplyTo(PartnerContact current)
        {
            var (startedOn, endedOn) = ContactRules.CheckDates(
                StartedOnSet ? StartedOn : current.StartedOn,
                EndedOnSet ? EndedOn : current.EndedOn);
            return new PartnerContact
            {
                Id = current.Id,
                PartnerId = current.PartnerId,
                Partner = current.Partner,
                Name = Name == null ? current.Name : ContactRules.NormalizeName(Name),
                Email = NewEmail == null ? current.Email : ContactRules.NormalizeEmail(NewEmail),
                Role = RoleSet ? ContactRules.NormalizeRole(Role) : current.Role,
                Phone = PhoneSet ? ContactRules.NormalizePhone(Phone) : current.Phone,
                StartedOn = startedOn,
                EndedOn = endedOn,
                CreatedAt = current.CreatedAt,
                UpdatedAt = current.UpdatedAt,
                Database = current.Database,
            };
        }

        /// <summary>Whether two contacts hold the same stored values (ordinal; a new spelling is a change). Ids are not compared.</summary>
        public static bool SameStoredValues(PartnerContact a, PartnerContact b) =>
            string.Equals(a.Name, b.Name, StringComparison.Ordinal)
            && string.Equals(a.Email, b.Email, StringComparison.Ordinal)
            && string.Equals(a.Role, b.Role, StringComparison.Ordinal)
            && string.Equals(a.Phone, b.Phone, StringComparison.Ordinal)
            && a.StartedOn?.Date == b.StartedOn?.Date
            && a.EndedOn?.Date == b.EndedOn?.Date;
    }
}
