using System;
using System.IO;
using System.Linq;
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
