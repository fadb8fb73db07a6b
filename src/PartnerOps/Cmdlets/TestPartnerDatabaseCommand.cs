using System.Linq;
using System.Management.Automation;
using PartnerOps.Data;

namespace PartnerOps.Commands
{
    /// <summary>Runs SQLite's integrity and foreign-key checks and the schema check.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "PartnerDatabase")]
    [OutputType(typeof(bool))]
    [OutputType(typeof(DatabaseFinding))]
    public sealed class TestPartnerDatabaseCommand : PartnerOpsCmdlet
    {
        /// <summary>Return each check's finding instead of one $true/$false.</summary>
        [Parameter]
        public SwitchParameter Detailed { get; set; }

        protected override void EndProcessing()
        {
            var path = Choice.ResolveDatabasePath();
            DatabaseFinding[] findings;
            try
            {
                using var store = PartnerDatabases.OpenExisting(path);
                findings = store.Check().ToArray();
            }
            catch (PartnerOpsException ex) when (ex.ErrorId == ErrorIds.DatabaseInvalid && ex.Kind != FailureKind.InvalidArgument)
            {
                // An unreadable file is a failed check, not a failed command (a folder given as the file is a wrong argument).
                findings = new[] { new DatabaseFinding("Integrity", false, ex.Message) { Database = path } };
            }
            catch (PartnerOpsException ex)
            {
                Failures.ThrowFailure(ex, path);
                return;
            }

            if (Detailed)
            {
                WriteObject(findings, enumerateCollection: true);
            }
            else
            {
                WriteObject(findings.All(f => f.Passed));
            }
        }
    }
}
