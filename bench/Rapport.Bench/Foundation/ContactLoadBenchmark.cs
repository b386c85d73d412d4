using System.Globalization;
using BenchmarkDotNet.Attributes;
using Rapport.App.Contacts;
using Rapport.Bench.Scenarios;
using Rapport.Data.Storage;
using Rapport.Domain.Contacts;
using Rapport.Domain.Interactions;

namespace Rapport.Bench.Foundation;

/// <summary>
/// Loading one contact with 1,000 interactions, as <c>contact show</c> and the Person page do: open a unit of work,
/// resolve the contact by id, build its view (details and last interaction) and read its timeline of 1,000.
/// The contact is written once with <see cref="BulkWriter"/>, either into an otherwise empty database or into a
/// copy of the 20k demo network (so the queries run against tables of realistic size): see the two classes below.
/// </summary>
public abstract class ContactLoadBenchmarkBase
{
    private const int InteractionCount = 1_000;
    private string _file = "";
    private RapportStore? _store;
    private string _who = "";

    /// <summary>"empty": only this contact; "demo-20k": added to a copy of the 20,000-contact demo network.</summary>
    protected abstract string Database { get; }

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _file = Path.Combine(ScenarioFiles.CacheFolder, $"bench-load-{Database}-{Environment.ProcessId}.db");
        DbTarget target;
        if (Database == "empty")
        {
            target = await ScenarioFiles.CreateEmptyAsync(_file);
        }
        else
        {
            var scenario = await ScenarioFiles.EnsureAsync(20_000);
            ScenarioFiles.DeleteDatabase(_file);
            File.Copy(scenario.Path, _file);
            target = DbTarget.Sqlite(_file);
        }
        _store = new RapportStore(target);

        var now = BenchClock.Now;
        var rng = new Random(42);
        await using var db = _store.Open();
        await using var tx = await db.Database.BeginTransactionAsync();
        var bulk = new BulkWriter(db);
        var contact = new Contact("Benedikt Benchmark", now.AddYears(-4))
        {
            GivenName = "Benedikt", FamilyName = "Benchmark", Company = "Loadtest GmbH", Title = "Head of Latency", City = "Berlin", Industry = "software",
        };
        contact.AddEmail("benedikt@loadtest.example", "work", primary: true);
        contact.AddPhone("+49 30 1234567", "mobile");
        contact.AddCategory("colleague");
        contact.AddTag("bench");
        await bulk.InsertAsync([contact]);

        var channels = Enum.GetValues<Channel>();
        var directions = Enum.GetValues<Direction>();
        var interactions = new List<Interaction>(InteractionCount);
        for (var i = 0; i < InteractionCount; i++)
        {
            var at = now.AddMinutes(-rng.Next(60, 3 * 365 * 24 * 60));
            interactions.Add(new Interaction(at, channels[rng.Next(channels.Length)], directions[rng.Next(directions.Length)], InteractionSource.Manual, [contact.Id])
            {
                Notes = i % 3 == 0 ? $"Talked about latency budget #{i}" : null,
                Purpose = i % 5 == 0 ? Purpose.CatchUp : null,
            });
        }
        await bulk.InsertAsync(interactions);
        await tx.CommitAsync();
        _who = contact.Id.ToString(CultureInfo.InvariantCulture);
    }

    [Benchmark(Description = "load 1 contact + 1,000 interactions")]
    public async Task<int> LoadContact()
    {
        await using var db = _store!.Open();
        var contact = await ContactResolver.ResolveAsync(db, _who);
        var view = await ContactDetails.ViewAsync(db, contact, BenchClock.Instance, CancellationToken.None);
        var timeline = await ContactQueries.TimelineAsync(db, contact.Id, InteractionCount, CancellationToken.None);
        if (timeline.Count != InteractionCount) throw new InvalidOperationException($"expected {InteractionCount} interactions, read {timeline.Count}");
        return timeline.Count + view.GetHashCode();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store = null;
        ScenarioFiles.DeleteDatabase(_file);
    }
}

/// <summary>The contact alone in an otherwise empty database.</summary>
[RapportJob]
[MemoryDiagnoser]
public class ContactLoadBenchmark : ContactLoadBenchmarkBase
{
    protected override string Database => "empty";
}

/// <summary>
/// The contact added to a copy of the 20k demo network. One call per iteration and few iterations: on the
/// current schema a call takes tens of seconds (see bench/README.md), so a full job would dominate the suite.
/// </summary>
[RapportJob(warmupCount: 1, iterationCount: 3, oneShot: true)]
public class ContactLoadInDemo20kBenchmark : ContactLoadBenchmarkBase
{
    protected override string Database => "demo-20k";
}
