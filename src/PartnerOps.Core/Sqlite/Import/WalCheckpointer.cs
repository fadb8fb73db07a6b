using System;
using System.Threading;
using Microsoft.Data.Sqlite;
using PartnerOps.Data;
using PartnerOps.Sqlite.Native;

namespace PartnerOps.Sqlite
{
    /// <summary>
    /// Copies an import's committed WAL frames into the database file on a connection and thread of its
    /// own, while the writer goes on with the next batch (the import connection's automatic checkpoint is
    /// off meanwhile; measured, it took about a third of the writer's time). Each checkpoint is PASSIVE:
    /// it never waits for readers or writers. At the end one TRUNCATE checkpoint leaves a short WAL file;
    /// if other connections are reading then, it gives up quickly and SQLite's own checkpoints finish later.
    /// </summary>
    internal sealed class WalCheckpointer : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly AutoResetEvent _requested = new AutoResetEvent(false);
        private readonly Thread _thread;
        private readonly object _checkpointing = new object();
        private readonly string _walPath;
        private volatile bool _stopping;

        public WalCheckpointer(string path)
        {
            _connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Mode = SqliteOpenMode.ReadWrite,
                Pooling = false,
            }.ToString());
            _connection.Open();
            _walPath = path + "-wal";
            _thread = new Thread(Loop) { IsBackground = true, Name = "PartnerOps import checkpoints" };
            _thread.Start();
        }

        /// <summary>A batch was committed: copy it when the previous copy is done.</summary>
        public void Request() => _requested.Set();

        /// <summary>
        /// The WAL file's size in bytes when it has grown beyond <paramref name="limit"/> bytes, else 0; for
        /// <see cref="CatchUp"/> between batches.
        /// </summary>
        public long Oversized(long limit)
        {
            try
            {
                var length = new System.IO.FileInfo(_walPath).Length;
                return length > limit ? length : 0;
            }
            catch (System.IO.IOException)
            {
                return 0;
            }
        }

        /// <summary>
        /// Waits for the checkpoint in progress, then copies every committed frame while the writer waits between two
        /// batches, so that the writer's next transaction starts the WAL file over instead of growing it (a PASSIVE
        /// checkpoint running beside a busy writer never reaches the end, and SQLite only restarts a WAL that was
        /// copied to its end). Called by the writer thread after a commit when the file is large.
        /// </summary>
        public void CatchUp() => Checkpoint("PRAGMA wal_checkpoint(PASSIVE)");

        /// <summary>Stops the thread and, when <paramref name="truncate"/>, copies what is left and shortens the WAL file.</summary>
        public void Finish(bool truncate)
        {
            if (_stopping)
            {
                return;
            }

            _stopping = true;
            _requested.Set();
            _thread.Join();
            if (truncate)
            {
                Checkpoint("PRAGMA busy_timeout = 100; PRAGMA wal_checkpoint(TRUNCATE);");
            }
        }

        public void Dispose()
        {
            Finish(truncate: false);
            _connection.Dispose();
            _requested.Dispose();
        }

        private void Loop()
        {
            while (true)
            {
                _requested.WaitOne();
                if (_stopping)
                {
                    return;
                }

                Checkpoint("PRAGMA wal_checkpoint(PASSIVE)");
            }
        }

        private void Checkpoint(string sql)
        {
            lock (_checkpointing)
            {
                Run(sql);
            }
        }

        private void Run(string sql)
        {
            try
            {
                using var command = _connection.CreateCommand();
                command.CommandText = sql;
                command.ExecuteNonQuery();
            }
            catch (SqliteException)
            {
                // A checkpoint that cannot run now is harmless: the next one, or SQLite's own, copies the frames.
            }
        }
    }
}
