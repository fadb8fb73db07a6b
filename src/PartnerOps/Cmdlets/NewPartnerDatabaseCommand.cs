using System.Management.Automation;
using PartnerOps.Data;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Creates an empty PartnerOps database with a fixed reporting currency. ConfirmImpact High: replacing an existing file
    /// (-Force) asks unless -Confirm:$false or $ConfirmPreference 'None'; creating a new file asks only as a Medium-impact
    /// cmdlet would (see <see cref="CmdletExtensions.ShouldProcessAtMedium"/>).
    /// </summary>
    [Cmdlet(VerbsCommon.New, "PartnerDatabase", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(DatabaseInfo))]
    public sealed class NewPartnerDatabaseCommand : PSCmdlet
    {
        #region Parameters

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        [SinglePath]
        public string Path { get; set; } = string.Empty;

        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CurrencyCompleter))]
        [SingleValue]
        public string Currency { get; set; } = PartnerDatabases.DefaultCurrency;

        /// <summary>Replace an existing file (ConfirmImpact High: prompts unless -Confirm:$false).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>
        /// For a PostgreSQL server: the user name and password to connect with, remembered for the session (the password is
        /// never shown). Refused for a file.
        /// </summary>
        [Parameter]
        [Credential]
        [ValidateNotNull]
        public PSCredential? Credential { get; set; }

        #endregion

        protected override void EndProcessing()
        {
            var path = this.ResolveDatabaseFile(Path, "-Path ");
            var shown = CmdletExtensions.ShownLocation(path);
            try
            {
                var currency = CurrencyCodes.Require(Currency, System.DateTime.Today);
                if (Credential != null)
                {
                    PartnerDatabases.RememberCredential(path, Credential.UserName, Credential.Password);
                }

                var exists = PartnerDatabases.Exists(path);
                if (exists && Force)
                {
                    if (!ShouldProcess(shown, $"Replace the PartnerOps database and everything in it with a new empty one (currency {currency})"))
                    {
                        return;
                    }

                    PartnerDatabases.Delete(path);
                }
                else if (!this.ShouldProcessAtMedium(shown, $"Create PartnerOps database (currency {currency})"))
                {
                    return;
                }

                using var store = PartnerDatabases.Create(path, currency);
                WriteObject(store.GetInfo());
            }
            catch (PartnerOpsException ex)
            {
                ThrowTerminatingError(FailureReporter.ToErrorRecord(ex, ex.Target ?? shown));
            }
        }
    }
}
