using System;
using System.IO;
using System.Runtime.InteropServices;
using PartnerOps.Sqlite;
using Xunit;

namespace PartnerOps.Tests
{
    /// <summary>File system helpers .NET has no call for.</summary>
    internal static class FileLinks
    {
        /// <summary>Gives the file at <paramref name="target"/> a second name (a hard link) at <paramref name="link"/>.</summary>
        public static void CreateHardLink(string link, string target)
        {
            var ok = RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
                ? CreateHardLinkW(link, target, IntPtr.Zero)
                : UnixLink(target, link) == 0;
            if (!ok)
            {
                throw new IOException($"Could not link '{link}' to '{target}' (error {Marshal.GetLastWin32Error()}).");
            }
        }

        [DllImport("libc", EntryPoint = "link", SetLastError = true)]
        private static extern int UnixLink([MarshalAs(UnmanagedType.LPStr)] string existing, [MarshalAs(UnmanagedType.LPStr)] string link);

        [DllImport("kernel32", EntryPoint = "CreateHardLinkW", CharSet = CharSet.Unicode, SetLastError = true)]
        [return: MarshalAs(UnmanagedType.Bool)]
        private static extern bool CreateHardLinkW(string link, string existing, IntPtr security);
    }

    /// <summary>A fact about Unix file modes (Windows has none; there identities go by the last write time).</summary>
    public sealed class UnixFactAttribute : FactAttribute
    {
        public UnixFactAttribute()
        {
            if (OperatingSystem.IsWindows())
            {
                Skip = "Unix file modes do not exist on Windows.";
            }
        }
    }

    public class FileIdentityTests : IDisposable
    {
        private readonly TempDatabase _folder = new TempDatabase();

        public void Dispose() => _folder.Dispose();

        private string NewFile(string name, string content = "some content")
        {
            var path = _folder.File(name);
            File.WriteAllText(path, content);
            return path;
        }

        private static FileIdentity Identity(string path) => FileIdentity.Of(path) ?? throw new Xunit.Sdk.XunitException($"No identity for '{path}'.");

        [Fact]
        public void A_hard_link_has_the_identity_of_its_target_and_both_count_two_names()
        {
            var target = NewFile("target.db");
            Assert.Equal(1, Identity(target).Links);

            var link = _folder.File("hard.db");
            FileLinks.CreateHardLink(link, target);

            Assert.True(Identity(link).SameFile(Identity(target)));
            Assert.True(Identity(target).SameFile(Identity(link)));
            Assert.True(Identity(link).Unchanged(Identity(target)));
            Assert.Equal(2, Identity(target).Links);
            Assert.Equal(2, Identity(link).Links);
        }

        [Fact]
        public void A_symbolic_link_has_the_identity_of_its_target_and_does_not_count_as_a_name()
        {
            var target = NewFile("target.db");
            var link = _folder.File("symbolic.db");
            File.CreateSymbolicLink(link, target);

            Assert.True(Identity(link).SameFile(Identity(target)));
            Assert.True(Identity(link).Unchanged(Identity(target)));
            Assert.Equal(1, Identity(link).Links);
        }

        [Fact]
        public void A_symbolic_link_to_a_symbolic_link_and_a_relative_link_lead_to_the_target_too()
        {
            var target = NewFile("target.db");
            var first = _folder.File("first.db");
            var second = _folder.File("second.db");
            File.CreateSymbolicLink(first, "target.db"); // relative to the link's folder
            File.CreateSymbolicLink(second, first);

            Assert.True(Identity(first).SameFile(Identity(target)));
            Assert.True(Identity(second).SameFile(Identity(target)));
        }

        [Fact]
        public void A_copy_is_another_file_even_with_the_same_content()
        {
            var original = NewFile("original.db");
            var copy = _folder.File("copy.db");
            File.Copy(original, copy);

            Assert.False(Identity(copy).SameFile(Identity(original)));
            Assert.False(Identity(copy).Unchanged(Identity(original)));
            Assert.Equal(Identity(original).Size, Identity(copy).Size);
        }

        [Fact]
        public void Two_files_made_one_after_the_other_are_different_files()
        {
            var first = NewFile("first.db");
            var second = NewFile("second.db");

            Assert.False(Identity(first).SameFile(Identity(second)));
        }

