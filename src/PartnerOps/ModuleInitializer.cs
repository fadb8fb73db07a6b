using System.IO;
using System.Management.Automation;
using PartnerOps.Storage;

namespace PartnerOps.Commands
{
    /// <summary>The module's one composition root: load SQLite on import, release its handles on removal.</summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        public void OnImport()
        {
            SqliteNative.EnsureLoaded(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!);
        }

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            PartnerStore.ReleasePooledConnections();
        }
    }
}
