namespace Rapport.Formats.Records;

/// <summary>A person as read from an export, in no source's shape: the data layer maps it to its contact entity.</summary>
public sealed record ImportedContact
{
    /// <summary>The name to show; never empty (derived from the name parts, company or email when the source has none).</summary>
    public required string DisplayName { get; init; }

    /// <summary>Given (first) name.</summary>
    public string? GivenName { get; init; }

    /// <summary>Family (last) name.</summary>
    public string? FamilyName { get; init; }

    /// <summary>Email addresses, each checked to look like an address; at most one is primary.</summary>
    public ValueList<ImportedEmail> Emails { get; init; } = [];

    /// <summary>Phone numbers as written in the source.</summary>
    public ValueList<ImportedPhone> Phones { get; init; } = [];

    /// <summary>Current employer.</summary>
    public string? Company { get; init; }

    /// <summary>Current job title or position.</summary>
    public string? Title { get; init; }

    /// <summary>Department inside the company.</summary>
    public string? Department { get; init; }

    /// <summary>City (locality).</summary>
    public string? City { get; init; }

    /// <summary>Region, state or province.</summary>
    public string? Region { get; init; }

    /// <summary>Country as written.</summary>
    public string? Country { get; init; }

    /// <summary>Birthday, with or without the year.</summary>
    public PartialDate? Birthday { get; init; }

    /// <summary>Other dates worth remembering (anniversaries, custom events) with their labels.</summary>
    public ValueList<ImportedDate> OtherDates { get; init; } = [];

    /// <summary>Free-text notes.</summary>
    public string? Notes { get; init; }

    /// <summary>LinkedIn profile URL, normalized to <c>https://www.linkedin.com/in/slug</c> where recognizable.</summary>
    public string? LinkedInUrl { get; init; }

    /// <summary>Other profile URLs (X, Facebook, GitHub, personal website).</summary>
    public ValueList<ImportedProfile> Profiles { get; init; } = [];

    /// <summary>Labels, categories or groups from the source (without system groups such as <c>myContacts</c>).</summary>
    public ValueList<string> Labels { get; init; } = [];

    /// <summary>Rapport's own categories of the contact (coworker, family...), as Rapport exports them; other sources have none.</summary>
    public ValueList<string> Categories { get; init; } = [];

    /// <summary>Rapport's kind of relationship in lower case (acquaintance, alliance, transactional), when the source says.</summary>
    public string? RelationshipKind { get; init; }

    /// <summary>Rapport's trust, 0 (not trusted) to 3 (fully trusted), when the source says.</summary>
    public int? Trust { get; init; }

    /// <summary>Whether the user marked the contact a key player, when the source says.</summary>
    public bool? KeyPlayer { get; init; }

    /// <summary>Whether the user wants to meet the contact, when the source says.</summary>
    public bool? WantToMeet { get; init; }

    /// <summary>The contact's industry (fintech, healthcare...), as Rapport exports it; other sources have none.</summary>
    public string? Industry { get; init; }

    /// <summary>The contact's function in their work (engineering, sales...), as Rapport exports it.</summary>
    public string? Function { get; init; }

    /// <summary>Rapport's seniority in lower case, one of <see cref="Seniorities"/>, when the source says.</summary>
    public string? Seniority { get; init; }

    /// <summary>The user's own rating of closeness, 0 to 1, when the source says.</summary>
    public double? Closeness { get; init; }

    /// <summary>The tier the user pinned, one of <see cref="Tiers"/>, when the source says.</summary>
    public string? Tier { get; init; }

    /// <summary>How the user met the contact, in the user's words.</summary>
    public string? HowWeMet { get; init; }

    /// <summary>
    /// The <see cref="ExternalKey"/> of the contact who introduced this one, as written in the same file (Rapport's
    /// exports write <c>rapport:17</c>); the import links it to the contact that key names.
    /// </summary>
    public string? IntroducedBy { get; init; }

    /// <summary>The seniorities Rapport knows, in its order, as its exports write them.</summary>
    public static IReadOnlyList<string> Seniorities { get; } =
        ["student", "entry", "mid", "senior", "lead", "manager", "director", "vice-president", "executive", "founder"];

    /// <summary>The tiers a user can pin, as Rapport's exports write them.</summary>
    public static IReadOnlyList<string> Tiers { get; } = ["inner", "close", "active", "network", "acquaintance"];

    /// <summary>The first day the user is known to have been connected (LinkedIn "Connected On").</summary>
    public DateOnly? KnownSince { get; init; }

    /// <summary>A key stable within the source (LinkedIn profile URL, vCard UID) so a re-import updates rather than duplicates.</summary>
    public string? ExternalKey { get; init; }

    /// <summary>The 1-based line where this contact starts in its file, for messages.</summary>
    public long SourceLine { get; init; }

    /// <summary>The file the row was read from when it is one of several (an archive's entry); null for the file imported.</summary>
    public string? SourceFile { get; init; }

    /// <summary>Values that were read but left out, in words (an EMAIL that is not an address, a time zone treated as UTC).</summary>
    public ValueList<string> Warnings { get; init; } = [];
}

/// <summary>An email address with its label (Work, Home, a custom one) and whether the source marked it primary.</summary>
public sealed record ImportedEmail(string Address, string? Label = null, bool IsPrimary = false);

/// <summary>A phone number as written, with its label (Mobile, Work...).</summary>
public sealed record ImportedPhone(string Number, string? Label = null);

/// <summary>A labelled date on a contact other than the birthday (Anniversary, a custom event).</summary>
public sealed record ImportedDate(string Label, PartialDate Date);

/// <summary>Where a profile URL lives.</summary>
public enum ProfileKind { X, Facebook, GitHub, Website, Other }

/// <summary>A profile URL on a network other than LinkedIn, or a website.</summary>
public sealed record ImportedProfile(ProfileKind Kind, string Url);
