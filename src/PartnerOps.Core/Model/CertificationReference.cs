using System;
using System.Linq;

namespace PartnerOps
{
    /// <summary>
    /// A certification named by a piped object (Get-PartnerCertification's objects, their deserialized forms, or rows exported
    /// from them): its id, and its name, contact email and EarnedOn as the object says (null: it did not say), which must still
    /// be true of the stored certification with that id.
    /// </summary>
    public sealed class CertificationReference : RecordReference
    {
        public CertificationReference(long id, string? database, string description)
            : base(id, database, description)
        {
        }

        /// <summary>The certification's name as the object says.</summary>
        public string? Name { get; set; }

        /// <summary>The contact's email as the object says.</summary>
        public string? Contact { get; set; }

        /// <summary>The day it was earned as the object says (date only).</summary>
        public DateTime? EarnedOn { get; set; }

        /// <summary>Whether the stored certification is the one the object described (names by key, emails ignoring case).</summary>
        public bool Matches(PartnerCertification stored) =>
            (Name == null || KeyOf(Name) == CertificationRules.NameKey(stored.Name))
            && (Contact == null || string.Equals(Contact.Trim(), stored.Contact, StringComparison.OrdinalIgnoreCase))
            && (EarnedOn == null || EarnedOn.Value.Date == stored.EarnedOn.Date);

        /// <summary>What the object said, for messages.</summary>
        public string Said() =>
            string.Join(" ", new[]
            {
                Name == null ? null : "'" + TextRules.Shown(Name) + "'",
                Contact == null ? null : "of " + TextRules.Shown(Contact),
                EarnedOn is DateTime earned ? "earned " + PartnerRules.FormatDate(earned) : null,
            }.Where(part => part != null));

        // A name the object gave that is not a valid name is compared as its trimmed text (it then matches nothing stored).
        private static string KeyOf(string name)
        {
            try
            {
                return CertificationRules.NameKey(CertificationRules.NormalizeName(name));
            }
            catch (PartnerOpsException)
            {
                return name.Trim();
            }
        }
    }
}
