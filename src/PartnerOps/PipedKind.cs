namespace PartnerOps.Commands
{
    /// <summary>What a piped object is, as far as PartnerOps can tell.</summary>
    internal enum PipedKind
    {
        Partner,
        Revenue,
        Target,
        ExchangeRate,
        History,
        RevenueMeasure,
        TargetProgress,
        DatabaseInfo,
        DatabaseFinding,
        ImportResult,
        Contact,
        Certification,
        Deal,

        /// <summary>Text, typed or piped: a partner's name.</summary>
        Text,

        /// <summary>A whole number: a partner's id.</summary>
        Number,

        /// <summary>Anything else: a row (Import-Csv, ConvertFrom-Json, a hashtable made into an object).</summary>
        Row,
    }
}
