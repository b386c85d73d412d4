using Rapport.Domain.Accounts;

namespace Rapport.Domain.Exchanges;

/// <summary>What was given or asked.</summary>
public enum ExchangeKind { Advice, Introduction, Referral, Recommendation, Endorsement, Help, Knowledge, Favor }

/// <summary>From your side: you gave to them, or you asked of them.</summary>
public enum ExchangeDirection { Give, Ask }

public enum ExchangeStatus { Offered, Requested, Done, Declined }

/// <summary>A give or an ask between you and a contact: the entries of the give/ask ledger.</summary>
public sealed class Exchange : IAccountOwned
{
    private Exchange() { }

    public Exchange(long contactId, ExchangeDirection direction, ExchangeKind kind, ExchangeStatus status, DateOnly occurredOn)
    {
        ContactId = contactId; Direction = direction; Kind = kind; Status = status; OccurredOn = occurredOn;
    }

    public long Id { get; private set; }
    public long AccountId { get; set; }
    public long ContactId { get; private set; }
    public ExchangeDirection Direction { get; private set; }
    public ExchangeKind Kind { get; set; }
    public ExchangeStatus Status { get; set; }
    public DateOnly OccurredOn { get; set; }
    public long? InteractionId { get; set; }
    public long? OpportunityId { get; set; }
    public string? Note { get; set; }
}

/// <summary>Who introduced whom to whom. A null contact id means you.</summary>
public sealed class Introduction : IAccountOwned
{
    private Introduction() { }

    public Introduction(long? introducerId, long? personAId, long? personBId, DateOnly introducedOn)
    {
        if (personAId is null && personBId is null) throw new DomainException("introduction", "an introduction needs at least one contact");
        IntroducerId = introducerId; PersonAId = personAId; PersonBId = personBId; IntroducedOn = introducedOn;
    }

    public long Id { get; private set; }
    public long AccountId { get; set; }
    public long? IntroducerId { get; private set; }
    public long? PersonAId { get; private set; }
    public long? PersonBId { get; private set; }
    public DateOnly IntroducedOn { get; set; }
    public string? Outcome { get; set; }
    public string? Note { get; set; }
}
