using Rapport.Domain.Accounts;

namespace Rapport.Domain.Contacts;

/// <summary>A person in the network, with what is known of them and how you met.</summary>
public sealed class Contact : IAccountOwned, ISoftDeletable
{
    private readonly List<ContactEmail> _emails = [];
    private readonly List<ContactPhone> _phones = [];
    private readonly List<ContactCategory> _categories = [];
    private readonly List<ContactTag> _tags = [];
    private readonly List<ContactProfile> _profiles = [];
    private readonly List<ContactDate> _dates = [];
    private readonly List<ContactSource> _sources = [];

    private Contact() { DisplayName = ""; }

    /// <summary>Creates a contact; the display name must not be blank.</summary>
    public Contact(string displayName, DateTime createdAt)
    {
        DisplayName = "";
        Rename(displayName);
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
    }

    public long Id { get; private set; }
    public long AccountId { get; set; }
    public string DisplayName { get; private set; }
    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }
    public string? PhotoUrl { get; set; }
    public string? Company { get; set; }
    public string? Title { get; set; }
    public string? Industry { get; set; }
    public string? Function { get; set; }
    public Seniority Seniority { get; set; }
    public string? City { get; set; }
    public string? Country { get; set; }
    public RelationshipKind Kind { get; set; }

    /// <summary>0 (not trusted) to 3 (fully trusted); untrusted contacts never carry an introduction.</summary>
    public int Trust { get; private set; } = 2;

    /// <summary>A tier the user pinned, overriding the rank by strength.</summary>
    public Tier? TierPin { get; set; }

    /// <summary>The user's own rating of closeness in [0, 1], blended into strength when present.</summary>
    public double? Closeness { get; private set; }

    public bool KeyPlayer { get; set; }
    public bool WantToMeet { get; set; }
    public string? HowWeMet { get; set; }
    public long? MetAtEventId { get; set; }
    public long? MetAtOrganizationId { get; set; }
    public long? IntroducedById { get; set; }

    /// <summary>The earliest date known for the relationship ("connected on", "met on").</summary>
    public DateOnly? KnownSince { get; set; }

    /// <summary>The seniority when you were last in touch, to tell if they have risen since.</summary>
    public Seniority SeniorityAtLastContact { get; set; }

    public string? Notes { get; set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? DeletedAt { get; set; }

    /// <summary>Incremented on every save; concurrent edits of the same version are refused.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<ContactEmail> Emails => _emails;
    public IReadOnlyList<ContactPhone> Phones => _phones;
    public IReadOnlyList<ContactCategory> Categories => _categories;
    public IReadOnlyList<ContactTag> Tags => _tags;
    public IReadOnlyList<ContactProfile> Profiles => _profiles;
    public IReadOnlyList<ContactDate> Dates => _dates;
    public IReadOnlyList<ContactSource> Sources => _sources;

    /// <summary>
    /// The profiles in the order they were kept: stored ones by id, then new ones as added. The order they load in is
    /// the database's choice, and a merged contact can hold two on one network: the first is the one shown and exported.
    /// </summary>
    public IEnumerable<ContactProfile> ProfilesInOrder() => _profiles.OrderBy(p => p.Id == 0).ThenBy(p => p.Id);

    public string? LinkedInUrl => ProfilesInOrder().FirstOrDefault(p => p.Network == ProfileNetwork.LinkedIn)?.Url;

    public void Rename(string displayName)
    {
        var name = displayName.Trim();
        if (name.Length == 0) throw new DomainException("name", "a contact needs a name");
        DisplayName = name;
    }

    public void SetTrust(int trust)
    {
        if (trust is < 0 or > 3) throw new DomainException("trust", $"trust must be 0 to 3, not {trust}");
        Trust = trust;
    }

    public void SetCloseness(double? closeness)
    {
        if (closeness is { } c && (double.IsNaN(c) || c < 0 || c > 1))
            throw new DomainException("closeness", $"closeness must be between 0 and 1, not {c}");
        Closeness = closeness;
    }

    public void Touch(DateTime at)
    {
        UpdatedAt = at;
        Version++;
    }

    public void AddEmail(string address, string? label = null, bool primary = false)
    {
        var normalized = ContactEmail.Normalize(address);
        foreach (var e in _emails)
        {
            if (e.Address == normalized) return;
        }
        _emails.Add(new ContactEmail(normalized, label, primary || _emails.Count == 0));
    }

    public void AddPhone(string number, string? label = null)
    {
        var trimmed = number.Trim();
        if (trimmed.Length == 0) return;
        foreach (var p in _phones)
        {
            if (p.Number == trimmed) return;
        }
        _phones.Add(new ContactPhone(trimmed, label));
    }

    public void SetCategories(IEnumerable<string> categories)
    {
        _categories.Clear();
        foreach (var c in categories.Select(c => c.Trim().ToLowerInvariant()).Where(c => c.Length > 0).Distinct())
            _categories.Add(new ContactCategory(c));
    }

    public void AddCategory(string category)
    {
        var c = category.Trim().ToLowerInvariant();
        if (c.Length > 0 && _categories.All(x => x.Category != c)) _categories.Add(new ContactCategory(c));
    }

    public void SetTags(IEnumerable<string> tags)
    {
        _tags.Clear();
        foreach (var t in tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase))
            _tags.Add(new ContactTag(t));
    }

    public void AddTag(string tag)
    {
        var t = tag.Trim();
        if (t.Length > 0 && _tags.All(x => !string.Equals(x.Tag, t, StringComparison.OrdinalIgnoreCase))) _tags.Add(new ContactTag(t));
    }

    public void SetProfile(ProfileNetwork network, string? url)
    {
        for (var i = _profiles.Count - 1; i >= 0; i--)
        {
            if (_profiles[i].Network == network) _profiles.RemoveAt(i);
        }
        if (!string.IsNullOrWhiteSpace(url)) _profiles.Add(new ContactProfile(network, url.Trim()));
    }

    public void SetDate(ImportantDateKind kind, int month, int day, int? year, string? label = null)
    {
        _ = new DateOnly(year ?? 2000, month, day); // throws on an impossible date
        _dates.RemoveAll(d => d.Kind == kind && d.Label == label);
        _dates.Add(new ContactDate(kind, label, month, day, year));
    }

    /// <summary>
    /// Records that a source holds this contact under its own key, with the company and title it gave (kept so that a
    /// later import can tell a change in the source from your own edit of the contact).
    /// </summary>
    public void AddSource(string source, string externalKey, DateTime at, string? company = null, string? title = null)
    {
        // Loops rather than LINQ here and above: an import calls these for every one of thousands of contacts.
        ContactSource? existing = null;
        foreach (var s in _sources)
        {
            if (s.Source == source && s.ExternalKey == externalKey) { existing = s; break; }
        }
        if (existing is null) _sources.Add(new ContactSource(source, externalKey, at) { SeenCompany = company, SeenTitle = title });
        else existing.Seen(at, company, title);
    }

    public DateOnly? Birthday(int year)
    {
        var b = _dates.FirstOrDefault(d => d.Kind == ImportantDateKind.Birthday);
        if (b is null) return null;
        var day = b.Month == 2 && b.Day == 29 && !DateTime.IsLeapYear(year) ? 28 : b.Day;
        return new DateOnly(year, b.Month, day);
    }
}

