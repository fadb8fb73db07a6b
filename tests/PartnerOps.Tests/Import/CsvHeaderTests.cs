using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using PartnerOps.Import;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests.Import
{
    /// <summary>Issue 12, kind 2: headers and rows read as Import-Csv reads them; one failed-row file for several files.</summary>
    public class CsvHeaderTests : ImportTestBase
    {
        [Fact]
        public void A_column_twice_is_ImportHeaderInvalid_naming_it_and_its_positions()
        {
            var path = WriteCsv("Name,Country,Region, COUNTRY", "Acme,DE,NE,FR");

            var ex = ThrowsPartnerOps(ErrorIds.ImportHeaderInvalid, () => PartnerImport.Open(path, new ImportOptions(), () => Now));

            Assert.Contains("'Country' (2 times: columns 2, 4)", ex.Message);
            Assert.Contains(path, ex.Message);
        }

        [Fact]
        public void Values_are_trimmed_as_Import_Csv_trims_them()
        {
            // Import-Csv: leading spaces and tabs dropped; after a closing quote dropped; after an unquoted value the
            // first trailing space kept ("x  " -> "x "), all of it when text follows a space inside ("a b  " -> "a b  ").
            var path = WriteCsv("\"Name\", \"Notes\"", " \"One\" ,  x  ", "Two,\ta b  ", "Three, \" q \" ");

            var result = Import(path);

            Assert.Equal(3, result.Inserted);
            Assert.Equal("x ", StoredPartner("One").Notes);
            Assert.Equal("a b  ", StoredPartner("Two").Notes);
            Assert.Equal(" q ", StoredPartner("Three").Notes);
        }

        [Fact]
        public void Blank_rows_are_counted_not_failed_and_keep_line_numbers()
        {
            var path = WriteCsv("Name,Country", ",", " , ", "Bad,XX", "\"\",\"\"");

            var result = Import(path, new ImportOptions { Atomic = true });

            Assert.Equal(1, result.Read);
            Assert.Equal(3, result.Blank);
            Assert.Equal(1, result.Failed);
            Assert.Equal(4, Listener.Errors.Single().Line);
        }

        [Fact]
        public void A_sep_line_sets_the_delimiter_unless_DelimiterGiven_differs()
        {
            var path = WriteFile("excel.csv", "sep=;\r\nName;Notes\r\nAcme;a,b\r\n");

            Assert.Equal(1, Import(path).Inserted);
            Assert.Equal("a,b", StoredPartner("Acme").Notes);
            var ex = ThrowsPartnerOps(ErrorIds.ImportFileInvalid, () => PartnerImport.Open(path, new ImportOptions { Delimiter = '\t', DelimiterGiven = true }, () => Now));
            Assert.Contains("'sep=;'", ex.Message);
        }

        [Fact]
        public void Unknown_columns_are_one_warning_and_known_ignored_ones_none()
        {
            var path = WriteCsv("Name,Contry,Id,CreatedAt,UpdatedAt,Database,Line,Reason,File", "Acme,DE,1,,,,,,");

            Import(path);

            Assert.Equal(
                $"'{path}' has a column that the import does not know, so its values are not imported: 'Contry'. " +
                "The columns it reads that the file lacks: Type, Tier, Status, Region, Country, JoinedOn, EndedOn, Notes, StatusDate, TierDate, EndReason. Rename a misspelt column to import its values.",
                Assert.Single(Listener.Warnings));
        }

        [Fact]
        public void One_failed_row_writer_for_several_files_adds_File_and_new_columns_once_with_one_byte_order_mark()
        {
            var first = WriteFile("a.csv", "Name,Country\nBad A,XX\n");
            var second = WriteFile("b.csv", "Country,Name,Notes\nYY,Bad B,n\n");
            var failed = Db.File("failed.csv");
            var utf8Bom = new UTF8Encoding(true);

            using (var writer = new FailedRowWriter(failed))
            {
                foreach (var path in new[] { first, second })
                {
                    var listener = new RecordingListener();
                    using var job = PartnerImport.Open(path, new ImportOptions { Encoding = utf8Bom }, () => Now);
                    using var store = Db.Open();
                    Assert.Equal(1, job.Run(store, listener, CancellationToken.None, writer).Failed);
                }
            }

            var bytes = File.ReadAllBytes(failed);
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'N' }, bytes.Take(4).ToArray());
            var reason = "column Country: '{0}' is not an ISO 3166-1 alpha-2 country code (for example DE, GB, CN, US, or XK for Kosovo).";
            Assert.Equal(
                new[]
                {
                    "Name,Country,Notes,Line,Reason,File",
                    $"Bad A,XX,,2,\"{string.Format(reason, "XX")}\",{first}",
                    $"Bad B,YY,n,2,\"{string.Format(reason, "YY")}\",{second}",
                },
                File.ReadAllLines(failed, utf8Bom));
        }
    }
}
