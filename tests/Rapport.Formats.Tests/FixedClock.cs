namespace Rapport.Formats.Tests;

/// <summary>A clock stopped at one instant, for readers that expand what has happened by now.</summary>
internal sealed class FixedClock(DateTime utc) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
