using System;
using System.Globalization;
using System.Text;

namespace PartnerOps
{
    /// <summary>
    /// What a deal registration's values must be (issue 19), shared by every backend: the customer as partner names' text
    /// rules (matched by the partner name key plus country), the country an ISO 3166-1 alpha-2 code, segment as revenue's,
    /// amount and currency as revenue's (both or neither, greater than zero), calendar days of the years 1900 to 2999, and a
    /// protection of 1 to 3650 days (90 by default) ending on ExpiresOn, the last day protected. Refusals: InvalidPartnerValue
    /// (InvalidArgument) naming the value and the problem; InvalidCountryCode, InvalidCurrencyCode, InvalidAmount for those values.
    /// </summary>
    public static class DealRules
    {
        /// <summary>A customer's name has at most this many characters (as a partner's).</summary>
        public const int MaxCustomerLength = PartnerRules.MaxNameLength;

        /// <summary>A product (or solution) text has at most this many characters.</summary>
        public const int MaxProductLength = 200;

        /// <summary>A deal's reference has at most this many characters.</summary>
        public const int MaxReferenceLength = 100;

        /// <summary>How many days a registration protects a deal when neither ValidDays nor ExpiresOn is given.</summary>
        public const int DefaultValidDays = 90;

        /// <summary>The longest protection a registration may ask for, in days (ten years).</summary>
        public const int MaxValidDays = 3650;

        /// <summary>
        /// The customer's name as stored: trimmed, NFC, space separators as spaces; one line of visible text (no control or
        /// invisible format characters), 1 to <see cref="MaxCustomerLength"/> characters.
        /// </summary>
        /// <exception cref="PartnerOpsException">InvalidPartnerValue.</exception>
        public static string NormalizeCustomer(string? customer)
        {
            var trimmed = ContactRules.Visible("Customer", customer, "customer names");
            if (trimmed.Length == 0)
            {
                throw PartnerRules.Invalid("Customer", customer, "a deal needs the customer's name");
            }

            if (trimmed.Length > MaxCustomerLength)
            {
                throw PartnerRules.Invalid("Customer", customer, $"a customer's name has at most {MaxCustomerLength} characters (this one has {trimmed.Length})");
            }

            return trimmed;
        }

        /// <summary>
        /// The key a customer's name is found by (stored as customer_key): the partner name key (<see cref="PartnerRules.NameKey"/>:
        /// case, width, composed or decomposed accents and every kind of space folded; accented and plain letters and runs of
        /// spaces stay apart, as in partner names). Get-PartnerDeal -Customer patterns and the completion of customers use it;
        /// deals are matched with each other by <see cref="CustomerMatchKey"/>.
        /// </summary>
        public static string CustomerKey(string normalizedCustomer) => PartnerRules.NameKey(normalizedCustomer);

        /// <summary>How messages about deals matched by customer say they are matched (<see cref="CustomerMatchKey"/>).</summary>
        public const string MatchedBy = "Customers are matched ignoring case, accents and spacing, within their country.";

        /// <summary>
        /// The key a customer is matched by across deals, with its country (stored as customer_match_key): conflicts and
        /// ConflictsWith, the same partner's held deal (PartnerDealExists) and the exclusivity of approvals. Issue 19 asks for
        /// conflicts "by case/space/accent variants of a customer name", so it is the partner name key
        /// (<see cref="PartnerRules.NameKey"/>, with all its folds: case, width, compatibility forms, kinds of space) with the
        /// accents removed (canonical decomposition, NFD, then every nonspacing mark, general category Mn, dropped and the rest
        /// composed again, NFC) and every run of white space one space: 'Société  Générale', 'SOCIETE GENERALE' and
        /// 'Societe Generale' are one customer, and so are Müller and Muller. The name key is taken first, so that a
        /// compatibility character that decomposes to a letter with a mark (U+01C4 DŽ) loses its mark too. Marks of every script
        /// go (Hebrew points, Arabic harakat, Indic vowel signs written as nonspacing marks), so two such names that differ only in
        /// them are one customer: a match only warns of a conflict or refuses an overlapping approval, it never merges deals. A
        /// name made of marks only keeps its name key. The decomposition and the general category are the runtime's Unicode
        /// data (<see cref="string.Normalize(NormalizationForm)"/>, <see cref="CharUnicodeInfo"/>), stable for every character
        /// assigned by Unicode <see cref="PartnerRules.UnicodeVersion"/>; the key is computed once, when a deal is stored.
        /// </summary>
        public static string CustomerMatchKey(string normalizedCustomer)
        {
            var key = PartnerRules.NameKey(normalizedCustomer);
            var ascii = true;
            foreach (var c in key)
            {
                ascii &= c < 0x80;
            }

            var plain = ascii || TextRules.HasLoneSurrogate(key) ? key : WithoutMarks(key);
            var result = new StringBuilder(plain.Length);
            foreach (var c in plain)
            {
                if (char.IsWhiteSpace(c))
                {
                    if (result.Length > 0 && result[result.Length - 1] != ' ')
                    {
                        result.Append(' ');
                    }
                }
                else
                {
                    result.Append(c);
                }
            }

            var match = result.ToString().TrimEnd(' ');
            return match.Length == 0 ? key : match;
        }

