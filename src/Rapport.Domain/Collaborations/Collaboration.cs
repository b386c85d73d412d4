using Rapport.Domain.Accounts;

namespace Rapport.Domain.Collaborations;

public enum CollaborationKind { Project, Volunteering }

public enum CollaborationStatus { Planned, Active, Done, Cancelled }

/// <summary>A joint project or volunteering, with the contacts involved.</summary>
public sealed class Collaboration : IAccountOwned
{
    private readonly List<CollaborationParticipant> _participants = [];
    private Collaboration() { Title = ""; }

    public Collaboration(string title, CollaborationKind kind, IEnumerable<long> contactIds)
    {
        if (string.IsNullOrWhiteSpace(title)) throw new DomainException("title", "a collaboration needs a title");
        Title = title.Trim(); Kind = kind;
        foreach (var id in contactIds.Distinct()) _participants.Add(new CollaborationParticipant(id));
    }

    public long Id { get; private set; }
    public long AccountId { get; set; }
    public string Title { get; set; }
    public CollaborationKind Kind { get; set; }
    public CollaborationStatus Status { get; set; }
    public string? Outcome { get; set; }
    public DateOnly? StartedOn { get; set; }
    public DateOnly? EndedOn { get; set; }
    public IReadOnlyList<CollaborationParticipant> Participants => _participants;
}

public sealed class CollaborationParticipant : IAccountOwned
{
    private CollaborationParticipant() { }
    internal CollaborationParticipant(long contactId) => ContactId = contactId;
    public long CollaborationId { get; private set; }
    public long ContactId { get; private set; }
    public long AccountId { get; set; }
}
