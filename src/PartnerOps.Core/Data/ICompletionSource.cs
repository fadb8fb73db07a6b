using System.Collections.Generic;

namespace PartnerOps.Data
{
    /// <summary>
    /// Values for tab completion, read from the database at a location without opening it for a command (kept between calls
    /// while the database is unchanged); nothing when it cannot be read.
    /// </summary>
    public interface ICompletionSource
    {
        /// <summary>Partner names starting with <paramref name="prefix"/> (at most 100).</summary>
        IReadOnlyList<string> PartnerNames(string path, string prefix);

        /// <summary>Regions stored, starting with <paramref name="prefix"/> (compared by key).</summary>
        IReadOnlyList<string> Regions(string path, string prefix);

        /// <summary>Country codes in use and known, starting with <paramref name="prefix"/>.</summary>
        IReadOnlyList<string> Countries(string path, string prefix);

        /// <summary>Segments stored, starting with <paramref name="prefix"/> (compared by key).</summary>
        IReadOnlyList<string> Segments(string path, string prefix);

        /// <summary>Currency codes in use and known, starting with <paramref name="prefix"/>.</summary>
        IReadOnlyList<string> Currencies(string path, string prefix);
    }
}
