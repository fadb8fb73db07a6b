using System;
using System.Collections.Generic;
using Microsoft.Data.Sqlite;
using PartnerOps.Data;
using PartnerOps.Sqlite.Native;

namespace PartnerOps.Sqlite
{
    /// <summary>
    /// The connections this process keeps open between commands (a few per database file), and the one name it opens
    /// each file by. Microsoft.Data.Sqlite's own pool cannot do what this needs:
    /// <list type="bullet">
    /// <item>hand a connection back only while the file at the path is the very file it opened, unchanged since (a
    /// file removed, recreated, or a backup copied over it must be opened afresh, not written through an old handle);</item>
    /// <item>close a connection whose file was replaced without SQLite's checkpoint-on-close, which would copy its
    /// log into the old file and then delete the log (-wal) of whatever file is at the path now;</item>
    /// <item>open one file by one name: two names of one file (a hard link, a symbolic link, other letter case) would
    /// give two pools and, for hard links, two -wal files, which SQLite lists among the ways to corrupt a database.</item>
    /// </list>
    /// </summary>
    internal static class ConnectionPool
    {
        private const int MaxIdlePerFile = 4;
        private const int SqliteDbConfigNoCheckpointOnClose = 1006;

        private static readonly object Gate = new object();
        private static readonly Dictionary<string, Stack<Idle>> IdleByName = new Dictionary<string, Stack<Idle>>(StringComparer.Ordinal);
        private static readonly Dictionary<(ulong Device, ulong File), string> NameByFile = new Dictionary<(ulong, ulong), string>();

        /// <summary>
        /// The name under which this process opens the file at <paramref name="fullPath"/>: the path itself, or, when
        /// this process already opened the same file (<paramref name="identity"/>) by another name that still leads to
        /// it, that name.
        /// </summary>
        public static string NameOf(string fullPath, FileIdentity? identity)
        {
            if (identity == null)
            {
                return fullPath;
            }

            lock (Gate)
            {
                var key = (identity.Device, identity.FileNumber);
                if (NameByFile.TryGetValue(key, out var name) && (name == fullPath || identity.SameFile(FileIdentity.Of(name))))
                {
                    return name;
                }

                NameByFile[key] = fullPath;
                return fullPath;
            }
        }

        /// <summary>
        /// An idle connection to the file named <paramref name="name"/>, if one is kept and its file is
        /// <paramref name="current"/> exactly as it was left (same file, size and last write); otherwise null, and the
        /// idle connections that no longer fit are closed without a checkpoint.
        /// </summary>
        public static (SqliteConnection Connection, FileIdentity Opened)? Take(string name, FileIdentity? current)
        {
            while (true)
            {
                Idle idle;
                lock (Gate)
                {
                    if (!IdleByName.TryGetValue(name, out var stack) || stack.Count == 0)
                    {
                        return null;
                    }

                    idle = stack.Pop();
                }

                if (idle.Stamp.Unchanged(current))
                {
                    return (idle.Connection, idle.Stamp);
                }

                Close(idle.Connection, fileChanged: true);
            }
        }

        /// <summary>
        /// Keeps a connection for the next command when the file at <paramref name="name"/> is still the one it opened
        /// (<paramref name="opened"/>); closes it otherwise, without a checkpoint.
        /// </summary>
        public static void Return(string name, SqliteConnection connection, FileIdentity? opened)
        {
            var now = FileIdentity.Of(name);
            if (opened == null || now == null || !opened.SameFile(now))
            {
                Close(connection, fileChanged: true);
                return;
            }

            lock (Gate)
            {
                if (!IdleByName.TryGetValue(name, out var stack))
                {
                    IdleByName[name] = stack = new Stack<Idle>();
                }

                if (stack.Count < MaxIdlePerFile)
                {
                    stack.Push(new Idle(connection, now));
                    return;
                }
            }

            Close(connection, fileChanged: false);
        }

        /// <summary>
        /// Closes the idle connections (of one file, or all): normally while their file is as they left it, so that the
        /// last one out checkpoints and removes the -wal and -shm files; without a checkpoint when it was replaced.
        /// </summary>
        public static void Release(string? name = null)
        {
            var closing = new List<(string Name, Idle Idle)>();
            lock (Gate)
            {
                foreach (var pair in IdleByName)
                {
                    if (name == null || pair.Key == name)
                    {
                        foreach (var idle in pair.Value)
                        {
                            closing.Add((pair.Key, idle));
                        }

                        pair.Value.Clear();
                    }
                }
            }

            foreach (var (file, idle) in closing)
            {
                Close(idle.Connection, fileChanged: !idle.Stamp.Unchanged(FileIdentity.Of(file)));
            }
        }

        /// <summary>
        /// Closes a connection. When its file was removed or replaced, SQLite must not checkpoint on close: the log is
        /// found by name, so it would be the log of the file now at the path that SQLite copies and deletes.
        /// </summary>
        public static void Close(SqliteConnection connection, bool fileChanged)
        {
            try
            {
                if (fileChanged && connection.State == System.Data.ConnectionState.Open)
                {
                    NativeConnection.Configure(connection, SqliteDbConfigNoCheckpointOnClose, 1);
                }
            }
            finally
            {
                connection.Dispose();
            }
        }

        private sealed class Idle
        {
            public Idle(SqliteConnection connection, FileIdentity stamp)
            {
                Connection = connection;
                Stamp = stamp;
            }

            public SqliteConnection Connection { get; }

            /// <summary>The file as it was when the connection was put back.</summary>
            public FileIdentity Stamp { get; }
        }
    }
}
