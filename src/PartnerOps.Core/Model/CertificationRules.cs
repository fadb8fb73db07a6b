using System;
using System.Globalization;
using System.Text;

namespace PartnerOps
{
    /// <summary>
    /// The rules of certifications (issue 18), the same for every backend: a certification's name, its dates, and
    /// on which days it counts. Days are calendar days (date only, kind Unspecified); "today" is the UTC date.
    /// </summary>
    public static class CertificationRules
    {
        /// <summary>A certification name has at most this many characters (as a partner name).</summary>
        public const int MaxNameLength = 200;

        /// <summary>The largest -ExpiringWithin (days): ten years of 366 days; anything more is a typo.</summary>
        public const int MaxExpiringWithinDays = 3660;

        /// <summary>
        /// Trims and NFC-normalises a certification name as partner names are (every space separator as a space); throws
        /// InvalidPartnerValue when it is empty, longer than <see cref="MaxNameLength"/>, or holds a control character, a line
        /// break or an invisible character (<see cref="TextRules.Problem"/>, <see cref="NameFolding.FirstRefused"/>), naming it.
        /// </summary>
        /// <exception cref="PartnerOpsException">InvalidPartnerValue (InvalidArgument).</exception>
        public static string NormalizeName(string? name)
        {
            var trimmed = (name ?? string.Empty).Trim();
            if (TextRules.Problem(trimmed) is string problem)
            {
                throw PartnerRules.Invalid("Name", name, problem);
            }

            if (NameFolding.FirstRefused(trimmed) is (int codePoint, int position))
            {
                throw PartnerRules.Invalid("Name", name, NameFolding.InvisibleProblem(codePoint, position, "certifications"));
            }

            trimmed = NameFolding.SpacesAsSpace(trimmed).Normalize(NormalizationForm.FormC);
            if (trimmed.Length == 0)
            {
                throw PartnerRules.Invalid("Name", name, "a certification name cannot be empty");
            }

            if (trimmed.Length > MaxNameLength)
            {
                throw PartnerRules.Invalid("Name", name, $"a certification name has at most {MaxNameLength} characters (this one has {trimmed.Length})");
            }

            return trimmed;
        }

        /// <summary>The key a certification name is compared and found by: the partner name key (<see cref="PartnerRules.NameKey"/>).</summary>
        public static string NameKey(string normalizedName) => PartnerRules.NameKey(normalizedName);

        /// <summary>
        /// EarnedOn and ExpiresOn as stored (date only): each within the years 1900 to 2999, and a certification expires after
        /// the day it is earned (ExpiresOn &gt; EarnedOn; it no longer counts on its ExpiresOn day). A future EarnedOn is allowed
        /// (an exam booked): it counts from that day.
        /// </summary>
        /// <exception cref="PartnerOpsException">InvalidPartnerValue (InvalidArgument) naming the date and the problem.</exception>
        public static (DateTime EarnedOn, DateTime? ExpiresOn) CheckDates(DateTime earnedOn, DateTime? expiresOn)
        {
            var earned = PartnerRules.CheckDate(earnedOn, "EarnedOn")!.Value;
            var expires = PartnerRules.CheckDate(expiresOn, "ExpiresOn");
            if (expires is DateTime end && end <= earned)
            {
                throw PartnerRules.Invalid(
                    "ExpiresOn",
                    PartnerRules.FormatDate(end),
                    $"a certification expires after the day it is earned (EarnedOn {PartnerRules.FormatDate(earned)}); give a later ExpiresOn, or none for one that does not expire");
            }

            return (earned, expires);
        }

        /// <summary>-ExpiringWithin as given, or InvalidPartnerValue when it is negative or above <see cref="MaxExpiringWithinDays"/>.</summary>
        /// <exception cref="PartnerOpsException">InvalidPartnerValue (InvalidArgument).</exception>
        public static int CheckExpiringWithin(int days)
        {
            if (days < 0 || days > MaxExpiringWithinDays)
            {
                throw PartnerRules.Invalid("ExpiringWithin", days, $"give a number of days from 0 to {MaxExpiringWithinDays.ToString(CultureInfo.InvariantCulture)}");
            }

            return days;
        }

        /// <summary>
        /// Whether a contact is current on <paramref name="day"/>: started on or before it (or no StartedOn), and not ended
        /// (no EndedOn, or the day is before it: a contact ended on a day is no longer current that day).
        /// </summary>
        public static bool IsContactCurrentOn(DateTime day, DateTime? startedOn, DateTime? endedOn) =>
            (startedOn == null || startedOn.Value.Date <= day.Date) && (endedOn == null || day.Date < endedOn.Value.Date);

        /// <summary>
        /// Whether a certification counts on <paramref name="day"/> (issue 18): earned on or before it, not expired (no
        /// ExpiresOn, or the day is before it: it expires ON its ExpiresOn), and its contact current that day
        /// (<see cref="IsContactCurrentOn"/>: a certification whose contact has left does not count).
        /// </summary>
        public static bool IsValidOn(DateTime day, DateTime earnedOn, DateTime? expiresOn, DateTime? contactStartedOn, DateTime? contactEndedOn) =>
            earnedOn.Date <= day.Date
            && (expiresOn == null || day.Date < expiresOn.Value.Date)
            && IsContactCurrentOn(day, contactStartedOn, contactEndedOn);

        /// <summary>Whether a certification has expired by <paramref name="day"/>: it has an ExpiresOn on or before that day.</summary>
        public static bool IsExpiredOn(DateTime day, DateTime? expiresOn) => expiresOn != null && expiresOn.Value.Date <= day.Date;

        /// <summary>
        /// Whether a certification is valid on <paramref name="day"/> and expires within <paramref name="days"/> days of it
        /// (ExpiresOn ≤ day + days): Get-PartnerCertification -ExpiringWithin.
        /// </summary>
        public static bool IsExpiringWithin(DateTime day, int days, DateTime earnedOn, DateTime? expiresOn, DateTime? contactStartedOn, DateTime? contactEndedOn) =>
            expiresOn != null
            && expiresOn.Value.Date <= day.Date.AddDays(days)
            && IsValidOn(day, earnedOn, expiresOn, contactStartedOn, contactEndedOn);

        /// <summary>"'Azure Fundamentals' of ann@kestrel.example earned 2026-01-15, expires 2027-01-15": a certification in messages.</summary>
        public static string Describe(string name, string? contact, DateTime earnedOn, DateTime? expiresOn) =>
            $"'{TextRules.Shown(name)}'" +
            (contact == null ? string.Empty : " of " + TextRules.Shown(contact)) +
            " earned " + PartnerRules.FormatDate(earnedOn) +
            (expiresOn is DateTime end ? ", expires " + PartnerRules.FormatDate(end) : string.Empty);
    }
}
