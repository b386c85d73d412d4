using Rapport.Domain.Accounts;

namespace Rapport.Domain.Contacts;

/// <summary>How two contacts know each other.</summary>
public enum LinkKind { Colleague, Friend, Family, Introduced, SameEvent, Inferred, Other }

/// <summary>An undirected "knows" link between two contacts; stored with the smaller id first.</summary>
public sealed class ContactLink : IAccountOwned
{
    private ContactLink() { }

    public ContactLink(long a, long b, LinkKind kind, double? strength, bool inferred, DateTime createdAt)
    {
        if (a == b) throw new DomainException("link", "a contact cannot be linked to itself");
        if (strength is { } s && (double.IsNaN(s) || s <= 0 || s > 1))
            throw new DomainException("strength", $"link strength must be in (0, 1], not {s}");
        (ContactAId, ContactBId) = a < b ? (a, b) : (b, a);
        Kind = kind;
        Strength = strength;
        Inferred = inferred;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }
    public long AccountId { get; set; }
    public long ContactAId { get; private set; }
    public long ContactBId { get; private set; }
    public LinkKind Kind { get; set; }
    public double? Strength { get; set; }

    /// <summary>True when Rapport inferred the link (same company, event or meeting) rather than being told.</summary>
    public bool Inferred { get; set; }
    public DateTime CreatedAt { get; private set; }
}
