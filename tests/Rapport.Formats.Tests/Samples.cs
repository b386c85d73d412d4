using Rapport.Formats.Records;

namespace Rapport.Formats.Tests;

internal static class Samples
{
    public static ImportedContact FullContact { get; } = new()
    {
        DisplayName = "Ana \"Nana\" Silva, PhD; 🦊",
        GivenName = "Ana",
        FamilyName = "Silva",
        Emails = [new ImportedEmail("ana@example.org", "Work", true), new ImportedEmail("ana.silva@example.com", null, false)],
        Phones = [new ImportedPhone("+51 1 234 5678", "mobile")],
        Company = "Acme, Inc.",
        Title = "CTO",
        Department = "R&D; Labs",
        City = "Lima",
        Region = "Lima",
        Country = "Peru",
        Birthday = new PartialDate(12, 1),
        OtherDates = [new ImportedDate("Anniversary", new PartialDate(6, 15, 2010))],
        Notes = "Met at the conference.\nLikes tea, not coffee; \\ backslash",
        LinkedInUrl = "https://www.linkedin.com/in/ana",
        Profiles = [new ImportedProfile(ProfileKind.GitHub, "https://github.com/ana"), new ImportedProfile(ProfileKind.Website, "https://ana.example")],
        Labels = ["Customers", "Friends, old"],
        KnownSince = new DateOnly(2020, 3, 15),
        Categories = ["coworker", "family, extended"],
        RelationshipKind = "alliance",
        Trust = 3,
        KeyPlayer = true,
        WantToMeet = false,
        Industry = "fintech",
        Function = "engineering; platform",
        Seniority = "vice-president",
        Closeness = 0.8,
        Tier = "close",
        HowWeMet = "At PyCon 2019,\nover coffee",
        IntroducedBy = "urn:uuid:5678",
        ExternalKey = "urn:uuid:1234",
    };
}
