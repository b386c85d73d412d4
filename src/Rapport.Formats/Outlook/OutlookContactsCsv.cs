using System.Globalization;
using Rapport.Formats.Csv;
using Rapport.Formats.Records;

namespace Rapport.Formats.Outlook;

/// <summary>
/// Reads the English Outlook CSV contacts export (desktop Outlook and Outlook.com; "Business Country/Region" or the
/// older "Business Country"). Exchange X.500 names (<c>/o=...</c>, E-mail Type EX) are not email addresses and are left out.
/// Localized headers are not recognised.
/// </summary>
public static class OutlookContactsCsv
{
    internal const string Expected = "an Outlook CSV header (Title,First Name,Middle Name,Last Name,...,E-mail Address,...)";

    private static readonly string[] PhoneColumns =
    [
        "Mobile Phone", "Business Phone", "Business Phone 2", "Home Phone", "Home Phone 2", "Primary Phone", "Other Phone", "Company Main Phone",
        "Assistant's Phone", "Car Phone", "Callback", "ISDN", "Pager", "Radio Phone", "TTY/TDD Phone", "Telex", "Business Fax", "Home Fax", "Other Fax",
    ];

    /// <summary>True when a header is Outlook's.</summary>
    public static bool IsHeader(CsvHeader h) => h.HasAll("First Name", "Last Name", "E-mail Address");

    /// <summary>Streams the contacts of an Outlook CSV.</summary>
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
        var emails = new List<ImportedEmail>();
        foreach (var prefix in new[] { "E-mail", "E-mail 2", "E-mail 3" })
        {
            var value = row.Get(prefix + " Address");
            if (value is null) continue;
            var type = row.Get(prefix + " Type");
            if (string.Equals(type, "EX", StringComparison.OrdinalIgnoreCase) || value.StartsWith("/o=", StringComparison.OrdinalIgnoreCase))
            {
                warnings.Add($"\"{prefix} Address\" is an Exchange name, not an email address");
                continue;
            }
            if (EmailAddresses.TryNormalize(value, out var address))
            {
                if (!emails.Any(e => e.Address.Equals(address, StringComparison.OrdinalIgnoreCase)))
                    emails.Add(new ImportedEmail(address, null, emails.Count == 0));
            }
            else warnings.Add($"\"{prefix} Address\" {ImportFormatException.Quote(value)} is not an email address");
        }
        var phones = new List<ImportedPhone>();
        foreach (var column in PhoneColumns)
            if (row.Get(column) is { } number) phones.Add(new ImportedPhone(number, column.Replace(" Phone", "", StringComparison.Ordinal)));

        var given = row.Get("First Name");
        var family = row.Get("Last Name");
        var company = row.Get("Company");
        var full = string.Join(' ', new[] { given, row.Get("Middle Name"), family, row.Get("Suffix") }.Where(s => s is not null));
        if (full.Length == 0 && company is null && emails.Count == 0 && phones.Count == 0)
        {
            options.Reject(new ImportFormatException(row.FileName, row.Line, null, "a name, an email address or a phone number", "an empty contact"));
            return null;
        }
        var dates = new List<ImportedDate>();
        if (Date(row, "Anniversary", warnings) is { } anniversary) dates.Add(new ImportedDate("Anniversary", anniversary));
        var profiles = new List<ImportedProfile>();
        string? linkedIn = null;
        if (row.Get("Web Page") is { } web)
        {
            if (ProfileUrls.NormalizeLinkedIn(web) is { } li) linkedIn = li;
            else profiles.Add(new ImportedProfile(ProfileUrls.Classify(web), web));
        }
        var business = row.GetAny("Business City", "Business State", "Business Country/Region", "Business Country") is not null;
        var place = business ? "Business" : row.GetAny("Home City", "Home State", "Home Country/Region", "Home Country") is not null ? "Home" : "Other";
        return new ImportedContact
        {
            DisplayName = DisplayNames.Derive(full, null, null, null, company, emails.FirstOrDefault()?.Address ?? row.Get("E-mail Display Name"), phones.FirstOrDefault()?.Number ?? "(no name)"),
            GivenName = given,
            FamilyName = family,
            Emails = emails,
            Phones = phones,
            Company = company,
            Title = row.Get("Job Title"),
            Department = row.Get("Department"),
            City = row.Get(place + " City"),
            Region = row.Get(place + " State"),
            Country = row.GetAny(place + " Country/Region", place + " Country"),
            Birthday = Date(row, "Birthday", warnings),
            OtherDates = dates,
            Notes = row.Get("Notes"),
            LinkedInUrl = linkedIn,
            Profiles = profiles,
            Labels = (row.Get("Categories") ?? "").Split([';', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList(),
            SourceLine = row.Line,
            Warnings = warnings,
        };
    }

    private static PartialDate? Date(CsvRow row, string column, List<string> warnings)
    {
        if (row.Get(column) is not { } text || text is "0/0/00" or "1/0/00" or "0/0/0000") return null;
        if (DateTime.TryParseExact(text, ["M/d/yyyy", "M/d/yy", "yyyy-MM-dd", "d.M.yyyy", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var d))
            return PartialDate.TryCreate(d.Month, d.Day, d.Year);
        warnings.Add($"\"{column}\" {ImportFormatException.Quote(text)} is not a date like 6/15/1988");
        return null;
    }
}
