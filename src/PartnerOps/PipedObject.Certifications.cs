namespace PartnerOps.Commands
{
    /// <summary>What a piped object names for the certification cmdlets: a certification.</summary>
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
    }
}
