using System;
using System.Globalization;
using Xunit;

namespace PartnerOps.Tests
{
    /// <summary>
    /// The one reader of dates and numbers (issue 12, kind 1). Expected values are written by hand; the Pester tests
    /// (ValueText.*.Tests.ps1) drive the same cases through both the pipeline and the bulk import.
    /// </summary>
    public class ValueTextTests
    {
        private static ValueText Session(string culture) => new ValueText(new CultureInfo(culture), cultureGiven: false);

        private static ValueText Given(string culture) => new ValueText(new CultureInfo(culture), cultureGiven: true);

        [Theory]
        [InlineData("en-US", "1.23457E+11", "123457000000")]
        [InlineData("de-DE", "1.23457E+11", "123457000000")]
        [InlineData("de-DE", "1,23457E+11", "123457000000")]
        [InlineData("fr-FR", "1,5e-2", "0.015")]
        [InlineData("en-US", "1,234,567.25", "1234567.25")]
        [InlineData("en-GB", "  -1,234.5  ", "-1234.5")]
        [InlineData("de-DE", "1.234.567,25", "1234567.25")]
        [InlineData("de-DE", "-1234,5", "-1234.5")]
        [InlineData("de-DE", "1234.5", "1234.5")]
        [InlineData("de-DE", "12.50", "12.50")]
        [InlineData("fr-FR", "1 234,5", "1234.5")]
        [InlineData("fr-FR", "1\u202F234,5", "1234.5")]
        [InlineData("fr-FR", "1\u00A0234\u00A0567", "1234567")]
        [InlineData("fr-FR", "12.500", "12.500")]
        [InlineData("en-US", "12.500", "12.500")]
        [InlineData("en-IN", "12,34,567.5", "1234567.5")]
        [InlineData("en-US", "+7", "7")]
        [InlineData("en-US", ".5", "0.5")]
        // A grouped number never starts with a zero: in de-DE 0.499 (KWD, a rate) is only the invariant 0.499, not 499.
        [InlineData("de-DE", "0.499", "0.499")]
        [InlineData("de-DE", "-0.125", "-0.125")]
        [InlineData("de-DE", "0.862", "0.862")]
        [InlineData("de-DE", "1.5850", "1.5850")]
        public void A_number_reads_as_one_value(string culture, string text, string expected)
        {
            Assert.True(Session(culture).TryReadDecimal(text, out var value, out var problem), problem);
            Assert.Equal(expected, value.ToString(CultureInfo.InvariantCulture));
        }

        [Theory]
        [InlineData("de-DE", "12.500", "'12.500' reads as 12.5 in the invariant form ('.' as the decimal point) and as 12500 in de-DE, the session's culture; write it without thousands separators (12,5 or 12500), or with more decimals (12.5000), or give a number rather than text ([decimal]'12.500' is PowerShell's invariant reading); an import takes -Culture to say which")]
        [InlineData("de-DE", "-1.000", "'-1.000' reads as -1 in the invariant form ('.' as the decimal point) and as -1000 in de-DE, the session's culture; write it without thousands separators (-1 or -1000), or with more decimals (-1.0000), or give a number rather than text ([decimal]'-1.000' is PowerShell's invariant reading); an import takes -Culture to say which")]
        public void Two_readings_that_differ_are_an_error_naming_both(string culture, string text, string expected)
        {
            Assert.False(Session(culture).TryReadDecimal(text, out _, out var problem));
            Assert.Equal(expected, problem);
        }

        [Theory]
        [InlineData("en-US", "1,5")]
        [InlineData("en-US", "1,23,456")]
        [InlineData("en-US", "1,234,56")]
        [InlineData("en-US", ",123")]
        [InlineData("de-DE", "1,234.5")]
        [InlineData("de-DE", "1.234,5E+3")]
        [InlineData("de-DE", "12abc")]
        [InlineData("fr-FR", "1 23,5")]
        [InlineData("en-GB", "")]
        [InlineData("en-GB", "-")]
        [InlineData("en-GB", "1e")]
        [InlineData("en-GB", "1E+99")]
        public void Text_in_neither_form_is_not_a_number(string culture, string text)
        {
            Assert.False(Session(culture).TryReadDecimal(text, out _, out var problem));
            Assert.StartsWith($"'{text}' is not a number: the forms read are 1234.5 (the invariant form", problem);
            Assert.Contains($"and {culture}'s form such as", problem);
        }

        [Theory]
        [InlineData("de-DE", "12.500", "12500")]
        [InlineData("de-DE", "1.5", "1.5")]
        [InlineData("en-US", "12.500", "12.500")]
        [InlineData("en-GB", "1,234.5", "1234.5")]
        public void A_culture_given_wins_a_conflict_and_the_invariant_form_reads_what_it_cannot(string culture, string text, string expected)
        {
            Assert.True(Given(culture).TryReadDecimal(text, out var value, out var problem), problem);
            Assert.Equal(expected, value.ToString(CultureInfo.InvariantCulture));
        }

