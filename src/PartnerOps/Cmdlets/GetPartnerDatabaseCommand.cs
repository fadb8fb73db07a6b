using System.Management.Automation;

namespace PartnerOps.Commands
{
    /// <summary>Describes the database in use: path, schema version, currency, counts, size and journal mode.</summary>
    [Cmdlet(VerbsCommon.Get, "PartnerDatabase")]
    [OutputType(typeof(DatabaseInfo))]
    public sealed class GetPartnerDatabaseCommand : PartnerOpsCmdlet
    {
        protected override void EndProcessing()
        {
            using var store = Stores.OpenStore(create: false);
            WriteObject(store.GetInfo());
        }
    }
}
