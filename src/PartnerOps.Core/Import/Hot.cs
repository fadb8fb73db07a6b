using System.Runtime.CompilerServices;

namespace PartnerOps.Import
{
    internal static class Hot
    {
        /// <summary>
        /// MethodImplOptions.AggressiveOptimization (netstandard2.0 lacks the name): the per-row methods are
        /// compiled optimized at once. An import runs its loops a million times within seconds of a fresh
        /// session, and tiered compilation would run them unoptimized while it waits to promote them.
        /// </summary>
        public const MethodImplOptions Path = (MethodImplOptions)512;
    }
}
