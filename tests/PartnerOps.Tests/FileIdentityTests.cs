using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using PartnerOps.Data;
using PartnerOps.Sqlite;
using Xunit;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests
{
    /// <summary>
    /// The tests that look at which connections the process keeps between commands. The pool is one per process, and
    /// other test classes empty it when they finish (TempDatabase.Dispose), so these run alone, not beside them.
    /// </summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class ConnectionPoolCollection
    {
        public const string Name = "Connection pool";
    }

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

    [Collection(ConnectionPoolCollection.Name)]
    public class ConnectionPoolTests : IDisposable
    {
        private readonly TempDatabase _folder = new TempDatabase();

        public void Dispose() => _folder.Dispose();

        private static FileIdentity Identity(string path) => FileIdentity.Of(path) ?? throw new Xunit.Sdk.XunitException($"No identity for '{path}'.");

        private static string[] NamesIn(SqliteDatabase store) => Repository(store).Find(new PartnerFilter()).Select(p => p.Name).ToArray();

        // A database with these partners, whose log was emptied into the file, so that the file alone holds it.
        private static void MakeDatabase(string path, params string[] names)
        {
            using (var store = SqliteDatabase.OpenOrCreate(path))
            {
                foreach (var name in names)
                {
                    Repository(store).Add(Draft(name));
                }
            }

            SqliteDatabase.ReleasePooledConnections();
        }

        [Fact]
        public void A_path_opened_first_is_its_own_name()
        {
            var path = _folder.File("first.db");
            File.WriteAllText(path, string.Empty);

            Assert.Equal(path, ConnectionPool.NameOf(path, Identity(path)));
            Assert.Equal(path, ConnectionPool.NameOf(path, Identity(path)));
        }

        [Fact]
        public void Two_links_of_one_file_get_the_name_it_was_first_opened_by()
        {
            var target = _folder.File("target.db");
            File.WriteAllText(target, string.Empty);
            var hard = _folder.File("hard.db");
            var symbolic = _folder.File("symbolic.db");
            FileLinks.CreateHardLink(hard, target);
            File.CreateSymbolicLink(symbolic, target);

            Assert.Equal(target, ConnectionPool.NameOf(target, Identity(target)));
            Assert.Equal(target, ConnectionPool.NameOf(hard, Identity(hard)));
            Assert.Equal(target, ConnectionPool.NameOf(symbolic, Identity(symbolic)));
        }

        [Fact]
        public void The_link_opened_first_is_the_name_also_for_the_file_itself()
        {
            var target = _folder.File("target.db");
            File.WriteAllText(target, string.Empty);
            var symbolic = _folder.File("symbolic.db");
            File.CreateSymbolicLink(symbolic, target);

            Assert.Equal(symbolic, ConnectionPool.NameOf(symbolic, Identity(symbolic)));
            Assert.Equal(symbolic, ConnectionPool.NameOf(target, Identity(target)));
        }

        [Fact]
        public void Another_file_gets_its_own_name()
        {
            var first = _folder.File("first.db");
            var second = _folder.File("second.db");
            File.WriteAllText(first, string.Empty);
            File.WriteAllText(second, string.Empty);

            Assert.Equal(first, ConnectionPool.NameOf(first, Identity(first)));
            Assert.Equal(second, ConnectionPool.NameOf(second, Identity(second)));
        }

        [Fact]
        public void When_the_first_name_is_deleted_the_file_is_named_by_the_one_that_is_left()
        {
            var first = _folder.File("first.db");
            File.WriteAllText(first, string.Empty);
            var second = _folder.File("second.db");
            FileLinks.CreateHardLink(second, first);
            Assert.Equal(first, ConnectionPool.NameOf(first, Identity(first)));

            File.Delete(first);

            Assert.Equal(second, ConnectionPool.NameOf(second, Identity(second)));
            Assert.Equal(second, ConnectionPool.NameOf(second, Identity(second)));
        }

        [Fact]
        public void When_the_first_name_now_leads_to_another_file_it_is_not_used_for_this_one()
        {
            var first = _folder.File("first.db");
            File.WriteAllText(first, string.Empty);
            var second = _folder.File("second.db");
            FileLinks.CreateHardLink(second, first);
            Assert.Equal(first, ConnectionPool.NameOf(first, Identity(first)));

            File.Delete(first);
            File.WriteAllText(first, "another file");

            Assert.Equal(second, ConnectionPool.NameOf(second, Identity(second)));
            Assert.Equal(first, ConnectionPool.NameOf(first, Identity(first)));
        }

        [Fact]
        public void Without_an_identity_the_path_is_the_name()
        {
            var path = _folder.File("unknown.db");

            Assert.Equal(path, ConnectionPool.NameOf(path, null));
        }

        [Fact]
        public void A_kept_connection_is_handed_out_again_while_its_file_is_unchanged()
        {
            var path = _folder.File("a.db");
            MakeDatabase(path, "Alpha");
            SqliteConnection kept;
            using (var store = SqliteDatabase.OpenExisting(path))
            {
                kept = store.Connection;
                Assert.Equal(new[] { "Alpha" }, NamesIn(store));
            }

            using (var again = SqliteDatabase.OpenExisting(path))
            {
                Assert.Same(kept, again.Connection);
                Assert.Equal(new[] { "Alpha" }, NamesIn(again));
            }
        }

        [Fact]
        public void A_kept_connection_is_handed_out_to_another_link_of_its_file()
        {
            var path = _folder.File("a.db");
            MakeDatabase(path, "Alpha");
            var symbolic = _folder.File("symbolic.db");
            File.CreateSymbolicLink(symbolic, path);
            SqliteConnection kept;
            using (var store = SqliteDatabase.OpenExisting(path))
            {
                kept = store.Connection;
            }

            using var throughLink = SqliteDatabase.OpenExisting(symbolic);
            Assert.Same(kept, throughLink.Connection);
            Assert.Equal(symbolic, throughLink.Path);
            Assert.Equal(path, throughLink.Key);
        }

        public enum Replacement
        {
            RemovedAndMadeAgain,
            MovedOver,
            CopiedOverInPlace,
        }

        [Theory]
        [InlineData(Replacement.RemovedAndMadeAgain)]
        [InlineData(Replacement.MovedOver)]
        [InlineData(Replacement.CopiedOverInPlace)]
        public void A_kept_connection_is_not_handed_out_once_its_file_was_replaced(Replacement how)
        {
            var path = _folder.File("a.db");
            var other = _folder.File("other.db");
            MakeDatabase(path, "Alpha");
            MakeDatabase(other, "Omega");
            Assert.Equal(new FileInfo(path).Length, new FileInfo(other).Length); // only the change time tells the copy apart
            SqliteConnection kept;
            using (var store = SqliteDatabase.OpenExisting(path))
            {
                kept = store.Connection;
                Assert.Equal(new[] { "Alpha" }, NamesIn(store));
            }

            var inode = Identity(path);
            switch (how)
            {
                case Replacement.RemovedAndMadeAgain:
                    foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
                    {
                        File.Delete(path + suffix);
                    }

                    MakeDatabase(path, "Omega");
                    break;
                case Replacement.MovedOver:
                    File.Move(other, path, overwrite: true);
                    break;
                case Replacement.CopiedOverInPlace:
                    using (var source = File.OpenRead(other))
                    using (var destination = new FileStream(path, FileMode.Truncate, FileAccess.Write))
                    {
                        source.CopyTo(destination);
                    }

                    Assert.True(Identity(path).SameFile(inode));
                    break;
            }

            using (var fresh = SqliteDatabase.OpenExisting(path))
            {
                Assert.NotSame(kept, fresh.Connection);
                Assert.Equal(new[] { "Omega" }, NamesIn(fresh));
                Assert.All(fresh.Check(), f => Assert.True(f.Passed, f.ToString()));
            }

            Assert.Equal(System.Data.ConnectionState.Closed, kept.State);
        }

        [Fact]
        public void Take_closes_an_idle_connection_whose_file_changed_and_hands_out_nothing()
        {
            var path = _folder.File("a.db");
            MakeDatabase(path, "Alpha");
            var connection = OpenRaw(path);
            var opened = Identity(path);
            ConnectionPool.Return(path, connection, opened);

            Assert.True(Identity(path).Unchanged(opened));
            File.SetLastWriteTimeUtc(path, new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc)); // moves the change time

            Assert.Null(ConnectionPool.Take(path, Identity(path)));
            Assert.Equal(System.Data.ConnectionState.Closed, connection.State);
        }

        [Fact]
        public void Take_hands_out_an_idle_connection_whose_file_is_unchanged()
        {
            var path = _folder.File("a.db");
            MakeDatabase(path, "Alpha");
            var connection = OpenRaw(path);
            var opened = Identity(path);
            ConnectionPool.Return(path, connection, opened);

            var taken = ConnectionPool.Take(path, Identity(path));

            Assert.NotNull(taken);
            Assert.Same(connection, taken!.Value.Connection);
            ConnectionPool.Close(connection, fileChanged: false);
        }

        [Fact]
        public void Return_closes_a_connection_whose_file_is_no_longer_at_the_path()
        {
            var path = _folder.File("a.db");
            MakeDatabase(path, "Alpha");
            var connection = OpenRaw(path);
            var opened = Identity(path);
            File.Move(path, _folder.File("elsewhere.db"));

            ConnectionPool.Return(path, connection, opened);

            Assert.Equal(System.Data.ConnectionState.Closed, connection.State);
            Assert.Null(ConnectionPool.Take(path, opened));
        }
    }
}