        /// <summary>The customer's country: upper-case ISO 3166-1 alpha-2 code (or XK), required.</summary>
        /// <exception cref="PartnerOpsException">InvalidCountryCode, for an empty or unknown code.</exception>
        public static string NormalizeCustomerCountry(string? country)
        {
            if (string.IsNullOrWhiteSpace(country))
            {
                throw new PartnerOpsException(
                    ErrorIds.InvalidCountryCode,
                    FailureKind.InvalidArgument,
                    $"CustomerCountry '{TextRules.Shown(country)}' is not valid: a deal needs the customer's country, an ISO 3166-1 alpha-2 code (for example DE, GB, CN, US).",
                    country);
            }

            return PartnerRules.NormalizeCountry(country, "CustomerCountry")!;
        }

        /// <summary>The segment as revenue stores it (<see cref="RevenueRules.NormalizeSegment"/>; Enterprise when empty), its refusal as InvalidPartnerValue.</summary>
        /// <exception cref="PartnerOpsException">InvalidPartnerValue.</exception>
        public static string NormalizeSegment(string? segment)
        {
            try
            {
                return RevenueRules.NormalizeSegment(segment);
            }
            catch (PartnerOpsException ex) when (ex.ErrorId == ErrorIds.InvalidRevenueValue)
            {
                throw new PartnerOpsException(ErrorIds.InvalidPartnerValue, ex.Kind, ex.Message, ex.Target, ex);
            }
        }

        /// <summary>A product text as stored: trimmed, NFC, one line of visible text of at most <see cref="MaxProductLength"/> characters; null when empty.</summary>
        /// <exception cref="PartnerOpsException">InvalidPartnerValue.</exception>
        public static string? NormalizeProduct(string? product) => Optional("Product", product, "products", MaxProductLength);

        /// <summary>A reference as stored: trimmed, one line of visible text of at most <see cref="MaxReferenceLength"/> characters; null when empty.</summary>
        /// <exception cref="PartnerOpsException">InvalidPartnerValue.</exception>
        public static string? NormalizeReference(string? reference) => Optional("Reference", reference, "references", MaxReferenceLength);

        /// <summary>
        /// The estimated amount and its currency: both or neither; the currency an ISO 4217 code in use on
        /// <paramref name="registeredOn"/>, the amount greater than zero, at most <see cref="RevenueRules.MaxAmount"/> and exact
        /// in the currency's minor units (returned as <c>Minor</c>, whole minor units, as stored).
        /// </summary>
        /// <exception cref="PartnerOpsException">InvalidAmount, InvalidCurrencyCode.</exception>
        public static (decimal? Amount, string? Currency, long? Minor) CheckAmount(decimal? amount, string? currency, DateTime registeredOn)
        {
            var hasCurrency = !string.IsNullOrWhiteSpace(currency);
            if (amount == null && !hasCurrency)
            {
                return (null, null, null);
            }

            if (amount is not decimal value)
            {
                throw new PartnerOpsException(
                    ErrorIds.InvalidAmount,
                    FailureKind.InvalidArgument,
                    $"Currency '{TextRules.Shown(currency)}' was given without an amount: give -Amount with -Currency, or neither.",
                    currency);
            }

            if (!hasCurrency)
            {
                throw new PartnerOpsException(
                    ErrorIds.InvalidCurrencyCode,
                    FailureKind.InvalidArgument,
                    $"Amount {value.ToString(CultureInfo.InvariantCulture)} was given without a currency: give -Currency with -Amount, or neither.",
                    value);
            }

            var code = CurrencyCodes.Require(currency, registeredOn);
            if (value <= 0)
            {
                throw RevenueRules.InvalidAmount(value, code, "a deal's estimated amount must be greater than zero");
            }

            var minor = RevenueRules.ToMinorUnits(value, code);
            return (RevenueRules.FromMinorUnits(minor, code), code, minor);
        }

