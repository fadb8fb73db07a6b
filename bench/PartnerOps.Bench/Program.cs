using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SQLitePCL;

// PartnerOps.Bench: the parts of the benchmark that need no PowerShell. Each command prints one JSON object.
//   generate <rows> <csv-path>                 realistic partners, names 'Co 1'..'Co <rows>'
//   revenue <rows> <partners> <csv-path>       revenue records of partners 'Co 1'..'Co <partners>' (every fifth direct)
//   csv <csv-path> [repeat]                    parse time of CsvHelper and Sylvan.Data.Csv, as the import reads
// Measuring commands run one untimed round first, so that both sides are measured with their code compiled.
//   writers <csv-path> <database> [rows] [repeat]  prepared SqliteCommand vs raw statement, same rows, same table
return args.Length == 0 ? Usage() : args[0] switch
{
    "generate" => Generate(int.Parse(args[1], CultureInfo.InvariantCulture), args[2]),
    "revenue" => GenerateRevenue(int.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture), args[3]),
    "csv" => CompareCsvLibraries(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5),
    "writers" => CompareWriters(args[1], args[2], args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 200000, args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 3),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: PartnerOps.Bench generate <rows> <csv> | revenue <rows> <partners> <csv> | csv <csv> [repeat] | writers <csv> <database> [rows] [repeat]");
    return 2;
}

static void Print(object result) => Console.WriteLine(JsonSerializer.Serialize(result));

