using BenchmarkDotNet.Attributes;
using Rapport.Bench.Scenarios;
using Rapport.Domain.Contacts;
using Rapport.Domain.Exchanges;
using Rapport.Domain.Goals;
using Rapport.Domain.Interactions;
using Rapport.Domain.Nurture;
using Rapport.Domain.Nurture.Goals;
using Rapport.Domain.Nurture.Plan;

namespace Rapport.Bench.Nurture;

/// <summary>
/// The plan (today and the week) for 20,000 contacts and about 2,000,000 interactions, in memory and warm
/// (DESIGN.md §5: ≤ 100 ms). The setup folds synthetic touches into each contact's <see cref="ContactStats"/>,
/// as the store keeps them, and adds the other triggers the plan reads: birthdays, life events, reminders,
/// trips, events, goals, the ledger and introduction requests. Only <see cref="PlanBuilder.Build"/> is timed.
/// </summary>
[RapportJob]
[MemoryDiagnoser]
public class PlanBenchmark
{
    private static readonly string[] Cities = ["Berlin", "Munich", "Hamburg", "London", "Amsterdam", "Lisbon", "Paris", "Vienna", "Zurich", "New York"];
    private static readonly string[] Industries = ["software", "finance", "health", "climate tech", "design", "education", "retail", "media"];
    private static readonly string[] Functions = ["product", "engineering", "design", "sales", "marketing", "data", "operations", "finance"];
    private static readonly string[] Titles = ["Product Manager", "Engineering Lead", "Designer", "Account Executive", "Data Scientist", "CTO", "Founder", "VP Sales"];
    private static readonly string[] Categories = ["colleague", "friend", "mentor", "client", "alumni", "community", "investor"];

    private PlanInput? _input;
    private NurtureSettings _settings = NurtureSettings.Default;

    /// <summary>Touches folded into the stats (reported by the setup; about two million).</summary>
    public long TouchCount { get; private set; }

    [Params(20_000)]
    public int Contacts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(7);
        var now = BenchClock.Now;
        var today = DateOnly.FromDateTime(now);
        var start = now.AddYears(-3);
        var channels = Enum.GetValues<Channel>();
        var directions = Enum.GetValues<Direction>();
        var seniorities = Enum.GetValues<Seniority>();
        var touches = new List<Touch>(4096);
        var contacts = new PlanContact[Contacts];
        TouchCount = 0;

        for (var i = 0; i < Contacts; i++)
        {
            var id = i + 1L;
            // Rhythms: a few close ties with many touches, many weak ones, some dormant for a year or two.
            var r = rng.NextDouble();
            var (mean, from, to) = r switch
            {
                < 0.02 => (1000, start, now.AddHours(-rng.Next(1, 72))),
                < 0.10 => (300, start, now.AddDays(-rng.Next(1, 20))),
                < 0.30 => (130, start, now.AddDays(-rng.Next(5, 60))),
                < 0.60 => (65, start, now.AddDays(-rng.Next(20, 200))),
                < 0.85 => (20, start, now.AddDays(-rng.Next(60, 400))),
                _ => (40, start, now.AddDays(-rng.Next(365, 730))),
            };
            var count = Math.Max(1, (int)(mean * (0.5 + rng.NextDouble())));
            touches.Clear();
            var span = (to - from).TotalMinutes;
            for (var t = 0; t < count; t++)
            {
                var at = from.AddMinutes(rng.NextDouble() * span);
                var channel = channels[rng.Next(channels.Length)];
                touches.Add(new Touch(at, channel, directions[rng.Next(directions.Length)]));
            }
            TouchCount += count;
            var stats = ContactStats.FromHistory(id, touches, _settings);

            var facts = new ContactFacts(
                $"Person{i} Family{i % 997}", Titles[rng.Next(Titles.Length)], Functions[rng.Next(Functions.Length)], Industries[rng.Next(Industries.Length)],
                $"Company {rng.Next(2000)}", Cities[rng.Next(Cities.Length)], [Categories[rng.Next(Categories.Length)]], seniorities[rng.Next(seniorities.Length)]);
            contacts[i] = new PlanContact(id, facts, stats)
            {
                Trust = rng.Next(10) == 0 ? 0 : rng.Next(1, 4),
                Pin = r < 0.01 ? Tier.Inner : null,
                Closeness = rng.Next(10) == 0 ? rng.NextDouble() : null,
                Mutuals = rng.Next(0, 30),
                KnownSince = today.AddDays(-rng.Next(365, 3650)),
                SeniorityAtLastContact = seniorities[rng.Next(seniorities.Length)],
                LastNote = rng.Next(3) == 0 ? "their move to the new team" : null,
                LastSharedEvent = rng.Next(8) == 0 ? "Berlin Product Guild #39" : null,
            };
        }

