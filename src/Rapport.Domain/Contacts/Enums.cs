namespace Rapport.Domain.Contacts;

/// <summary>What kind of bond this is: an alliance (strong, mutual), an acquaintance, or a transaction.</summary>
public enum RelationshipKind { Acquaintance, Alliance, Transactional }

/// <summary>How senior a person is, in increasing order, so that "more senior than before" can be told.</summary>
public enum Seniority { Unknown, Student, Entry, Mid, Senior, Lead, Manager, Director, VicePresident, Executive, Founder }

/// <summary>Dunbar-style layers with their keep-in-touch cadence (SCIENCE.md B).</summary>
public enum Tier { Inner, Close, Active, Network, Acquaintance }

/// <summary>Where a social profile lives.</summary>
public enum ProfileNetwork { LinkedIn, X, Facebook, GitHub, Website, Other }

/// <summary>Kinds of important dates kept on a contact.</summary>
public enum ImportantDateKind { Birthday, WorkAnniversary, Custom }

/// <summary>The kinds of people a network holds; a contact may have several.</summary>
public static class ContactCategories
{
    public static readonly IReadOnlyList<string> Known =
    [
        "friend", "family", "coworker", "past-coworker", "association", "professor", "alumni",
        "mentor", "mentee", "peer", "client", "industry-leader", "recruiter", "investor", "other",
    ];
}
