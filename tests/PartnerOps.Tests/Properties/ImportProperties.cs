using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PartnerOps.Data;
using PartnerOps.Import;
using PartnerOps.Sqlite;
using PartnerOps.Tests.Import;
using static PartnerOps.Tests.TestSupport;

namespace PartnerOps.Tests.Properties
{
    using PartnerOps.Properties;

    /// <summary>
    /// Whatever bytes a file holds, the import engine ends in one of the documented ways: a result (every
    /// rejected row reported once), or ImportFileInvalid for the file; it never throws anything else, never
    /// hangs, and leaves a database that passes its checks.
    /// </summary>
    public class ImportProperties
    {
        private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

        [Property(MaxTest = 40)]
        public Property Any_bytes_give_rows_or_documented_errors_and_a_sound_database() =>
            Prop.ForAll(
                (from delimiter in Gen.Elements(',', ';', '\t', '|')
                 from bytes in PartnerGenerators.ImportBytes(delimiter)
                 from json in Gen.Elements(false, false, false, true)
                 from mode in Gen.Elements(ImportMode.Insert, ImportMode.Upsert, ImportMode.Skip)
                 from atomic in Gen.Elements(false, true)
                 select (delimiter, bytes, json, mode, atomic)).ToArbitrary(),
                input =>
                {
                    var (delimiter, bytes, json, mode, atomic) = input;
                    using var db = new TempDatabase();
                    var path = db.File(json ? "random.json" : "random.csv");
                    File.WriteAllBytes(path, bytes);
                    using (var seed = db.Open())
                    {
                        // One partner there already, so that Upsert, Skip and Insert each meet a name they know.
                        seed.BeginWrite();
                        Repository(seed).Add(Draft("Acme"));
                        seed.Commit();
                    }

                    var options = new ImportOptions { Delimiter = delimiter, Mode = mode, Atomic = atomic, FailedRowPath = db.File("failed.csv") };
                    var listener = new RecordingListener();
                    var describe = $"{bytes.Length} bytes (base64 {Convert.ToBase64String(bytes)}), {(json ? "JSON" : "CSV")}, delimiter {(int)delimiter}, {mode}, atomic {atomic}";

                    var run = Task.Run(() =>
                    {
                        try
                        {
                            using var job = PartnerImport.Open(path, options, () => Now);
                            using var store = SqliteDatabase.OpenExisting(db.Path_);
                            return (Result: job.Run(store, listener, CancellationToken.None), Failure: (PartnerOpsException?)null);
                        }
                        catch (PartnerOpsException ex) when (ex.ErrorId == ErrorIds.ImportFileInvalid || ex.ErrorId == ErrorIds.ImportHeaderInvalid)
                        {
                            return (Result: (ImportResult?)null, Failure: ex);
                        }
                    });
                    if (!run.Wait(Limit))
                    {
                        throw new TimeoutException($"The import did not end within {Limit.TotalSeconds} s: {describe}");
                    }

                    var (result, failure) = run.GetAwaiter().GetResult(); // rethrows any other exception: the property fails with it
                    using var check = SqliteDatabase.OpenExisting(db.Path_);
                    var findings = check.Check();
                    if (findings.Any(f => !f.Passed))
                    {
                        throw new Exception("Database check failed: " + string.Join("; ", findings.Where(f => !f.Passed)) + " after " + describe);
                    }

                    var stored = Repository(check).Count(new PartnerFilter());
                    if (result == null)
                    {
                        // ImportFileInvalid: CSV is refused before anything is written; broken JSON keeps what was committed.
                        if (!json && stored != 1)
                        {
                            throw new Exception($"ImportFileInvalid ({failure!.Message}) yet {stored - 1} partner(s) written: {describe}");
                        }

                        return;
                    }

                    var accounted = result.Inserted + result.Updated + result.Skipped + result.Failed;
                    var problems = new[]
                    {
                        listener.Errors.Count != result.Failed ? $"{listener.Errors.Count} errors reported for Failed = {result.Failed}" : null,
                        !result.RolledBack && accounted != result.Read ? $"Read {result.Read} but Inserted + Updated + Skipped + Failed = {accounted}" : null,
                        stored != 1 + result.Inserted ? $"{stored} partners stored, expected 1 + Inserted {result.Inserted}" : null,
                        result.RolledBack && (!atomic || result.Failed == 0) ? "RolledBack without -Atomic and failures" : null,
                        listener.Errors.Any(e => e.Line < 1 || string.IsNullOrEmpty(e.Reason)) ? "an error without a line or reason" : null,
                        result.Failed > 0 && !File.Exists(options.FailedRowPath) ? "no failed-row file" : null,
                    }.Where(p => p != null).ToArray();
                    if (problems.Length > 0)
                    {
                        throw new Exception(string.Join("; ", problems) + ": " + describe);
                    }
                });
    }
}
