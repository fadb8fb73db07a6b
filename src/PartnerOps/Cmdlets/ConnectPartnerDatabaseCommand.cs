using System.Management.Automation;
using PartnerOps.Data;

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

        /// <summary>
        /// For a PostgreSQL server: the user name and password to connect with, remembered for the session (the password is
        /// never shown). Refused for a file.
        /// </summary>
        [Parameter]
        [Credential]
        [ValidateNotNull]
        public PSCredential? Credential { get; set; }

        protected override void EndProcessing()
        {
            // Without -Path, Connect goes back to the environment's choice, not the previous connection.
            Database = Path ?? Database;
            if (Credential != null)
            {
                var location = Choice.ResolveDatabasePath(ignoreSessionDefault: true);
                try
                {
                    PartnerDatabases.RememberCredential(location, Credential.UserName, Credential.Password);
                }
                catch (PartnerOpsException ex)
                {
                    ThrowTerminatingError(FailureReporter.ToErrorRecord(ex, CmdletExtensions.ShownLocation(location)));
                }
            }

            using var store = Stores.OpenStore(create: false, ignoreSessionDefault: true);
            SessionDefaults.Database = store.Path;
            WriteObject(store.GetInfo());
        }
    }
}