// Every column is filled, except EndedOn, which only the Terminated (a fifth) have. Notes hold a comma, so they are quoted.
static int Generate(int rows, string path)
{
    var random = new Random(20150701);
    string[] types = { "Reseller", "Distributor", "SystemIntegrator", "ServiceProvider", "Consultancy", "SoftwareVendor", "Training", "Other" };
    string[] tiers = { "Registered", "Silver", "Gold", "Platinum" };
    string[] statuses = { "Prospect", "Onboarding", "Active", "Suspended", "Terminated" };
    (string Region, string Country)[] places =
    {
        ("Western Europe", "DE"), ("Western Europe", "FR"), ("Western Europe", "GB"), ("Western Europe", "NL"), ("Northern Europe", "SE"),
        ("North America", "US"), ("North America", "CA"), ("China", "CN"), ("Asia Pacific", "JP"), ("Asia Pacific", "AU"), ("Latin America", "BR"),
    };
    var start = new DateTime(2005, 1, 1);
    using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
    writer.Write("Name,Type,Tier,Status,Region,Country,JoinedOn,EndedOn,Notes\n");
    for (var i = 1; i <= rows; i++)
    {
        var status = statuses[random.Next(statuses.Length)];
        var (region, country) = places[random.Next(places.Length)];
        var joined = start.AddDays(random.Next(6000));
        var ended = status == "Terminated" ? joined.AddDays(random.Next(1, 2000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty;
        writer.Write(string.Create(CultureInfo.InvariantCulture,
            $"Co {i},{types[random.Next(types.Length)]},{tiers[random.Next(tiers.Length)]},{status},{region},{country},{joined:yyyy-MM-dd},{ended},\"Account {random.Next(100000)}, managed by team {random.Next(50)}\"\n"));
    }

    Print(new { rows, path, bytes = new FileInfo(path).Length });
    return 0;
}

// Every column filled; a fifth of the records are direct revenue (no partner, a region of their own). References are unique
// (INV-<line>), amounts 1.00 to 99,999.99 with two decimals, dates over 2011-2015.
static int GenerateRevenue(int rows, int partners, string path)
{
    var random = new Random(2015);
    string[] currencies = { "USD", "USD", "EUR", "GBP" };
    string[] segments = { "Enterprise", "Enterprise", "Carrier", "Consumer" };
    string[] regions = { "Western Europe", "China", "North America", "Asia Pacific" };
    var start = new DateTime(2011, 1, 1);
    using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
    writer.Write("PartnerName,Date,Amount,Currency,Segment,Region,Reference\n");
    for (var i = 1; i <= rows; i++)
    {
        var partner = i % 5 == 0 ? string.Empty : "Co " + random.Next(1, partners + 1).ToString(CultureInfo.InvariantCulture);
        var date = start.AddDays(random.Next(0, 1826));
        var amount = random.Next(100, 10000000) / 100m;
        writer.Write(string.Create(CultureInfo.InvariantCulture,
            $"{partner},{date:yyyy-MM-dd},{amount:0.00},{currencies[i % 4]},{segments[i % 4]},{regions[i % 4]},INV-{i}\n"));
    }

    Print(new { rows, partners, path, bytes = new FileInfo(path).Length });
    return 0;
}

// The work the import does with a record: every field as a string, and the line it begins on.
static int CompareCsvLibraries(string path, int repeat)
{
    var csvHelper = new List<double>();
    var sylvan = new List<double>();
    long rows = 0;
    for (var i = -1; i < repeat; i++)
    {
        var clock = Stopwatch.StartNew();
        rows = ReadWithCsvHelper(path);
        csvHelper.Add(clock.Elapsed.TotalSeconds);
        clock.Restart();
        var sylvanRows = ReadWithSylvan(path);
        sylvan.Add(clock.Elapsed.TotalSeconds);
        if (sylvanRows != rows)
        {
            throw new InvalidOperationException($"CsvHelper read {rows} rows, Sylvan {sylvanRows}.");
        }

        if (i < 0)
        {
            csvHelper.Clear(); // the first round warms up the JIT for both
            sylvan.Clear();
        }
    }

    Print(new
    {
        rows,
        csvHelper = Summary(csvHelper),
        sylvan = Summary(sylvan),
        csvHelperVersion = typeof(CsvHelper.CsvReader).Assembly.GetName().Version?.ToString(),
        sylvanVersion = typeof(Sylvan.Data.Csv.CsvDataReader).Assembly.GetName().Version?.ToString(),
    });
    return 0;
}

static long ReadWithCsvHelper(string path)
{
    var options = new CsvHelper.CsvReaderOptions();
    typeof(CsvHelper.CsvReaderOptions).GetProperty("TrackLineNumbers")!.SetValue(options, true);
    typeof(CsvHelper.CsvReaderOptions).GetProperty("Separator")!.SetValue(options, (char?)',');
    using var reader = CsvHelper.CsvReader.Create(File.OpenRead(path), options, false);
    long rows = 0, chars = 0, line = 0;
    while (reader.Read())
    {
        rows++;
        line = reader.LineNumber;
        for (var f = 0; f < reader.FieldCount; f++)
        {
            chars += reader.GetString(f).Length;
        }
    }

    GC.KeepAlive(chars + line);
    return rows;
}

static long ReadWithSylvan(string path)
{
    using var text = new StreamReader(path, Encoding.UTF8, true, 1 << 16);
    using var reader = Sylvan.Data.Csv.CsvDataReader.Create(text, new Sylvan.Data.Csv.CsvDataReaderOptions { Delimiter = ',' });
    var raw = new char[1 << 16];
    long rows = 0, chars = 0, line = 1;
    while (reader.Read())
    {
        rows++;
        for (var f = 0; f < reader.FieldCount; f++)
        {
            chars += reader.GetString(f).Length;
        }

        // Sylvan has no line numbers: count the record's line breaks (quoted fields may hold some).
        var length = reader.GetRawRecord(raw, 0);
        for (var c = 0; c < length; c++)
        {
            if (raw[c] == '\n')
            {
                line++;
            }
        }
    }

    GC.KeepAlive(chars + line);
    return rows;
}

// The partners table of a real PartnerOps database; the same rows through both APIs, in 50,000-row
// transactions, with the table's CHECKs left out as the import does.
static int CompareWriters(string csv, string database, int rows, int repeat)
{
    var data = new List<string[]>(rows);
    using (var reader = CsvHelper.CsvReader.Create(File.OpenRead(csv), new CsvHelper.CsvReaderOptions(), false))
    {
        while (data.Count < rows && reader.Read())
        {
            data.Add(Enumerable.Range(0, 9).Select(reader.GetString).ToArray());
        }
    }

    // name_key and name_sort: the lower-case name (what PartnerOps stores for ASCII names such as 'Co 1').
    const string insert =
        "INSERT INTO partners (name, name_key, name_sort, type, tier, status, region, country, joined_on, ended_on, notes, created_at, updated_at) " +
        "VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11) ON CONFLICT (name_key, name_dup) DO NOTHING";
    var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture);
    using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
    connection.Open();
    Exec(connection, "PRAGMA ignore_check_constraints = ON");
    var command = new List<double>();
    var rawStatement = new List<double>();
    for (var i = -1; i < repeat; i++)
    {
        Exec(connection, "DELETE FROM partners");
        var clock = Stopwatch.StartNew();
        WithSqliteCommand(connection, insert, data, now);
        command.Add(clock.Elapsed.TotalSeconds);
        Exec(connection, "DELETE FROM partners");
        clock.Restart();
        WithRawStatement(connection, insert, data, now);
        rawStatement.Add(clock.Elapsed.TotalSeconds);
        if (i < 0)
        {
            command.Clear(); // the first round warms up the JIT for both
            rawStatement.Clear();
        }
    }

    Exec(connection, "DELETE FROM partners");
    Print(new { rows = data.Count, sqliteCommand = Summary(command), rawStatement = Summary(rawStatement) });
    return 0;
}

static void WithSqliteCommand(SqliteConnection connection, string sql, List<string[]> data, string now)
{
    var transaction = connection.BeginTransaction(deferred: false);
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.Transaction = transaction;
    var parameters = Enumerable.Range(1, 11).Select(i => command.Parameters.Add("?" + i, SqliteType.Text)).ToArray();
    command.Prepare();
    parameters[10].Value = now;
    for (var r = 0; r < data.Count; r++)
    {
        var row = data[r];
        parameters[0].Value = row[0];
        parameters[1].Value = row[0].ToLowerInvariant();
        for (var f = 1; f < 9; f++)
        {
            parameters[f + 1].Value = row[f].Length == 0 ? DBNull.Value : row[f];
        }

        command.ExecuteNonQuery();
        if ((r + 1) % 50000 == 0)
        {
            transaction.Commit();
            transaction = connection.BeginTransaction(deferred: false);
            command.Transaction = transaction;
        }
    }

    transaction.Commit();
}

static void WithRawStatement(SqliteConnection connection, string sql, List<string[]> data, string now)
{
    var db = connection.Handle!;
    var buffer = new byte[1 << 16];
    Exec(connection, "BEGIN IMMEDIATE");
    raw.sqlite3_prepare_v2(db, sql, out var statement);
    raw.sqlite3_bind_text(statement, 11, now);
    for (var r = 0; r < data.Count; r++)
    {
        var row = data[r];
        Bind(1, row[0]);
        Bind(2, row[0].ToLowerInvariant());
        for (var f = 1; f < 9; f++)
        {
            if (row[f].Length == 0)
            {
                raw.sqlite3_bind_null(statement, f + 2);
            }
            else
            {
                Bind(f + 2, row[f]);
            }
        }

        if (raw.sqlite3_step(statement) != raw.SQLITE_DONE)
        {
            throw new InvalidOperationException(raw.sqlite3_errmsg(db).utf8_to_string());
        }

        raw.sqlite3_reset(statement);
        if ((r + 1) % 50000 == 0)
        {
            Exec(connection, "COMMIT; BEGIN IMMEDIATE");
        }
    }

    statement.Dispose();
    Exec(connection, "COMMIT");

    void Bind(int index, string value)
    {
        var length = Encoding.UTF8.GetBytes(value, 0, value.Length, buffer, 0);
        raw.sqlite3_bind_text(statement, index, new ReadOnlySpan<byte>(buffer, 0, length));
    }
}

static void Exec(SqliteConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.ExecuteNonQuery();
}

static object Summary(List<double> seconds)
{
    var sorted = seconds.OrderBy(s => s).ToList();
    return new { median = sorted[sorted.Count / 2], min = sorted[0], runs = seconds };
}
