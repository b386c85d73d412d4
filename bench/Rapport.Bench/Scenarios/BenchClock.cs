namespace Rapport.Bench.Scenarios;

/// <summary>The fixed "now" of every benchmark, so generated networks and plans are the same on every run.</summary>
public sealed class BenchClock : TimeProvider
{
    /// <summary>2026-11-20, noon UTC.</summary>
    public static readonly DateTime Now = new(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);

    public static BenchClock Instance { get; } = new();

    public override DateTimeOffset GetUtcNow() => new(Now);
}
