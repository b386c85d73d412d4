using Rapport.Domain.Accounts;

namespace Rapport.Domain.Contacts;

public enum LifeEventKind { NewJob, Promotion, Move, Birthday, Award, Custom }

/// <summary>Something that happened to a contact and is worth acknowledging.</summary>
public sealed class LifeEvent : IAccountOwned
{
    private LifeEvent() { }

    public LifeEvent(long contactId, LifeEventKind kind, DateOnly occurredOn, bool detected)
    {
        ContactId = contactId; Kind = kind; OccurredOn = occurredOn; Detected = detected;
    }

    public long Id { get; private set; }
    public long AccountId { get; set; }
    public long ContactId { get; private set; }
    public LifeEventKind Kind { get; private set; }
    public DateOnly OccurredOn { get; set; }
    public string? Note { get; set; }

    /// <summary>True when an import found it (a changed company or title), false when entered.</summary>
    public bool Detected { get; private set; }
    public DateTime? AcknowledgedAt { get; set; }
}
