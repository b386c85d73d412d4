using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rapport.App.Contacts;
using Rapport.App.Import;
using Rapport.Data.Storage;
using Rapport.Data.Tests.Support;

namespace Rapport.Data.Tests.Import;

/// <summary>
/// Conformance through the import use case: every file of the shared corpus imports and leaves in the database the
/// names and emails its MANIFEST.md lists; values the MANIFEST calls garbage are reported, never stored.
/// </summary>
public partial class CorpusImportTest
{
    private static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);

    /// <summary>Values the MANIFESTs list that are not email addresses (their notes say so).</summary>
    private static readonly HashSet<string> Garbage = new(StringComparer.OrdinalIgnoreCase)
    {
        "semicolon;@points.net", "ÑÑÑÑÑÑÑÑÑÑÑÑÑÑ", "CET Meeting Room@university.edu",
    };

    private static List<(string Format, string Relative)> AllFiles()
    {
        var files = new List<(string, string)>();
        foreach (var format in new[] { "vcard", "csv", "ics" })
        {
            var folder = Path.Combine(Root, format);
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "MANIFEST.md").Order(StringComparer.Ordinal))
                files.Add((format, Path.GetRelativePath(folder, file)));
        }
        return files;
    }

    public static TheoryData<string, string> Files()
    {
        var data = new TheoryData<string, string>();
        foreach (var (format, relative) in AllFiles()) data.Add(format, relative);
        return data;
    }

    [Fact]
    public void Corpus_HoldsFilesOfEveryFormat()
    {
        var files = AllFiles();
        foreach (var format in new[] { "vcard", "csv", "ics" }) Assert.Contains(files, f => f.Format == format);
        Assert.True(files.Count > 70, $"only {files.Count} corpus files found under {Root}");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task CorpusFile_ImportsThroughTheUseCase_AndYieldsItsManifest(string format, string relative)
    {
        await using var test = await TestDatabase.CreateAsync("sqlite");
        var store = await test.MigratedStoreAsync(new TestClock(Now));
        var row = Manifest(format, relative);
        var path = Path.Combine(Root, format, relative);
        switch (format)
        {
            case "vcard": await CheckContactsAsync(store, path, VCardExpectations(row)); break;
            case "csv": await CheckCsvAsync(store, path, row); break;
            default: await CheckCalendarAsync(store, path, row); break;
        }
    }

    [Fact]
    public async Task WholeCorpus_ImportsIntoPostgreSQL_WithEveryNameAndEmail()
    {
        await using var test = await TestDatabase.CreateAsync("postgres");
        var store = await test.MigratedStoreAsync(new TestClock(Now));
        var expectedEmails = new List<string>();
        foreach (var (format, relative) in AllFiles())
        {
            if (format == "ics") continue;
            var row = Manifest(format, relative);
            var path = Path.Combine(Root, format, relative);
            if (format == "csv" && MessagesCell().IsMatch(row["expected (name -> email)"])) continue;
            var result = await ImportAsync(store, path);
            Assert.True(result.Contacts.Total > 0, $"{relative}: nothing imported");
            // In one shared database later files match earlier contacts: the rows still name every person read.
            var labels = result.Rows.Where(r => r.Outcome is ImportOutcome.New or ImportOutcome.Merged or ImportOutcome.Updated or ImportOutcome.Unchanged).Select(r => r.Label).ToList();
            var expected = format == "vcard" ? VCardExpectations(row) : CsvExpectations(row);
            foreach (var (name, mails) in expected)
            {
                if (name is not null) Assert.Contains(name, labels);
                expectedEmails.AddRange(mails);
            }
        }
        await using var db = store.Open();
        var emails = (await db.ContactEmails.Select(e => e.Address).ToListAsync()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var e in expectedEmails) Assert.Contains(e, emails);
        Assert.DoesNotContain(emails, e => Garbage.Contains(e));
    }

    private static async Task<ImportResult> ImportAsync(RapportStore store, string path, ImportSourceKind kind = ImportSourceKind.Auto)
    {
        await using var db = store.Open();
        return await new ImportNetwork(db, new TestClock(Now)).ExecuteAsync(new ImportRequest { Kind = kind, Path = path, SkipBadRows = true });
    }

    private static async Task CheckContactsAsync(RapportStore store, string path, List<(string? Name, string[] Emails)> expected)
    {
        var result = await ImportAsync(store, path);
        Assert.True(result.Contacts.New > 0, $"no contact imported; reasons: {string.Join(" | ", result.FirstReasons)}");
        Assert.Equal(0, result.Contacts.Rejected);
        await using var db = store.Open();
        var names = await db.Contacts.Select(c => c.DisplayName).ToListAsync();
        var emails = (await db.ContactEmails.Select(e => e.Address).ToListAsync()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.All(names, n => Assert.False(string.IsNullOrWhiteSpace(n)));
        foreach (var (name, mails) in expected)
        {
            if (name is not null) Assert.Contains(name, names);
            foreach (var e in mails) Assert.Contains(e, emails);
        }
        var expectedEmails = expected.SelectMany(x => x.Emails).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.True(emails.SetEquals(expectedEmails), $"stored [{string.Join(", ", emails)}], expected [{string.Join(", ", expectedEmails)}]");
        Assert.DoesNotContain(emails, e => Garbage.Contains(e));
    }

    private static async Task CheckCsvAsync(RapportStore store, string path, Dictionary<string, string> row)
    {
        var cell = row["expected (name -> email)"];
        var messages = MessagesCell().Match(cell);
        if (!messages.Success)
        {
            await CheckContactsAsync(store, path, CsvExpectations(row));
            return;
        }
        // LinkedIn messages: the two people are contacts first; each good row becomes an interaction, the junk row is rejected with its line.
        await using (var db = store.Open())
        {
            foreach (var name in new[] { messages.Groups[1].Value, messages.Groups[2].Value })
                await new CreateContact(db, new TestClock(Now)).ExecuteAsync(new ContactChanges { Name = name });
        }
        var result = await ImportAsync(store, path, ImportSourceKind.LinkedIn);
        var good = int.Parse(Regex.Match(row["rows"], @"^\d+").Value, System.Globalization.CultureInfo.InvariantCulture);
        var junk = Regex.Match(row["rows"], @"\+(\d+) junk") is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        Assert.Equal(good, result.Interactions.New);
        Assert.Equal(junk, result.Interactions.Rejected);
        Assert.All(result.Rows.Where(r => r.Outcome == ImportOutcome.Rejected), r => Assert.Matches(@":\d+(:\d+)?: expected ", r.Details[0]));
        await using var check = store.Open();
        var times = messages.Groups[4].Value.Split('/').Select(t => DateTime.Parse(messages.Groups[3].Value + "T" + t + ":00Z", null, System.Globalization.DateTimeStyles.AdjustToUniversal)).ToList();
        Assert.Equal(times, await check.Interactions.OrderBy(i => i.OccurredAt).Select(i => i.OccurredAt).ToListAsync());
        Assert.Equal(2, await check.InteractionParticipants.Select(p => p.ContactId).Distinct().CountAsync());
    }

    private static async Task CheckCalendarAsync(RapportStore store, string path, Dictionary<string, string> row)
    {
        var listed = new[] { row["ORGANIZER(s)"], row["ATTENDEE address(es)"] }.Where(c => c != "-")
            .SelectMany(c => c.Split(", ", StringSplitOptions.RemoveEmptyEntries))
            .Where(a => !a.EndsWith("@virtual", StringComparison.OrdinalIgnoreCase) && !Garbage.Contains(a))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var contactIds = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        await using (var db = store.Open())
        {
            foreach (var address in listed)
            {
                var c = await new CreateContact(db, new TestClock(Now)).ExecuteAsync(new ContactChanges { Name = "Person " + address, Emails = [address] });
                contactIds[address] = c.Id;
            }
        }
        var result = await ImportAsync(store, path, ImportSourceKind.Ics);
        var attended = Attended(File.ReadAllText(path));
        await using var check = store.Open();
        var withInteractions = (await check.InteractionParticipants.Select(p => p.ContactId).Distinct().ToListAsync()).ToHashSet();
        foreach (var address in listed)
        {
            if (attended.Contains(address))
                Assert.True(withInteractions.Contains(contactIds[address]), $"{address} took part in a meeting but has no interaction; reasons: {string.Join(" | ", result.FirstReasons)}");
            else
                Assert.False(withInteractions.Contains(contactIds[address]), $"{address} is only in alarms, cancelled or undated events");
        }
        // Every event is accounted for: imported, or skipped or rejected with a reason.
        Assert.All(result.Rows.Where(r => r.Outcome is ImportOutcome.Skipped or ImportOutcome.Rejected), r => Assert.NotEmpty(r.Details));
        if (listed.Count > 0 && attended.Count == 0) Assert.NotEmpty(result.FirstReasons);
    }

    /// <summary>A plain reading of the file, independent of the parser: addresses of dated, not cancelled VEVENTs, outside alarms.</summary>
    private static HashSet<string> Attended(string text)
    {
        var result = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var lines = Regex.Replace(text, "\r?\n[ \t]", "").Split('\n').Select(l => l.TrimEnd('\r'));
        bool inEvent = false, inAlarm = false, dated = false, cancelled = false;
        var found = new List<string>();
        foreach (var line in lines)
        {
            var upper = line.ToUpperInvariant();
            if (upper == "BEGIN:VEVENT") { inEvent = true; dated = false; cancelled = false; found.Clear(); }
            else if (upper == "END:VEVENT") { inEvent = false; if (dated && !cancelled) result.UnionWith(found); }
            else if (upper == "BEGIN:VALARM") inAlarm = true;
            else if (upper == "END:VALARM") inAlarm = false;
            else if (!inEvent || inAlarm) continue;
            else if (upper.StartsWith("DTSTART", StringComparison.Ordinal)) dated = true;
            else if (upper.StartsWith("STATUS:CANCELLED", StringComparison.Ordinal)) cancelled = true;
            else if ((upper.StartsWith("ATTENDEE", StringComparison.Ordinal) || upper.StartsWith("ORGANIZER", StringComparison.Ordinal))
                && Regex.Match(line, ":([^:\"]+)$") is { Success: true } m)
                found.Add(m.Groups[1].Value.Trim());
        }
        return result;
    }

    private static List<(string? Name, string[] Emails)> VCardExpectations(Dictionary<string, string> row)
    {
        var names = row["expected FN(s)"].Split(" / ");
        var emails = row["expected EMAIL(s)"].Split(" / ");
        return names.Select((n, i) =>
        {
            var name = Regex.Replace(n, @"\s*\((cp1252|windows-1252)\)\s*$", "").Trim();
            return (name == "(none)" ? null : name, Emails(i < emails.Length ? emails[i] : "-"));
        }).ToList();
    }

    private static List<(string? Name, string[] Emails)> CsvExpectations(Dictionary<string, string> row) =>
        PairCell().Matches(row["expected (name -> email)"]).Select(m =>
        {
            var name = m.Groups["name"].Value.Trim();
            var email = m.Groups["email"].Value.Trim();
            return (name == "(no name)" ? null : name, email is "(none)" or "-" ? [] : Emails(email));
        }).ToList();

    private static string[] Emails(string cell) => cell.Trim() == "-"
        ? []
        : cell.Split(", ").Select(e => e.Trim()).Where(e => !Garbage.Contains(e))
            .Select(e => e.Contains('<', StringComparison.Ordinal) ? e[(e.LastIndexOf('<') + 1)..e.LastIndexOf('>')] : e).ToArray();

    // ------------------------------------------------------------------ the corpus and its MANIFEST tables

    private static string Root { get; } = FindRoot();

    private static string FindRoot([CallerFilePath] string source = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory(), Path.GetDirectoryName(source) ?? "" }.Where(s => s.Length > 0))
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "corpus");
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        throw new InvalidOperationException("the conformance corpus (shared/corpus) was not found above the test folder; the conformance tests need it");
    }

    private static Dictionary<string, string> Manifest(string format, string relative)
    {
        var file = Path.GetFileName(relative);
        var folder = Path.GetDirectoryName(relative) ?? "";
        Dictionary<string, string>? fallback = null;
        string heading = "";
        string[]? columns = null;
        foreach (var raw in File.ReadAllLines(Path.Combine(Root, format, "MANIFEST.md")))
        {
            var line = raw.Trim();
            if (line.StartsWith("## ", StringComparison.Ordinal)) { heading = line[3..].Trim().TrimEnd('/'); columns = null; continue; }
            if (!line.StartsWith('|')) { columns = null; continue; }
            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (columns is null) { columns = cells; continue; }
            if (cells.All(c => c.Trim('-', ':').Length == 0)) continue;
            var row = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < columns.Length && i < cells.Length; i++) row[columns[i]] = cells[i];
            var name = row["file"].Trim('`');
            var slash = name.LastIndexOf('/');
            var rowFolder = slash >= 0 ? name[..slash] : heading;
            if ((slash >= 0 ? name[(slash + 1)..] : name) != file) continue;
            if (rowFolder == folder) return row;
            fallback ??= row;
        }
        return fallback ?? throw new InvalidOperationException($"{format}/{relative} is in the corpus but not in its MANIFEST.md");
    }

    [GeneratedRegex(@"(?<name>[^;,]+?) -> (?<email>[^;,\s]+)")]
    private static partial Regex PairCell();

    [GeneratedRegex(@"^(.+?) <-> (.+?), (\d{4}-\d{2}-\d{2}) ([\d:/]+) UTC$")]
    private static partial Regex MessagesCell();
}
