using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace PartnerOps.Data
{
    /// <summary>
    /// Runs a write batch's items on a writer thread of its own (see <see cref="IWriteQueue"/>), on any backend: a pipelined
    /// Add-Partner binds and checks its next rows while the previous ones are written. Items are handed over in groups
    /// of <see cref="GroupSize"/> (one wake-up of the writer per group, not per item) and at most <see cref="MaxGroups"/>
    /// groups wait, so a fast producer waits for a slow writer instead of filling memory.
    /// </summary>
    internal sealed class WriteQueue : IWriteQueue
    {
        /// <summary>Items handed to the writer thread at once.</summary>
        public const int GroupSize = 64;

        /// <summary>Groups that may wait for the writer thread before <see cref="Post"/> waits for room.</summary>
        public const int MaxGroups = 16;

        // The queues of the thread that posts (a pipeline's), so that another command's batch or read on the same file can
        // have them written and committed first (OpenWriteBatches.CommitIdle).
        [ThreadStatic]
        private static List<WriteQueue>? _ofThisThread;

        private readonly IWriteBatch _batch;
        private readonly string _key;
        private readonly Func<Exception, bool> _stopsWriting;
        private readonly List<WriteQueue> _owners;

        // Guarded by _gate: the groups waiting for the writer, the outcomes waiting for the poster, and the writer's state.
        private readonly object _gate = new object();
        private readonly Queue<Job> _jobs = new Queue<Job>();
        private List<WriteOutcome> _finished = new List<WriteOutcome>();
        private bool _running;
        private bool _closing;
        private bool _dropping;
        private Exception? _commitFailure;
        private Thread? _thread;

        // The group being filled on the posting thread, and when its first item came.
        private List<Item> _group = new List<Item>(GroupSize);
        private readonly Stopwatch _groupAge = new Stopwatch();

        private long _dropped;
        private volatile bool _stopped;

        // On the posting thread: this queue is committing the other batches before a hand-over.
        private bool _handingOver;

        public WriteQueue(IWriteBatch batch, string key, Func<Exception, bool> stopsWriting)
        {
            _batch = batch;
            _key = key;
            _stopsWriting = stopsWriting;
            _owners = _ofThisThread ??= new List<WriteQueue>();
            _owners.Add(this);
        }

        /// <inheritdoc/>
        public TimeSpan HandOverAge { get; } = TimeSpan.FromMilliseconds(50);

        /// <inheritdoc/>
        public bool Stopped => _stopped;

        /// <inheritdoc/>
        public long Dropped => Interlocked.Read(ref _dropped);

        /// <inheritdoc/>
        public void Post(WriteOperation operation, object? target)
        {
            if (_stopped)
            {
                Interlocked.Increment(ref _dropped);
                return;
            }

            if (_group.Count == 0)
            {
                _groupAge.Restart();
            }

            _group.Add(new Item(operation, target));
            if (_group.Count >= GroupSize || _groupAge.Elapsed >= HandOverAge)
            {
                HandOver(commit: false);
            }
        }

        /// <inheritdoc/>
        public IReadOnlyList<WriteOutcome> TakeFinished()
        {
            lock (_gate)
            {
                if (_finished.Count == 0)
                {
                    return Array.Empty<WriteOutcome>();
                }

                var taken = _finished;
                _finished = new List<WriteOutcome>();
                return taken;
            }
        }

        /// <inheritdoc/>
        public void Flush()
        {
            HandOver(commit: true);
            WaitIdle();
        }

        // Another queue's hand-over asks this one, which is handing over itself, to let the file go: what its writer has
        // written is committed (its group in the making is not handed over yet).
        private void CommitWritten()
        {
            if (_thread != null)
            {
                Enqueue(new Job(null, commit: true));
                WaitIdle();
            }
        }

        private void WaitIdle()
        {
            lock (_gate)
            {
                while (_jobs.Count > 0 || _running)
                {
                    Monitor.Wait(_gate);
                }

                if (_commitFailure is Exception failure)
                {
                    _commitFailure = null;
                    throw failure;
                }
            }
        }

        /// <inheritdoc/>
        public void Close(bool dropQueued)
        {
            if (dropQueued)
            {
                Interlocked.Add(ref _dropped, _group.Count);
                _group.Clear();
            }
            else
            {
                HandOver(commit: false);
            }

            Thread? thread;
            lock (_gate)
            {
                if (dropQueued)
                {
                    _dropping = true;
                    DropJobs();
                }

                _closing = true;
                thread = _thread;
                Monitor.PulseAll(_gate);
            }

            thread?.Join();
            _owners.Remove(this);
        }

        public void Dispose() => Close(dropQueued: true);

        /// <summary>
        /// Flushes every queue the calling thread posts to on the database file <paramref name="key"/> but the one of
        /// <paramref name="except"/>: what they were given is written and committed before another batch begins or a read runs.
        /// </summary>
        public static void FlushOthers(string key, IWriteBatch? except)
        {
            if (_ofThisThread == null || _ofThisThread.Count == 0)
            {
                return;
            }

            foreach (var queue in _ofThisThread.ToArray())
            {
                if (queue._batch != except && string.Equals(queue._key, key, StringComparison.Ordinal))
                {
                    if (queue._handingOver)
                    {
                        queue.CommitWritten();
                    }
                    else
                    {
                        queue.Flush();
                    }
                }
            }
        }

        // Gives the group being filled (and, when asked, a commit after it) to the writer thread; waits while it is far behind.
        private void HandOver(bool commit)
        {
            if (_group.Count == 0 && (!commit || _thread == null))
            {
                return;
            }

            // The writer is about to take the file's write lock: batches of other commands in this pipeline commit first.
            // (A queue they flush in turn sees this one handing over and asks it only to commit what it wrote.)
            _handingOver = true;
            try
            {
                OpenWriteBatches.CommitIdle(_key, _batch);
            }
            finally
            {
                _handingOver = false;
            }

            var job = new Job(_group.Count > 0 ? _group : null, commit);
            _group = new List<Item>(GroupSize);
            Enqueue(job);
        }

        private void Enqueue(Job job)
        {
            lock (_gate)
            {
                while (_jobs.Count >= MaxGroups && !_stopped)
                {
                    Monitor.Wait(_gate);
                }

                if (_closing)
                {
                    throw new InvalidOperationException("The write queue was closed.");
                }

                _jobs.Enqueue(job);
                if (_thread == null)
                {
                    _thread = new Thread(Work) { IsBackground = true, Name = "PartnerOps writer" };
                    _thread.Start();
                }

                Monitor.PulseAll(_gate);
            }
        }

        // The writer thread: runs the groups in order, each item alone (IWriteBatch.Run), until the queue is closed.
        private void Work()
        {
            while (true)
            {
                Job job;
                lock (_gate)
                {
                    while (_jobs.Count == 0 && !_closing)
                    {
                        Monitor.Wait(_gate);
                    }

                    if (_jobs.Count == 0)
                    {
                        return;
                    }

                    job = _jobs.Dequeue();
                    _running = true;
                    Monitor.PulseAll(_gate);
                }

                var outcomes = new List<WriteOutcome>(job.Items?.Count ?? 0);
                Exception? commitFailure = null;
                try
                {
                    RunItems(job, outcomes);
                    if (job.Commit)
                    {
                        try
                        {
                            _batch.Complete();
                        }
                        catch (PartnerOpsException ex)
                        {
                            commitFailure = ex;
                        }
                    }
                }
                finally
                {
                    lock (_gate)
                    {
                        _finished.AddRange(outcomes);
                        _commitFailure ??= commitFailure;
                        _running = false;
                        Monitor.PulseAll(_gate);
                    }
                }
            }
        }

        private void RunItems(Job job, List<WriteOutcome> outcomes)
        {
            if (job.Items == null)
            {
                return;
            }

            for (var i = 0; i < job.Items.Count; i++)
            {
                if (_stopped || Volatile.Read(ref _dropping))
                {
                    Interlocked.Add(ref _dropped, job.Items.Count - i);
                    return;
                }

                var item = job.Items[i];
                try
                {
                    outcomes.Add(new WriteOutcome(item.Target, _batch.Run(item.Operation), null));
                }
                catch (Exception ex)
                {
                    outcomes.Add(new WriteOutcome(item.Target, null, ex));
                    if (_stopsWriting(ex))
                    {
                        // A database-wide failure (a full disk ...): the command stops, so nothing after this item is written.
                        _stopped = true;
                        Interlocked.Add(ref _dropped, job.Items.Count - i - 1);
                        lock (_gate)
                        {
                            DropJobs();
                            Monitor.PulseAll(_gate);
                        }

                        return;
                    }
                }
            }
        }

        // Under _gate: the groups not begun are dropped, never written; a commit asked for (Flush) still happens.
        private void DropJobs()
        {
            var commit = false;
            while (_jobs.Count > 0)
            {
                var job = _jobs.Dequeue();
                Interlocked.Add(ref _dropped, job.Items?.Count ?? 0);
                commit |= job.Commit;
            }

            if (commit)
            {
                _jobs.Enqueue(new Job(null, commit: true));
            }
        }

        private readonly struct Item
        {
            public Item(WriteOperation operation, object? target)
            {
                Operation = operation;
                Target = target;
            }

            public WriteOperation Operation { get; }

            public object? Target { get; }
        }

        private sealed class Job
        {
            public Job(List<Item>? items, bool commit)
            {
                Items = items;
                Commit = commit;
            }

            public List<Item>? Items { get; }

            public bool Commit { get; }
        }
    }
}
