using Rapport.Domain.Accounts;

namespace Rapport.Domain.Invitations;

public enum InvitationDecision { Pending, Accepted, Declined }

/// <summary>An invitation to an event or meeting, and what you decided.</summary>
public sealed class Invitation : IAccountOwned
{
    private Invitation() { Title = ""; }

    public Invitation(string title, DateTime at, int minutes)
    {
        if (string.IsNullOrWhiteSpace(title)) throw new DomainException("title", "an invitation needs a title");
        if (minutes is < 0 or > 7 * 24 * 60) throw new DomainException("minutes", $"time cost must be 0 to 10080 minutes, not {minutes}");
        Title = title.Trim(); At = at; Minutes = minutes;
    }

    public long Id { get; private set; }
    public long AccountId { get; set; }
    public string Title { get; set; }
    public DateTime At { get; set; }
    public int Minutes { get; set; }
    public long? FromContactId { get; set; }
    public long? FromOrganizationId { get; set; }
    public long? EventId { get; set; }
    public InvitationDecision Decision { get; private set; }
    public string? Reason { get; private set; }
    public DateTime? DecidedAt { get; private set; }

    public void Decide(InvitationDecision decision, string? reason, DateTime at)
    {
        Decision = decision; Reason = reason; DecidedAt = at;
    }
}
