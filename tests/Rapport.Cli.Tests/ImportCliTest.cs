using System.Net;
using System.Text;
using Rapport.Cli.Commands;
using Rapport.Formats.Records;
using Rapport.Data.Tests.Support;
using Rapport.Web;

namespace Rapport.Cli.Tests;

public sealed class ImportCliTest : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("rapport-cli-import-");

    public void Dispose() => _dir.Delete(recursive: true);

    private const string Connections =
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n" +
        "Ana,Silva,https://www.linkedin.com/in/ana-silva,ana@example.org,Acme,Engineer,04 Jul 2023\n" +
        "Bruno,Costa,https://www.linkedin.com/in/bruno-costa,,Globex,Designer,22 Dec 2025\n";

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Import_DryRunThenImportThenAgain_ReportsNewThenUnchanged(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cli = new CliRunner(db);
        var file = Write("Connections.csv", Connections);

        var dry = await cli.RunAsync("import", "linkedin", file, "--dry-run");
        Assert.Equal(0, dry.ExitCode);
        Assert.Contains("nothing was written", dry.Out);
        Assert.Contains("contacts:     2 new", dry.Out);
        Assert.Equal("[]", (await cli.RunAsync("contact", "list", "--json")).Out.Trim());

        var real = await cli.RunAsync("import", "auto", file, "--json");
        Assert.Equal(0, real.ExitCode);
        Assert.Equal(2, real.Json.GetProperty("contacts").GetProperty("new").GetInt32());
        Assert.Equal("linkedin", real.Json.GetProperty("format").GetString());

        var again = await cli.RunAsync("import", "linkedin", file);
        Assert.Contains("contacts:     0 new, 0 updated, 0 merged, 2 unchanged", again.Out);
        var show = await cli.RunAsync("contact", "show", "ana@example.org", "--json");
        Assert.Equal("Acme", show.Json.GetProperty("company").GetString());
    }

    [Fact]
    public async Task Rows_OfAWeeklySeries_NameEachPastWeek_AndSayOnceWhatIsStillToCome()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var cli = new CliRunner(db, "2026-02-20T12:00:00Z");
        await cli.RunAsync("contact", "add", "--name", "Ana Silva", "--email", "ana@example.org");
        var ics = Write("weekly.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:w@x\r\nSUMMARY:Ana / me\r\n" +
            "DTSTART;TZID=Europe/Berlin:20260202T100000\r\nRRULE:FREQ=WEEKLY;COUNT=6\r\nATTENDEE:mailto:ana@example.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");

        var run = await cli.RunAsync("import", "ics", ics, "--rows");

        Assert.Equal(0, run.ExitCode);
        var rows = run.Out.ReplaceLineEndings("\n").Split('\n').SkipWhile(l => l != "Rows:").Where(l => l.StartsWith("  " + ics, StringComparison.Ordinal)).ToList();
        Assert.Equal([$"  {ics}:3 new interaction Ana / me on 2026-02-02 with Ana Silva", $"  {ics}:3 new interaction Ana / me on 2026-02-09 with Ana Silva",
            $"  {ics}:3 new interaction Ana / me on 2026-02-16 with Ana Silva",
            $"  {ics}:3 skipped interaction — \"Ana / me\": its occurrences from 2026-02-23 on have not happened yet (import the calendar again afterwards)"], rows);
    }

    [Fact]
    public async Task DryRun_NeitherCreatesTheDatabaseFile_NorUpgradesAnOlderOne()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var cli = new CliRunner(db);
        var file = Write("Connections.csv", Connections);

        // A database that does not exist yet: the dry run reports on an empty one and leaves no file behind.
        var missing = Path.Combine(_dir.FullName, "not-yet.db");
        var dry = await cli.RunAsync("--db", missing, "import", "linkedin", file, "--dry-run");
        Assert.Equal(0, dry.ExitCode);
        Assert.Contains("contacts:     2 new", dry.Out);
        Assert.Empty(Directory.GetFiles(_dir.FullName, "not-yet.db*"));
        Assert.Empty(Directory.GetFiles(Path.GetTempPath(), $"rapport-dry-run-{Environment.ProcessId}-*"));

        // A database at an older schema, holding a contact: read through an upgraded copy; the file keeps its bytes.
        var older = Path.Combine(_dir.FullName, "older.db");
        var target = Data.Storage.DbTarget.Sqlite(older);
        await Data.Storage.MigrationRunner.MigrateAsync(target, TimeProvider.System, upTo: 3);
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(target.ConnectionString))
        {
            await connection.OpenAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO "Contacts" ("Id", "AccountId", "DisplayName", "Company", "Seniority", "Kind", "Trust", "KeyPlayer", "WantToMeet", "SeniorityAtLastContact", "CreatedAt", "UpdatedAt", "Version")
                VALUES (1, 1, 'Ana Silva', 'Acme', 'Unknown', 'Acquaintance', 2, 0, 0, 'Unknown', '2026-01-01 00:00:00', '2026-01-01 00:00:00', 1);
                INSERT INTO "ContactEmails" ("AccountId", "ContactId", "Address", "IsPrimary") VALUES (1, 1, 'ana@example.org', 1);
                PRAGMA wal_checkpoint(TRUNCATE);
                """;
            await insert.ExecuteNonQueryAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var before = await File.ReadAllBytesAsync(older);
        var upgradeDry = await cli.RunAsync("--db", older, "import", "linkedin", file, "--dry-run");
        Assert.Equal(0, upgradeDry.ExitCode);
        Assert.Contains("contacts:     1 new, 0 updated, 1 merged", upgradeDry.Out);
        Assert.Contains("the dry run reads an upgraded copy, and the file is left as it is", upgradeDry.Err);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Assert.Equal(before, await File.ReadAllBytesAsync(older));
        Assert.Equal(3, await Data.Storage.MigrationRunner.CurrentVersionAsync(target));
        Assert.Empty(Directory.GetFiles(Path.GetTempPath(), $"rapport-dry-run-{Environment.ProcessId}-*"));
    }

    [Fact]
    public async Task BadFile_ExitsWith2_NamingFileLineAndColumn_AndWritesNothing()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var cli = new CliRunner(db);
        var file = Write("Connections.csv", Connections + "Carla,Dias,https://www.linkedin.com/in/carla,,Initech,CEO,31 Fbr 2024\n");

        var r = await cli.RunAsync("import", "linkedin", file);

        Assert.Equal(2, r.ExitCode);
        Assert.Matches($@"^error: {System.Text.RegularExpressions.Regex.Escape(file)}:4:\d+: expected a date like ""22 Dec 2025"" in ""Connected On"", got ""31 Fbr 2024""", r.Err);
        Assert.Equal("[]", (await cli.RunAsync("contact", "list", "--json")).Out.Trim());

        var unknown = await cli.RunAsync("import", "auto", Write("notes.txt", "just some text\n"));
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("expected a LinkedIn export, Google or Outlook CSV, vCard, iCalendar or mbox file", unknown.Err);
        var missing = await cli.RunAsync("import", "vcard", Path.Combine(_dir.FullName, "nope.vcf"));
        Assert.Equal(2, missing.ExitCode);
        var badFormat = await cli.RunAsync("import", "excel", file);
        Assert.Equal(2, badFormat.ExitCode);
        Assert.Contains("expected one of", badFormat.Err);
    }

    [Fact]
    public async Task AnEmptyOrJunkFolderOrZip_ExitsWith2_NothingImportable_NamingTheLinkedInFiles()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var cli = new CliRunner(db);
        var empty = Directory.CreateDirectory(Path.Combine(_dir.FullName, "empty")).FullName;
        var junkDir = Directory.CreateDirectory(Path.Combine(_dir.FullName, "junk")).FullName;
        File.WriteAllText(Path.Combine(junkDir, "notes.txt"), "hello\n");
        File.WriteAllText(Path.Combine(junkDir, "Education.csv"), "School Name,Start Date,End Date,Notes,Degree Name,Activities\nX,2010,2014,,,\n");
        var junkZip = Path.Combine(_dir.FullName, "junk.zip");
        using (var zip = System.IO.Compression.ZipFile.Open(junkZip, System.IO.Compression.ZipArchiveMode.Create))
        using (var w = new StreamWriter(zip.CreateEntry("readme.txt").Open())) w.Write("not LinkedIn");
        var emptyZip = Path.Combine(_dir.FullName, "empty.zip");
        System.IO.Compression.ZipFile.Open(emptyZip, System.IO.Compression.ZipArchiveMode.Create).Dispose();

        foreach (var (format, path) in new[] { ("linkedin", empty), ("auto", empty), ("linkedin", junkDir), ("linkedin", junkZip), ("auto", junkZip), ("auto", emptyZip) })
        {
            var r = await cli.RunAsync("import", format, path);
            Assert.True(r.ExitCode == 2, $"{format} {path}: exit {r.ExitCode}, {r.Out}{r.Err}");
            Assert.StartsWith($"error: nothing importable found in {path}: expected a LinkedIn export holding Connections.csv, messages.csv", r.Err, StringComparison.Ordinal);
            Assert.Equal("", r.Out);
        }
        Assert.Equal("[]", (await cli.RunAsync("contact", "list", "--json")).Out.Trim());

        // A single valid file with a header and no rows is still a (0-row) import.
        var headerOnly = await cli.RunAsync("import", "linkedin", Write("Connections.csv", "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"));
        Assert.Equal(0, headerOnly.ExitCode);
        Assert.Contains("contacts:     0 new", headerOnly.Out);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    [InlineData("vcard")]
    public async Task ExportToAMissingFolder_ExitsWith2_NamingTheFolder(string format)
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var cli = new CliRunner(db);
        var folder = Path.Combine(_dir.FullName, "no", "such");

        var r = await cli.RunAsync("export", format, "-o", Path.Combine(folder, "x." + format));

        Assert.Equal(2, r.ExitCode);
        Assert.Equal($"error: out: the folder {folder} does not exist: create it first, or check the path\n", r.Err.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(_dir.FullName, "no")));
    }

    [Fact]
    public async Task BackupToAMissingFolder_ExitsWith2_AndMakesNoFolder()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var cli = new CliRunner(db);
        foreach (var name in new[] { "x.db", "x.json" })
        {
            var r = await cli.RunAsync("backup", Path.Combine(_dir.FullName, "no", "such", name));
            Assert.Equal(2, r.ExitCode);
            Assert.Contains($"the folder {Path.Combine(_dir.FullName, "no", "such")} does not exist", r.Err);
        }
        Assert.False(Directory.Exists(Path.Combine(_dir.FullName, "no")));
    }

    [Fact]
    public async Task ExportToAnExistingFile_IsRefused_UnlessForced()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var cli = new CliRunner(db);
        await cli.RunAsync("import", "linkedin", Write("Connections.csv", Connections));
        var file = Write("keep.csv", "precious\n");

        var refused = await cli.RunAsync("export", "csv", "-o", file);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains($"out: {file} already exists; add --force to replace it", refused.Err);
        Assert.Equal("precious\n", File.ReadAllText(file));

        var forced = await cli.RunAsync("export", "csv", "-o", file, "--force");
        Assert.Equal(0, forced.ExitCode);
        Assert.Contains("Ana", File.ReadAllText(file));

        var onItself = await cli.RunAsync("export", "json", "-o", db.Target.FilePath!, "--force");
        Assert.Equal(2, onItself.ExitCode);
        Assert.Contains("that is the database itself", onItself.Err);
        Assert.Contains("--force", (await cli.RunAsync("export", "--help")).Out);
    }

    [Fact]
    public async Task ExportToAFile_SaysHowManyContacts_InTheRightNumber()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var cli = new CliRunner(db);
        Assert.Equal(0, (await cli.RunAsync("contact", "add", "--name", "Ana Silva")).ExitCode);

        var one = await cli.RunAsync("export", "csv", "-o", Path.Combine(_dir.FullName, "one.csv"));
        Assert.Equal(0, one.ExitCode);
        Assert.Contains("Exported 1 contact to ", one.Err);

        Assert.Equal(0, (await cli.RunAsync("contact", "add", "--name", "Bruno Costa")).ExitCode);
        var two = await cli.RunAsync("export", "vcard", "-o", Path.Combine(_dir.FullName, "two.vcf"));
        Assert.Contains("Exported 2 contacts to ", two.Err);
    }

    [Fact]
    public async Task Progress_IsShownOnStderr_WhenAsked()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var cli = new CliRunner(db);
        var sb = new StringBuilder("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
        for (var i = 0; i < 20000; i++) sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"Person,Number{i},https://www.linkedin.com/in/p{i},,Co{i % 50},Role,04 Jul 2023\n");
        var file = Write("Connections.csv", sb.ToString());

        var quiet = await cli.RunAsync("import", "linkedin", file, "--dry-run");
        var loud = await cli.RunAsync("import", "linkedin", file, "--progress");

        Assert.Equal("", quiet.Err);
        Assert.Equal(0, loud.ExitCode);
        // 20,000 contacts, each with its LinkedIn profile and source key.
        Assert.Matches(@"20,000 rows read, 60,000 rows written in \d+\.\d s", loud.Err);
    }

    [Fact]
    public void ProgressLine_NamesEachStage_WithRateAndTimeLeft()
    {
        var progress = new ImportProgress();
        progress.AddTotal(1000);
        progress.SetBytes(250);
        for (var i = 0; i < 5000; i++) progress.AddRow();
        Assert.Equal("reading: 5,000 rows, 2,500 rows/s, 25%, about 6 s left", ProgressReporter.Line(progress, TimeSpan.FromSeconds(2), final: false));

        progress.SetBytes(1000);
        Assert.Equal("matching: 5,000 rows read", ProgressReporter.Line(progress, TimeSpan.FromSeconds(3), final: false));

        progress.BeginWriting(15000);
        Assert.Equal("writing: 15,000 rows", ProgressReporter.Line(progress, TimeSpan.FromSeconds(3), final: false));
        progress.AddWritten(5000);
        Assert.Matches(@"^writing: 5,000 of 15,000 rows, [\d,]+ rows/s, about \d+ s left$", ProgressReporter.Line(progress, TimeSpan.FromSeconds(4), final: false));

        progress.AddWritten(10000);
        Assert.Equal("saving: 5,000 rows read, 15,000 rows written", ProgressReporter.Line(progress, TimeSpan.FromSeconds(5), final: false));
        progress.BeginPreparingInsights();
        Assert.Equal("preparing the insights: 5,000 rows read, 15,000 rows written", ProgressReporter.Line(progress, TimeSpan.FromSeconds(5.2), final: false));
        Assert.Equal("5,000 rows read, 15,000 rows written in 5.5 s", ProgressReporter.Line(progress, TimeSpan.FromSeconds(5.5), final: true));

        var dryRun = new ImportProgress();
        dryRun.AddRow();
        Assert.Equal("1 row read in 1.0 s", ProgressReporter.Line(dryRun, TimeSpan.FromSeconds(1), final: true));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task ExportBackupRestore_ThroughTheCommandLine_GiveIdenticalExports(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cli = new CliRunner(db);
        Assert.Equal(0, (await cli.RunAsync("demo", "--contacts", "40", "--seed", "2")).ExitCode);
        await cli.RunAsync("import", "linkedin", Write("Connections.csv", Connections));
        var json = Path.Combine(_dir.FullName, "network.json");
        Assert.Equal(0, (await cli.RunAsync("backup", json)).ExitCode);
        var vcard = await cli.RunAsync("export", "vcard");
        Assert.StartsWith("BEGIN:VCARD\r\nVERSION:4.0\r\n", vcard.Out);
        Assert.Contains("FN:Ana Silva\r\n", vcard.Out);
        var csvFile = Path.Combine(_dir.FullName, "contacts.csv");
        Assert.Equal(0, (await cli.RunAsync("export", "csv", "-o", csvFile)).ExitCode);
        var export1 = (await cli.RunAsync("export", "json")).Out;
        Assert.Equal(File.ReadAllText(json), export1);

        await using var empty = await TestDatabase.CreateAsync(provider);
        var target = new CliRunner(empty);
        var restore = await target.RunAsync("restore", json);
        Assert.Equal(0, restore.ExitCode);
        Assert.Contains("Restored", restore.Out);
        Assert.Equal(export1, (await target.RunAsync("export", "json")).Out);
        Assert.Equal(vcard.Out, (await target.RunAsync("export", "vcard")).Out);

        var again = await target.RunAsync("restore", json);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("restore needs an empty database", again.Err);

        // The CSV export imports back into a new database with the same people.
        var people = (await cli.RunAsync("contact", "list", "--json")).Json.GetArrayLength();
        await using var third = await TestDatabase.CreateAsync(provider);
        var reimport = await new CliRunner(third).RunAsync("import", "csv", csvFile, "--json");
        Assert.Equal(0, reimport.ExitCode);
        var counts = reimport.Json.GetProperty("contacts");
        Assert.Equal(people, counts.GetProperty("new").GetInt32() + counts.GetProperty("merged").GetInt32());
        Assert.Equal(0, counts.GetProperty("rejected").GetInt32());
    }

    [Fact]
    public async Task SqliteBackup_IsAFileCopy_ThatRestoresIntoANewFile()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var cli = new CliRunner(db);
        await cli.RunAsync("import", "linkedin", Write("Connections.csv", Connections));
        var file = Path.Combine(_dir.FullName, "rapport-backup.db");
        var backup = await cli.RunAsync("backup", file);
        Assert.Equal(0, backup.ExitCode);
        Assert.Contains("(sqlite,", backup.Out);

        await using var empty = await TestDatabase.CreateAsync("sqlite");
        var target = new CliRunner(empty);
        Assert.Equal(0, (await target.RunAsync("restore", file)).ExitCode);
        Assert.Equal((await cli.RunAsync("export", "json")).Out, (await target.RunAsync("export", "json")).Out);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task DuplicatesMergeUnmerge_ThroughTheCommandLine(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cli = new CliRunner(db);
        await cli.RunAsync("import", "linkedin", Write("Connections.csv", Connections));
        await cli.RunAsync("contact", "add", "--name", "Ana Silva", "--company", "ACME Inc", "--email", "ana.silva@home.example");
        await cli.RunAsync("log", "ana.silva@home.example", "--channel", "call", "--note", "catch-up");

        var dups = await cli.RunAsync("contact", "duplicates", "--json");
        Assert.Equal(0, dups.ExitCode);
        var pair = Assert.Single(dups.Json.EnumerateArray());
        Assert.True(pair.GetProperty("confidence").GetDouble() >= 0.9);

        var merge = await cli.RunAsync("contact", "merge", "ana@example.org", "ana.silva@home.example");
        Assert.Equal(0, merge.ExitCode);
        var mergeId = System.Text.RegularExpressions.Regex.Match(merge.Out, @"unmerge (\d+)").Groups[1].Value;
        var show = await cli.RunAsync("contact", "show", "ana@example.org", "--json");
        Assert.Equal(["ana@example.org", "ana.silva@home.example"], show.Json.GetProperty("emails").EnumerateArray().Select(e => e.GetString()));
        var anaId = show.Json.GetProperty("id").GetInt64();
        Assert.Equal(anaId, (await cli.RunAsync("contact", "show", "ana.silva@home.example", "--json")).Json.GetProperty("id").GetInt64());

        var unmerge = await cli.RunAsync("contact", "unmerge", mergeId);
        Assert.Equal(0, unmerge.ExitCode);
        var back = await cli.RunAsync("contact", "show", "ana.silva@home.example", "--json");
        Assert.Equal(0, back.ExitCode);
        Assert.NotEqual(anaId, back.Json.GetProperty("id").GetInt64());
        Assert.Equal(["ana@example.org"], (await cli.RunAsync("contact", "show", "ana@example.org", "--json")).Json.GetProperty("emails").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(2, (await cli.RunAsync("contact", "unmerge", mergeId)).ExitCode);
        Assert.Equal(2, (await cli.RunAsync("contact", "merge", "ana@example.org", "ana@example.org")).ExitCode);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Feed_CreateServesTheCalendar_RevokeStopsIt(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var cli = new CliRunner(db);
        await cli.RunAsync("contact", "add", "--name", "Zoë Ångström", "--email", "zoe@example.org");
        await using (var ctx = new Data.Storage.RapportStore(db.Target).Open())
        {
            var zoe = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(ctx.Contacts, TestContext.Current.CancellationToken);
            ctx.Reminders.Add(new Domain.Reminders.Reminder(zoe.Id, new DateOnly(2026, 11, 25), "Send the deck, with notes; thanks"));
            await ctx.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        var created = await cli.RunAsync("feed", "create", "--label", "phone", "--json");
        Assert.Equal(0, created.ExitCode);
        var path = created.Json.GetProperty("path").GetString()!;
        var id = created.Json.GetProperty("id").GetInt64();
        Assert.Matches(@"^/feeds/[A-Za-z0-9_-]{43}\.ics$", path);
        var list = await cli.RunAsync("feed", "list");
        Assert.Contains("phone", list.Out);
        Assert.DoesNotContain(path[7..^4], list.Out);

        var port = Loopback.FreePort();
        await using var app = RapportWebHost.Build(new WebOptions(db.Target, new FixedClock(new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc))) { Urls = $"http://127.0.0.1:{port}" });
        await app.StartAsync(TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var response = await http.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var ics = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics);
        Assert.Contains("SUMMARY:Follow up with Zoë Ångström\r\n", ics);
        Assert.Contains("DTSTART;VALUE=DATE:20261125\r\n", ics);
        Assert.Contains("DESCRIPTION:Send the deck\\, with notes\\; thanks\r\n", ics);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/feeds/not-a-token.ics", TestContext.Current.CancellationToken)).StatusCode);

        Assert.Equal(0, (await cli.RunAsync("feed", "revoke", id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ExitCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(path, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(2, (await cli.RunAsync("feed", "revoke", "999")).ExitCode);
        await app.StopAsync(TestContext.Current.CancellationToken);
    }
}
