using System.Text.RegularExpressions;
using Rapport.Formats.Google;
using Rapport.Formats.ICalendar;
using Rapport.Formats.LinkedIn;
using Rapport.Formats.Outlook;
using Rapport.Formats.Records;
using Rapport.Formats.VCard;

namespace Rapport.Formats.Tests.Corpus;

/// <summary>Every file of the shared corpus yields the names and emails its MANIFEST.md lists.</summary>
public partial class CorpusConformanceTest
{
    /// <summary>Values the MANIFEST lists that are not email addresses (its notes say so): they must be reported, not imported.</summary>
    private static readonly HashSet<string> KnownInvalidEmails = new(StringComparer.OrdinalIgnoreCase)
    {
        "semicolon;@points.net",           // GNOME 13.vcf, "(invalid)" in its notes
        "ÑÑÑÑÑÑÑÑÑÑÑÑÑÑ",                 // ez-vcard John_Doe_ANDROID card 5, garbage QP value
        "CET Meeting Room@university.edu", // ical4j groupwise.ics, spaces in the address
    };

    public static TheoryData<string, string> Files(string format)
    {
        var data = new TheoryData<string, string>();
        var folder = Path.Combine(CorpusFiles.Root, format);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "MANIFEST.md").Order(StringComparer.Ordinal))
            data.Add(format, Path.GetRelativePath(folder, file));
        return data;
    }

    public static TheoryData<string, string> VCardFiles() => Files("vcard");
    public static TheoryData<string, string> ICalendarFiles() => Files("ics");
    public static TheoryData<string, string> CsvFiles() => Files("csv");

    private static (string Path, ManifestRow Row) Locate(string format, string relative)
    {
        var rows = Manifest.Read(Path.Combine(CorpusFiles.Root, format, "MANIFEST.md"));
        var fileName = Path.GetFileName(relative);
        var folder = Path.GetDirectoryName(relative) ?? "";
        var row = rows.FirstOrDefault(r => r.File == fileName && r.Folder == folder) ?? rows.FirstOrDefault(r => r.File == fileName);
        Assert.True(row is not null, $"{format}/{relative} is in the corpus but not in its MANIFEST.md");
        return (Path.Combine(CorpusFiles.Root, format, relative), row!);
    }

    [Fact]
    public void Corpus_IsFound_AndHoldsEveryFormat()
    {
        foreach (var format in new[] { "vcard", "ics", "csv" })
        {
            Assert.True(File.Exists(Path.Combine(CorpusFiles.Root, format, "MANIFEST.md")), $"{format}/MANIFEST.md missing");
            Assert.NotEmpty(Files(format));
        }
    }

    [Theory]
    [MemberData(nameof(VCardFiles))]
    public void VCardFile_YieldsTheNamesAndEmailsOfItsManifest(string format, string relative)
    {
        var (path, row) = Locate(format, relative);
        using var stream = File.OpenRead(path);
        var contacts = VCardReader.Read(stream, relative).ToList();

        var cards = int.Parse(row["cards"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(cards, contacts.Count);
        var names = row["expected FN(s)"].Split(" / ");
        var emails = row["expected EMAIL(s)"].Split(" / ");
        Assert.Equal(cards, names.Length);
        Assert.Equal(cards, emails.Length);
        for (var i = 0; i < cards; i++)
        {
            var contact = contacts[i];
            var name = Annotation().Replace(names[i], "").Trim();
            if (name == "(none)") Assert.False(string.IsNullOrWhiteSpace(contact.DisplayName), $"card {i + 1}: a name must be derived");
            else Assert.Equal(name, contact.DisplayName);
            AssertEmails(emails[i], contact.Emails.Select(e => e.Address), contact.Warnings, $"card {i + 1}");
        }
    }

    [Theory]
    [MemberData(nameof(ICalendarFiles))]
    public void ICalendarFile_YieldsTheOrganizersAndAttendeesOfItsManifest(string format, string relative)
    {
        var (path, row) = Locate(format, relative);
        using var stream = File.OpenRead(path);
        var clock = new FixedClock(new DateTime(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc));
        var options = new ImportOptions { SkipBadRows = true, Clock = clock };
        var events = ICalendarReader.Read(stream, relative, options).ToList();

        // Events without DTSTART cannot be dated: in an iTIP message that may leave it out (METHOD:REPLY, CANCEL...) they are
        // skipped, each saying why, and the file imports as it is; in a bare fixture with no METHOD they are rejected.
        // A recurring VEVENT gives one interaction per occurrence, all from its line, and says there what it left out.
        var eventLines = events.Select(e => e.SourceLine).ToHashSet();
        var undated = options.Progress.SkipReasons.Where(r => !eventLines.Contains(r.Line)).ToList();
        Assert.Equal(int.Parse(row["VEVENTs"], System.Globalization.CultureInfo.InvariantCulture),
            eventLines.Count + options.Progress.RejectedCount + undated.Count);
        Assert.All(options.Progress.Rejected, r => Assert.Contains("DTSTART", r.Message, StringComparison.Ordinal));
        Assert.Equal(options.Progress.Skipped, options.Progress.SkipReasons.Count);
        Assert.All(undated, r => Assert.Contains("without DTSTART", r.Reason, StringComparison.Ordinal));
        Assert.All(events.Where(e => !e.Occurrence), e => Assert.Single(events, o => o.SourceLine == e.SourceLine));
        if (row["METHOD"] is "REQUEST" or "REPLY" or "CANCEL" or "PUBLISH")
        {
            using var strict = File.OpenRead(path);
            Assert.Equal(events.Count, ICalendarReader.Read(strict, relative, new ImportOptions { Clock = clock }).Count());
        }

        // The MANIFEST counts every mailto: in the file; alarm recipients (VALARM) are not meeting participants.
        var reachable = MeetingAddresses(File.ReadAllText(path));
        var expected = new[] { row["ORGANIZER(s)"], row["ATTENDEE address(es)"] }.Where(c => c != "-")
            .SelectMany(c => c.Split(", ", StringSplitOptions.RemoveEmptyEntries))
            .Where(a => !a.EndsWith("@virtual", StringComparison.OrdinalIgnoreCase))
            .Where(a => reachable.Contains(a) || KnownInvalidEmails.Contains(a))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        AssertEmails(expected.Count > 0 ? string.Join(", ", expected) : "-",
            events.SelectMany(e => e.Participants).Select(p => p.Email!).Distinct(StringComparer.OrdinalIgnoreCase),
            events.SelectMany(e => e.Warnings), relative);
        Assert.All(events.SelectMany(e => e.Participants), p => Assert.DoesNotContain("@virtual", p.Email!, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// A plain-text reading, independent of the reader: ORGANIZER/ATTENDEE values of dated VEVENTs, outside VALARM.
    /// </summary>
    private static HashSet<string> MeetingAddresses(string text)
    {
        var result = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var lines = Regex.Replace(text, "\r?\n[ \t]", "").Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var inEvent = false;
        var inAlarm = false;
        var found = new List<string>();
        var dated = false;
        foreach (var line in lines)
        {
            if (line.Equals("BEGIN:VEVENT", StringComparison.OrdinalIgnoreCase)) { inEvent = true; found.Clear(); dated = false; }
            else if (line.Equals("END:VEVENT", StringComparison.OrdinalIgnoreCase)) { inEvent = false; if (dated) result.UnionWith(found); }
            else if (line.Equals("BEGIN:VALARM", StringComparison.OrdinalIgnoreCase)) inAlarm = true;
            else if (line.Equals("END:VALARM", StringComparison.OrdinalIgnoreCase)) inAlarm = false;
            else if (inEvent && !inAlarm && line.StartsWith("DTSTART", StringComparison.OrdinalIgnoreCase)) dated = true;
            else if (inEvent && !inAlarm && (line.StartsWith("ATTENDEE", StringComparison.OrdinalIgnoreCase) || line.StartsWith("ORGANIZER", StringComparison.OrdinalIgnoreCase))
                && Regex.Match(line, ":([^:\"]+)$") is { Success: true } m)
                found.Add(m.Groups[1].Value.Trim());
        }
        return result;
    }

    [Theory]
    [MemberData(nameof(CsvFiles))]
    public void CsvFile_YieldsTheNamesAndEmailsOfItsManifest(string format, string relative)
    {
        var (path, row) = Locate(format, relative);
        using var stream = File.OpenRead(path);
        var options = new ImportOptions { SkipBadRows = true };
        var detected = ImportFormatSniffer.Detect(stream, relative);
        var rowsCell = row["rows"];
        var expectedRows = int.Parse(Regex.Match(rowsCell, @"^\d+").Value, System.Globalization.CultureInfo.InvariantCulture);
        var junk = Regex.Match(rowsCell, @"\+(\d+) junk") is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var expectation = row["expected (name -> email)"];

        var messages = Regex.Match(expectation, @"^(.+?) <-> (.+?), (\d{4}-\d{2}-\d{2}) ([\d:/]+) UTC$");
        if (messages.Success)
        {
            Assert.Equal(ImportFormat.LinkedIn, detected);
            using var archive = LinkedInArchive.Open(stream, relative, options);
            var read = archive.Messages().ToList();
            Assert.Equal(expectedRows, read.Count);
            Assert.Equal(junk, options.Progress.RejectedCount);
            var times = messages.Groups[4].Value.Split('/').Select(t => DateTime.Parse(messages.Groups[3].Value + "T" + t + ":00Z", null, System.Globalization.DateTimeStyles.AdjustToUniversal)).ToList();
            Assert.Equal(times, read.Select(r => r.OccurredAtUtc));
            var people = read.SelectMany(r => r.Participants).Select(p => p.Name).ToHashSet();
            Assert.Contains(messages.Groups[1].Value, people);
            Assert.Contains(messages.Groups[2].Value, people);
            return;
        }

        List<ImportedContact> contacts;
        switch (detected)
        {
            case ImportFormat.LinkedIn:
                using (var archive = LinkedInArchive.Open(stream, relative, options)) contacts = archive.Connections().ToList();
                break;
            case ImportFormat.GoogleCsv:
                contacts = GoogleContactsCsv.Read(stream, relative, options).ToList();
                break;
            case ImportFormat.OutlookCsv:
                contacts = OutlookContactsCsv.Read(stream, relative, options).ToList();
                break;
            default:
                Assert.Fail($"{relative}: format not recognised ({detected})");
                return;
        }
        Assert.Equal(expectedRows, contacts.Count);
        Assert.Equal(junk, options.Progress.RejectedCount);
        var pairs = Pair().Matches(expectation);
        Assert.Equal(expectedRows, pairs.Count);
        for (var i = 0; i < pairs.Count; i++)
        {
            var name = pairs[i].Groups["name"].Value.Trim();
            var email = pairs[i].Groups["email"].Value.Trim();
            var contact = contacts[i];
            if (name != "(no name)") Assert.Equal(name, contact.DisplayName);
            AssertEmails(email is "(none)" or "-" ? "-" : email, contact.Emails.Select(e => e.Address), contact.Warnings, $"row {i + 1}");
        }
        // "Company / Title / 22 Dec 2025" details where the MANIFEST gives them.
        var details = Regex.Match(expectation, @";\s*([^;/]+) / ([^;/]+) / (\d{2} \w{3} \d{4})");
        if (details.Success)
        {
            Assert.Equal(details.Groups[1].Value.Trim(), contacts[0].Company);
            Assert.Equal(details.Groups[2].Value.Trim(), contacts[0].Title);
            Assert.Equal(DateOnly.ParseExact(details.Groups[3].Value, "dd MMM yyyy", System.Globalization.CultureInfo.InvariantCulture), contacts[0].KnownSince);
        }
    }

    private static void AssertEmails(string cell, IEnumerable<string> actual, IEnumerable<string> warnings, string where)
    {
        var got = actual.ToList();
        if (cell.Trim() == "-")
        {
            Assert.True(got.Count == 0, $"{where}: expected no email, got {string.Join(", ", got)}");
            return;
        }
        var expected = cell.Split(", ").Select(e => e.Trim()).ToList();
        var valid = new List<string>();
        foreach (var e in expected)
        {
            if (KnownInvalidEmails.Contains(e))
            {
                Assert.DoesNotContain(got, g => g.Equals(e, StringComparison.OrdinalIgnoreCase));
                Assert.Contains(warnings, w => w.Contains(e, StringComparison.Ordinal));
                continue;
            }
            var address = e.Contains('<') ? e[(e.LastIndexOf('<') + 1)..e.LastIndexOf('>')] : e;
            valid.Add(address);
        }
        Assert.True(valid.Order(StringComparer.OrdinalIgnoreCase).SequenceEqual(got.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase),
            $"{where}: expected [{string.Join(", ", valid)}], got [{string.Join(", ", got)}]");
    }

    [GeneratedRegex(@"\s*\((cp1252|windows-1252)\)\s*$")]
    private static partial Regex Annotation();

    [GeneratedRegex(@"(?<name>[^;,]+?) -> (?<email>[^;,\s]+)")]
    private static partial Regex Pair();
}
