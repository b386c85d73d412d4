using System.Globalization;
using System.Text;
using Rapport.Formats.Records;

namespace Rapport.Formats.Csv;

/// <summary>
/// Rapport's own contacts CSV, one row per contact under the fixed header <see cref="Header"/>. Single values are
/// plain cells. Multi-valued cells hold one item per line (LF); an item's parts are separated by TAB, and inside a
/// part <c>\</c>, LF and TAB are written <c>\\</c>, <c>\n</c>, <c>\t</c>. Items: Emails <c>address⇥label⇥primary</c>,
/// Phones <c>number⇥label</c>, Other Dates <c>label⇥date</c>, Profiles <c>kind⇥url</c>, Labels and Categories one per line.
/// Dates are ISO (<c>1988-06-15</c>, <c>--12-01</c>); Kind is acquaintance, alliance or transactional, Trust 0 to 3, Key Player
/// and Want To Meet <c>yes</c> or <c>no</c>, Seniority one of <see cref="ImportedContact.Seniorities"/>, Closeness a number from
/// 0 to 1 (<c>0.8</c>), Tier one of <see cref="ImportedContact.Tiers"/>, Introduced By the External Key of the introducer's row;
/// an empty cell (or a file from before these columns) says nothing.
/// A cell that a spreadsheet would run as a formula gets a single quote in front (<see cref="CsvFormulas"/>), which
/// <see cref="Read"/> takes away. <see cref="Read"/> gives back what <see cref="Write"/> wrote.
/// </summary>
public static class ContactCsv
{
    /// <summary>The fixed header, in order.</summary>
    public static readonly IReadOnlyList<string> Header =
    [
        "Display Name", "Given Name", "Family Name", "Emails", "Phones", "Company", "Title", "Department", "City", "Region", "Country",
        "Birthday", "Other Dates", "Notes", "LinkedIn URL", "Profiles", "Labels", "Known Since", "External Key",
        "Categories", "Kind", "Trust", "Key Player", "Want To Meet",
        "Industry", "Function", "Seniority", "Closeness", "Tier", "How We Met", "Introduced By",
    ];

    private const string NameColumn = "Display Name";

    private static readonly string Expected =
        $"a Rapport contacts CSV header: a \"{NameColumn}\" column, and any of {string.Join(",", Header.Skip(1))}";

