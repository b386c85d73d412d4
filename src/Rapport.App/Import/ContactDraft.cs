using Rapport.Domain.Contacts;
using Rapport.Formats.Records;

namespace Rapport.App.Import;

/// <summary>
/// A contact as the import sees it: an existing one (its values loaded without tracking) or a new one, with the
/// changes the rows of this import make to it. Existing contacts are only loaded for writing when something changed.
/// The sets that a new contact from a typical row never fills are created when first used.
/// </summary>
internal sealed class ContactDraft
{
    private string? _nameKey;
    private string? _companyKey;

    public long Id { get; set; }
    public bool IsNew { get; init; }
    public bool Deleted { get; init; }
    public required string DisplayName { get; init; }
    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }

    public string? Company
    {
        get;
        set
        {
            field = value;
            _companyKey = null;
        }
    }

    public string? Title { get; set; }
    public string? City { get; set; }
    public string? Country { get; set; }
    public string? Notes { get; set; }
    public DateOnly? KnownSince { get; set; }
    public bool HasBirthday { get; set; }

    // What Rapport's own exports carry about the relationship; taken for new contacts only (an existing contact keeps
    // what you set in Rapport).
    public RelationshipKind? Kind { get; set; }
    public int? Trust { get; set; }
    public bool? KeyPlayer { get; set; }
    public bool? WantToMeet { get; set; }
    public string? Industry { get; set; }
    public string? Function { get; set; }
    public Seniority? Seniority { get; set; }
    public double? Closeness { get; set; }
    public Tier? TierPin { get; set; }
    public string? HowWeMet { get; set; }

    /// <summary>The key the row gave its introducer by (rapport:17), and the contact it names once every row is matched.</summary>
    public string? IntroducedByKey { get; set; }
    public ContactDraft? IntroducedBy { get; set; }
    public HashSet<string> Emails => field ??= new(StringComparer.Ordinal);
    public HashSet<string> Phones => field ??= new(StringComparer.Ordinal);
    public HashSet<ProfileNetwork> Networks { get; } = [];
    public HashSet<string> Tags => field ??= new(StringComparer.OrdinalIgnoreCase);
    public HashSet<string> Categories => field ??= new(StringComparer.Ordinal);
    public HashSet<string> DateLabels => field ??= new(StringComparer.Ordinal);

    /// <summary>This contact's keys that are its sources' own (not made up by Rapport from an email or a name).</summary>
    public List<(string Source, string Key)> OwnKeys => field ??= [];

    /// <summary>An existing contact's company and title as stored, before this import: life events compare with these.</summary>
    public string? StoredCompany { get; set; }
    public string? StoredTitle { get; set; }

    /// <summary>The rows of this import matched to this contact (indexes into the import's contact rows).</summary>
    public List<int> Rows => field ??= [];

    /// <summary><see cref="PersonKeys.Name"/> of <see cref="DisplayName"/>, computed once.</summary>
    public string NameKey => _nameKey ??= PersonKeys.Name(DisplayName);

    /// <summary><see cref="PersonKeys.Company"/> of <see cref="Company"/>, computed once for each company it has.</summary>
    public string CompanyKey => _companyKey ??= PersonKeys.Company(Company);

    /// <summary>
    /// Takes the keys of the row this draft was made from for the values it took from the row unchanged (the same
    /// string), rather than computing them again.
    /// </summary>
    public void ShareKeys(IncomingContact row)
    {
        if (ReferenceEquals(DisplayName, row.Contact.DisplayName)) _nameKey = row.NameKey;
        if (ReferenceEquals(Company, row.Contact.Company)) _companyKey = row.CompanyKey;
    }

    // What this import changes.
    public HashSet<string> ChangedFields => field ??= new(StringComparer.Ordinal);
    public List<ImportedEmail> NewEmails { get; } = [];
    public List<ImportedPhone> NewPhones { get; } = [];
    public List<(ProfileNetwork Network, string Url)> NewProfiles { get; } = [];
    public List<string> NewTags { get; } = [];
    public List<string> NewCategories { get; } = [];
    public PartialDate? NewBirthday { get; set; }
    public List<ImportedDate> NewDates { get; } = [];
    /// <summary>Source keys to add, with the company and title the source gave.</summary>
    public List<(string Source, string Key, string? Company, string? Title)> NewSources { get; } = [];
    public List<(LifeEventKind Kind, string Note)> NewLifeEvents { get; } = [];

    public bool Dirty => ChangedFields.Count > 0 || NewEmails.Count > 0 || NewPhones.Count > 0 || NewProfiles.Count > 0 || NewTags.Count > 0
        || NewCategories.Count > 0 || NewBirthday is not null || NewDates.Count > 0 || NewSources.Count > 0;

    /// <summary>Builds the entity of a new contact.</summary>
    public Contact ToNewContact(DateTime now)
    {
        var c = new Contact(DisplayName, now)
        {
            GivenName = GivenName, FamilyName = FamilyName, Company = Company, Title = Title, City = City, Country = Country, Notes = Notes, KnownSince = KnownSince,
        };
        if (c.GivenName is null && c.FamilyName is null) Contacts.CreateContact.SplitName(c);
        if (Kind is { } kind) c.Kind = kind;
        if (Trust is { } trust) c.SetTrust(trust);
        if (KeyPlayer is { } key) c.KeyPlayer = key;
        if (WantToMeet is { } want) c.WantToMeet = want;
        c.Industry = Industry;
        c.Function = Function;
        if (Seniority is { } seniority) c.Seniority = seniority;
        if (Closeness is { } closeness) c.SetCloseness(closeness);
        c.TierPin = TierPin;
        c.HowWeMet = HowWeMet;
        // An introducer written in this same import gets its id only once stored: it is linked after the insert.
        if (IntroducedBy is { IsNew: false } introducer) c.IntroducedById = introducer.Id;
        ApplyChildren(c, now);
        return c;
    }

    /// <summary>Applies this import's changes to a loaded, tracked existing contact.</summary>
    public void ApplyTo(Contact c, DateTime now)
    {
        foreach (var field in ChangedFields)
        {
            switch (field)
            {
                case "givenName": c.GivenName = GivenName; break;
                case "familyName": c.FamilyName = FamilyName; break;
                case "company": c.Company = Company; break;
                case "title": c.Title = Title; break;
                case "city": c.City = City; break;
                case "country": c.Country = Country; break;
                case "notes": c.Notes = Notes; break;
                case "knownSince": c.KnownSince = KnownSince; break;
            }
        }
        ApplyChildren(c, now);
        c.Touch(now);
    }

    private void ApplyChildren(Contact c, DateTime now)
    {
        foreach (var e in NewEmails) c.AddEmail(e.Address, e.Label, e.IsPrimary && c.Emails.Count == 0);
        foreach (var p in NewPhones) c.AddPhone(p.Number, p.Label);
        foreach (var (network, url) in NewProfiles)
        {
            if (!HasProfile(c, network)) c.SetProfile(network, url);
        }
        foreach (var t in NewTags) c.AddTag(t);
        foreach (var cat in NewCategories) c.AddCategory(cat);
        if (NewBirthday is { } b && c.Dates.All(d => d.Kind != ImportantDateKind.Birthday)) c.SetDate(ImportantDateKind.Birthday, b.Month, b.Day, b.Year);
        foreach (var d in NewDates) c.SetDate(ImportantDateKind.Custom, d.Date.Month, d.Date.Day, d.Date.Year, d.Label);
        foreach (var (source, key, company, title) in NewSources) c.AddSource(source, key, now, company, title);
    }

    private static bool HasProfile(Contact c, ProfileNetwork network)
    {
        for (var i = 0; i < c.Profiles.Count; i++)
        {
            if (c.Profiles[i].Network == network) return true;
        }
        return false;
    }
}