        var dates = new List<PlanImportantDate>();
        var lifeEvents = new List<PlanLifeEvent>();
        var reminders = new List<PlanReminder>();
        var ledger = new List<LedgerEntry>();
        var exchangeKinds = Enum.GetValues<ExchangeKind>();
        for (var i = 0; i < Contacts; i++)
        {
            var id = i + 1L;
            if (i % 2 == 0) dates.Add(new PlanImportantDate(id, ImportantDateKind.Birthday, rng.Next(1, 13), rng.Next(1, 29)));
            if (i % 40 == 0) dates.Add(new PlanImportantDate(id, ImportantDateKind.WorkAnniversary, rng.Next(1, 13), rng.Next(1, 29)));
            if (i % 60 == 0) lifeEvents.Add(new PlanLifeEvent(id, (LifeEventKind)rng.Next(5), today.AddDays(-rng.Next(0, 30)), "new role"));
            if (i % 100 == 0) reminders.Add(new PlanReminder(i, id, today.AddDays(rng.Next(-10, 10)), "send the article"));
            if (i % 2 == 1)
            {
                var direction = rng.Next(3) == 0 ? ExchangeDirection.Ask : ExchangeDirection.Give;
                var status = rng.Next(6) == 0 ? ExchangeStatus.Offered : ExchangeStatus.Done;
                ledger.Add(new LedgerEntry(id, direction, exchangeKinds[rng.Next(exchangeKinds.Length)], status, today.AddDays(-rng.Next(0, 700))));
            }
        }
        var trips = new List<PlanTrip> { new(1, null, "London", today.AddDays(3), today.AddDays(6)), new(2, null, "Lisbon", today.AddDays(30), today.AddDays(34)) };
        for (var t = 0; t < 30; t++) trips.Add(new PlanTrip(100 + t, rng.Next(1, Contacts + 1), "Berlin", today.AddDays(rng.Next(0, 14)), today.AddDays(rng.Next(14, 20))));
        var events = new List<PlanEvent>();
        for (var e = 0; e < 10; e++)
        {
            var attendees = Enumerable.Range(0, 25).Select(_ => (long)rng.Next(1, Contacts + 1)).Distinct().ToList();
            events.Add(new PlanEvent(e + 1, $"Meetup {e}", now.AddDays(rng.Next(1, 14)).Date.AddHours(18), Cities[e % Cities.Length], e % 2 == 0, attendees));
        }
        var goals = new List<GoalProfile>
        {
            new(1, "Find a mentor in climate tech", ["mentor", "founder"], ["climate tech"], [], GoalRelation.Mentor, 3, [5L, 50L]),
            new(2, "Land two design clients", ["designer", "head of design"], ["design", "retail"], ["Company 17"], GoalRelation.Client, 2, []),
            new(3, "Meet data leaders", ["data scientist", "cto"], ["software", "finance"], [], GoalRelation.Peer, null, []),
        };
        var intros = Enumerable.Range(0, 20).Select(k => new PlanIntroRequest(rng.Next(1, Contacts + 1), $"Target {k}", "a hiring conversation")).ToList();

        _input = new PlanInput(contacts)
        {
            ImportantDates = dates, LifeEvents = lifeEvents, Reminders = reminders, Trips = trips, Events = events, Goals = goals, Ledger = ledger, IntroRequests = intros,
        };

        var check = PlanBuilder.Build(_input, now, _settings);
        Console.WriteLine($"// plan setup: {Contacts} contacts, {TouchCount} touches; plan has {check.Today.Count} items today, {check.Week.Count} this week, {check.CandidateCount} candidates");
    }

    [Benchmark(Description = "plan, 20k contacts / ~2M interactions")]
    public NurturePlan BuildPlan() => PlanBuilder.Build(_input!, BenchClock.Now, _settings);

    [GlobalCleanup]
    public void Cleanup() => _input = null;
}
