using Rapport.Domain.Accounts;

namespace Rapport.Domain.Interactions;

/// <summary>How a touchpoint happened; each has its own weight in tie strength.</summary>
public enum Channel { InPerson, Group, Call, Video, Email, Message, Social, Event, Letter }

/// <summary>Who reached out: you (out), they (in), or both (mutual).</summary>
public enum Direction { Out, In, Mutual }

/// <summary>Why the touchpoint happened.</summary>
public enum Purpose { CatchUp, Congratulate, Seasonal, Ask, Give, Introduction, Collaboration, FollowUp }

/// <summary>Where an interaction came from.</summary>
public enum InteractionSource { Manual, Import, Calendar }

/// <summary>A touchpoint with one or more contacts.</summary>
public sealed class Interaction : IAccountOwned, ISoftDeletable
{
    private readonly List<InteractionParticipant> _participants = [];

    private Interaction() { }

    public Interaction(DateTime occurredAt, Channel channel, Direction direction, InteractionSource source, IEnumerable<long> contactIds)
    {
        if (occurredAt.Kind != DateTimeKind.Utc) throw new DomainException("date", "interaction times are stored in UTC");
        OccurredAt = occurredAt;
        Channel = channel;
        Direction = direction;
        Source = source;
        foreach (var id in contactIds.Distinct()) _participants.Add(new InteractionParticipant(id));
        if (_participants.Count == 0) throw new DomainException("who", "an interaction needs at least one contact");
    }

    public long Id { get; private set; }
    public long AccountId { get; set; }
    public DateTime OccurredAt { get; set; }
    public Channel Channel { get; set; }
    public Direction Direction { get; set; }
    public Purpose? Purpose { get; set; }
    public string? Notes { get; set; }

    /// <summary>What you learned: searchable advice and knowledge from the conversation.</summary>
    public string? Insight { get; set; }
    public InteractionSource Source { get; private set; }

    /// <summary>The key this interaction had where it came from (a calendar UID, a message id).</summary>
    public string? ExternalKey { get; set; }
    public long? EventId { get; set; }
    public DateTime? DeletedAt { get; set; }
    public IReadOnlyList<InteractionParticipant> Participants => _participants;

    /// <summary>Makes these contacts the participants (a meeting whose attendees changed): the others leave, new ones join.</summary>
    public void SetParticipants(IEnumerable<long> contactIds)
    {
        var ids = contactIds.Distinct().ToList();
        if (ids.Count == 0) throw new DomainException("who", "an interaction needs at least one contact");
        _participants.RemoveAll(p => !ids.Contains(p.ContactId));
        foreach (var id in ids)
        {
            if (!_participants.Exists(p => p.ContactId == id)) _participants.Add(new InteractionParticipant(id));
        }
    }
}

/// <summary>One contact taking part in an interaction.</summary>
public sealed class InteractionParticipant : IAccountOwned
{
    private InteractionParticipant() { }
    internal InteractionParticipant(long contactId) => ContactId = contactId;
    public long InteractionId { get; private set; }
    public long ContactId { get; private set; }
    public long AccountId { get; set; }
}
