using Rapport.Domain.Accounts;

namespace Rapport.Domain.Organizations;

public enum OrganizationKind { Company, Association, Alumni, University, Community }

public enum MembershipRole { Member, Employee, Committee, Board, Volunteer, Alumnus, Student, Organizer }

/// <summary>A company, association, alumni network, university or community.</summary>
public sealed class Organization : IAccountOwned, ISoftDeletable
{
    private Organization() { Name = ""; }

    public Organization(string name, OrganizationKind kind)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("name", "an organization needs a name");
        Name = name.Trim();
        Kind = kind;
    }

    public long Id { get; private set; }
    public long AccountId { get; set; }
    public string Name { get; set; }
    public OrganizationKind Kind { get; set; }
    public string? Industry { get; set; }
    public string? City { get; set; }
    public string? Website { get; set; }

    /// <summary>How often the organization meets, in days, when it has regular meetings.</summary>
    public int? MeetingCadenceDays { get; set; }
    public string? Notes { get; set; }
    public DateTime? DeletedAt { get; set; }
}

/// <summary>A membership in an organization: yours when ContactId is null, else a contact's.</summary>
public sealed class Membership : IAccountOwned
{
    private Membership() { }

    public Membership(long organizationId, long? contactId, MembershipRole role, DateOnly? startedOn, DateOnly? endedOn)
    {
        if (startedOn is { } s && endedOn is { } e && e < s) throw new DomainException("ended", "a membership cannot end before it starts");
        OrganizationId = organizationId; ContactId = contactId; Role = role; StartedOn = startedOn; EndedOn = endedOn;
    }

    public long Id { get; private set; }
    public long AccountId { get; set; }
    public long OrganizationId { get; private set; }
    public long? ContactId { get; private set; }
    public MembershipRole Role { get; set; }
    public string? Title { get; set; }
    public DateOnly? StartedOn { get; set; }
    public DateOnly? EndedOn { get; set; }

    public bool IsCurrent(DateOnly on) => (StartedOn is null || StartedOn <= on) && (EndedOn is null || EndedOn >= on);
}
