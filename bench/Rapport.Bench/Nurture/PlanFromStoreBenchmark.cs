using BenchmarkDotNet.Attributes;
using Rapport.App.Nurture;
using Rapport.Bench.Scenarios;
using Rapport.Data.Storage;

namespace Rapport.Bench.Nurture;

/// <summary>
/// The plan as `rapport today` and the Today page build it, from the 20,000-contact demo network in SQLite: read every
/// contact with its stored aggregates and the triggers (<see cref="NetworkLoader"/>), build the plan, then read the last
/// notes and shared events of the chosen contacts and write their drafts. <see cref="PlanBenchmark"/> times the build alone.
/// </summary>
[RapportJob]
[MemoryDiagnoser]
public class PlanFromStoreBenchmark
{
    private RapportStore? _store;

    [GlobalSetup]
    public void Setup()
    {
        var scenario = ScenarioFiles.EnsureAsync(20_000).GetAwaiter().GetResult();
        _store = new RapportStore(DbTarget.Sqlite(scenario.Path));
        // The aggregates are written with the demo; one build here warms EF Core and the SQLite page cache.
        Plan().GetAwaiter().GetResult();
    }

    [Benchmark(Description = "plan from the store, 20k demo network")]
    public async Task<int> Plan()
    {
        await using var db = _store!.Open();
        var plan = await new PlanService(db, BenchClock.Instance).BuildAsync(default);
        return plan.Week.Count;
    }
}
