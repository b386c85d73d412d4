using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Rapport.App.Common;
using Rapport.Data;
using Rapport.Data.Storage;

namespace Rapport.Cli;

/// <summary>What every command needs: the store (migrated on first use), the clock, output and the JSON switch.</summary>
public sealed class CliContext(DbTarget target, TimeProvider clock, TextWriter stdout, TextWriter stderr, bool json)
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    private RapportStore? _store;

    public DbTarget Target { get; } = target;
    public TimeProvider Clock { get; } = clock;
    public TextWriter Out { get; } = stdout;
    public TextWriter Err { get; } = stderr;
    public bool Json { get; } = json;

    /// <summary>The store, with pending migrations applied first.</summary>
    public async Task<RapportStore> StoreAsync(CancellationToken ct)
    {
        if (_store is not null) return _store;
        var store = new RapportStore(Target);
        store.WarmUp();
        var result = await MigrationRunner.MigrateAsync(Target, Clock, ct: ct);
        if (result.BackupPath is not null)
            await Err.WriteLineAsync($"Upgraded the database to schema {result.Applied[^1].Version}; a copy of the old file is at {result.BackupPath}");
        _store = store;
        return _store;
    }

    public async Task<RapportDbContext> OpenAsync(CancellationToken ct) => (await StoreAsync(ct)).Open();

    public Task WriteJsonAsync<T>(T value) => Out.WriteLineAsync(JsonSerializer.Serialize(value, JsonOptions));

    /// <summary>Reads RAPPORT_NOW (an ISO date or date-time) into a fixed clock, or the system clock when unset.</summary>
    public static TimeProvider ClockFrom(string? now)
    {
        if (string.IsNullOrWhiteSpace(now)) return TimeProvider.System;
        try
        {
            return new FixedClock(Input.ParseInstant("RAPPORT_NOW", now));
        }
        catch (InputException e)
        {
            throw new InputException("RAPPORT_NOW", e.Message);
        }
    }

    public static string Date(DateTime? d) => d is { } v ? v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "-";
}

/// <summary>A clock stopped at one instant: RAPPORT_NOW, for tests and what-if.</summary>
public sealed class FixedClock(DateTime utc) : TimeProvider
{
    private readonly DateTimeOffset _now = new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
    public override DateTimeOffset GetUtcNow() => _now;
}
