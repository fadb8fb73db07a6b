using System;
using System.Globalization;
using System.Text;

namespace PartnerOps
{
    /// <summary>Normalisation and validation of partner values, shared by every way a partner is written.</summary>
    public static class PartnerRules
    {
        public const int MaxNameLength = 200;
        public const int MaxRegionLength = 100;
        public const int MaxNotesLength = 4000;

        /// <summary>Trims and NFC-normalises a name; throws when it is empty or too long.</summary>
        public static string NormalizeName(string? name)
        {
            CheckText("Name", name);
            var trimmed = (name ?? string.Empty).Trim().Normalize(NormalizationForm.FormC);
            if (trimmed.Length == 0)
            {
                throw Invalid("Name", name, "a partner name cannot be empty");
            }

            if (trimmed.Length > MaxNameLength)
            {
                throw Invalid("Name", name, $"a partner name has at most {MaxNameLength} characters (this one has {trimmed.Length})");
            }

            return trimmed;
        }

        /// <summary>The case-insensitive key under which a name is unique.</summary>
        public static string NameKey(string normalizedName) => normalizedName.ToUpperInvariant();

        /// <summary>Trims and NFC-normalises a region (so an accent typed either way is the same region); null when empty.</summary>
        public static string? NormalizeRegion(string? region)
        {
            CheckText("Region", region);
            var trimmed = region?.Trim().Normalize(NormalizationForm.FormC);
            if (string.IsNullOrEmpty(trimmed))
            {
                return null;
            }

            if (trimmed!.Length > MaxRegionLength)
            {
                throw Invalid("Region", region, $"a region has at most {MaxRegionLength} characters");
            }

            return trimmed;
        }

        public static string? NormalizeCountry(string? country)
        {
            if (string.IsNullOrWhiteSpace(country))
            {
                return null;
            }

            return CountryCodes.Normalize(country)
                ?? throw new PartnerOpsException(
                    ErrorIds.InvalidCountryCode,
                    FailureKind.InvalidArgument,
                    $"Country '{country}' is not an ISO 3166-1 alpha-2 country code (for example DE, GB, CN, US).",
                    country);
        }

        public static string? NormalizeNotes(string? notes)
        {
            if (string.IsNullOrEmpty(notes))
            {
                return null;
            }

            CheckText("Notes", notes);
            if (notes!.Length > MaxNotesLength)
            {
                throw Invalid("Notes", "(" + notes.Length + " characters)", $"notes have at most {MaxNotesLength} characters");
            }

            return notes;
        }

        /// <summary>
        /// Brings a partner to its stored form: trimmed values, upper-case country, date-only dates,
        /// EndedOn defaulted to today when Terminated, and a consistent date range.
        /// </summary>
        public static void Normalize(Partner partner, DateTime today)
        {
            partner.Name = NormalizeName(partner.Name);
            partner.Region = NormalizeRegion(partner.Region);
            partner.Country = NormalizeCountry(partner.Country);
            partner.Notes = NormalizeNotes(partner.Notes);
            CheckDefined(partner.Type, "Type");
            CheckDefined(partner.Tier, "Tier");
            CheckDefined(partner.Status, "Status");
            // Not given is today; a given 0001-01-01 (DateTime's default) is a date like any other.
            partner.JoinedOn = partner.HasJoinedOn ? partner.JoinedOn.Date : today.Date;
            if (partner.Status == PartnerStatus.Terminated && partner.EndedOn == null)
            {
                partner.EndedOn = today.Date < partner.JoinedOn ? partner.JoinedOn : today.Date;
            }

            partner.EndedOn = partner.EndedOn?.Date;
            if (partner.EndedOn is DateTime ended && ended < partner.JoinedOn)
            {
                throw Invalid(
                    "EndedOn",
                    FormatDate(ended),
                    $"a relationship cannot end before it began (JoinedOn {FormatDate(partner.JoinedOn)})");
            }
        }

        public static string FormatDate(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        public static string FormatTimestamp(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture);

        /// <summary>
        /// Refuses text that SQLite cannot keep as it is: a NUL character (text was cut there) or half of a
        /// surrogate pair (UTF-8 has no form for it, so it became U+FFFD, and NFC normalisation throws on it).
        /// </summary>
        private static void CheckText(string property, string? text)
        {
            if (text == null)
            {
                return;
            }

            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\0')
                {
                    throw Invalid(property, Escape(text), $"it contains a NUL character (U+0000) at position {i + 1}, which cannot be stored");
                }

                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(c))
                {
                    throw Invalid(property, Escape(text), $"it contains half of a surrogate pair (U+{(int)c:X4}) at position {i + 1}, which is not Unicode text");
                }
            }
        }

        /// <summary>The text with NULs and lone surrogates shown as \uXXXX, for an error message.</summary>
        private static string Escape(string text)
        {
            var shown = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                var paired = char.IsHighSurrogate(c) ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                    : char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1]);
                shown.Append(c == '\0' || (char.IsSurrogate(c) && !paired) ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString());
            }

            return shown.ToString();
        }

        private static void CheckDefined<T>(T value, string property)
            where T : struct, Enum
        {
            if (!Enum.IsDefined(typeof(T), value))
            {
                throw Invalid(property, value, $"valid values are {string.Join(", ", Enum.GetNames(typeof(T)))}");
            }
        }

        private static PartnerOpsException Invalid(string property, object? value, string problem) =>
            new PartnerOpsException(
                ErrorIds.InvalidPartnerValue,
                FailureKind.InvalidArgument,
                $"{property} '{value}' is not valid: {problem}.",
                value);
    }
}
