namespace Rapport.Formats.Records;

/// <summary>How a touchpoint happened.</summary>
public enum InteractionChannel { Email, Message, Video, InPerson, Call, Social }

/// <summary>Who reached out, relative to the user: the user (Out), the other side (In), or both or unknown (Mutual).</summary>
public enum InteractionDirection { Out, In, Mutual }

/// <summary>What sort of record an interaction came from.</summary>
public enum InteractionKind { Conversation, Meeting, Invitation, Endorsement, Recommendation }

/// <summary>One other person in an interaction, known by whichever of email, profile URL and name the source gave.</summary>
public sealed record ImportedParticipant(string? Email = null, string? ProfileUrl = null, string? Name = null);

/// <summary>A touchpoint read from an export (an email, a LinkedIn message, a meeting), in no source's shape.</summary>
public sealed record ImportedInteraction
{
    /// <summary>When it happened, in UTC.</summary>
    public required DateTime OccurredAtUtc { get; init; }

    /// <summary>When it ended (meetings), in UTC.</summary>
    public DateTime? EndsAtUtc { get; init; }

    /// <summary>True for all-day calendar entries, whose time is midnight UTC of the day.</summary>
    public bool AllDay { get; init; }

    /// <summary>How it happened.</summary>
    public required InteractionChannel Channel { get; init; }

    /// <summary>Who reached out, relative to the user.</summary>
    public required InteractionDirection Direction { get; init; }

    /// <summary>What sort of record it came from.</summary>
    public InteractionKind Kind { get; init; } = InteractionKind.Conversation;

    /// <summary>The other people involved (the user's own addresses and profile are left out where known).</summary>
    public ValueList<ImportedParticipant> Participants { get; init; } = [];

    /// <summary>Subject line or event title.</summary>
    public string? Subject { get; init; }

    /// <summary>A short note (message text, invitation message, skill endorsed).</summary>
    public string? Note { get; init; }

    /// <summary>A key stable within the source (ICS UID, Message-ID) so a re-import updates rather than duplicates.</summary>
    public string? ExternalKey { get; init; }

    /// <summary>True when the calendar marked the event cancelled: it did not happen.</summary>
    public bool Cancelled { get; init; }

    /// <summary>Why a <see cref="Cancelled"/> one did not happen, when it is not that the event was cancelled (an EXDATE took it out of its series).</summary>
    public string? CancelReason { get; init; }

    /// <summary>True for one occurrence of a recurring calendar event (an RRULE or RDATE date, or a RECURRENCE-ID override).</summary>
    public bool Occurrence { get; init; }

    /// <summary>The revision of a calendar event (iCalendar SEQUENCE, 0 when not given): of two versions, the higher one holds.</summary>
    public int Sequence { get; init; }

    /// <summary>The 1-based line where this record starts in its file.</summary>
    public long SourceLine { get; init; }

    /// <summary>The file the row was read from when it is one of several (an archive's entry); null for the file imported.</summary>
    public string? SourceFile { get; init; }

    /// <summary>Values read but left out or guessed, in words.</summary>
    public ValueList<string> Warnings { get; init; } = [];
}
