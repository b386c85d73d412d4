using Rapport.Formats.Records;

namespace Rapport.Formats.LinkedIn;

/// <summary>The archive owner's own profile (Profile.csv): it names the user, their industry and birthday.</summary>
public sealed record LinkedInProfile(
    string? FirstName, string? LastName, string? MaidenName, string? Headline, string? Summary,
    string? Industry, string? Location, PartialDate? BirthDate, string? Websites, string? TwitterHandles)
{
    /// <summary>"First Last", as LinkedIn shows the owner in messages.</summary>
    public string FullName => string.Join(' ', new[] { FirstName, LastName }.Where(s => !string.IsNullOrWhiteSpace(s)));
}

/// <summary>One job in the owner's history (Positions.csv); no end date means it is current.</summary>
public sealed record LinkedInPosition(string Company, string? Title, string? Description, string? Location, DateOnly? StartedOn, DateOnly? FinishedOn, long SourceLine)
{
    /// <summary>The archive entry the row was read from.</summary>
    public string? SourceFile { get; init; }

    /// <summary>True when the position has no end date.</summary>
    public bool IsCurrent => FinishedOn is null;
}

/// <summary>A connection invitation sent or received (Invitations.csv).</summary>
public sealed record LinkedInInvitation(string? From, string? To, DateTime SentAtUtc, string? Message, InteractionDirection Direction, string? InviterProfileUrl, string? InviteeProfileUrl, long SourceLine)
{
    /// <summary>The archive entry the row was read from.</summary>
    public string? SourceFile { get; init; }

    /// <summary>The invitation as an interaction with the other side.</summary>
    public ImportedInteraction ToInteraction()
    {
        var other = Direction == InteractionDirection.Out
            ? new ImportedParticipant(null, InviteeProfileUrl, To)
            : new ImportedParticipant(null, InviterProfileUrl, From);
        return new ImportedInteraction
        {
            OccurredAtUtc = SentAtUtc,
            Channel = InteractionChannel.Social,
            Direction = Direction,
            Kind = InteractionKind.Invitation,
            Participants = [other],
            Note = Message,
            ExternalKey = FormattableString.Invariant($"linkedin-invitation:{SentAtUtc:O}|{From}|{To}"),
            SourceLine = SourceLine,
            SourceFile = SourceFile,
        };
    }
}

/// <summary>A skill endorsement the owner gave or received.</summary>
public sealed record LinkedInEndorsement(bool Given, DateTime AtUtc, string Skill, string? FirstName, string? LastName, string? ProfileUrl, string? Status, long SourceLine)
{
    /// <summary>The archive entry the row was read from.</summary>
    public string? SourceFile { get; init; }

    /// <summary>The endorsement as an interaction: out when given, in when received.</summary>
    public ImportedInteraction ToInteraction() => new()
    {
        OccurredAtUtc = AtUtc,
        Channel = InteractionChannel.Social,
        Direction = Given ? InteractionDirection.Out : InteractionDirection.In,
        Kind = InteractionKind.Endorsement,
        Participants = [new ImportedParticipant(null, ProfileUrl, LinkedInNames.Join(FirstName, LastName))],
        Note = Skill,
        ExternalKey = FormattableString.Invariant($"linkedin-endorsement:{(Given ? "given" : "received")}|{AtUtc:O}|{Skill}|{ProfileUrl ?? LinkedInNames.Join(FirstName, LastName)}"),
        SourceLine = SourceLine,
        SourceFile = SourceFile,
    };
}

/// <summary>A recommendation the owner wrote or received.</summary>
public sealed record LinkedInRecommendation(bool Given, string? FirstName, string? LastName, string? Company, string? JobTitle, string? Text, DateTime? CreatedAtUtc, string? Status, long SourceLine)
{
    /// <summary>The archive entry the row was read from.</summary>
    public string? SourceFile { get; init; }

    /// <summary>The recommendation as an interaction (null when it has no date): out when given, in when received.</summary>
    public ImportedInteraction? ToInteraction() => CreatedAtUtc is not { } at ? null : new()
    {
        OccurredAtUtc = at,
        Channel = InteractionChannel.Social,
        Direction = Given ? InteractionDirection.Out : InteractionDirection.In,
        Kind = InteractionKind.Recommendation,
        Participants = [new ImportedParticipant(null, null, LinkedInNames.Join(FirstName, LastName))],
        Note = Text,
        ExternalKey = FormattableString.Invariant($"linkedin-recommendation:{(Given ? "given" : "received")}|{at:O}|{LinkedInNames.Join(FirstName, LastName)}"),
        SourceLine = SourceLine,
        SourceFile = SourceFile,
    };
}

internal static class LinkedInNames
{
    public static string? Join(string? first, string? last)
    {
        var s = string.Join(' ', new[] { first?.Trim(), last?.Trim() }.Where(x => !string.IsNullOrEmpty(x)));
        return s.Length == 0 ? null : s;
    }
}
