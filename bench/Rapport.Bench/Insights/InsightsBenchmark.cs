using BenchmarkDotNet.Attributes;
using Rapport.App.Insights;
using Rapport.Bench.Scenarios;
using Microsoft.EntityFrameworkCore;
using Rapport.Data.Storage;

namespace Rapport.Bench.Insights;

/// <summary>
/// `rapport insights` over the 20,000-contact demo network (DESIGN.md §5: ≤ 200 ms), on a private copy of the
/// scenario file. The whole use case and the load alone, twice: with the inputs an earlier command kept (nothing written
/// since: read them, complete them as of the day) and after a write (read every table and the history, infer links,
/// keep the inputs for the next command); and the engines alone over a network already in memory. Setup runs the use
/// case once, so the stored aggregates exist (as after any demo write or import) and the inputs are kept.
/// </summary>
[RapportJob(warmupCount: 1, iterationCount: 7)]
[MemoryDiagnoser]
public class InsightsBenchmark
{
    private string _file = "";
    private RapportStore? _store;
    private InsightsNetwork? _network;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        var scenario = await ScenarioFiles.EnsureAsync(20_000);
        _file = Path.Combine(ScenarioFiles.CacheFolder, $"bench-insights-{Environment.ProcessId}.db");
        ScenarioFiles.DeleteDatabase(_file);
        File.Copy(scenario.Path, _file);
        // A cached scenario may predate the latest schema: bring the copy up to date first.
        await MigrationRunner.MigrateAsync(DbTarget.Sqlite(_file), BenchClock.Instance);
        _store = new RapportStore(DbTarget.Sqlite(_file));
        await using var db = _store.Open();
        var report = await new BuildInsights(db, BenchClock.Instance).ExecuteAsync(default);
        _network = await InsightsNetwork.LoadAsync(db, BenchClock.Now, default);
        if (!_network.FromKeptInputs) throw new InvalidOperationException("the first call kept no inputs");
        Console.WriteLine($"// insights setup: {report.Contacts} contacts, {report.Links.Entered} links entered, {report.Links.Inferred} inferred, " +
            $"{report.Returns.Events.Count} events, {report.JobLeads.Count} job leads, {report.Reconnect.Count} to revive");
    }

    [Benchmark(Description = "insights, 20k demo network: load + engines (inputs kept)")]
    public async Task<InsightsReport> Insights()
    {
        await using var db = _store!.Open();
        return await new BuildInsights(db, BenchClock.Instance).ExecuteAsync(default);
    }

    [Benchmark(Description = "insights, 20k demo network: load only (inputs kept)")]
    public async Task<int> Load()
    {
        await using var db = _store!.Open();
        return (await InsightsNetwork.LoadAsync(db, BenchClock.Now, default)).Contacts.Count;
    }

    /// <summary>As after any write: the kept inputs no longer hold, so the call reads the tables and keeps them again.</summary>
    [IterationSetup(Targets = [nameof(InsightsAfterAWrite), nameof(LoadAfterAWrite)])]
    public void Invalidate()
    {
        using var db = _store!.Open();
        db.Database.ExecuteSqlRaw("""DELETE FROM "InsightsInputsMarks" """);
    }

    [Benchmark(Description = "insights, 20k demo network: load + engines, after a write (tables read, inputs kept)")]
    public async Task<InsightsReport> InsightsAfterAWrite()
    {
        await using var db = _store!.Open();
        return await new BuildInsights(db, BenchClock.Instance).ExecuteAsync(default);
    }

    [Benchmark(Description = "insights, 20k demo network: load only, after a write (tables read, inputs kept)")]
    public async Task<int> LoadAfterAWrite()
    {
        await using var db = _store!.Open();
        var network = await InsightsNetwork.LoadAsync(db, BenchClock.Now, default);
        return network.FromKeptInputs ? throw new InvalidOperationException("the inputs were still kept") : network.Contacts.Count;
    }

    [Benchmark(Description = "insights, 20k demo network: engines only")]
    public InsightsReport Engines() => BuildInsights.Analyze(_network!);

    [GlobalCleanup]
    public void Cleanup()
    {
        _network = null;
        _store = null;
        ScenarioFiles.DeleteDatabase(_file);
        GC.Collect();
    }
}