        /// <summary>A day given for <paramref name="property"/> (date only), or InvalidPartnerValue when outside the years 1900 to 2999.</summary>
        /// <exception cref="PartnerOpsException">InvalidPartnerValue.</exception>
        public static DateTime? CheckDay(DateTime? day, string property) => PartnerRules.CheckDate(day, property);

        /// <summary>
        /// RegisteredOn and ExpiresOn as stored (date only): RegisteredOn today (<paramref name="today"/>, the UTC date) when not
        /// given, never after today; ExpiresOn given (on or after RegisteredOn) or RegisteredOn plus ValidDays (1 to
        /// <see cref="MaxValidDays"/>; <see cref="DefaultValidDays"/> when neither is given): registered 2026-01-01 for 90 days,
        /// protected until 2026-04-01 inclusive. ValidDays and ExpiresOn together are refused.
        /// </summary>
        /// <exception cref="PartnerOpsException">InvalidPartnerValue.</exception>
        public static (DateTime RegisteredOn, DateTime ExpiresOn) Period(DateTime? registeredOn, int? validDays, DateTime? expiresOn, DateTime today) =>
            Period(registeredOn, validDays, expiresOn, today, expiresOnFromRow: false);

        /// <summary>
        /// <see cref="Period(DateTime?, int?, DateTime?, DateTime)"/>, where <paramref name="expiresOnFromRow"/> says that ExpiresOn
        /// came from a piped row's column (a CSV of Get-PartnerDeal | Export-Csv) while ValidDays was typed: the refusal of both
        /// then names the row's value and how to drop the column.
        /// </summary>
        /// <exception cref="PartnerOpsException">InvalidPartnerValue.</exception>
        public static (DateTime RegisteredOn, DateTime ExpiresOn) Period(DateTime? registeredOn, int? validDays, DateTime? expiresOn, DateTime today, bool expiresOnFromRow)
        {
            if (expiresOnFromRow && validDays is int typed && expiresOn is DateTime fromRow)
            {
                throw PartnerRules.Invalid(
                    "ValidDays",
                    typed,
                    $"the piped row also has an ExpiresOn column ('{PartnerRules.FormatDate(fromRow)}'), and a deal takes ValidDays or ExpiresOn, not both: " +
                    $"drop the column (Import-Csv ... | Select-Object -ExcludeProperty ExpiresOn | Register-PartnerDeal -ValidDays {typed.ToString(CultureInfo.InvariantCulture)}), or leave out -ValidDays to keep the row's ExpiresOn");
            }

            var registered = CheckDay(registeredOn, "RegisteredOn") ?? today.Date;
            if (registered > today.Date)
            {
                throw PartnerRules.Invalid("RegisteredOn", PartnerRules.FormatDate(registered), $"a deal cannot be registered after today ({PartnerRules.FormatDate(today)})");
            }

            if (validDays is int days && expiresOn != null)
            {
                throw PartnerRules.Invalid("ValidDays", days, "give ValidDays or ExpiresOn, not both");
            }

            if (CheckDay(expiresOn, "ExpiresOn") is DateTime expires)
            {
                if (expires < registered)
                {
                    throw PartnerRules.Invalid("ExpiresOn", PartnerRules.FormatDate(expires), $"a deal cannot expire before it was registered (RegisteredOn {PartnerRules.FormatDate(registered)})");
                }

                return (registered, expires);
            }

            var valid = validDays ?? DefaultValidDays;
            if (valid < 1 || valid > MaxValidDays)
            {
                throw PartnerRules.Invalid("ValidDays", valid, $"a registration protects a deal for 1 to {MaxValidDays} days");
            }

            var end = registered.AddDays(valid);
            if (!PartnerRules.IsYearInRange(end.Year))
            {
                throw PartnerRules.Invalid("ValidDays", valid, $"the deal would expire on {PartnerRules.FormatDate(end)}, after the year {PartnerRules.MaxYear}");
            }

            return (registered, end);
        }