        [Theory]
        [InlineData("en-US", "2015-04-03", "2015-04-03")]
        [InlineData("de-DE", " 2015-04-03 ", "2015-04-03")]
        [InlineData("de-DE", "2015-04-03T23:59:59", "2015-04-03")]
        [InlineData("de-DE", "2015-04-03 23:59", "2015-04-03")]
        [InlineData("en-US", "2014-04-01T00:00:00+02:00", "2014-04-01")]
        [InlineData("en-US", "2014-04-01T23:30:00-08:00", "2014-04-01")]
        [InlineData("en-US", "2014-04-01T00:00:00.1234567Z", "2014-04-01")]
        [InlineData("en-US", "/Date(1396303200000+0200)/", "2014-04-01")]
        [InlineData("en-US", "\\/Date(1396303200000-0100)\\/", "2014-03-31")]
        [InlineData("en-US", "3/4/2015", "2015-03-04")]
        [InlineData("en-US", "03/04/2015", "2015-03-04")]
        [InlineData("en-US", "3/4/2015 12:00:00 AM", "2015-03-04")]
        [InlineData("en-US", "3/4/2015 12:00:00\u202FAM", "2015-03-04")]
        [InlineData("en-GB", "03/04/2015 00:00:00", "2015-04-03")]
        [InlineData("en-GB", "03/04/2015", "2015-04-03")]
        [InlineData("de-DE", "03.04.2015 00:00:00", "2015-04-03")]
        [InlineData("de-DE", "3.4.2015", "2015-04-03")]
        [InlineData("fr-FR", "03/04/2015 00:00:00", "2015-04-03")]
        [InlineData("", "04/03/2015 00:00:00", "2015-04-03")]
        public void A_date_is_the_calendar_day_its_text_names(string culture, string text, string expected)
        {
            Assert.True(Session(culture).TryReadDate(text, out var date), text);
            Assert.Equal(expected, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Assert.Equal(TimeSpan.Zero, date.TimeOfDay);
            Assert.Equal(DateTimeKind.Unspecified, date.Kind);
        }

        [Theory]
        [InlineData("de-DE", "03/04/2015")]
        [InlineData("en-US", "31/03/2015")]
        [InlineData("en-US", "3/31/2015 00:00:00")]
        [InlineData("en-GB", "2015-02-29")]
        [InlineData("en-GB", "2015-04-03T25:00")]
        [InlineData("en-GB", "2015-04-03x")]
        [InlineData("en-GB", "/Date(abc)/")]
        [InlineData("en-GB", "/Date(0+2500)/")]
        public void A_date_in_no_form_read_is_refused_naming_the_forms(string culture, string text)
        {
            var values = Session(culture);
            Assert.False(values.TryReadDate(text, out _));
            var sample = new DateTime(2015, 3, 31);
            Assert.Equal(
                $"'{text}' is not a date: the forms read are ISO 8601 (2015-03-31, optionally with a time and an offset or Z), \\/Date(milliseconds)\\/ " +
                $"and {culture}'s ({sample.ToString("d", new CultureInfo(culture))} or {sample.ToString("G", new CultureInfo(culture))}); " +
                "an import reads another culture's with -Culture",
                values.NotADate(text));
        }

        [Fact]
        public void A_DateTimeOffset_is_its_own_date_and_a_DateTime_not_of_kind_Utc_too()
        {
            Assert.Equal(new DateTime(2014, 4, 1), ValueText.DayOf(new DateTimeOffset(2014, 4, 1, 0, 0, 0, TimeSpan.FromHours(2))));
            Assert.Equal(new DateTime(2014, 3, 31), ValueText.DayOf(new DateTimeOffset(2014, 3, 31, 23, 0, 0, TimeSpan.FromHours(-8))));
            Assert.Equal(new DateTime(2014, 4, 2), ValueText.DayOf(new DateTime(2014, 4, 2, 23, 59, 0, DateTimeKind.Local)));
            Assert.Equal(new DateTime(2014, 4, 2), ValueText.DayOf(new DateTime(2014, 4, 2, 23, 59, 0, DateTimeKind.Unspecified)));
        }

        [Fact]
        public void A_DateTime_of_kind_Utc_is_its_day_in_this_time_zone()
        {
            var utc = new DateTime(2014, 3, 31, 23, 0, 0, DateTimeKind.Utc);
            Assert.Equal(TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZoneInfo.Local).Date, ValueText.DayOf(utc));
        }

        [Theory]
        [InlineData("2015", 2015)]
        [InlineData(" 2015 ", 2015)]
        [InlineData("-1", -1)]
        public void A_whole_number_reads(string text, int expected)
        {
            Assert.True(Session("de-DE").TryReadInteger(text, out var value, out _));
            Assert.Equal(expected, value);
        }

        [Theory]
        [InlineData("2.015")]
        [InlineData("2015.0")]
        [InlineData("MMXV")]
        public void Anything_else_is_not_a_whole_number(string text)
        {
            Assert.False(Session("de-DE").TryReadInteger(text, out _, out var problem));
            Assert.Equal($"'{text}' is not a whole number, such as a year like 2015", problem);
        }
    }
}
