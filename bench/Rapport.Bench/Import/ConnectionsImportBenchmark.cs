using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Rapport.App.Import;
using Rapport.Bench.Scenarios;
using Rapport.Data.Storage;

namespace Rapport.Bench.Import;

/// <summary>
/// A 30,000-row LinkedIn Connections.csv imported into an empty database, side by side with its floor: the same
/// rows, already in memory, inserted with one prepared Microsoft.Data.Sqlite command into one 7-column table in one
/// transaction. The import is timed whole (read, parse, match, write contacts with their profile, email and source
/// rows, commit); each iteration gets a fresh file (not timed). The target (DESIGN.md §5): import ≤ 3× the floor.
/// The schema floor, beside them, is what SQLite alone takes for the rows the import writes.
/// </summary>
[RapportJob(warmupCount: 2, iterationCount: 9, oneShot: true)]
[MemoryDiagnoser]
public class ConnectionsImportBenchmark
{
    private string _csv = "";
    private string[][] _rows = [];
    private string[] _knownSince = [];
    private string _file = "";
    private DbTarget? _target;

    [Params(30_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void WriteCsv()
    {
        _csv = Path.Combine(ScenarioFiles.CacheFolder, $"Connections-{Rows}.csv");
        Directory.CreateDirectory(ScenarioFiles.CacheFolder);
        File.WriteAllText(_csv, ConnectionsFile.Create(Rows), new UTF8Encoding(false));
        _rows = ConnectionsFile.Rows(Rows).Select(r => r.Select(v => v.Trim('"')).ToArray()).ToArray();
        _knownSince = _rows.Select(r => DateOnly.ParseExact(r[6], "dd MMM yyyy", CultureInfo.InvariantCulture).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray();
    }

    [IterationSetup]
    public void CreateFile()
    {
        _file = Path.Combine(ScenarioFiles.CacheFolder, $"bench-import-{Environment.ProcessId}.db");
        ScenarioFiles.DeleteDatabase(_file);
        _target = ScenarioFiles.CreateEmptyAsync(_file).GetAwaiter().GetResult();
        SqliteConnection.ClearAllPools();
    }

    [Benchmark(Baseline = true, Description = "floor: 30k prepared inserts, one table, one transaction")]
    public int Floor()
    {
        using var connection = new SqliteConnection(_target!.ConnectionString);
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE connections (first_name TEXT, last_name TEXT, url TEXT, email TEXT, company TEXT, position TEXT, connected_on TEXT)";
            create.ExecuteNonQuery();
        }
        using var tx = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO connections VALUES ($a, $b, $c, $d, $e, $f, $g)";
        var parameters = new[] { "$a", "$b", "$c", "$d", "$e", "$f", "$g" }.Select(n => insert.Parameters.Add(new SqliteParameter(n, null))).ToArray();
        insert.Prepare();
        foreach (var row in _rows)
        {
            for (var i = 0; i < 7; i++) parameters[i].Value = row[i].Length == 0 ? DBNull.Value : row[i];
            insert.ExecuteNonQuery();
        }
        tx.Commit();
        return _rows.Length;
    }

    /// <summary>
    /// Not a target, a measure of what is left: SQLite's own work for the rows the import writes. The same 30,000
    /// contacts, already parsed, matched and shaped, inserted with prepared Microsoft.Data.Sqlite commands into Rapport's
    /// schema (contacts, LinkedIn profiles, source keys and the 3,000 emails, with their indexes) in one transaction.
    /// </summary>
    [Benchmark(Description = "schema floor: the same rows into Rapport's tables, prepared inserts")]
    public int SchemaFloor()
    {
        using var connection = new SqliteConnection(_target!.ConnectionString);
        connection.Open();
        using (var pragmas = connection.CreateCommand())
        {
            pragmas.CommandText = "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";
            pragmas.ExecuteNonQuery();
        }
        using var tx = connection.BeginTransaction();
        var contact = Prepare(connection, tx, """
            INSERT INTO "Contacts" ("Id", "AccountId", "DisplayName", "GivenName", "FamilyName", "Company", "Title", "Seniority", "Kind", "Trust",
              "KeyPlayer", "WantToMeet", "KnownSince", "SeniorityAtLastContact", "CreatedAt", "UpdatedAt", "Version")
            VALUES ($id, 1, $name, $given, $family, $company, $title, 'Unknown', 'Acquaintance', 2, 0, 0, $since, 'Unknown', $at, $at, 0)
            """, "$id", "$name", "$given", "$family", "$company", "$title", "$since", "$at");
        var profile = Prepare(connection, tx, """INSERT INTO "ContactProfiles" ("Id", "AccountId", "ContactId", "Network", "Url") VALUES ($id, 1, $id, 'LinkedIn', $url)""", "$id", "$url");
        var source = Prepare(connection, tx, """
            INSERT INTO "ContactSources" ("Id", "AccountId", "ContactId", "Source", "ExternalKey", "FirstSeenAt", "LastSeenAt") VALUES ($id, 1, $id, 'linkedin', $url, $at, $at)
            """, "$id", "$url", "$at");
        var email = Prepare(connection, tx, """INSERT INTO "ContactEmails" ("AccountId", "ContactId", "Address", "IsPrimary") VALUES (1, $id, $address, 1)""", "$id", "$address");
        const string at = "2026-11-20 12:00:00";
        for (var i = 0; i < _rows.Length; i++)
        {
            var row = _rows[i];
            long id = i + 1;
            Run(contact, id, row[0] + " " + row[1], row[0], row[1], row[4], row[5], _knownSince[i], at);
            Run(profile, id, row[2]);
            Run(source, id, row[2], at);
            if (row[3].Length > 0) Run(email, id, row[3]);
        }
        tx.Commit();
        return _rows.Length;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction tx, string sql, params string[] names)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var name in names) cmd.Parameters.Add(new SqliteParameter(name, null));
        cmd.Prepare();
        return cmd;
    }