/// <summary>An email address of a contact, stored lower-case so it can be matched.</summary>
public sealed class ContactEmail : IAccountOwned
{
    private ContactEmail() { Address = ""; }
    internal ContactEmail(string address, string? label, bool isPrimary)
    {
        Address = address;
        Label = label;
        IsPrimary = isPrimary;
    }
    public long Id { get; private set; }
    public long AccountId { get; set; }
    public long ContactId { get; private set; }
    public string Address { get; private set; }
    public string? Label { get; private set; }
    public bool IsPrimary { get; private set; }

    public static string Normalize(string address)
    {
        var a = address.Trim().ToLowerInvariant();
        var at = a.IndexOf('@');
        if (at <= 0 || at != a.LastIndexOf('@') || at == a.Length - 1 || a.Contains(' ') || !a[(at + 1)..].Contains('.'))
            throw new DomainException("email", $"'{address}' is not an email address");
        return a;
    }
}

public sealed class ContactPhone : IAccountOwned
{
    private ContactPhone() { Number = ""; }
    internal ContactPhone(string number, string? label) { Number = number; Label = label; }
    public long Id { get; private set; }
    public long AccountId { get; set; }
    public long ContactId { get; private set; }
    public string Number { get; private set; }
    public string? Label { get; private set; }

    /// <summary>Digits only (with a leading + kept), to match the same number written differently.</summary>
    public static string Digits(string number)
    {
        var plus = number.TrimStart().StartsWith('+');
        var digits = new string(number.Where(char.IsAsciiDigit).ToArray());
        return plus ? "+" + digits : digits;
    }
}

