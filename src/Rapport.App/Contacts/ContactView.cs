using Rapport.App.Common;
using Rapport.Data;
using Rapport.Domain.Contacts;

namespace Rapport.App.Contacts;

/// <summary>A contact as shown to the user and printed by <c>contact show --json</c>.</summary>
public sealed record ContactView
{
    public long Id { get; init; }
    public required string Name { get; init; }
    public string? GivenName { get; init; }
    public string? FamilyName { get; init; }
    public IReadOnlyList<string> Emails { get; init; } = [];
    public IReadOnlyList<string> Phones { get; init; } = [];
    public string? Company { get; init; }
    public string? Title { get; init; }
    public string? Industry { get; init; }
    public string? Function { get; init; }
    public string? Seniority { get; init; }
    public string? City { get; init; }
    public string? Country { get; init; }
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public required string Kind { get; init; }
    public int Trust { get; init; }
    public double? Closeness { get; init; }
    public string? TierPin { get; init; }
    public bool KeyPlayer { get; init; }
    public bool WantToMeet { get; init; }
    public string? HowWeMet { get; init; }
    public long? MetAtEventId { get; init; }
    public long? IntroducedById { get; init; }
    public string? LinkedIn { get; init; }
    public IReadOnlyDictionary<string, string> Profiles { get; init; } = new Dictionary<string, string>();
    public string? Birthday { get; init; }
    public string? KnownSince { get; init; }
    public string? Notes { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public int Version { get; init; }
    public DateTime? LastInteraction { get; init; }
    public double? Strength { get; init; }
    public string? Label { get; init; }
    public string? Tier { get; init; }
    public DateTime? NextDue { get; init; }
    public double? Reciprocity { get; init; }
    public double? GiveAskBalance { get; init; }

    /// <summary>Everything behind the numbers above: parts, peak, lapse, cadence, ledger, and the why in plain words.</summary>
    public Nurture.ContactStanding? Standing { get; init; }

    /// <summary>The view with the contact's standing filled in.</summary>
    public ContactView With(Nurture.ContactStanding? s) => s is null ? this : this with
    {
        Strength = s.Strength, Label = s.Label, Tier = s.Tier, NextDue = s.NextDue, Reciprocity = s.Reciprocity,
        GiveAskBalance = s.GiveAskBalance, LastInteraction = s.LastInteraction ?? LastInteraction, Standing = s,
    };

    public static ContactView From(Contact c, DateTime? lastInteraction)
    {
        var birthday = c.Dates.FirstOrDefault(d => d.Kind == ImportantDateKind.Birthday);
        return new ContactView
        {
            Id = c.Id,
            Name = c.DisplayName,
            GivenName = c.GivenName,
            FamilyName = c.FamilyName,
            Emails = c.Emails.OrderByDescending(e => e.IsPrimary).ThenBy(e => e.Id).Select(e => e.Address).ToList(),
            Phones = c.Phones.Select(p => p.Number).ToList(),
            Company = c.Company,
            Title = c.Title,
            Industry = c.Industry,
            Function = c.Function,
            Seniority = c.Seniority == Domain.Contacts.Seniority.Unknown ? null : Input.Kebab(c.Seniority),
            City = c.City,
            Country = c.Country,
            Categories = c.Categories.Select(x => x.Category).Order(StringComparer.Ordinal).ToList(),
            Tags = c.Tags.Select(x => x.Tag).Order(StringComparer.Ordinal).ToList(),
            Kind = Input.Kebab(c.Kind),
            Trust = c.Trust,
            Closeness = c.Closeness,
            TierPin = c.TierPin is { } t ? Input.Kebab(t) : null,
            KeyPlayer = c.KeyPlayer,
            WantToMeet = c.WantToMeet,
            HowWeMet = c.HowWeMet,
            MetAtEventId = c.MetAtEventId,
            IntroducedById = c.IntroducedById,
            LinkedIn = c.LinkedInUrl,
            Profiles = c.ProfilesInOrder().DistinctBy(p => p.Network).ToDictionary(p => Input.Kebab(p.Network), p => p.Url),
            Birthday = birthday is null ? null : birthday.Year is { } y ? $"{y:D4}-{birthday.Month:D2}-{birthday.Day:D2}" : $"--{birthday.Month:D2}-{birthday.Day:D2}",
            KnownSince = c.KnownSince?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Notes = c.Notes,
            CreatedAt = c.CreatedAt,
            UpdatedAt = c.UpdatedAt,
            Version = c.Version,
            LastInteraction = lastInteraction,
        };
    }
}
