using System;
using System.Globalization;

namespace PartnerOps
{
    /// <summary>
    /// A partner as a user names it: by id, by name (wildcards allowed where a command says so), or by a
    /// Partner object. PowerShell converts a string, a number or a Partner to this type when binding.
    /// </summary>
    public sealed class PartnerReference
    {
        public PartnerReference(string name)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
        }

        public PartnerReference(long id)
        {
            Id = id;
        }

        public PartnerReference(int id)
            : this((long)id)
        {
        }

        public PartnerReference(Partner partner)
        {
            if (partner == null)
            {
                throw new ArgumentNullException(nameof(partner));
            }

            Id = partner.Id;
            Name = partner.Name;
        }

        /// <summary>Set when the partner was given by id (or as a Partner object).</summary>
        public long? Id { get; }

        /// <summary>Set when the partner was given by name (or as a Partner object).</summary>
        public string? Name { get; }

        public override string ToString() => Name ?? Id?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
    }
}
