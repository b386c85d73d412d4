using Rapport.Domain.Interactions;

namespace Rapport.Domain.Nurture;

/// <summary>One interaction with one contact, as the strength engine sees it: when (UTC), on which channel, who started it.</summary>
public readonly record struct Touch
{
    /// <summary>Creates a touch; an unspecified kind is taken as UTC (as databases return it) and a local time is converted.</summary>
    public Touch(DateTime at, Channel channel, Direction direction)
    {
        At = at.Kind switch
        {
            DateTimeKind.Utc => at,
            DateTimeKind.Local => at.ToUniversalTime(),
            _ => DateTime.SpecifyKind(at, DateTimeKind.Utc),
        };
        Channel = channel;
        Direction = direction;
    }

    /// <summary>When it happened, in UTC.</summary>
    public DateTime At { get; }

    /// <summary>How it happened; sets its weight.</summary>
    public Channel Channel { get; }

    /// <summary>Who started it; feeds reciprocity.</summary>
    public Direction Direction { get; }
}