    private static void Run(SqliteCommand cmd, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) cmd.Parameters[i].Value = values[i];
        cmd.ExecuteNonQuery();
    }

    [Benchmark(Description = "rapport import linkedin, 30k rows, in process")]
    public async Task<int> Import()
    {
        await using var db = new RapportStore(_target!).Open();
        var result = await new ImportNetwork(db, BenchClock.Instance).ExecuteAsync(new ImportRequest { Kind = ImportSourceKind.LinkedIn, Path = _csv });
        if (result.Contacts.New != Rows) throw new InvalidOperationException($"imported {result.Contacts.New} of {Rows}");
        return result.Contacts.New;
    }

    [IterationCleanup]
    public void DeleteFile()
    {
        SqliteConnection.ClearAllPools();
        ScenarioFiles.DeleteDatabase(_file);
    }
}

/// <summary>A synthetic LinkedIn Connections.csv in the current export's shape: preamble, header, distinct people and URLs, a few emails.</summary>
public static class ConnectionsFile
{
    private static readonly string[] Given = ["Ana", "Bruno", "Chen", "Dora", "Emeka", "Fatima", "Gustavo", "Hana", "Igor", "Jana", "Kofi", "Lena", "Mateus", "Nadia", "Omar", "Priya", "Quentin", "Rosa", "Sven", "Tariq", "Uma", "Víctor", "Wen", "Xavier", "Yara", "Zoë"];
    private static readonly string[] Family = ["Silva", "Costa", "Wei", "Dias", "Okafor", "Haddad", "Pereira", "Sato", "Petrov", "Novák", "Mensah", "Schmidt", "Rocha", "Karimi", "Farouk", "Iyer", "Dubois", "García", "Larsen", "Aziz", "Rao", "Álvarez", "Li", "Moreau", "Nunes", "Ångström"];
    private static readonly string[] Companies = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Soylent", "Stark Industries", "Wayne Enterprises", "Cyberdyne", "Tyrell", "\"Acme, Inc.\"", "Wonka"];
    private static readonly string[] Titles = ["Engineer", "Senior Engineer", "Product Manager", "Designer", "\"Director, Operations\"", "CTO", "Recruiter", "Data Scientist"];
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static IEnumerable<string[]> Rows(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var given = Given[i % Given.Length];
            var family = Family[i / Given.Length % Family.Length];
            var slug = string.Create(CultureInfo.InvariantCulture, $"{given.ToLowerInvariant()}-{family.ToLowerInvariant()}-{i:x6}");
            yield return
            [
                given, family + (i >= Given.Length * Family.Length ? " " + (i / (Given.Length * Family.Length)).ToString(CultureInfo.InvariantCulture) : ""),
                "https://www.linkedin.com/in/" + Uri.EscapeDataString(slug),
                i % 10 == 0 ? string.Create(CultureInfo.InvariantCulture, $"person{i}@example.org") : "",
                Companies[i % Companies.Length], Titles[i % Titles.Length],
                string.Create(CultureInfo.InvariantCulture, $"{1 + i % 28:00} {Months[i % 12]} {2010 + i % 16}"),
            ];
        }
    }

    public static string Create(int count)
    {
        var sb = new StringBuilder();
        sb.Append("Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\n");
        sb.Append("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
        foreach (var row in Rows(count)) sb.Append(string.Join(',', row)).Append('\n');
        return sb.ToString();
    }
}
