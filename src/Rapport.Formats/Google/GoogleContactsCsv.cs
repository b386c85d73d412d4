using Rapport.Formats.Csv;
using Rapport.Formats.Records;

namespace Rapport.Formats.Google;

/// <summary>
/// Reads a Google Contacts CSV export, the 2020s header (First Name, Labels, E-mail 1 - Label...) and the older one
/// (Name, Given Name, Group Membership, E-mail 1 - Type...). Cells may hold several values joined by <c> ::: </c>;
/// a label starting with <c>* </c> marks the primary value.
/// </summary>
public static class GoogleContactsCsv
{
    internal const string Expected = "a Google Contacts CSV header (First Name,...,Labels,E-mail 1 - Label,E-mail 1 - Value or Name,Given Name,...,Group Membership,E-mail 1 - Type,...)";

    /// <summary>True when a header is one of Google's.</summary>
    public static bool IsHeader(CsvHeader h) =>
        h.HasAll("Given Name", "Family Name") && (h.IndexOf("Group Membership") >= 0 || h.IndexOf("E-mail 1 - Value") >= 0)
        || h.HasAll("First Name", "Last Name") && h.IndexOf("E-mail Address") < 0 && (h.IndexOf("Labels") >= 0 || h.IndexOf("E-mail 1 - Value") >= 0 || h.IndexOf("Organization Name") >= 0);

    /// <summary>Streams the contacts of a Google CSV.</summary>
    public static IEnumerable<ImportedContact> Read(Stream stream, string fileName, ImportOptions? options = null)
    {
        options ??= new ImportOptions();
        options.Progress.AddTotal(Text.ProgressStream.TryLength(stream) ?? -1);
        using var table = CsvTable.Open(stream, fileName, IsHeader, Expected, options.Progress);
        foreach (var row in table.Rows())
        {
            var contact = ReadRow(row, options);
            if (contact is not null) yield return contact;
        }
    }

    private static ImportedContact? ReadRow(CsvRow row, ImportOptions options)
    {
        var warnings = new List<string>();
        var given = row.GetAny("First Name", "Given Name");
        var family = row.GetAny("Last Name", "Family Name");
        var emails = new List<ImportedEmail>();
        var phones = new List<ImportedPhone>();
        var profiles = new List<ImportedProfile>();
        var dates = new List<ImportedDate>();
        string? linkedIn = null;
        for (var i = 1; ; i++)
        {
            var prefix = $"E-mail {i} - ";
            if (row.Header.IndexOf(prefix + "Value") < 0) break;
            var (label, primary) = Label(row.GetAny(prefix + "Label", prefix + "Type"));
            var first = true;
            foreach (var value in Values(row.Get(prefix + "Value")))
            {
                if (EmailAddresses.TryNormalize(value, out var address))
                {
                    if (!emails.Any(e => e.Address.Equals(address, StringComparison.OrdinalIgnoreCase)))
                        emails.Add(new ImportedEmail(address, label, primary && first && !emails.Any(e => e.IsPrimary)));
                    first = false;
                }
                else warnings.Add($"\"{prefix}Value\" {ImportFormatException.Quote(value)} is not an email address");
            }
        }
        for (var i = 1; ; i++)
        {
            var prefix = $"Phone {i} - ";
            if (row.Header.IndexOf(prefix + "Value") < 0) break;
            var (label, _) = Label(row.GetAny(prefix + "Label", prefix + "Type"));
            foreach (var value in Values(row.Get(prefix + "Value"))) phones.Add(new ImportedPhone(value, label));
        }
        for (var i = 1; ; i++)
        {
            var prefix = $"Website {i} - ";
            if (row.Header.IndexOf(prefix + "Value") < 0) break;
            foreach (var value in Values(row.Get(prefix + "Value")))
            {
                if (ProfileUrls.NormalizeLinkedIn(value) is { } li) linkedIn ??= li;
                else profiles.Add(new ImportedProfile(ProfileUrls.Classify(value), value));
            }
        }
        for (var i = 1; ; i++)
        {
            var prefix = $"Event {i} - ";
            if (row.Header.IndexOf(prefix + "Value") < 0) break;
            var (label, _) = Label(row.GetAny(prefix + "Label", prefix + "Type"));
            foreach (var value in Values(row.Get(prefix + "Value")))
            {
                if (PartialDate.ParseIso(value) is { } d) dates.Add(new ImportedDate(label ?? "Event", d));
                else warnings.Add($"\"{prefix}Value\" {ImportFormatException.Quote(value)} is not a date");
            }
        }
        PartialDate? birthday = null;
        if (row.Get("Birthday") is { } b && (birthday = PartialDate.ParseIso(b)) is null)
            warnings.Add($"\"Birthday\" {ImportFormatException.Quote(b)} is not a date like 1988-06-15 or --12-01");

        var company = row.GetAny("Organization Name", "Organization 1 - Name");
        var labels = Values(row.GetAny("Labels", "Group Membership"))
            .Where(l => !l.StartsWith('*') && !l.StartsWith("System Group:", StringComparison.OrdinalIgnoreCase) && !l.Equals("myContacts", StringComparison.OrdinalIgnoreCase))
            .ToList();
        string? city = null, region = null, country = null;
        for (var i = 1; ; i++)
        {
            var prefix = $"Address {i} - ";
            if (row.Header.IndexOf(prefix + "City") < 0 && row.Header.IndexOf(prefix + "Formatted") < 0) break;
            city ??= Values(row.Get(prefix + "City")).FirstOrDefault();
            region ??= Values(row.Get(prefix + "Region")).FirstOrDefault();
            country ??= Values(row.Get(prefix + "Country")).FirstOrDefault();
        }
        var name = row.Get("Name");
        if (name is null && given is null && family is null && company is null && emails.Count == 0 && phones.Count == 0)
        {
            options.Reject(new ImportFormatException(row.FileName, row.Line, null, "a name, an email address or a phone number", "an empty contact"));
            return null;
        }
        return new ImportedContact
        {
            DisplayName = DisplayNames.Derive(name, given, family, row.Get("File As"), company, emails.FirstOrDefault()?.Address, phones.FirstOrDefault()?.Number ?? "(no name)"),
            GivenName = given,
            FamilyName = family,
            Emails = emails,
            Phones = phones,
            Company = company,
            Title = row.GetAny("Organization Title", "Organization 1 - Title"),
            Department = row.GetAny("Organization Department", "Organization 1 - Department"),
            City = city,
            Region = region,
            Country = country,
            Birthday = birthday,
            OtherDates = dates,
            Notes = row.Get("Notes"),
            LinkedInUrl = linkedIn,
            Profiles = profiles,
            Labels = labels,
            SourceLine = row.Line,
            Warnings = warnings,
        };
    }

    /// <summary>Splits a multi-value cell on <c> ::: </c>.</summary>
    internal static List<string> Values(string? cell) =>
        cell is null ? [] : cell.Split(":::", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

    /// <summary>A label without its primary marker; "* " alone means primary with no label.</summary>
    internal static (string? Label, bool Primary) Label(string? raw)
    {
        if (raw is null) return (null, false);
        var primary = raw.StartsWith('*');
        var label = raw.TrimStart('*').Trim();
        return (label.Length == 0 ? null : label, primary);
    }
}
