using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading;
using PartnerOps.Data;

namespace PartnerOps.Import
{
    /// <summary>
    /// One file being imported. <see cref="PartnerImport.Open"/> opens it and checks its columns before
    /// anything is written; <see cref="Run"/> reads, validates and maps rows on the calling thread while an
    /// <see cref="IImportWriter"/> writes them on another, and reports failures, progress and commits to
    /// the listener on the calling thread.
    /// </summary>
    public sealed class ImportJob : IDisposable
    {
        private readonly ImportSource _source;
        private readonly IImportMapper _mapper;
        private readonly ImportTable _table;
        private readonly ImportOptions _options;
        private readonly Func<DateTime> _utcNow;
        private readonly bool _hasFirst;
        private int _boundColumns;

        internal ImportJob(ImportSource source, IImportMapper mapper, ImportTable table, ImportOptions options, Func<DateTime> utcNow)
        {
            _source = source;
            _mapper = mapper;
            _table = table;
            _options = options;
            _utcNow = utcNow;

            // The first record is read now: for JSON, the first object's properties stand in for a header.
            _hasFirst = source.Read();
            BindIfNew();
        }

        /// <summary>
        /// The warning Run gives before the first row for columns the import does not know (a CSV header's; a JSON
        /// file's properties are known only at its end), or null.
        /// </summary>
        public string? HeaderWarning => _source is JsonImportSource ? null : ImportHeader.UnknownWarning(_source.Columns, _mapper, _source.Path, "the import");

        /// <summary>The full path of the file.</summary>
        public string Path => _source.Path;

        /// <summary>Imports the file, with its rejected rows written to a failed-row file of its own (<see cref="ImportOptions.FailedRowPath"/>).</summary>
        public ImportResult Run(IPartnerDatabase store, IImportListener listener, CancellationToken cancellation)
        {
            using var failedRows = _options.FailedRowPath == null ? null : new FailedRowWriter(_options.FailedRowPath);
            return Run(store, listener, cancellation, failedRows);
        }

        /// <summary>
        /// Imports the file. <paramref name="failedRows"/>, when given, takes the rejected rows (one writer serves
        /// every file of a command, so each file's rejects are kept, with a File column from the second file on).
        /// </summary>
        [MethodImpl(Hot.Path)]
        public ImportResult Run(IPartnerDatabase store, IImportListener listener, CancellationToken cancellation, FailedRowWriter? failedRows)
        {
            failedRows?.BeginFile(_source.Path, _source.RawColumns, _source.Delimiter, (_source as CsvImportSource)?.HasSeparatorLine == true, _mapper.CanonicalColumn);
            if (HeaderWarning is string warning)
            {
                listener.Warning(warning);
            }

            try
            {
                return Import(store, listener, cancellation, failedRows);
            }
            finally
            {
                failedRows?.Flush();
                if (_source is JsonImportSource && !cancellation.IsCancellationRequested && ImportHeader.UnknownWarning(_source.Columns, _mapper, _source.Path, "the import") is string unknown)
                {
                    listener.Warning(unknown);
                }
            }
        }

        [MethodImpl(Hot.Path)]
        private ImportResult Import(IPartnerDatabase store, IImportListener listener, CancellationToken cancellation, FailedRowWriter? failedRows)
        {
            var clock = Stopwatch.StartNew();
            var nextProgress = TimeSpan.Zero;
            long read = 0, failed = 0;
            _mapper.Prepare(store);
            using var writer = store.StartImport(_table, _options.WithSource(_source.Path), _utcNow, cancellation);
            try
            {
                var chunk = writer.Rent();
                for (var more = _hasFirst; more; more = _source.Read())
                {
                    cancellation.ThrowIfCancellationRequested();
                    read++;
                    BindIfNew();
                    chunk.BeginRow();
                    var problem = _source.Malformed != null ? new RowProblem(null, "the row is not valid: " + _source.Malformed) : _mapper.Map(_source, chunk);
                    if (problem != null)
                    {
                        chunk.AbortRow();
                        failed++;
                        Report(new ImportRowError(_source.Line, problem.Column, problem.Reason, _source.RawColumns, _source.CurrentRaw()));
                    }
                    else
                    {
                        _source.CaptureRaw(chunk);
                        chunk.EndRow(_source.Line);
                        if (chunk.IsFull)
                        {
                            writer.Submit(chunk);
                            chunk = writer.Rent();
                            Drain();
                        }
                    }

                    if ((read & 255) == 0 && clock.Elapsed >= nextProgress)
                    {
                        listener.Progress(new ImportProgress(read, _source.BytesRead, _source.Length, clock.Elapsed));
                        nextProgress = clock.Elapsed + _options.ProgressInterval;
                    }
                }

                if (chunk.Count > 0)
                {
                    writer.Submit(chunk);
                }

                writer.Complete(failed);
                while (!writer.Wait(TimeSpan.FromMilliseconds(100)))
                {
                    Drain();
                }

                Drain();
            }
            catch (OperationCanceledException) when (writer.Fault != null && !(writer.Fault is OperationCanceledException))
            {
                // The writer stopped (its cancellation woke this thread): its failure is the one to report.
                Drain();
                throw writer.Fault;
            }
            catch (OperationCanceledException ex) when (!(ex is ImportStoppedException))
            {
                // Cancelled, or the listener's stream refused a report because the pipeline is stopping (it throws this then).
                throw Stopped();
            }

            if (writer.Fault is OperationCanceledException)
            {
                throw Stopped();
            }

            if (writer.Fault != null)
            {
                throw writer.Fault;
            }

            return new ImportResult
            {
                Path = _source.Path,
                Read = read,
                Inserted = writer.RolledBack ? 0 : writer.Inserted,
                Updated = writer.RolledBack ? 0 : writer.Updated,
                Skipped = writer.RolledBack ? 0 : writer.Skipped,
                Failed = failed + writer.Failed,
                Blank = _source.Blank,
                Duration = clock.Elapsed,
                RolledBack = writer.RolledBack,
                Database = store.Path,
            };

            // The user stopped the import (Ctrl+C): the writer is stopped first (its open batch rolled back), so that what the
            // result counts is exactly what the committed batches keep.
            ImportStoppedException Stopped()
            {
                writer.Abort();
                return new ImportStoppedException(
                    new ImportResult
                    {
                        Path = _source.Path,
                        Read = read,
                        Inserted = writer.CommittedInserted,
                        Updated = writer.CommittedUpdated,
                        Skipped = writer.CommittedSkipped,
                        Failed = failed + writer.Failed,
                        Blank = _source.Blank,
                        Duration = clock.Elapsed,
                        RolledBack = _options.Atomic && writer.CommittedLine == 0,
                        Stopped = true,
                        Database = store.Path,
                    },
                    writer.CommittedLine);
            }

            void Report(ImportRowError error)
            {
                error = EncodingHint.Add(error, _source.Encoding);
                failedRows?.Write(error);
                listener.RowFailed(error);
            }

            void Drain()
            {
                while (writer.Events.TryDequeue(out var e))
                {
                    if (e.IsFailure)
                    {
                        Report(new ImportRowError(e.Line, e.Column, e.Reason!, _source.RawColumns, _source.ParseRaw(e.Raw!)));
                    }
                    else
                    {
                        listener.BatchCommitted(e.Rows, e.Line);
                    }
                }
            }
        }

        public void Dispose() => _source.Dispose();

        private void BindIfNew()
        {
            if (_source.Columns.Count != _boundColumns)
            {
                _mapper.Bind(_source.Columns, _source.Path);
                _boundColumns = _source.Columns.Count;
            }
        }
    }
}
