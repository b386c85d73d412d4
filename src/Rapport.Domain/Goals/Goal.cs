using Rapport.Domain.Accounts;

namespace Rapport.Domain.Goals;

public enum GoalKind { FindMentors, EnterField, GetJob, GrowCommunity, FindClients, FindPeers, Other }

/// <summary>The relation a goal looks for in people.</summary>
public enum GoalRelation { Any, Mentor, Peer, Sponsor, Client }

public enum GoalStatus { Active, Achieved, Abandoned }

/// <summary>What you want from your network: a target profile of people, a count and a deadline.</summary>
public sealed class Goal : IAccountOwned, ISoftDeletable
{
    private readonly List<GoalLink> _links = [];
    private readonly List<GoalCheckIn> _checkIns = [];
    private Goal() { Title = ""; }

    public Goal(string title, GoalKind kind, DateTime createdAt)
    {
        if (string.IsNullOrWhiteSpace(title)) throw new DomainException("title", "a goal needs a title");
        Title = title.Trim(); Kind = kind; CreatedAt = createdAt;
    }

    public long Id { get; private set; }
    public long AccountId { get; set; }
    public string Title { get; set; }
    public GoalKind Kind { get; set; }

    /// <summary>Target roles (titles or functions), separated by semicolons.</summary>
    public string? TargetRoles { get; set; }
    public string? TargetIndustries { get; set; }
    public string? TargetOrganizations { get; set; }
    public GoalRelation TargetRelation { get; set; }
    public int? TargetCount { get; set; }
    public DateOnly? Deadline { get; set; }
    public GoalStatus Status { get; set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? DeletedAt { get; set; }
    public IReadOnlyList<GoalLink> Links => _links;
    public IReadOnlyList<GoalCheckIn> CheckIns => _checkIns;

    public void Link(GoalLinkKind kind, long targetId)
    {
        if (_links.All(l => l.Kind != kind || l.TargetId != targetId)) _links.Add(new GoalLink(kind, targetId));
    }

    public void CheckIn(DateTime at, string note) => _checkIns.Add(new GoalCheckIn(at, note));

    public static IReadOnlyList<string> SplitList(string? list) =>
        string.IsNullOrWhiteSpace(list) ? [] : list.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public enum GoalLinkKind { Contact, Organization, Event }

/// <summary>A contact, organization or event linked to a goal.</summary>
public sealed class GoalLink : IAccountOwned
{
    private GoalLink() { }
    internal GoalLink(GoalLinkKind kind, long targetId) { Kind = kind; TargetId = targetId; }
    public long Id { get; private set; }
    public long AccountId { get; set; }
    public long GoalId { get; private set; }
    public GoalLinkKind Kind { get; private set; }
    public long TargetId { get; private set; }
}

public sealed class GoalCheckIn : IAccountOwned
{
    private GoalCheckIn() { Note = ""; }
    internal GoalCheckIn(DateTime at, string note) { At = at; Note = note; }
    public long Id { get; private set; }
    public long AccountId { get; set; }
    public long GoalId { get; private set; }
    public DateTime At { get; private set; }
    public string Note { get; private set; }
}
