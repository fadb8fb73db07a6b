using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using PartnerOps.Import;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests.Import
{
    public class CsvImportTests : ImportTestBase
    {
        [Fact]
        public void Every_partner_column_is_imported_and_normalised_as_Add_Partner_does()
        {
            var path = WriteCsv(
                "Name,Type,Tier,Status,Region,Country,JoinedOn,EndedOn,Notes",
                "  Bechtle AG ,reseller,PLATINUM,Active, Western Europe ,de,2011-03-14,,Top partner",
                "Ingram Micro,Distributor,Gold,Terminated,Western Europe,NL,2011-05-02,2014-12-31,",
                "Minimal,,,,,,,,");

            var result = Import(path);

            Assert.Equal(3, result.Read);
            Assert.Equal(3, result.Inserted);
            Assert.Equal(0, result.Failed);
            Assert.False(result.RolledBack);
            var bechtle = StoredPartner("Bechtle AG");
            Assert.Equal(PartnerType.Reseller, bechtle.Type);
            Assert.Equal(PartnerTier.Platinum, bechtle.Tier);
            Assert.Equal("Western Europe", bechtle.Region);
            Assert.Equal("DE", bechtle.Country);
            Assert.Equal(new DateTime(2011, 3, 14), bechtle.JoinedOn);
            Assert.Equal("Top partner", bechtle.Notes);
            Assert.Equal(Now, bechtle.CreatedAt);
            Assert.Equal(Now, bechtle.UpdatedAt);
            Assert.Equal(new DateTime(2014, 12, 31), StoredPartner("Ingram Micro").EndedOn);

            var minimal = StoredPartner("Minimal");
            Assert.Equal(PartnerType.Other, minimal.Type);
            Assert.Equal(PartnerTier.Registered, minimal.Tier);
            Assert.Equal(PartnerStatus.Active, minimal.Status);
            Assert.Null(minimal.Region);
            Assert.Null(minimal.Country);
            Assert.Null(minimal.Notes);
            Assert.Equal(Today, minimal.JoinedOn);
        }

        [Fact]
        public void An_imported_partner_is_stored_exactly_as_Add_Partner_stores_it()
        {
            var path = WriteCsv("Name,Type,Tier,Status,Region,Country,JoinedOn,Notes", "Imported,Consultancy,Silver,Terminated,Nordics,se,2012-02-01,n");
            Import(path);
            using (var store = Db.Open())
            {
                store.BeginWrite();
                Repository(store).Add(Draft("Added", PartnerType.Consultancy, PartnerTier.Silver, PartnerStatus.Terminated, "Nordics", "se", new DateTime(2012, 2, 1), notes: "n"));
                store.Commit();
            }

            using var raw = OpenRaw(Db.Path_);
            using var command = raw.CreateCommand();
            command.CommandText = "SELECT type, tier, status, region, country, joined_on, ended_on, notes, created_at, updated_at FROM partners ORDER BY id";
            using var reader = command.ExecuteReader();
            var rows = new System.Collections.Generic.List<string>();
            while (reader.Read())
            {
                rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : reader.GetString(i))));
            }

            Assert.Equal(2, rows.Count);
            Assert.Equal(rows[1], rows[0]);
        }

        [Fact]
        public void Headers_match_ignoring_case_PartnerName_stands_for_Name_and_other_columns_are_ignored()
        {
            var path = WriteCsv(
                "ID,partnername,COUNTRY,CreatedAt,UpdatedAt,Shoe Size",
                "17,Alpha,gb,2000-01-01,2000-01-01,44");

            var result = Import(path);

            Assert.Equal(1, result.Inserted);
            var alpha = StoredPartner("Alpha");
            Assert.Equal("GB", alpha.Country);
            Assert.NotEqual(17, alpha.Id);
            Assert.Equal(Now, alpha.CreatedAt);
        }

        [Fact]
        public void Name_and_PartnerName_together_are_one_column_twice_and_nothing_is_imported()
        {
            // Both name the partner's Name: one would be dropped, so the header is refused (it was "Name wins" before).
            var path = WriteCsv("Name,PartnerName", "Alpha,Lost", ",Beta");
            var ex = Assert.Throws<PartnerOpsException>(() => Import(path));
            Assert.Equal(ErrorIds.ImportHeaderInvalid, ex.ErrorId);
            Assert.Contains("'Name' (2 times, as 'Name' and 'PartnerName': columns 1, 2)", ex.Message);
            Assert.Empty(Stored());
        }

        [Fact]
        public void Quoted_fields_keep_delimiters_quotes_and_line_breaks()
        {
            var path = WriteCsv(
                "Name,Notes",
                "\"Atos, Infogérance\",\"Said \"\"yes\"\"\"",
                "Multi,\"line one",
                "line two\r",
                "line three\"");

            Import(path);

            Assert.Equal("Said \"yes\"", StoredPartner("Atos, Infogérance").Notes);
            Assert.Equal("line one\nline two\r\nline three", StoredPartner("Multi").Notes);
        }

        [Fact]
        public void Line_numbers_count_the_lines_of_multi_line_fields_and_blank_lines()
        {
            var path = WriteCsv(
                "Name,Country,Notes",
                "One,DE,\"a",
                "b",
                "c\"",
                "",
                "Two,XX,",
                "\"Three",
                "\",DE,",
                "Four,YY,");

            var result = Import(path);

            Assert.Equal(4, result.Read);
            Assert.Equal(2, result.Failed);
            Assert.Equal(new long[] { 6, 9 }, Listener.Errors.Select(e => e.Line).ToArray());
            Assert.Equal("Line 6, column Country: 'XX' is not an ISO 3166-1 alpha-2 country code (for example DE, GB, CN, US, or XK for Kosovo).", Listener.Errors[0].Message);
            Assert.Equal(PartnerType.Other, StoredPartner("Three").Type); // "Three\n", trimmed
        }

        [Fact]
        public void A_UTF8_byte_order_mark_is_not_part_of_the_first_column_name()
        {
            var path = WriteFile("bom.csv", "Name,Country\nAlpha,DE\n", new UTF8Encoding(true));
            Assert.Equal(0xEF, File.ReadAllBytes(path)[0]);

            Assert.Equal(1, Import(path).Inserted);
        }

        [Fact]
        public void Delimiter_and_Encoding_are_honoured()
        {
            var latin1 = Encoding.GetEncoding(28591);
            var path = WriteFile("latin1.csv", "Name;Notes;Country\nMüller GmbH;Straße 1, Köln;DE\n", latin1);

            var result = Import(path, new ImportOptions { Delimiter = ';', Encoding = latin1 });

            Assert.Equal(1, result.Inserted);
            Assert.Equal("Straße 1, Köln", StoredPartner("Müller GmbH").Notes);
        }

        [Fact]
        public void A_UTF16_file_with_its_byte_order_mark_is_read_without_being_told()
        {
            var path = WriteFile("utf16.csv", "Name,Notes\nÆgir,ünïcødé\n", new UnicodeEncoding(false, true));

            Import(path);

            Assert.Equal("ünïcødé", StoredPartner("Ægir").Notes);
        }

        [Theory]
        [InlineData("")]
        [InlineData("Name,Type,Country\n")]
        [InlineData("Name,Type,Country")]
        [InlineData("\uFEFFName,Country\r\n\r\n")]
        public void An_empty_file_or_one_with_only_a_header_is_zero_rows(string content)
        {
            var path = WriteFile("empty.csv", content);

            var result = Import(path);

            Assert.Equal(0, result.Read);
            Assert.Equal(0, result.Inserted);
            Assert.Equal(0, result.Failed);
            Assert.Empty(Stored());
        }

        [Fact]
        public void A_file_without_a_Name_column_fails_as_a_whole_before_anything_is_written()
        {
            var path = WriteCsv("Company,Country", "Alpha,DE");

            var ex = ThrowsPartnerOps(ErrorIds.ImportHeaderInvalid, () => PartnerImport.Open(path, new ImportOptions(), () => Now));

            Assert.Equal(FailureKind.InvalidData, ex.Kind);
            Assert.Contains("no Name (or PartnerName) column", ex.Message);
            Assert.Contains("Company, Country", ex.Message);
            Assert.False(File.Exists(Db.Path_));
        }

        [Fact]
        public void A_missing_file_is_ImportFileNotFound()
        {
            var ex = ThrowsPartnerOps(ErrorIds.ImportFileNotFound, () => PartnerImport.Open(Db.File("nope.csv"), new ImportOptions()));
            Assert.Equal(FailureKind.NotFound, ex.Kind);
            Assert.Contains("nope.csv", ex.Message);
        }

        [Fact]
        public void Each_bad_value_is_one_row_error_naming_line_column_and_value_and_nothing_of_the_row_is_written()
        {
            var path = WriteCsv(
                "Name,Type,Tier,Status,Region,Country,JoinedOn,EndedOn,Notes",
                "Good,,,,,,,,",
                ",Reseller,,,,,,,",
                "BadType,Resseler,,,,,,,",
                "BadTier,,Diamond,,,,,,",
                "BadStatus,,,Asleep,,,,,",
                "BadCountry,,,,,XX,,,",
                "BadDate,,,,,,31/12/2015,,",
                "EndsEarly,,,,,,2015-01-01,2014-01-01,",
                "TooLong" + new string('x', 300) + ",,,,,,,,",
                "BadRegion,,,,\"" + new string('r', 101) + "\",,,,");

            var result = Import(path);

            Assert.Equal(10, result.Read);
            Assert.Equal(1, result.Inserted);
            Assert.Equal(9, result.Failed);
            Assert.Equal(new[] { "Good" }, Stored().Select(p => p.Name).ToArray());
            var errors = Listener.Errors;
            Assert.Equal(
                new[] { "Name", "Type", "Tier", "Status", "Country", "JoinedOn", "EndedOn", "Name", "Region" },
                errors.Select(e => e.Column).ToArray());
            Assert.Equal(new long[] { 3, 4, 5, 6, 7, 8, 9, 10, 11 }, errors.Select(e => e.Line).ToArray());
            Assert.StartsWith("Line 4, column Type: 'Resseler' is not a Type; valid values are Reseller, Distributor,", errors[1].Message);
            Assert.Contains("'Diamond'", errors[2].Message);
            Assert.Contains("'31/12/2015' is not a date", errors[5].Message);
            Assert.Contains("'2014-01-01' is not valid: a relationship cannot end before it began", errors[6].Message);
            Assert.Contains("at most 200 characters", errors[7].Message);
        }

        [Fact]
        public void A_malformed_CSV_row_fails_alone()
        {
            var path = WriteFile("bad.csv", "Name,Notes\nOne,\"x\"y\nTwo,fine\nThree,\"never closed\nFour,x\n");

            var result = Import(path);

            Assert.Equal(3, result.Read);
            Assert.Equal(2, result.Failed);
            Assert.Equal(new[] { "Two" }, Stored().Select(p => p.Name).ToArray());
            Assert.Equal("Line 2, the row is not valid: text follows the closing quote of a field", Listener.Errors[0].Message);
            Assert.Contains("a quoted field is not closed", Listener.Errors[1].Message);
            Assert.Equal(4, Listener.Errors[1].Line);
        }

        [Fact]
        public void Dates_are_ISO_or_the_threads_culture_by_default_as_Export_Csv_writes_them()
        {
            // Issue 12: a file Export-Csv wrote in the session's culture imports as Import-Csv | Add-Partner reads it.
            var saved = CultureInfo.CurrentCulture;
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            try
            {
                var path = WriteCsv(
                    "Name,JoinedOn",
                    "Iso,2015-06-30",
                    "IsoTime,2015-06-30T13:45:00",
                    "IsoOffset,2015-06-30T23:30:00-05:00",
                    "German,30.06.2015",
                    "GermanExported,30.06.2015 00:00:00",
                    "Invariant,06/30/2015 00:00:00",
                    "InvariantDate,06/30/2015");

                var result = Import(path);

                Assert.Equal(5, result.Inserted);
                Assert.All(Stored(), p => Assert.Equal(new DateTime(2015, 6, 30), p.JoinedOn));
                Assert.Equal(new[] { "Invariant", "InvariantDate" }, Listener.Errors.Select(e => e.Values[0]).ToArray());
                Assert.Contains("de-DE's (31.03.2015 or 31.03.2015 00:00:00)", Listener.Errors[0].Reason);
                Assert.Contains("-Culture", Listener.Errors[0].Reason);
            }
            finally
            {
                CultureInfo.CurrentCulture = saved;
            }
        }

        [Fact]
        public void Culture_opts_in_to_another_cultures_dates_and_ISO_still_works()
        {
            var path = WriteCsv("Name,JoinedOn", "German,30.06.2015", "Iso,2015-06-30");

            var result = Import(path, new ImportOptions { Culture = new CultureInfo("de-DE") });

            Assert.Equal(2, result.Inserted);
            Assert.All(Stored(), p => Assert.Equal(new DateTime(2015, 6, 30), p.JoinedOn));
        }
    }
}
