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

        /// <summary>The one year range of PartnerOps (JoinedOn and EndedOn, booking dates, target and exchange-rate years): anything else is a typo.</summary>
        public const int MinYear = 1900;

        /// <summary>The last year of the range (see <see cref="MinYear"/>).</summary>
        public const int MaxYear = 2999;

        /// <summary>Whether <paramref name="year"/> is within the one year range of PartnerOps: <see cref="MinYear"/> to <see cref="MaxYear"/>.</summary>
        public static bool IsYearInRange(int year) => year >= MinYear && year <= MaxYear;

        /// <summary>
        /// Trims and NFC-normalises a name, with every space separator (U+00A0 NO-BREAK SPACE, U+2000 to U+200A, U+202F,
        /// U+3000, ...) as a plain space; runs of spaces inside are kept. Throws InvalidPartnerValue when it is empty, too
        /// long, or holds a control character or an invisible format character (U+200B ZERO WIDTH SPACE, U+FEFF, U+00AD
        /// SOFT HYPHEN, U+2060 WORD JOINER, bidirectional controls, Hangul fillers: the Default_Ignorable_Code_Point
        /// characters of <see cref="NameFolding.FirstRefused"/>), naming its code point and position.
        /// </summary>
        public static string NormalizeName(string? name) => NormalizeName(name, lookup: false);

        /// <summary>
        /// As <see cref="NormalizeName(string?)"/>, for a name used only to look up a partner that exists (the PartnerName of
        /// revenue, as Add-PartnerRevenue -Partner and Get-Partner -Name take it): an invisible format character is not refused,
        /// since <see cref="NameKey"/> ignores it and the name is not stored. Control characters, an empty or too long name are
        /// refused as for a stored name (InvalidPartnerValue).
        /// </summary>
        public static string NormalizeLookupName(string? name) => NormalizeName(name, lookup: true);

        private static string NormalizeName(string? name, bool lookup)
        {
            var trimmed = (name ?? string.Empty).Trim();
            if (TextRules.Problem(trimmed) is string problem)
            {
                throw Invalid("Name", name, problem);
            }

            if (!lookup && NameFolding.FirstRefused(name ?? string.Empty) is (int codePoint, int position))
            {
                throw Invalid(
                    "Name",
                    name,
                    $"it holds {NameFolding.Describe(codePoint)} at position {position}, an invisible character that would make two names that print the same two partners; remove it");
            }

            trimmed = NameFolding.SpacesAsSpace(trimmed).Normalize(NormalizationForm.FormC);
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

        /// <summary>
        /// The key under which a name is unique and looked up: Unicode's NFKC_Casefold (UAX #31, UTS #39: compatibility
        /// forms such as full-width letters and the ligature ﬁ, full case folding so ß and ẞ are ss, default ignorable
        /// characters removed), with İ and ı as i and every space separator as a space. Accents stay. See
        /// <see cref="NameFolding"/> for the exact steps; the tables are Unicode <see cref="UnicodeVersion"/>.
        /// </summary>
        public static string NameKey(string normalizedName) => NameFolding.Key(normalizedName);

        /// <summary>
        /// The key partners are listed by (stored as name_sort, indexed with name_key and id): case ignored, accents next
        /// to their base letter (Élan beside Elan, Ångström among the A's), ø as o, æ as ae, ß as ss and the like; the same
        /// in every culture. See <see cref="NameSorting"/> for the exact steps and why it is not a culture's order.
        /// </summary>
        public static string NameSortKey(string normalizedName) => NameSorting.Key(normalizedName);

        /// <summary>
        /// Compares two names in the order Get-Partner lists them: by <see cref="NameSortKey"/>, then by
        /// <see cref="NameKey"/>, then ordinally (UTF-16 code units; SQLite's binary order differs only between
        /// supplementary characters and U+E000-U+FFFF).
        /// </summary>
        public static int CompareNames(string a, string b) => NameOrder(a).CompareTo(NameOrder(b));

        /// <summary>
        /// <paramref name="name"/>'s place in the order of <see cref="CompareNames"/>, its keys computed once: for sorting
        /// many names (a measure's groups), where computing them in every comparison would cost more than the sort.
        /// </summary>
        public static IComparable NameOrder(string name) => new NameSorting.Place(name);

        /// <summary>The version of the Unicode Character Database the name key's tables come from.</summary>
        public const string UnicodeVersion = NameKeyTables.UnicodeVersion;

        /// <summary>
        /// Trims and NFC-normalises a region (so an accent typed either way is the same region), every space separator
        /// stored as a space, as names are; null when empty. Invisible characters are refused as in names
        /// (<see cref="NameFolding.FirstRefused"/>). Regions are compared by <see cref="RevenueRules.Key"/>, the name key.
        /// </summary>
        /// <param name="errorId">The id of the failure: the region of a partner, a revenue record or a target.</param>
        public static string? NormalizeRegion(string? region, string errorId = ErrorIds.InvalidPartnerValue)
        {
            var trimmed = region?.Trim();
            if (string.IsNullOrEmpty(trimmed))
            {
                return null;
            }

            if (TextRules.Problem(trimmed!) is string problem)
            {
                throw Invalid("Region", region, problem, errorId);
            }

            if (NameFolding.FirstRefused(region!) is (int codePoint, int position))
            {
                throw Invalid("Region", region, NameFolding.InvisibleProblem(codePoint, position, "regions"), errorId);
            }

            trimmed = NameFolding.SpacesAsSpace(trimmed!).Normalize(NormalizationForm.FormC);
            if (trimmed.Length > MaxRegionLength)
            {
                throw Invalid("Region", region, $"a region has at most {MaxRegionLength} characters", errorId);
            }

            return trimmed;
        }

        /// <summary>
        /// The upper-case ISO 3166-1 alpha-2 code (or XK); null when empty. InvalidCountryCode otherwise, suggesting the right
        /// code for one in common use that is not ISO (UK for GB, EL for GR: see <see cref="CountryCodes.Suggestion"/>).
        /// </summary>
        /// <param name="country">The code as given.</param>
        /// <param name="property">The value's name in the message (a deal's CustomerCountry).</param>
        public static string? NormalizeCountry(string? country, string property = "Country")
        {
            if (string.IsNullOrWhiteSpace(country))
            {
                return null;
            }

            return CountryCodes.Normalize(country)
                ?? throw new PartnerOpsException(
                    ErrorIds.InvalidCountryCode,
                    FailureKind.InvalidArgument,
                    $"{property} '{TextRules.Shown(country)}' is not an ISO 3166-1 alpha-2 country code " +
                    (CountryCodes.Suggestion(country) is string hint ? "(" + hint.TrimEnd('.') + ")." : "(for example DE, GB, CN, US, or XK for Kosovo)."),
                    country);
        }

        public static string? NormalizeNotes(string? notes)
        {
            if (string.IsNullOrEmpty(notes))
            {
                return null;
            }

            if (notes!.Length > MaxNotesLength)
            {
                throw Invalid("Notes", notes, $"notes have at most {MaxNotesLength} characters");
            }

            if (TextRules.Problem(notes, allowLineBreaks: true) is string problem)
            {
                throw Invalid("Notes", notes, problem);
            }

            return notes;
        }

        /// <summary>
        /// Brings a partner to its stored form: trimmed values, upper-case country, date-only dates,
        /// EndedOn defaulted to today when Terminated, and a consistent date range.
        /// </summary>
        /// <param name="keepName">Leave the name as stored (an unchanged name stored under older rules stays valid).</param>
        /// <summary>
        /// Whether two partners hold the same stored values: Name, Region, Country and Notes exactly (ordinal; a new spelling
        /// of a name or region is a change), Type, Tier, Status, JoinedOn and EndedOn. Id and timestamps are not compared.
        /// A change after which this holds is no change (Set-Partner writes nothing then).
        /// </summary>
        public static bool SameStoredValues(Partner a, Partner b) =>
            string.Equals(a.Name, b.Name, StringComparison.Ordinal)
            && a.Type == b.Type && a.Tier == b.Tier && a.Status == b.Status
            && string.Equals(a.Region, b.Region, StringComparison.Ordinal)
            && string.Equals(a.Country, b.Country, StringComparison.Ordinal)
            && a.JoinedOn.Date == b.JoinedOn.Date
            && a.EndedOn?.Date == b.EndedOn?.Date
            && string.Equals(a.Notes, b.Notes, StringComparison.Ordinal);

        public static void Normalize(Partner partner, DateTime today, bool keepName = false)
        {
            partner.Name = keepName && !string.IsNullOrEmpty(partner.Name) ? partner.Name : NormalizeName(partner.Name);
            partner.Region = NormalizeRegion(partner.Region);
            partner.Country = NormalizeCountry(partner.Country);
            partner.Notes = NormalizeNotes(partner.Notes);
            CheckDefined(partner.Type, "Type");
            CheckDefined(partner.Tier, "Tier");
            CheckDefined(partner.Status, "Status");
            // Not given is today; a given date must be in the documented range (0001-01-01 is refused, not taken as today).
            partner.JoinedOn = partner.HasJoinedOn ? CheckDate(partner.JoinedOn, "JoinedOn")!.Value : today.Date;
            if (partner.Status == PartnerStatus.Terminated && partner.EndedOn == null)
            {
                partner.EndedOn = today.Date < partner.JoinedOn ? partner.JoinedOn : today.Date;
            }

            partner.EndedOn = CheckDate(partner.EndedOn, "EndedOn");
            if (partner.EndedOn is DateTime ended && ended < partner.JoinedOn)
            {
                throw Invalid(
                    "EndedOn",
                    FormatDate(ended),
                    $"a relationship cannot end before it began (JoinedOn {FormatDate(partner.JoinedOn)})");
            }
        }

        /// <summary>
        /// A JoinedOn or EndedOn as given (date only), or InvalidPartnerValue when it is outside the years 1900 to 2999.
        /// </summary>
        public static DateTime? CheckDate(DateTime? date, string property)
        {
            if (date is DateTime value && !IsYearInRange(value.Year))
            {
                throw Invalid(property, FormatDate(value), $"a date must be between the years {MinYear} and {MaxYear}");
            }

            return date?.Date;
        }

        public static string FormatDate(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        public static string FormatTimestamp(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture);

        private static void CheckDefined<T>(T value, string property)
            where T : struct, Enum
        {
            if (!Enum.IsDefined(typeof(T), value))
            {
                throw Invalid(property, value, $"valid values are {string.Join(", ", Enum.GetNames(typeof(T)))}");
            }
        }

        /// <summary>
        /// The error of a value that breaks a rule: "{property} '{value}' is not valid: {problem}." (InvalidArgument, the value as
        /// its target), with <paramref name="errorId"/> (InvalidPartnerValue unless given): shared by the partner, lifecycle,
        /// contact and certification rules.
        /// </summary>
        internal static PartnerOpsException Invalid(string property, object? value, string problem, string errorId = ErrorIds.InvalidPartnerValue) =>
            new PartnerOpsException(
                errorId,
                FailureKind.InvalidArgument,
                $"{property} '{TextRules.Shown(Convert.ToString(value, CultureInfo.InvariantCulture))}' is not valid: {problem}.",
                value);
    }
}
