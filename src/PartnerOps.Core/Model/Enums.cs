namespace PartnerOps
{
    public enum PartnerType
    {
        Reseller,
        Distributor,
        SystemIntegrator,
        ServiceProvider,
        Consultancy,
        SoftwareVendor,
        Training,
        Other,
    }

    public enum PartnerTier
    {
        Registered,
        Silver,
        Gold,
        Platinum,
    }

    public enum PartnerStatus
    {
        Prospect,
        Onboarding,
        Active,
        Suspended,
        Terminated,
    }
}
