using System;
using System.IO;
using System.Linq;
using System.Text;
using PartnerOps.Report;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests.Report
{
    public class ReportFileTests : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "partnerops-reportfile-" + Guid.NewGuid().ToString("N"));

        public ReportFileTests() => Directory.CreateDirectory(_folder);

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        private static void WriteText(Stream stream, string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            stream.Write(bytes, 0, bytes.Length);
        }

        [Fact]
        public void A_new_file_is_written_and_nothing_else_is_left_in_the_folder()
        {
            var path = Path.Combine(_folder, "report.html");
            ReportFile.Write(path, stream => WriteText(stream, "<!DOCTYPE html>"));
            Assert.Equal("<!DOCTYPE html>", File.ReadAllText(path));
            Assert.Equal(new[] { "report.html" }, Directory.GetFiles(_folder).Select(Path.GetFileName).ToArray());
        }

        [Fact]
        public void An_existing_larger_file_is_replaced_whole()
        {
            var path = Path.Combine(_folder, "weekly.html");
            File.WriteAllText(path, new string('x', 100_000));
            ReportFile.Write(path, stream => WriteText(stream, "this week"));
            Assert.Equal("this week", File.ReadAllText(path));
            Assert.Single(Directory.GetFiles(_folder));
        }

        [Fact]
        public void A_failed_write_leaves_the_old_file_as_it_was_and_no_partial_file()
        {
            var path = Path.Combine(_folder, "weekly.html");
            File.WriteAllText(path, "last week");
            var ex = Assert.Throws<InvalidOperationException>(() => ReportFile.Write(path, stream =>
            {
                WriteText(stream, "half a rep");
                throw new InvalidOperationException("the renderer failed");
            }));
            Assert.Equal("the renderer failed", ex.Message);
            Assert.Equal("last week", File.ReadAllText(path));
            Assert.Single(Directory.GetFiles(_folder));
        }

        [Fact]
        public void A_folder_is_refused_naming_it()
        {
            var ex = ThrowsPartnerOps(ErrorIds.ReportPathInvalid, () => ReportFile.RequireFilePath(_folder));
            Assert.Equal(FailureKind.InvalidArgument, ex.Kind);
            Assert.Contains(_folder, ex.Message);
            Assert.Contains("is a folder", ex.Message);
        }

        [Fact]
        public void A_path_in_a_missing_folder_is_refused_naming_the_folder_and_nothing_is_created()
        {
            var missing = Path.Combine(_folder, "missing");
            var ex = ThrowsPartnerOps(ErrorIds.ReportPathInvalid, () => ReportFile.Write(Path.Combine(missing, "report.html"), stream => WriteText(stream, "x")));
            Assert.Contains(missing + "' does not exist", ex.Message);
            Assert.False(Directory.Exists(missing));
        }

        [Fact]
        public void A_path_under_a_file_is_refused_saying_the_file_is_not_a_folder()
        {
            var file = Path.Combine(_folder, "plain.txt");
            File.WriteAllText(file, "x");
            var ex = ThrowsPartnerOps(ErrorIds.ReportPathInvalid, () => ReportFile.RequireFilePath(Path.Combine(file, "report.html")));
            Assert.Contains("is a file, not a folder", ex.Message);
        }
    }
}
