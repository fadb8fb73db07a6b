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
        public string? Path { get; set; }

        protected override void EndProcessing()
        {
            // Resolve without the previous session default, so Connect with no -Path goes back to the environment's choice.
            SessionDatabase = null;
            Database = Path ?? Database;
            using var store = OpenStore(create: false);
            SessionDatabase = store.Path;
            WriteObject(store.GetInfo());
        }
    }
}
