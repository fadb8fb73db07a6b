using System;
using System.Collections.Generic;
using PartnerOps.Data;

namespace PartnerOps.PostgreSql
{
    // PLACEHOLDER owned by part C: replace this whole file.
    internal sealed class PgCompletionSource : ICompletionSource
    {
        public IReadOnlyList<string> PartnerNames(string path, string prefix) => throw new NotSupportedException("placeholder C");

        public IReadOnlyList<string> Regions(string path, string prefix) => throw new NotSupportedException("placeholder C");

        public IReadOnlyList<string> Countries(string path, string prefix) => throw new NotSupportedException("placeholder C");

        public IReadOnlyList<string> Segments(string path, string prefix) => throw new NotSupportedException("placeholder C");

        public IReadOnlyList<string> Currencies(string path, string prefix) => throw new NotSupportedException("placeholder C");
    }
}
