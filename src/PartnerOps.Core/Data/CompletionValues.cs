using System;
using System.Collections.Generic;
using System.Linq;

namespace PartnerOps.Data
{
    /// <summary>
    /// The values tab completion offers from one database as read at one moment (every backend's <see cref="ICompletionSource"/>
    /// fills one and keeps it while the database is unchanged): regions and segments one spelling per key
    /// (<see cref="RevenueRules.Key"/>: 'Großkunden' and 'GROSSKUNDEN' are one; the first spelling added is shown), in key order;
    /// countries in use in ordinal order; the reporting currency, then the rates' currencies; the reasons of Status changes in
    /// ordinal order. Blank values are left out.
    /// </summary>
    public sealed class CompletionValues
    {
        private readonly SortedSet<string> _regions = new SortedSet<string>(KeyComparer.Instance);
        private readonly SortedSet<string> _countries = new SortedSet<string>(StringComparer.Ordinal);
        private readonly SortedSet<string> _segments = new SortedSet<string>(KeyComparer.Instance) { RevenueRules.DefaultSegment };
        private readonly List<string> _currencies = new List<string>();
        private readonly SortedSet<string> _reasons = new SortedSet<string>(StringComparer.Ordinal);
        private readonly SortedSet<string> _certifications = new SortedSet<string>(KeyComparer.Instance);
        private readonly SortedSet<string> _roles = new SortedSet<string>(KeyComparer.Instance);

        /// <summary>Values read at a moment the backend names by <paramref name="stamp"/> (a file's size and time, a server's last change).</summary>
        public CompletionValues(string stamp)
        {
            Stamp = stamp;
        }

        /// <summary>Nothing read (a missing or foreign database): only the default segment and the ISO codes are offered.</summary>
        public static CompletionValues Empty { get; } = new CompletionValues(string.Empty);

        /// <summary>What the values were read at; the backend reads them again when its database's stamp differs.</summary>
        public string Stamp { get; }

        /// <summary>Adds a stored region (a partner's, a revenue cell's or a target's); a blank one or a second spelling of a key is ignored.</summary>
        public void AddRegion(string? region) => Add(_regions, region);

        /// <summary>Adds a country code partners use.</summary>
        public void AddCountry(string? country) => Add(_countries, country);

        /// <summary>Adds a reason stored with a Status change (status_changes.reason); repeats are ignored.</summary>
        public void AddReason(string? reason) => Add(_reasons, reason);

        /// <summary>Adds a stored contact role; a second spelling of a key is ignored.</summary>
        public void AddRole(string? role) => Add(_roles, role);

        /// <summary>Adds a stored certification name; a second spelling of a name key is ignored.</summary>
        public void AddCertification(string? name) => Add(_certifications, name);

        /// <summary>Adds a stored revenue segment; a second spelling of a key is ignored.</summary>
        public void AddSegment(string? segment) => Add(_segments, segment);

        /// <summary>Adds a currency to offer first (the reporting currency, then the rates' in order); repeats are ignored.</summary>
        public void AddCurrency(string? currency)
        {
            if (!string.IsNullOrWhiteSpace(currency) && !_currencies.Contains(currency!))
            {
                _currencies.Add(currency!);
            }
        }

        /// <summary>Regions whose key starts with the key of <paramref name="prefix"/>, one spelling per key.</summary>
        public IReadOnlyList<string> Regions(string prefix) => MatchingKey(_regions, prefix);

        /// <summary>Country codes in use first, then the other ISO 3166-1 codes, starting with <paramref name="prefix"/> (ignoring case).</summary>
        public IReadOnlyList<string> Countries(string prefix) =>
            Matching(_countries.Concat(CountryCodes.All.OrderBy(c => c, StringComparer.Ordinal)).Distinct(), prefix);

        /// <summary>Segments (the default Enterprise among them) whose key starts with the key of <paramref name="prefix"/>.</summary>
        public IReadOnlyList<string> Segments(string prefix) => MatchingKey(_segments, prefix);

        /// <summary>The currencies added first, then the other ISO 4217 codes, starting with <paramref name="prefix"/> (ignoring case).</summary>
        public IReadOnlyList<string> Currencies(string prefix) =>
            Matching(_currencies.Concat(CurrencyCodes.All.OrderBy(c => c, StringComparer.Ordinal)).Distinct(), prefix);

        /// <summary>The reasons added (ordinal order) that start with <paramref name="prefix"/> (ignoring case).</summary>
        public IReadOnlyList<string> Reasons(string prefix) => Matching(_reasons, prefix);

        /// <summary>Contact roles whose key starts with the key of <paramref name="prefix"/>, one spelling per key.</summary>
        public IReadOnlyList<string> Roles(string prefix) => MatchingKey(_roles, prefix);

        /// <summary>The at most 100 emails of <paramref name="emails"/> (in order) that start with <paramref name="prefix"/> (ignoring case).</summary>
        public static IReadOnlyList<string> EmailsStartingWith(IEnumerable<string> emails, string prefix) =>
            emails.Where(e => e.StartsWith(prefix.Trim(), StringComparison.OrdinalIgnoreCase)).Take(100).ToList();

        /// <summary>The SQL (parameters key and id) of the emails of a partner's contacts by name key or id, in order of their lower-case form.</summary>
        public const string ContactEmailsSql =
            "SELECT c.email FROM contacts c JOIN partners p ON p.id = c.partner_id WHERE p.name_key = @key OR p.id = @id ORDER BY c.email_key, c.id";

        /// <summary>The parameters of <see cref="ContactEmailsSql"/> for a partner given by name or id (as typed).</summary>
        public static object ContactEmailsParameters(string partner)
        {
            var trimmed = partner.Trim();
            return new
            {
                key = TextRules.Problem(trimmed) == null ? PartnerRules.NameKey(trimmed) : string.Empty,
                id = long.TryParse(trimmed, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : -1,
            };
        }

        /// <summary>Certification names whose key starts with the key of <paramref name="prefix"/>, one spelling per key.</summary>
        public IReadOnlyList<string> Certifications(string prefix) => MatchingKey(_certifications, prefix);

        /// <summary>The pattern of a partner-name completion: what was typed, with a trailing * unless it has one.</summary>
        public static NamePattern PartnerNamePattern(string prefix) =>
            NamePattern.ParseName(prefix.EndsWith("*", StringComparison.Ordinal) ? prefix : prefix + "*");

        private static IReadOnlyList<string> Matching(IEnumerable<string> values, string prefix) =>
            values.Where(v => v.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).ToList();

        private static IReadOnlyList<string> MatchingKey(IEnumerable<string> values, string prefix)
        {
            var key = RevenueRules.Key(prefix) ?? string.Empty;
            return values.Where(v => RevenueRules.Key(v)!.StartsWith(key, StringComparison.Ordinal)).ToList();
        }

        private static void Add(ISet<string> set, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                set.Add(value!);
            }
        }

        // Regions and segments are one value per key.
        private sealed class KeyComparer : IComparer<string>
        {
            public static readonly KeyComparer Instance = new KeyComparer();

            public int Compare(string? x, string? y) => string.CompareOrdinal(RevenueRules.Key(x), RevenueRules.Key(y));
        }
    }
}
