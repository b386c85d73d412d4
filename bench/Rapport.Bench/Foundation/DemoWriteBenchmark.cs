using BenchmarkDotNet.Attributes;
using Rapport.App.Demo;
using Rapport.Bench.Scenarios;
using Rapport.Data.Storage;

namespace Rapport.Bench.Foundation;

/// <summary>
/// Writing 20,000 contacts with their interactions (and the rest of the demo network) into a fresh SQLite file:
/// the demo generator's bulk path, the same as <c>rapport demo --contacts 20000</c> after migrations.
/// Each iteration gets a new migrated file (not timed); the timed part is <see cref="DemoWriter.WriteAsync"/>.
/// </summary>
[RapportJob(warmupCount: 1, iterationCount: 5, oneShot: true)]
[MemoryDiagnoser]
public class DemoWriteBenchmark
{
    private string _file = "";
    private DbTarget? _target;

    [Params(20_000)]
    public int Contacts { get; set; }

    [IterationSetup]
    public void CreateFile()
    {
        _file = Path.Combine(ScenarioFiles.CacheFolder, $"bench-write-{Environment.ProcessId}.db");
        _target = ScenarioFiles.CreateEmptyAsync(_file).GetAwaiter().GetResult();
    }

    [Benchmark(Description = "demo write, 20k contacts")]
    public async Task<int> WriteDemo()
    {
        var summary = await new DemoWriter(new RapportStore(_target!), BenchClock.Instance).WriteAsync(new DemoOptions(Contacts, ScenarioFiles.DefaultSeed), null, CancellationToken.None);
        return summary.Interactions;
    }

    [IterationCleanup]
    public void DeleteFile() => ScenarioFiles.DeleteDatabase(_file);
}
