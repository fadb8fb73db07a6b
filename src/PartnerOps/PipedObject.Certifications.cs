using System.Linq;

namespace PartnerOps.Commands
{
    /// <summary>What a piped object names for the certification cmdlets: a certification, or the contact of a new one.</summary>
    internal sealed partial class PipedObject
    {
        /// <summary>The certification this object is (live, deserialized, or a row shaped like one), for a cmdlet that takes certifications.</summary>
        /// <exception cref="PartnerOpsException">InputObjectInvalid: the object is not a certification, or a value in it is unreadable.</exception>
        public CertificationReference Certification()
        {
            if (Kind != PipedKind.Certification || Number("Id") is not long id)
            {
                throw NotA("certification", "Get-PartnerCertification");
            }

            return new CertificationReference(id, Database, Description)
            {
                Name = Text("Name"),
                Contact = Text("Contact"),
                EarnedOn = Date("EarnedOn"),
            };
        }

        /// <summary>
        /// Whether this object is a contact (a PartnerContact, live or deserialized, or a row exported from one: Id, Email and
        /// PartnerId, and no Contact column, which a certification row has).
        /// </summary>
        public bool IsContact =>
            TypeNamesOf(Value).Any(n => n == ContactTypeName || n == "Deserialized." + ContactTypeName)
            || (Kind == PipedKind.Row && Value.Properties["Email"] != null && Value.Properties["Id"] != null && Value.Properties["PartnerId"] != null);

        /// <summary>The contact this object is (<see cref="IsContact"/>): its id, email and partner id as the object says.</summary>
        /// <exception cref="PartnerOpsException">InputObjectInvalid: it is no contact, or its Id or Email is missing or unreadable.</exception>
        public (long Id, string Email, long? PartnerId) Contact() =>
            IsContact && Number("Id") is long id && Text("Email") is string email
                ? (id, email, Number("PartnerId"))
                : throw NotA("contact", "Get-PartnerContact");

        private const string ContactTypeName = "PartnerOps.PartnerContact";
    }
}
