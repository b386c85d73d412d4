using Rapport.Domain.Accounts;

namespace Rapport.Domain.Events;

public enum EventKind { Conference, Meetup, Meeting, Webinar, Other }

/// <summary>A conference, meetup, organization meeting or webinar, with what it cost and gave.</summary>
public sealed class NetworkEvent : IAccountOwned, ISoftDeletable
{
    private NetworkEvent() { Name = ""; }

    public NetworkEvent(string name, EventKind kind, DateTime startsAt)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("name", "an event needs a name");
        Name = name.Trim(); Kind = kind; StartsAt = startsAt;
    }

    public long Id { get; private set; }
    public long AccountId { get; set; }
    public string Name { get; set; }
    public EventKind Kind { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime? EndsAt { get; set; }
    public string? City { get; set; }
    public string? Venue { get; set; }
    public long? OrganizerId { get; set; }

    /// <summary>About how many people attend.</summary>
    public int? Size { get; set; }
    public decimal? Cost { get; set; }
    public int? MinutesSpent { get; set; }

    /// <summary>Your rating, 1 to 5.</summary>
    public int? Rating { get; set; }

    /// <summary>Whether you attended (or plan to).</summary>
    public bool Attending { get; set; }
    public string? Notes { get; set; }
    public DateTime? DeletedAt { get; set; }
}

/// <summary>A contact at an event; <see cref="Met"/> when you met them there.</summary>
public sealed class Attendance : IAccountOwned
{
    private Attendance() { }
    public Attendance(long eventId, long contactId, bool met) { EventId = eventId; ContactId = contactId; Met = met; }
    public long Id { get; private set; }
    public long AccountId { get; set; }
    public long EventId { get; private set; }
    public long ContactId { get; private set; }
    public bool Met { get; set; }
}
