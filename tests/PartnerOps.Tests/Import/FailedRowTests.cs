using System.IO;
using System.Linq;
using System.Text;
using PartnerOps.Import;
using Xunit;

namespace PartnerOps.Tests.Import
{
    public class FailedRowTests : ImportTestBase
    {
        [Fact]
        public void Rejected_rows_are_written_as_read_with_Line_and_Reason_and_import_again_once_fixed()
        {
            Add("Taken");
            var path = WriteCsv(
                "Name,Country,Notes,Extra",
                "Good,DE,,1",
                "Bad,XX,\"note, with comma\",2",
                "taken,DE,,3");
            var failed = Db.File("failed.csv");

            var result = Import(path, new ImportOptions { FailedRowPath = failed });

            Assert.Equal(2, result.Failed);
            var lines = File.ReadAllLines(failed);
            Assert.Equal("Name,Country,Notes,Extra,Line,Reason", lines[0]);
            Assert.Equal("Bad,XX,\"note, with comma\",2,3,\"column Country: 'XX' is not an ISO 3166-1 alpha-2 country code (for example DE, GB, CN, US, or XK for Kosovo).\"", lines[1]);
            Assert.StartsWith("taken,DE,,3,4,\"column Name: 'taken' already exists", lines[2]);
            Assert.Equal(3, lines.Length);

            // Fix the file and import it again as it is: Line and Reason are ignored.
            File.WriteAllText(failed, File.ReadAllText(failed).Replace("Bad,XX", "Bad,GB").Replace("taken,DE", "Taken Too,DE"));
            var again = Import(failed, new ImportOptions { FailedRowPath = Db.File("failed-again.csv") });

            Assert.Equal((2L, 2L, 0L), (again.Read, again.Inserted, again.Failed));
            Assert.Equal("GB", StoredPartner("Bad").Country);
            Assert.Equal("note, with comma", StoredPartner("Bad").Notes);
            Assert.Equal(new[] { "Name,Country,Notes,Extra,Line,Reason" }, File.ReadAllLines(Db.File("failed-again.csv")));
        }

        [Fact]
        public void A_failed_row_file_of_a_failed_row_file_has_Line_and_Reason_once()
        {
            var path = WriteFile("first.csv", "Name,Country,Line,Reason\nBad,XX,7,old reason\n");
            var failed = Db.File("failed.csv");

            Import(path, new ImportOptions { FailedRowPath = failed });

            var lines = File.ReadAllLines(failed);
            Assert.Equal("Name,Country,Line,Reason", lines[0]);
            Assert.StartsWith("Bad,XX,2,\"column Country:", lines[1]);
        }

        [Fact]
        public void The_failed_row_file_keeps_the_delimiter_and_encoding_so_the_same_options_import_it()
        {
            var latin1 = Encoding.GetEncoding(28591);
            var path = WriteFile("in.csv", "Name;Country;Notes\nMüller;XX;a;b\n", latin1);
            var failed = Db.File("failed.csv");
            var options = new ImportOptions { Delimiter = ';', Encoding = latin1, FailedRowPath = failed };

            Import(path, options);

            Assert.Equal("Name;Country;Notes;Line;Reason", File.ReadAllLines(failed, latin1)[0]);
            File.WriteAllText(failed, File.ReadAllText(failed, latin1).Replace("XX", "AT"), latin1);
            var again = Import(failed, new ImportOptions { Delimiter = ';', Encoding = latin1 });
            Assert.Equal(1, again.Inserted);
            Assert.Equal("AT", StoredPartner("Müller").Country);
        }

        [Fact]
        public void Rows_of_a_JSON_file_are_written_as_CSV_with_the_columns_the_import_reads()
        {
            var path = WriteFile("in.json", @"[{ ""PartnerName"": ""Bad"", ""Country"": ""XX"", ""Shoe"": 44, ""Notes"": ""a,b"" }]");
            var failed = Db.File("failed.csv");

            Import(path, new ImportOptions { FailedRowPath = failed });

            var lines = File.ReadAllLines(failed);
            Assert.Equal("Name,Type,Tier,Status,Region,Country,JoinedOn,EndedOn,Notes,StatusDate,TierDate,EndReason,Line,Reason", lines[0]);
            Assert.StartsWith("Bad,,,,,XX,,,\"a,b\",,,,1,\"column Country:", lines[1]);
        }

        [Fact]
        public void Without_failures_the_file_has_only_its_header()
        {
            var path = WriteCsv("Name", "Fine");
            var failed = Db.File("sub/failed.csv");

            Import(path, new ImportOptions { FailedRowPath = failed });

            Assert.Equal(new[] { "Name,Line,Reason" }, File.ReadAllLines(failed));
        }

        [Fact]
        public void A_row_the_database_rejects_is_given_back_exactly_as_read()
        {
            Add("Dup");
            var path = WriteCsv("Name,Notes", "\"dup\",\"line1", "line2 \"\"q\"\"\"");

            Import(path, new ImportOptions { FailedRowPath = Db.File("failed.csv") });

            var error = Assert.Single(Listener.Errors);
            Assert.Equal(new[] { "dup", "line1\nline2 \"q\"" }, error.Values.ToArray());
            Assert.Equal(2, error.Line);
        }
    }
}
