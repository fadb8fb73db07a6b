using System;
using System.Diagnostics;
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

        private static void Run(string program, params string[] arguments)
        {
            var start = new ProcessStartInfo(program) { UseShellExecute = false };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
        }

        private static string Kind(string path) => new FileInfo(path).LinkTarget != null ? "link" : File.GetAttributes(path).ToString();

        [UnixFileKindFact]
        public void A_symbolic_link_is_written_through_and_stays_a_link_to_the_new_report()
        {
            var real = Path.Combine(_folder, "web", "report.html");
            Directory.CreateDirectory(Path.GetDirectoryName(real)!);
            File.WriteAllText(real, "OLD");
            var link = Path.Combine(_folder, "link.html");
            File.CreateSymbolicLink(link, Path.Combine("web", "report.html"));

            ReportFile.Write(link, stream => WriteText(stream, "NEW"));

            Assert.Equal("link", Kind(link));
            Assert.Equal(Path.Combine("web", "report.html"), new FileInfo(link).LinkTarget);
            Assert.Equal("NEW", File.ReadAllText(real));
            Assert.Equal(new[] { "report.html" }, Directory.GetFiles(Path.GetDirectoryName(real)!).Select(Path.GetFileName).ToArray());
        }

        [UnixFileKindFact]
        public void A_chain_of_links_is_followed_to_the_final_file()
        {
            var real = Path.Combine(_folder, "real.html");
            File.WriteAllText(real, "OLD");
            File.CreateSymbolicLink(Path.Combine(_folder, "first.html"), real);
            File.CreateSymbolicLink(Path.Combine(_folder, "second.html"), Path.Combine(_folder, "first.html"));

            ReportFile.Write(Path.Combine(_folder, "second.html"), stream => WriteText(stream, "NEW"));

            Assert.Equal("NEW", File.ReadAllText(real));
            Assert.Equal("link", Kind(Path.Combine(_folder, "first.html")));
            Assert.Equal("link", Kind(Path.Combine(_folder, "second.html")));
        }

        [UnixFileKindFact]
        public void A_dangling_link_whose_target_folder_exists_makes_the_target()
        {
            var real = Path.Combine(_folder, "not-yet.html");
            var link = Path.Combine(_folder, "link.html");
            File.CreateSymbolicLink(link, real);

            ReportFile.Write(link, stream => WriteText(stream, "NEW"));

            Assert.Equal("NEW", File.ReadAllText(real));
            Assert.Equal(real, new FileInfo(link).LinkTarget);
        }

        [UnixFileKindFact]
        public void A_dangling_link_into_a_missing_folder_is_refused_naming_the_link_and_the_target()
        {
            var real = Path.Combine(_folder, "gone", "report.html");
            var link = Path.Combine(_folder, "link.html");
            File.CreateSymbolicLink(link, real);

            var ex = ThrowsPartnerOps(ErrorIds.ReportPathInvalid, () => ReportFile.Write(link, stream => WriteText(stream, "NEW")));

            Assert.Contains($"'{link}' is a symbolic link to '{real}'", ex.Message);
            Assert.Contains(Path.Combine(_folder, "gone") + "' does not exist", ex.Message);
            Assert.Equal(real, new FileInfo(link).LinkTarget);
            Assert.False(Directory.Exists(Path.Combine(_folder, "gone")));
        }

        [UnixFileKindFact]
        public void A_link_to_a_folder_is_refused_naming_both()
        {
            var folder = Directory.CreateDirectory(Path.Combine(_folder, "reports")).FullName;
            var link = Path.Combine(_folder, "to-folder");
            File.CreateSymbolicLink(link, folder);

            var ex = ThrowsPartnerOps(ErrorIds.ReportPathInvalid, () => ReportFile.Write(link, stream => WriteText(stream, "NEW")));

            Assert.Contains(link, ex.Message);
            Assert.Contains("is a folder", ex.Message);
            Assert.Empty(Directory.GetFileSystemEntries(folder));
            Assert.Equal(folder, new DirectoryInfo(link).LinkTarget);
        }

        [UnixFileKindFact]
        public void A_loop_of_links_is_refused_naming_the_path()
        {
            var first = Path.Combine(_folder, "a.html");
            var second = Path.Combine(_folder, "b.html");
            File.CreateSymbolicLink(first, second);
            File.CreateSymbolicLink(second, first);

            var ex = ThrowsPartnerOps(ErrorIds.ReportPathInvalid, () => ReportFile.Write(first, stream => WriteText(stream, "NEW")));

            Assert.Contains($"'{first}' is a symbolic link that cannot be followed", ex.Message);
            Assert.Equal(new[] { "a.html", "b.html" }, Directory.GetFileSystemEntries(_folder).Select(Path.GetFileName).OrderBy(n => n).ToArray());
        }

        [UnixFileKindFact]
        public void A_fifo_is_refused_and_left_as_it_is()
        {
            var fifo = Path.Combine(_folder, "fifo.html");
            Run("mkfifo", fifo);

            var ex = ThrowsPartnerOps(ErrorIds.ReportPathInvalid, () => ReportFile.Write(fifo, stream => WriteText(stream, "NEW")));

            Assert.Equal(FailureKind.InvalidArgument, ex.Kind);
            Assert.Contains($"'{fifo}' is a FIFO (named pipe), not a regular file", ex.Message);
            Assert.Equal(new[] { "fifo.html" }, Directory.GetFileSystemEntries(_folder).Select(Path.GetFileName).ToArray());
            Assert.Equal(0, new FileInfo(fifo).Length);
            Assert.Throws<PartnerOpsException>(() => ReportFile.RequireFilePath(fifo));
        }

        [UnixFileKindFact]
        public void Dev_null_is_refused_by_the_path_check_and_stays_a_character_device()
        {
            var ex = ThrowsPartnerOps(ErrorIds.ReportPathInvalid, () => ReportFile.RequireFilePath("/dev/null"));
            Assert.Contains("'/dev/null' is a character device, not a regular file", ex.Message);
            Run("test", "-c", "/dev/null");
        }

        [UnixFileKindFact]
        public void A_link_to_dev_null_is_refused_naming_the_device()
        {
            var link = Path.Combine(_folder, "null.html");
            File.CreateSymbolicLink(link, "/dev/null");
            var ex = ThrowsPartnerOps(ErrorIds.ReportPathInvalid, () => ReportFile.Write(link, stream => WriteText(stream, "NEW")));
            Assert.Contains($"'{link}' (a symbolic link to '/dev/null') is a character device", ex.Message);
            Run("test", "-c", "/dev/null");
        }

        [UnixFileKindFact]
        [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
        public void A_replaced_file_keeps_its_mode_0600()
        {
            var path = Path.Combine(_folder, "private.html");
            File.WriteAllText(path, "OLD");
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

            ReportFile.Write(path, stream => WriteText(stream, "NEW"));

            Assert.Equal("NEW", File.ReadAllText(path));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        [UnixFileKindFact]
        [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
        public void A_replaced_file_keeps_its_owner_when_the_process_is_root()
        {
            if (Environment.UserName != "root")
            {
                return;
            }

            var path = Path.Combine(_folder, "owned.html");
            File.WriteAllText(path, "OLD");
            Run("chown", "65534:65534", path);
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

            ReportFile.Write(path, stream => WriteText(stream, "NEW"));

            var owner = new ProcessStartInfo("stat", $"-c %u:%g:%a {path}") { RedirectStandardOutput = true };
            using var process = Process.Start(owner)!;
            Assert.Equal("65534:65534:640", process.StandardOutput.ReadToEnd().Trim());
        }

        [Fact]
        public void A_read_only_file_is_refused_and_left_as_it_is()
        {
            var path = Path.Combine(_folder, "locked.html");
            File.WriteAllText(path, "OLD");
            new FileInfo(path).IsReadOnly = true;
            if (!new FileInfo(path).IsReadOnly)
            {
                return;
            }

            var ex = ThrowsPartnerOps(ErrorIds.ReportPathInvalid, () => ReportFile.Write(path, stream => WriteText(stream, "NEW")));

            Assert.Equal(FailureKind.ReadOnly, ex.Kind);
            Assert.Contains($"'{path}' is a read-only file", ex.Message);
            Assert.Equal("OLD", File.ReadAllText(path));
            Assert.True(new FileInfo(path).IsReadOnly);
            new FileInfo(path).IsReadOnly = false;
        }
    }

    /// <summary>A fact about FIFOs, devices, Unix file modes and symbolic links (Windows has the first three not, the last only for administrators).</summary>
    public sealed class UnixFileKindFactAttribute : FactAttribute
    {
        public UnixFileKindFactAttribute()
        {
            if (OperatingSystem.IsWindows())
            {
                Skip = "Unix only: FIFOs, /dev/null and file modes do not exist on Windows, and making a symbolic link there needs administrator rights.";
            }
        }
    }
}
