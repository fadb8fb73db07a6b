using System.IO;
using System.Management.Automation;
using PartnerOps.Data;

namespace PartnerOps.Commands
{
    /// <summary>The module's one composition root: load SQLite on import, release its handles on removal.</summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        public void OnImport()
        {
            PartnerDatabases.Initialize(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!);
        }

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            PartnerDatabases.ReleasePooledConnections();
        }
    }
}
