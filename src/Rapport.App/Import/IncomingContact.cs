using Rapport.Formats.Records;

namespace Rapport.App.Import;

/// <summary>
/// A contact row being matched, with its matching keys computed at most once each: finding, merging and indexing the
/// row all ask for them.
/// </summary>
internal sealed class IncomingContact(ImportedContact contact)
{
    public ImportedContact Contact { get; } = contact;

    /// <summary><see cref="PersonKeys.Name"/> of the display name.</summary>
    public string NameKey => field ??= PersonKeys.Name(Contact.DisplayName);

    /// <summary><see cref="PersonKeys.Company"/> of the company.</summary>
    public string CompanyKey => field ??= PersonKeys.Company(Contact.Company);

    /// <summary><see cref="PersonKeys.LinkedIn"/> of the profile URL.</summary>
    public string LinkedInKey => field ??= PersonKeys.LinkedIn(Contact.LinkedInUrl);

    /// <summary>The email addresses trimmed and in lower case, in the row's order.</summary>
    public IReadOnlyList<string> EmailKeys => field ??= EmailKeysOf(Contact.Emails);

    private static string[] EmailKeysOf(IReadOnlyList<ImportedEmail> emails)
    {
        if (emails.Count == 0) return [];
        var keys = new string[emails.Count];
        for (var i = 0; i < keys.Length; i++) keys[i] = emails[i].Address.Trim().ToLowerInvariant();
        return keys;
    }
}
