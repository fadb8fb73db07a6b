using System.Management.Automation;

namespace PartnerOps.Commands
{
    /// <summary>Makes a database this session's default for every PartnerOps cmdlet.</summary>
    [Cmdlet(VerbsCommunications.Connect, "PartnerDatabase")]
    [OutputType(typeof(DatabaseInfo))]
    public sealed class ConnectPartnerDatabaseCommand : PartnerOpsCmdlet
    {
        /// <summary>The database file; without it, $env:PARTNEROPS_DATABASE or the per-user default.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        [SinglePath]
        public string? Path { get; set; }

        protected override void EndProcessing()
        {
            // Without -Path, Connect goes back to the environment's choice, not the previous connection.
            Database = Path ?? Database;
            using var store = Stores.OpenStore(create: false, ignoreSessionDefault: true);
            SessionDefaults.Database = store.Path;
            WriteObject(store.GetInfo());
        }
    }
}
