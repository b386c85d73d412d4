namespace Rapport.App.Contacts;

/// <summary>
/// The fields a user may set on a contact. On create every given field is set; on edit a null
/// field is left as it was and a given list replaces the old one.
/// </summary>
public sealed record ContactChanges
{
    public string? Name { get; init; }
    public string? GivenName { get; init; }
    public string? FamilyName { get; init; }
    public IReadOnlyList<string>? Emails { get; init; }
    public IReadOnlyList<string>? Phones { get; init; }
    public string? Company { get; init; }
    public string? Title { get; init; }
    public string? Industry { get; init; }
    public string? Function { get; init; }
    public string? Seniority { get; init; }
    public string? City { get; init; }
    public string? Country { get; init; }
    public IReadOnlyList<string>? Categories { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
    public string? Kind { get; init; }

    /// <summary>The event where you met: its id or name.</summary>
    public string? MetAt { get; init; }

    /// <summary>The contact who introduced you: an id, email or unique name.</summary>
    public string? IntroducedBy { get; init; }
    public string? HowWeMet { get; init; }
    public int? Trust { get; init; }
    public double? Closeness { get; init; }
    public string? Tier { get; init; }
    public string? LinkedIn { get; init; }
    public string? X { get; init; }
    public string? Facebook { get; init; }
    public string? GitHub { get; init; }
    public string? Website { get; init; }
    public bool? KeyPlayer { get; init; }
    public bool? WantToMeet { get; init; }
    public string? Notes { get; init; }

    /// <summary>A birthday as 1990-05-17, or --05-17 when the year is unknown.</summary>
    public string? Birthday { get; init; }

    /// <summary>When you first met or connected.</summary>
    public string? KnownSince { get; init; }
    public string? PhotoUrl { get; init; }
}