        /// <summary>
        /// Whether a partner may register deals: one in the programme (status Onboarding, Active or Suspended); a Prospect or a
        /// Terminated partner may not.
        /// </summary>
        /// <exception cref="PartnerOpsException">InvalidPartnerValue naming the partner and its status.</exception>
        public static void CheckPartner(Partner partner)
        {
            if (partner.Status == PartnerStatus.Prospect || partner.Status == PartnerStatus.Terminated)
            {
                throw new PartnerOpsException(
                    ErrorIds.InvalidPartnerValue,
                    FailureKind.InvalidArgument,
                    $"Partner '{TextRules.Shown(partner.Name)}' cannot register deals: its status is {partner.Status}; only Onboarding, Active and Suspended partners (those in the programme) register deals.",
                    partner.Name);
            }
        }

        /// <summary>
        /// Whether a partner may register a deal on <paramref name="day"/> (its RegisteredOn; <paramref name="today"/> the UTC date):
        /// its status that day (<paramref name="statusThatDay"/>, a <see cref="PartnerStatus"/> name as Get-Partner -AsOf reads
        /// it) Onboarding, Active or Suspended (<see cref="CheckPartner"/>'s message on today), and the day from its JoinedOn on and
        /// before its EndedOn (the first day no longer a partner). Issue 19: a back-dated registration is checked on its own day.
        /// </summary>
        /// <exception cref="PartnerOpsException">InvalidPartnerValue naming the partner, its status that day and the day.</exception>
        public static void CheckPartnerOn(Partner partner, string? statusThatDay, DateTime day, DateTime today)
        {
            var status = Enum.TryParse<PartnerStatus>(statusThatDay, out var parsed) ? parsed : partner.Status;
            var shown = PartnerRules.FormatDate(day);
            if (day.Date == today.Date)
            {
                CheckPartner(new Partner { Name = partner.Name, Status = status });
            }

            // Before JoinedOn a partner reads its first status (Get-Partner -AsOf's rule), yet was not a partner at all.
            if (day.Date < partner.JoinedOn.Date)
            {
                throw NotInProgramme(partner, day, $"on {shown} it was not yet a partner: it joined the programme on {PartnerRules.FormatDate(partner.JoinedOn)} (JoinedOn)");
            }

            if (status == PartnerStatus.Prospect || status == PartnerStatus.Terminated)
            {
                throw NotInProgramme(partner, day, $"its status on {shown} was {status}; only Onboarding, Active and Suspended partners (those in the programme) register deals");
            }

            if (partner.EndedOn is DateTime ended && day.Date >= ended.Date)
            {
                throw NotInProgramme(partner, day, $"on {shown} it was no longer a partner: it left the programme on {PartnerRules.FormatDate(ended)} (EndedOn, its first day out)");
            }
        }

        private static PartnerOpsException NotInProgramme(Partner partner, DateTime day, string why) => new PartnerOpsException(
            ErrorIds.InvalidPartnerValue,
            FailureKind.InvalidArgument,
            $"Partner '{TextRules.Shown(partner.Name)}' cannot register a deal on {PartnerRules.FormatDate(day)} (RegisteredOn): {why}; nothing was written.",
            partner.Name);

        // The text with its nonspacing marks (Mn) removed: NFD, the marks dropped, NFC again.
        private static string WithoutMarks(string text)
        {
            var decomposed = text.Normalize(NormalizationForm.FormD);
            var kept = new StringBuilder(decomposed.Length);
            for (var i = 0; i < decomposed.Length; i++)
            {
                var pair = char.IsHighSurrogate(decomposed[i]) && i + 1 < decomposed.Length ? 2 : 1;
                if (CharUnicodeInfo.GetUnicodeCategory(decomposed, i) != UnicodeCategory.NonSpacingMark)
                {
                    kept.Append(decomposed, i, pair);
                }

                i += pair - 1;
            }

            return kept.ToString().Normalize(NormalizationForm.FormC);
        }

        private static string? Optional(string property, string? value, string what, int maxLength)
        {
            var trimmed = ContactRules.Visible(property, value, what);
            if (trimmed.Length == 0)
            {
                return null;
            }

            if (trimmed.Length > maxLength)
            {
                throw PartnerRules.Invalid(property, value, $"a {property.ToLowerInvariant()} has at most {maxLength} characters (this one has {trimmed.Length})");
            }

            return trimmed;
        }
    }
}