public sealed class ContactCategory : IAccountOwned
{
    private ContactCategory() { Category = ""; }
    internal ContactCategory(string category) => Category = category;
    public long Id { get; private set; }
    public long AccountId { get; set; }
    public long ContactId { get; private set; }
    public string Category { get; private set; }
}

public sealed class ContactTag : IAccountOwned
{
    private ContactTag() { Tag = ""; }
    internal ContactTag(string tag) => Tag = tag;
    public long Id { get; private set; }
    public long AccountId { get; set; }
    public long ContactId { get; private set; }
    public string Tag { get; private set; }
}

public sealed class ContactProfile : IAccountOwned
{
    private ContactProfile() { Url = ""; }
    internal ContactProfile(ProfileNetwork network, string url) { Network = network; Url = url; }
    public long Id { get; private set; }
    public long AccountId { get; set; }
    public long ContactId { get; private set; }
    public ProfileNetwork Network { get; private set; }
    public string Url { get; private set; }
}

/// <summary>A birthday, work anniversary or custom date; the year may be unknown.</summary>
public sealed class ContactDate : IAccountOwned
{
    private ContactDate() { }
    internal ContactDate(ImportantDateKind kind, string? label, int month, int day, int? year)
    {
        Kind = kind; Label = label; Month = month; Day = day; Year = year;
    }
    public long Id { get; private set; }
    public long AccountId { get; set; }
    public long ContactId { get; private set; }
    public ImportantDateKind Kind { get; private set; }
    public string? Label { get; private set; }
    public int Month { get; private set; }
    public int Day { get; private set; }
    public int? Year { get; private set; }
}

/// <summary>Which import created or updated a contact, with the key it had there.</summary>
public sealed class ContactSource : IAccountOwned
{
    private ContactSource() { Source = ""; ExternalKey = ""; }
    internal ContactSource(string source, string externalKey, DateTime at)
    {
        Source = source; ExternalKey = externalKey; FirstSeenAt = at; LastSeenAt = at;
    }
    public long Id { get; private set; }
    public long AccountId { get; set; }
    public long ContactId { get; private set; }
    public string Source { get; private set; }
    public string ExternalKey { get; private set; }
    public DateTime FirstSeenAt { get; private set; }
    public DateTime LastSeenAt { get; private set; }

    /// <summary>The company this source gave for the contact when last imported (null before schema 4, or when it gave none).</summary>
    public string? SeenCompany { get; internal set; }

    /// <summary>The title this source gave for the contact when last imported.</summary>
    public string? SeenTitle { get; internal set; }

    internal void Seen(DateTime at, string? company, string? title)
    {
        LastSeenAt = at;
        SeenCompany = company;
        SeenTitle = title;
    }
}
