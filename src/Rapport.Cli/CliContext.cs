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

    /// <summary>
    /// The store for a command that must leave the database as it is (a dry run). A current database is opened without
    /// migrating; a SQLite file that does not exist yet, or that this program would first upgrade, is replaced by a
    /// throw-away copy (empty, or the file's own content), migrated and deleted when the lease ends, so that neither
    /// creating the file nor upgrading it happens. A PostgreSQL database older than the program is upgraded as by any
    /// command: a server's schema is not copied.
    /// </summary>
    public async Task<ScratchLease> StoreWritingNothingAsync(CancellationToken ct)
    {
        var latest = MigrationRunner.Available(Target.Provider).Max(m => m.Version);
        if (Target.FilePath is not { } file)
        {
            if (await MigrationRunner.CurrentVersionAsync(Target, ct) < latest) return new ScratchLease(await StoreAsync(ct), null);
            return new ScratchLease(Warmed(Target), null);
        }
        var exists = File.Exists(file);
        var version = exists ? await MigrationRunner.CurrentVersionAsync(Target, ct) : 0;
        if (exists && version >= latest) return new ScratchLease(Warmed(Target), null);

        var scratch = DbTarget.Sqlite(Path.Combine(Path.GetTempPath(), $"rapport-dry-run-{Environment.ProcessId}-{Guid.NewGuid():N}.db"));
        if (exists)
        {
            await Err.WriteLineAsync($"The database is at schema {version} and this program would upgrade it to {latest}: the dry run reads an upgraded copy, and the file is left as it is.");
            await using var source = new Microsoft.Data.Sqlite.SqliteConnection(Target.ConnectionString);
            await using var copy = new Microsoft.Data.Sqlite.SqliteConnection(scratch.ConnectionString);
            await source.OpenAsync(ct);
            await copy.OpenAsync(ct);
            source.BackupDatabase(copy);
        }
        await MigrationRunner.MigrateAsync(scratch, Clock, ct: ct);
        return new ScratchLease(Warmed(scratch), scratch.FilePath);

        static RapportStore Warmed(DbTarget target)
        {
            var store = new RapportStore(target);
            store.WarmUp();
            return store;
        }
    }

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

/// <summary>A store lent for one command, and the throw-away file behind it (deleted with its journal and backup files at the end).</summary>
public sealed class ScratchLease(RapportStore store, string? scratchFile) : IAsyncDisposable
{
    public RapportStore Store { get; } = store;

    public ValueTask DisposeAsync()
    {
        if (scratchFile is null) return ValueTask.CompletedTask;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        // The file, its journal files and the copy the migration runner keeps before an upgrade.
        foreach (var f in Directory.GetFiles(Path.GetDirectoryName(scratchFile)!, Path.GetFileName(scratchFile) + "*")) File.Delete(f);
        return ValueTask.CompletedTask;
    }
}

/// <summary>A clock stopped at one instant: RAPPORT_NOW, for tests and what-if.</summary>
public sealed class FixedClock(DateTime utc) : TimeProvider
{
    private readonly DateTimeOffset _now = new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
    public override DateTimeOffset GetUtcNow() => _now;
}