        [Fact]
        public void A_renamed_file_keeps_its_identity_and_its_old_name_leads_nowhere()
        {
            var before = NewFile("before.db");
            var identity = Identity(before);
            var after = _folder.File("after.db");
            File.Move(before, after);

            Assert.True(Identity(after).SameFile(identity));
            Assert.Null(FileIdentity.Of(before));
        }

        [Fact]
        public void A_file_moved_over_another_takes_the_place_of_that_name_with_its_own_identity()
        {
            var path = NewFile("a.db", "first");
            var other = NewFile("other.db", "other");
            var was = Identity(path);
            var moved = Identity(other);
            File.Move(other, path, overwrite: true);

            Assert.False(Identity(path).SameFile(was));
            Assert.True(Identity(path).SameFile(moved));
        }

        [Fact]
        public void An_untouched_file_is_unchanged_and_reports_its_size()
        {
            var path = NewFile("a.db", new string('x', 1234));
            var first = Identity(path);

            Assert.True(first.Unchanged(Identity(path)));
            Assert.Equal(1234, first.Size);
        }

        [Fact]
        public void Unchanged_turns_false_after_a_write_of_the_same_size()
        {
            var path = NewFile("a.db", "0123456789");
            var before = Identity(path);
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
            {
                stream.Seek(3, SeekOrigin.Begin);
                stream.WriteByte((byte)'X');
            }

            var after = Identity(path);
            Assert.True(after.SameFile(before));
            Assert.Equal(before.Size, after.Size);
            Assert.False(after.Unchanged(before));
            Assert.False(before.Unchanged(after));
        }

        [Fact]
        public void Unchanged_turns_false_after_an_append()
        {
            var path = NewFile("a.db", "0123456789");
            var before = Identity(path);
            File.AppendAllText(path, "more");

            var after = Identity(path);
            Assert.True(after.SameFile(before));
            Assert.Equal(14, after.Size);
            Assert.False(after.Unchanged(before));
        }

        [UnixFact]
        [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
        public void Unchanged_turns_false_after_a_change_of_mode()
        {
            var path = NewFile("a.db");
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            var before = Identity(path);
            File.SetUnixFileMode(path, UnixFileMode.UserRead);

            var after = Identity(path);
            Assert.True(after.SameFile(before));
            Assert.Equal(before.Size, after.Size);
            Assert.False(after.Unchanged(before));
        }

        [Fact]
        public void Unchanged_turns_false_after_another_file_of_the_same_size_is_copied_over_it_in_place()
        {
            var path = NewFile("a.db", "content of the first file");
            var backup = NewFile("backup.db", "content of the other file");
            var before = Identity(path);

            // What Copy-Item -Force does: the file is opened, truncated and written, keeping its inode.
            using (var source = File.OpenRead(backup))
            using (var destination = new FileStream(path, FileMode.Truncate, FileAccess.Write))
            {
                source.CopyTo(destination);
            }

            var after = Identity(path);
            Assert.True(after.SameFile(before));
            Assert.Equal(before.Size, after.Size);
            Assert.False(after.Unchanged(before));
            Assert.Equal(File.ReadAllBytes(backup), File.ReadAllBytes(path));
        }

        [Fact]
        public void Unchanged_turns_false_after_File_Copy_with_overwrite()
        {
            var path = NewFile("a.db", "content of the first file");
            var backup = NewFile("backup.db", "content of the other file");
            var before = Identity(path);
            File.Copy(backup, path, overwrite: true);

            Assert.False(Identity(path).Unchanged(before));
        }

        [Fact]
        public void Unchanged_turns_false_when_a_second_name_is_made()
        {
            var path = NewFile("a.db");
            var before = Identity(path);
            FileLinks.CreateHardLink(_folder.File("b.db"), path);

            Assert.True(Identity(path).SameFile(before));
            Assert.False(Identity(path).Unchanged(before));
        }

        [Fact]
        public void Nothing_at_the_path_a_folder_or_a_broken_link_has_no_identity()
        {
            var broken = _folder.File("broken.db");
            File.CreateSymbolicLink(broken, _folder.File("gone.db"));

            Assert.Null(FileIdentity.Of(_folder.File("missing.db")));
            Assert.Null(FileIdentity.Of(_folder.Folder));
            Assert.Null(FileIdentity.Of(broken));
        }

        [Fact]
        public void SameFile_and_Unchanged_are_false_against_null()
        {
            var identity = Identity(NewFile("a.db"));

            Assert.False(identity.SameFile(null));
            Assert.False(identity.Unchanged(null));
        }
    }
}
