using BenchmarkDotNet.Attributes;
using Rapport.App.Contacts;
using Rapport.App.Nurture;
using Rapport.App.People;
using Rapport.Bench.Scenarios;
using Rapport.Data.Storage;
using Rapport.Domain.Nurture;

namespace Rapport.Bench.Contacts;

/// <summary>
/// Contact search over the 100,000-contact demo network (DESIGN.md §5: ≤ 20 ms), as its callers run it: the People page
/// (<see cref="PeopleQuery.ListAsync"/>: how many match and the first page of 100 by name, with the standings the web app
/// keeps in its plan cache), and <c>rapport contact list --search</c> and <c>/api/v1/contacts?search=</c>
/// (<see cref="ContactDetails.ListAsync"/>: every match, ordered by strength, up to 1,000 views), here with a warm plan cache
/// so that what is timed is the search and the list, not the nurture engine's standings (which the command line computes once
/// per run whatever it searches).
/// </summary>
[RapportJob]
[MemoryDiagnoser]
public class ContactSearchBenchmark
{
    private RapportStore? _store;
    private IReadOnlyDictionary<long, ContactStanding>? _standings;
    private readonly PlanCache _cache = new(TimeSpan.FromDays(1));

    /// <summary>
    /// In the demo network: "talked" is in most contacts' interaction notes (77,000 contacts), "cedar labs 21" is one company
    /// (30 contacts), "Chloé Jensen" a name (accent and capitals), "brag" only in an interaction's insight, "zeppelin" nowhere,
    /// "ab" is shorter than the three characters a trigram index needs, and "" is no search at all: the same page and list
    /// over every contact, the floor for a text that matches most of them.
    /// </summary>
    [Params("talked", "cedar labs 21", "Chloé Jensen", "brag", "zeppelin", "ab", "")]
    public string Query { get; set; } = "";

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        var scenario = await ScenarioFiles.EnsureAsync(100_000);
        _store = new RapportStore(DbTarget.Sqlite(scenario.Path));
        await using var db = _store.Open();
        _standings = await new PlanService(db, BenchClock.Instance, _cache).StandingsAsync(default);
    }

    [Benchmark(Description = "People page: count and first 100 by name")]
    public async Task<int> PeoplePage()
    {
        await using var db = _store!.Open();
        var page = await PeopleQuery.ListAsync(db, new PeopleRequest { Search = Query }, BenchClock.Instance, _standings, default);
        return page.Total;
    }

    [Benchmark(Description = "contact list --search: up to 1,000 by strength")]
    public async Task<int> ContactList()
    {
        await using var db = _store!.Open();
        var rows = await ContactDetails.ListAsync(db, new ContactFilter { Search = Query }, BenchClock.Instance, default, _cache);
        return rows.Count;
    }
}
