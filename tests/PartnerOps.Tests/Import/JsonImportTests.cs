using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PartnerOps.Import;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests.Import
{
    public class JsonImportTests : ImportTestBase
    {
        [Fact]
        public void An_array_of_objects_is_imported_with_properties_matched_ignoring_case()
        {
            var path = WriteFile("partners.json", @"[
  { ""Name"": ""Bechtle AG"", ""type"": ""Reseller"", ""TIER"": ""Platinum"", ""Country"": ""de"", ""JoinedOn"": ""2011-03-14T00:00:00"" },
  { ""PartnerName"": ""Digital China"", ""Type"": ""Distributor"", ""Id"": 42, ""Notes"": null, ""Active"": true }
]");

            var result = Import(path);

            Assert.Equal((2L, 2L, 0L), (result.Read, result.Inserted, result.Failed));
            var bechtle = StoredPartner("Bechtle AG");
            Assert.Equal(PartnerTier.Platinum, bechtle.Tier);
            Assert.Equal("DE", bechtle.Country);
            Assert.Equal(new DateTime(2011, 3, 14), bechtle.JoinedOn);
            Assert.Equal(PartnerType.Distributor, StoredPartner("Digital China").Type);
        }

        [Fact]
        public void Numbers_and_booleans_are_read_as_their_text()
        {
            var path = WriteFile("p.json", @"[{ ""Name"": 1234, ""Notes"": true, ""Type"": 1 }]");

            Import(path);

            var partner = StoredPartner("1234");
            Assert.Equal("True", partner.Notes);
            Assert.Equal(PartnerType.Distributor, partner.Type);
        }

        [Fact]
        public void One_object_on_its_own_is_one_row()
        {
            var path = WriteFile("one.json", @"{ ""Name"": ""Solo"", ""Tier"": ""Gold"" }");

            Assert.Equal(1, Import(path).Inserted);
            Assert.Equal(PartnerTier.Gold, StoredPartner("Solo").Tier);
        }

        [Theory]
        [InlineData("")]
        [InlineData("  \n ")]
        [InlineData("[]")]
        [InlineData("\uFEFF[ ]\n")]
        public void An_empty_file_or_an_empty_array_is_zero_rows(string content)
        {
            var path = WriteFile("empty.json", content);
            var result = Import(path);
            Assert.Equal((0L, 0L, 0L), (result.Read, result.Inserted, result.Failed));
        }

        [Fact]
        public void Errors_name_the_line_each_object_begins_on()
        {
            var path = WriteFile("lines.json", "[\n  {\"Name\": \"A\"},\n  {\n    \"Name\": \"B\",\n    \"Country\": \"XX\"\n  },\n  {\"Name\": \"C\", \"Country\": \"YY\"}\n]\n");

            var result = Import(path);

            Assert.Equal(2, result.Failed);
            Assert.Equal(new long[] { 3, 7 }, Listener.Errors.Select(e => e.Line).ToArray());
            Assert.Equal("Line 3, column Country: 'XX' is not an ISO 3166-1 alpha-2 country code (for example DE, GB, CN, US, or XK for Kosovo).", Listener.Errors[0].Message);
        }

        [Fact]
        public void Line_numbers_stay_right_across_buffer_refills_and_long_values()
        {
            // Roughly 600 KB: many refills of the 64 KB buffer, and a string longer than the buffer.
            var json = new StringBuilder("[\n");
            for (var i = 1; i <= 3000; i++)
            {
                json.Append("  {\"Name\": \"P").Append(i).Append("\", \"Notes\": \"").Append('n', 150).Append("\",\n   \"Country\": \"")
                    .Append(i % 1000 == 0 ? "XX" : "DE").Append("\"}").Append(i < 3000 ? ",\n" : "\n");
            }

            json.Append("]\n");
            var path = WriteFile("big.json", json.ToString().Replace("\"P1500\", \"Notes\": \"", "\"P1500\", \"Notes\": \"" + new string('l', 100 * 1024)));

            var result = Import(path);

            Assert.Equal(3000, result.Read);
            Assert.Equal(4, result.Failed);

            // Object i starts on line 2i; the long Notes of P1500 fails alone (over 4000 characters).
            Assert.Equal(new long[] { 2000, 3000, 4000, 6000 }.Where(l => l != 3000).ToArray(), Listener.Errors.Where(e => e.Column == "Country").Select(e => e.Line).ToArray());
            Assert.Equal("Notes", Listener.Errors.Single(e => e.Line == 3000).Column);
        }

        [Fact]
        public void A_list_or_object_in_a_known_property_fails_its_row_alone_and_unknown_properties_are_ignored()
        {
            var path = WriteFile("nested.json", @"[
{ ""Name"": ""A"", ""Country"": { ""Code"": ""DE"" } },
{ ""Name"": ""B"", ""Notes"": [1, [2, 3]] },
{ ""Name"": ""C"", ""Address"": { ""City"": ""Berlin"" }, ""Tags"": [1, [2, 3]], ""Country"": [""CN""] },
42
]");

            var result = Import(path);

            Assert.Equal(4, result.Read);
            Assert.Equal(3, result.Failed);
            Assert.Equal(new[] { "C" }, Stored().Select(p => p.Name).ToArray());
            Assert.Equal("CN", Stored().Single().Country);
            Assert.Contains("property 'Country' holds a JSON object ({\"Code\":\"DE\"})", Listener.Errors[0].Message);
            Assert.Contains("property 'Notes' holds 2 values ([1,[2,3]])", Listener.Errors[1].Message);
            Assert.StartsWith("Line 5, the row is not valid: the array item is not a JSON object (42)", Listener.Errors[2].Message);
        }

        // Found by the import property: an escape that leaves half a surrogate pair is valid JSON syntax, but
        // reading it as a string threw InvalidOperationException, which ended the import as a crash.
        [Fact]
        public void A_lone_surrogate_escape_fails_its_row_alone()
        {
            var path = WriteFile("surrogate.json", "[\n{\"Name\": \"A\\ud800\"},\n{\"Name\": \"B\", \"\\udc00\": 1},\n{\"Name\": \"C \\ud83d\\ude00\"}\n]");

            var result = Import(path);

            Assert.Equal(3, result.Read);
            Assert.Equal(2, result.Failed);
            Assert.Equal(new[] { "C \U0001F600" }, Stored().Select(p => p.Name).ToArray());
            Assert.Equal("Line 2, the row is not valid: the value of property 'Name' holds half of a surrogate pair (a lone \\uD800-\\uDFFF escape), which is not Unicode text", Listener.Errors[0].Message);
            Assert.Equal(3, Listener.Errors[1].Line);
            Assert.Contains("a property name holds half of a surrogate pair", Listener.Errors[1].Message);
        }

        // Found by the import property: a UTF-16 file (byte-order mark FF FE) holding a high surrogate with no low one after it
        // could not be decoded, and the decoder's DecoderFallbackException ended the import as a crash.
        [Fact]
        public void Bytes_its_encoding_cannot_decode_are_ImportFileInvalid_naming_them()
        {
            var path = WriteFile("utf16.json", string.Empty);
            var bytes = new List<byte> { 0xFF, 0xFE };
            bytes.AddRange(Encoding.Unicode.GetBytes("[{\"Name\": \"A"));
            bytes.AddRange(new byte[] { 0x00, 0xD8, 0x41, 0x00 }); // U+D800, then 'A': half a surrogate pair
            bytes.AddRange(Encoding.Unicode.GetBytes("\"}]"));
            File.WriteAllBytes(path, bytes.ToArray());

            var ex = ThrowsPartnerOps(ErrorIds.ImportFileInvalid, () => Import(path));

            Assert.Contains("utf16.json", ex.Message);
            Assert.Contains("00 D8", ex.Message);
            Assert.Contains("not text in its encoding", ex.Message);
            Assert.Empty(Stored());
        }

        [Fact]
        public void Invalid_JSON_stops_the_import_naming_the_line()
        {
            var path = WriteFile("broken.json", "[\n{\"Name\": \"A\"},\n{\"Name\": \"B\",,}\n]");

            var ex = ThrowsPartnerOps(ErrorIds.ImportFileInvalid, () => Import(path));

            Assert.Contains("Line 3", ex.Message);
            Assert.Contains("not valid JSON", ex.Message);
        }

        [Fact]
        public void A_file_that_is_not_an_array_of_objects_is_ImportFileInvalid()
        {
            var path = WriteFile("string.json", "\"just text\"");
            ThrowsPartnerOps(ErrorIds.ImportFileInvalid, () => Import(path));
        }

        [Fact]
        public void The_first_objects_properties_stand_in_for_a_header()
        {
            var path = WriteFile("noname.json", @"[{ ""Company"": ""A"" }, { ""Name"": ""B"" }]");

            var ex = ThrowsPartnerOps(ErrorIds.ImportHeaderInvalid, () => PartnerImport.Open(path, new ImportOptions()));

            Assert.Contains("Company", ex.Message);
        }

        [Fact]
        public void A_UTF16_file_as_Windows_PowerShell_writes_it_is_read()
        {
            var path = WriteFile("utf16.json", @"[{ ""Name"": ""Ægir"", ""JoinedOn"": ""\/Date(1435622400000)\/"" }]", new UnicodeEncoding(false, true));

            Import(path);

            Assert.Equal(new DateTime(2015, 6, 30), StoredPartner("Ægir").JoinedOn);
        }

        [Fact]
        public void The_extension_decides_the_format_unless_Format_is_given()
        {
            var path = WriteFile("partners.txt", @"[{ ""Name"": ""A"" }]");
            Assert.Equal(1, Import(path, new ImportOptions { Format = ImportFormat.Json }).Inserted);
            Assert.Equal(ImportFormat.Json, ImportOptions.FormatOf("x.JSON"));
            Assert.Equal(ImportFormat.Csv, ImportOptions.FormatOf("x.csv"));
        }
    }
}