    private static readonly HashSet<string> Columns = new(Header, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Whether a header looks like Rapport's CSV when the format is not named: the name column, and at least as many of
    /// Rapport's columns as others (another address book's CSV can have a "Display Name" too, with its emails elsewhere).
    /// <see cref="Read"/> itself needs only the name column.
    /// </summary>
    public static bool IsHeader(CsvHeader h)
    {
        if (h.IndexOf(NameColumn) < 0) return false;
        var ours = h.Names.Count(n => Columns.Contains(n));
        return ours * 2 >= h.Names.Count;
    }

    /// <summary>Writes the contacts with the header, UTF-8 without BOM.</summary>
    public static void Write(IEnumerable<ImportedContact> contacts, TextWriter writer)
    {
        var csv = new CsvWriter(writer);
        csv.WriteRow(Header);
        foreach (var c in contacts)
        {
            csv.WriteRow(Defused(
            [
                c.DisplayName, c.GivenName, c.FamilyName,
                Items(c.Emails.Select(e => new[] { e.Address, e.Label ?? "", e.IsPrimary ? "primary" : "" })),
                Items(c.Phones.Select(p => new[] { p.Number, p.Label ?? "" })),
                c.Company, c.Title, c.Department, c.City, c.Region, c.Country,
                c.Birthday?.ToString(),
                Items(c.OtherDates.Select(d => new[] { d.Label, d.Date.ToString() })),
                c.Notes, c.LinkedInUrl,
                Items(c.Profiles.Select(p => new[] { p.Kind.ToString(), p.Url })),
                Items(c.Labels.Select(l => new[] { l })),
                c.KnownSince?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                c.ExternalKey,
                Items(c.Categories.Select(l => new[] { l })),
                c.RelationshipKind,
                c.Trust?.ToString(CultureInfo.InvariantCulture),
                YesNo(c.KeyPlayer),
                YesNo(c.WantToMeet),
                c.Industry, c.Function, c.Seniority,
                c.Closeness?.ToString(CultureInfo.InvariantCulture),
                c.Tier, c.HowWeMet, c.IntroducedBy,
            ]));
        }
    }

    /// <summary>
    /// Reads a file written by <see cref="Write"/>, or one with only some of its columns (in any order, with others
    /// ignored): a missing column reads as an empty cell. Only the name column is required.
    /// </summary>
    public static IEnumerable<ImportedContact> Read(Stream stream, string fileName, ImportOptions? options = null)
    {
        options ??= new ImportOptions();
        options.Progress.AddTotal(Text.ProgressStream.TryLength(stream) ?? -1);
        using var table = CsvTable.Open(stream, fileName, h => h.HasAll(NameColumn), Expected, options.Progress);
        foreach (var row in table.Rows())
        {
            var contact = ReadRow(CsvFormulas.Restore(row), options);
            if (contact is not null) yield return contact;
        }
    }

    private static ImportedContact? ReadRow(CsvRow row, ImportOptions options)
    {
        try
        {
            PartialDate? birthday = null;
            if (row.Get("Birthday") is { } b && (birthday = PartialDate.ParseIso(b)) is null) throw row.Error("Birthday", "a date like 1988-06-15 or --12-01");
            DateOnly? since = null;
            if (row.Get("Known Since") is { } k)
            {
                if (!DateOnly.TryParseExact(k, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) throw row.Error("Known Since", "a date like 2024-01-15");
                since = d;
            }
            var dates = new List<ImportedDate>();
            foreach (var item in Parse(row["Other Dates"]))
            {
                if (item.Length < 2 || PartialDate.ParseIso(item[1]) is not { } date) throw row.Error("Other Dates", "lines of label, TAB, date");
                dates.Add(new ImportedDate(item[0], date));
            }
            var profiles = new List<ImportedProfile>();
            foreach (var item in Parse(row["Profiles"]))
            {
                if (item.Length < 2 || !Enum.TryParse<ProfileKind>(item[0], out var kind)) throw row.Error("Profiles", "lines of X, Facebook, GitHub, Website or Other, TAB, URL");
                profiles.Add(new ImportedProfile(kind, item[1]));
            }
            int? trust = null;
            if (row.Get("Trust") is { } tr)
            {
                if (!int.TryParse(tr, NumberStyles.None, CultureInfo.InvariantCulture, out var t) || t > 3) throw row.Error("Trust", "a trust from 0 to 3");
                trust = t;
            }
            double? closeness = null;
            if (row.Get("Closeness") is { } cl)
            {
                if (!double.TryParse(cl, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v is not (>= 0 and <= 1)) throw row.Error("Closeness", "a closeness from 0 to 1");
                closeness = v;
            }
            var seniority = row.Get("Seniority")?.ToLowerInvariant();
            if (seniority is not null && !ImportedContact.Seniorities.Contains(seniority)) throw row.Error("Seniority", OneOf(ImportedContact.Seniorities));
            var tier = row.Get("Tier")?.ToLowerInvariant();
            if (tier is not null && !ImportedContact.Tiers.Contains(tier)) throw row.Error("Tier", OneOf(ImportedContact.Tiers));
            var relationship = row.Get("Kind")?.ToLowerInvariant();
            if (relationship is not (null or "acquaintance" or "alliance" or "transactional")) throw row.Error("Kind", "acquaintance, alliance or transactional");
            var emails = Parse(row["Emails"]).Select(i => new ImportedEmail(i[0], Opt(i, 1), Opt(i, 2) == "primary")).ToList();
            var display = row.Get("Display Name");
            if (display is null) throw row.Error("Display Name", "a name");
            return new ImportedContact
            {
                DisplayName = display,
                GivenName = row.Get("Given Name"),
                FamilyName = row.Get("Family Name"),
                Emails = emails,
                Phones = Parse(row["Phones"]).Select(i => new ImportedPhone(i[0], Opt(i, 1))).ToList(),
                Company = row.Get("Company"),
                Title = row.Get("Title"),
                Department = row.Get("Department"),
                City = row.Get("City"),
                Region = row.Get("Region"),
                Country = row.Get("Country"),
                Birthday = birthday,
                OtherDates = dates,
                Notes = row.Get("Notes"),
                LinkedInUrl = row.Get("LinkedIn URL"),
                Profiles = profiles,
                Labels = Parse(row["Labels"]).Select(i => i[0]).ToList(),
                KnownSince = since,
                ExternalKey = row.Get("External Key"),
                Categories = Parse(row["Categories"]).Select(i => i[0]).ToList(),
                RelationshipKind = relationship,
                Trust = trust,
                KeyPlayer = ReadYesNo(row, "Key Player"),
                WantToMeet = ReadYesNo(row, "Want To Meet"),
                Industry = row.Get("Industry"),
                Function = row.Get("Function"),
                Seniority = seniority,
                Closeness = closeness,
                Tier = tier,
                HowWeMet = row.Get("How We Met"),
                IntroducedBy = row.Get("Introduced By"),
                SourceLine = row.Line,
            };
        }
        catch (ImportFormatException e)
        {
            options.Reject(e);
            return null;
        }
    }

    private static IEnumerable<string?> Defused(string?[] cells)
    {
        for (var i = 0; i < cells.Length; i++) cells[i] = CsvFormulas.Defuse(cells[i]);
        return cells;
    }

    private static string OneOf(IReadOnlyList<string> names) => string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1];

    private static string? YesNo(bool? value) => value switch { true => "yes", false => "no", null => null };

    private static bool? ReadYesNo(CsvRow row, string column) => row.Get(column)?.ToLowerInvariant() switch
    {
        null => null,
        "yes" => true,
        "no" => false,
        _ => throw row.Error(column, "yes, no or nothing"),
    };

    private static string? Opt(string[] item, int i) => i < item.Length && item[i].Length > 0 ? item[i] : null;

    private static string? Items(IEnumerable<string[]> items)
    {
        var lines = items.Select(parts => string.Join('\t', parts.Select(Escape))).ToList();
        return lines.Count == 0 ? null : string.Join('\n', lines);
    }

    private static string Escape(string s) => s.Replace("\\", @"\\", StringComparison.Ordinal).Replace("\r", @"\r", StringComparison.Ordinal)
        .Replace("\n", @"\n", StringComparison.Ordinal).Replace("\t", @"\t", StringComparison.Ordinal);

    private static List<string[]> Parse(string cell)
    {
        var result = new List<string[]>();
        foreach (var line in cell.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.Length == 0) continue;
            result.Add(line.Split('\t').Select(Unescape).ToArray());
        }
        return result;
    }

    private static string Unescape(string s)
    {
        if (!s.Contains('\\', StringComparison.Ordinal)) return s;
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length)
            {
                var n = s[++i];
                sb.Append(n switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => n });
            }
            else sb.Append(s[i]);
        }
        return sb.ToString();
    }
}
