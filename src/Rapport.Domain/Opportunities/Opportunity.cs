using Rapport.Domain.Accounts;

namespace Rapport.Domain.Opportunities;

public enum OpportunityKind { Job, Referral, Client, Speaking, Partnership }

public enum OpportunityStage { Heard, Pursuing, Applied, Interviewing, Offer, Won, Lost, Declined }

/// <summary>A job, referral, client, speaking slot or partnership, and the contacts it came from.</summary>
public sealed class Opportunity : IAccountOwned, ISoftDeletable
{
    private readonly List<OpportunitySource> _sources = [];
    private Opportunity() { Title = ""; }

    public Opportunity(string title, OpportunityKind kind, DateOnly openedOn)
    {
        if (string.IsNullOrWhiteSpace(title)) throw new DomainException("title", "an opportunity needs a title");
        Title = title.Trim(); Kind = kind; OpenedOn = openedOn;
    }

    public long Id { get; private set; }
    public long AccountId { get; set; }
    public string Title { get; set; }
    public OpportunityKind Kind { get; set; }
    public long? OrganizationId { get; set; }
    public OpportunityStage Stage { get; set; }

    /// <summary>False for hidden opportunities: never advertised, reached through people.</summary>
    public bool Advertised { get; set; }
    public DateOnly OpenedOn { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public string? Notes { get; set; }
    public DateTime? DeletedAt { get; set; }
    public IReadOnlyList<OpportunitySource> Sources => _sources;

    public void AddSource(long contactId)
    {
        if (_sources.All(s => s.ContactId != contactId)) _sources.Add(new OpportunitySource(contactId));
    }
}

public sealed class OpportunitySource : IAccountOwned
{
    private OpportunitySource() { }
    internal OpportunitySource(long contactId) => ContactId = contactId;
    public long OpportunityId { get; private set; }
    public long ContactId { get; private set; }
    public long AccountId { get; set; }
}
