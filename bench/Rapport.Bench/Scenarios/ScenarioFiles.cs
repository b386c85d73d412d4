using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Rapport.App.Demo;
using Rapport.Data.Storage;

namespace Rapport.Bench.Scenarios;

/// <summary>What writing one scenario file took.</summary>
public sealed record ScenarioWrite(string Path, bool Reused, TimeSpan Migrate, TimeSpan Demo, DemoSummary? Summary, long Bytes);

/// <summary>
/// The generated networks the benchmarks run over: the demo network (<see cref="DemoWriter"/>) at a given size and
/// seed in a SQLite file under a cache folder, written once and reused by later runs. A file is written under a
/// temporary name and renamed only when complete, so an interrupted run never leaves a half-written scenario behind.
/// </summary>
public static class ScenarioFiles
{
    /// <summary>The sizes of DESIGN.md §5: 1k, 20k and 100k contacts.</summary>
    public static readonly int[] StandardSizes = [1_000, 20_000, 100_000];

    public const int DefaultSeed = 1;

    /// <summary>The cache folder: RAPPORT_BENCH_CACHE, or rapport-bench under the temp folder.</summary>
    public static string CacheFolder
    {
        get
        {
            var folder = Environment.GetEnvironmentVariable("RAPPORT_BENCH_CACHE");
            if (string.IsNullOrWhiteSpace(folder)) folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rapport-bench");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    /// <summary>The file of a scenario; its name carries the schema version, so a newer schema never reuses an older file.</summary>
    public static string PathFor(int contacts, int seed = DefaultSeed) =>
        System.IO.Path.Combine(CacheFolder, $"demo-{contacts}-seed{seed}-v{MigrationRunner.Available(DbProvider.Sqlite)[^1].Version}.db");

    /// <summary>The scenario file for this size and seed, written now unless it is already there (or <paramref name="fresh"/>).</summary>
    public static async Task<ScenarioWrite> EnsureAsync(int contacts, int seed = DefaultSeed, bool fresh = false, CancellationToken ct = default)
    {
        var path = PathFor(contacts, seed);
        if (File.Exists(path) && !fresh) return new ScenarioWrite(path, true, TimeSpan.Zero, TimeSpan.Zero, null, new FileInfo(path).Length);

        var partial = path + ".partial";
        DeleteDatabase(partial);
        var (migrate, demo, summary) = await WriteDemoAsync(partial, contacts, seed, ct);
        DeleteDatabase(path);
        File.Move(partial, path);
        return new ScenarioWrite(path, false, migrate, demo, summary, new FileInfo(path).Length);
    }

    /// <summary>Migrates a new SQLite file and writes the demo network into it, timing both steps; all connections are closed after.</summary>
    public static async Task<(TimeSpan Migrate, TimeSpan Demo, DemoSummary Summary)> WriteDemoAsync(string file, int contacts, int seed, CancellationToken ct = default)
    {
        var target = DbTarget.Sqlite(file);
        var watch = Stopwatch.StartNew();
        await MigrationRunner.MigrateAsync(target, BenchClock.Instance, ct: ct);
        var migrate = watch.Elapsed;
        watch.Restart();
        var summary = await new DemoWriter(new RapportStore(target), BenchClock.Instance).WriteAsync(new DemoOptions(contacts, seed), null, ct);
        var demo = watch.Elapsed;
        SqliteConnection.ClearAllPools();
        return (migrate, demo, summary);
    }

    /// <summary>A new, migrated, empty SQLite file.</summary>
    public static async Task<DbTarget> CreateEmptyAsync(string file, CancellationToken ct = default)
    {
        DeleteDatabase(file);
        var target = DbTarget.Sqlite(file);
        await MigrationRunner.MigrateAsync(target, BenchClock.Instance, ct: ct);
        return target;
    }

    /// <summary>Deletes a SQLite file with its WAL and shared-memory files and any backups the migration runner left.</summary>
    public static void DeleteDatabase(string file)
    {
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { file, file + "-wal", file + "-shm", file + "-journal" })
        {
            if (File.Exists(f)) File.Delete(f);
        }
    }
}
