using Rapport.Data;
using Rapport.Domain.Contacts;
using Rapport.Domain.Insights;
using Rapport.Domain.Insights.Brokerage;
using Rapport.Domain.Insights.Diversity;
using Rapport.Domain.Insights.Health;
using Rapport.Domain.Insights.Returns;
using Rapport.Domain.Nurture;
using Rapport.Domain.Nurture.Goals;
using Rapport.Domain.Organizations;

namespace Rapport.App.Insights;

/// <summary>A tie worth activating for opportunities (SCIENCE.md D), with its score J and why.</summary>
public sealed record JobLeadRow(long ContactId, string Name, string? Role, double Score, int Mutuals, double Frequency, double Reciprocity, TieBand Band, string Why);

/// <summary>A dormant tie worth reviving (SCIENCE.md C), with its priority P and why.</summary>
public sealed record ReconnectRow(long ContactId, string Name, string? Role, double Priority, double PeakStrength, double YearsDormant, IReadOnlyList<string> Why);

/// <summary>How many links the paths and brokerage measures stand on, and how many of them Rapport inferred.</summary>
public sealed record LinkSummary(int Entered, int Introduced, int Inferred, int InferredColleague, int InferredSameEvent, int InferredMeeting);

/// <summary>Everything `rapport insights` prints and the Insights page shows, computed from one load of the network.</summary>
public sealed record InsightsReport(
    DateTime AsOf, int Contacts, LinkSummary Links, HealthReport Health, DiversityReport Diversity,
    StructuralHolesReport StructuralHoles, ReturnsReport Returns, IReadOnlyList<JobLeadRow> JobLeads,
    IReadOnlyList<ReconnectRow> Reconnect);

/// <summary>
/// Builds the insights of the current account: network health against the target shape, diversity, structural holes,
/// returns on events and communities, job leads and dormant ties worth reviving.
/// </summary>
public sealed class BuildInsights(RapportDbContext db, TimeProvider clock, InsightsCache? cache = null)
{
    /// <summary>How many job leads and reconnect candidates to list.</summary>
    public const int TopRows = 10;

    public async Task<InsightsReport> ExecuteAsync(CancellationToken ct)
    {
        if (cache is not null) return (await cache.GetAsync(db, clock.GetUtcNow().UtcDateTime, ct)).Report;
        return Analyze(await InsightsNetwork.LoadAsync(db, clock.GetUtcNow().UtcDateTime, ct));
    }

    /// <summary>The report over a network already loaded (the benchmark times this and the load apart).</summary>
    public static InsightsReport Analyze(InsightsNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var now = network.Now;
        var settings = network.Settings;
        var contacts = network.Contacts;
        var today = DateOnly.FromDateTime(now);

        // The engines read the network and nothing else: they run side by side, each filling in its part.
        HealthReport? health = null;
        DiversityReport? diversity = null;
        StructuralHolesReport? holes = null;
        ReturnsReport? returns = null;
        IReadOnlyList<JobLeadRow>? jobLeads = null;
        IReadOnlyList<ReconnectRow>? reconnect = null;
        Parallel.Invoke(
            () => health = NetworkHealth.Analyze(
                contacts.Select(c => new HealthContact(c.Id, c.Name, c.Strength, c.Band, c.Tier, c.Industry, c.Function,
                    Began(c), c.BandYearAgo, c.Gives, c.Asks)).ToArray(),
                new UserField(network.Nurture.OwnIndustry, network.Nurture.OwnFunction), today, settings, network.Nurture),
            () =>
            {
                var wanted = network.Goals
                    .SelectMany(g => g.Industries.Select(i => new WantedValue(DiversityDimension.Industry, i)))
                    .Distinct()
                    .ToArray();
                diversity = DiversityAnalyzer.Analyze(
                    contacts.Select(c => new DiversityContact(c.Id, c.Strength, c.Band, c.Industry, c.Function, c.Seniority, c.City, c.Country, c.Categories, c.Company)).ToArray(),
                    settings, wanted);
            },
            () => holes = StructuralHoles.Analyze(Brokerage(network, today), settings),
            () =>
            {
                returns = EventReturns.Analyze(Returns(network), now, settings);
                jobLeads = JobLeads(network);
                reconnect = Reconnect(network);
            });

        return new InsightsReport(now, contacts.Count, Summarize(network.Links), health!, diversity!, holes!, returns!, jobLeads!, reconnect!);
    }

    /// <summary>When a tie began: the day you met when known, else the first interaction, whichever is earlier.</summary>
    private static DateOnly? Began(NetworkContact c)
    {
        DateOnly? first = c.FirstTouch is { } f ? DateOnly.FromDateTime(f) : null;
        return c.KnownSince is { } k && (first is null || k < first) ? k : first;
    }

    private static LinkSummary Summarize(NetworkLinks links)
    {
        int entered = 0, introduced = 0, inferred = 0, colleague = 0, sameEvent = 0, meeting = 0;
        for (var k = 0; k < links.Count; k++)
        {
            var kind = links.Kind(k);
            if (!links.IsInferred(k))
            {
                if (kind == LinkKind.Introduced) introduced++;
                else entered++;
                continue;
            }
            inferred++;
            if (kind == LinkKind.Colleague) colleague++;
            else if (kind == LinkKind.SameEvent) sameEvent++;
            else if (kind == LinkKind.Inferred) meeting++;
        }
        return new LinkSummary(entered, introduced, inferred, colleague, sameEvent, meeting);
    }

    private static BrokerageInput Brokerage(InsightsNetwork network, DateOnly today)
    {
        var current = new Dictionary<long, List<long>>();
        var past = new Dictionary<long, List<long>>();
        foreach (var m in network.Memberships)
        {
            var isCurrent = (m.Start is null || m.Start <= today) && (m.End is null || m.End >= today);
            var map = isCurrent ? current : past;
            if (!map.TryGetValue(m.ContactId, out var list)) map[m.ContactId] = list = [];
            list.Add(m.OrganizationId);
        }
        var events = network.Attendances.GroupBy(a => a.ContactId).ToDictionary(g => g.Key, g => (IReadOnlyList<long>)g.Select(a => a.EventId).ToArray());
        var contacts = network.Contacts
            .Where(c => c.Strength > 0)
            .Select(c => new BrokerageContact(c.Id, c.Name, c.Strength,
                current.GetValueOrDefault(c.Id) ?? [], past.GetValueOrDefault(c.Id) ?? [], events.GetValueOrDefault(c.Id) ?? []))
            .ToArray();
        return new BrokerageInput(contacts, KnownLinks(network.Links), []);
    }

    // SCIENCE.md E: a link guessed from a shared organization or event is an unknown pair, which the measure weighs by
    // its probability from the memberships and attendances it is given; only links entered, logged as introductions or
    // seen in shared meetings count as known.
    private static IEnumerable<KnownLink> KnownLinks(NetworkLinks links)
    {
        for (var k = 0; k < links.Count; k++)
        {
            if (links.IsInferred(k) && links.Kind(k) is LinkKind.Colleague or LinkKind.SameEvent) continue;
            yield return new KnownLink(new ContactPair(links.A(k), links.B(k)), links.Strength(k));
        }
    }

    private static ReturnsInput Returns(InsightsNetwork network)
    {
        var organizers = network.Events.Where(e => e.OrganizerId is not null).Select(e => e.OrganizerId!.Value).ToHashSet();
        var communities = network.Organizations
            .Where(o => o.Kind != OrganizationKind.Company || organizers.Contains(o.Id))
            .Select(o => new ReturnCommunity(o.Id, o.Name, o.MeetingCadenceDays))
            .ToArray();
        var communityIds = communities.Select(c => c.Id).ToHashSet();
        var events = network.Events
            .Select(e => new ReturnEvent(e.Id, e.Name, e.StartsAt, e.Size, e.Cost, e.MinutesSpent,
                e.OrganizerId is { } o && communityIds.Contains(o) ? o : null, e.Attending))
            .ToArray();
        var eventsById = network.Events.ToDictionary(e => e.Id);
        var met = new List<MetContact>();
        var seen = new HashSet<long>();
        foreach (var (eventId, contactId) in network.MetAtEvents)
        {
            var c = network.ById[contactId];
            met.Add(new MetContact(contactId, eventsById[eventId].StartsAt, eventId, null, c.LastTouch, c.Band));
            seen.Add(contactId);
        }
        foreach (var c in network.Contacts)
        {
            if (seen.Contains(c.Id) || c.MetAtOrganizationId is not { } org || !communityIds.Contains(org)) continue;
            var metAt = c.KnownSince?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) ?? c.FirstTouch ?? c.CreatedAt;
            met.Add(new MetContact(c.Id, metAt, null, org, c.LastTouch, c.Band));
        }
        return new ReturnsInput(events, communities, met);
    }

    private static string? Role(NetworkContact c) =>
        (c.Title, c.Company) switch
        {
            ({ Length: > 0 } t, { Length: > 0 } co) => $"{t} at {co}",
            ({ Length: > 0 } t, _) => t,
            (_, { Length: > 0 } co) => co,
            _ => null,
        };

    private static IReadOnlyList<JobLeadRow> JobLeads(InsightsNetwork network)
    {
        var s = network.Nurture;
        return network.Contacts
            .Where(c => c.LastTouch is not null && !c.Band.IsDormant() && c.Trust > 0)
            .Select(c => (c, score: JobLead.Score(c.Mutuals, c.Measure.Frequency, c.Measure.Reciprocity, s)))
            .Where(x => x.score > 0)
            .OrderByDescending(x => x.score).ThenBy(x => x.c.Id)
            .Take(TopRows)
            .Select(x => new JobLeadRow(x.c.Id, x.c.Name, Role(x.c), x.score, x.c.Mutuals, x.c.Measure.Frequency, x.c.Measure.Reciprocity, x.c.Band,
                JobLeadWhy(x.c.Mutuals, x.c.Measure.Frequency, s)))
            .ToArray();
    }

    /// <summary>Why a tie is a lead, from its own mutual contacts and rhythm (SCIENCE.md D: an inverted U in both).</summary>
    private static string JobLeadWhy(int mutuals, double frequency, NurtureSettings s)
    {
        var m = $"{mutuals} mutual {(mutuals == 1 ? "contact" : "contacts")}";
        var embedded = Math.Abs(mutuals - s.JobLeadPeakMutuals) <= s.JobLeadPeakMutuals / 2
            ? $"{m}, near the {InsightText.Number(s.JobLeadPeakMutuals, "0")} that carry the most opportunities"
            : mutuals < s.JobLeadPeakMutuals ? $"{m}, fewer than the {InsightText.Number(s.JobLeadPeakMutuals, "0")} that carry the most opportunities"
            : $"{m}, more than the {InsightText.Number(s.JobLeadPeakMutuals, "0")} that carry the most opportunities (much of what they hear, you hear too)";
        var f = InsightText.Number(frequency, "0.00");
        var rhythm = frequency < 1.0 / 3 ? $"a light touch (frequency {f}): weakly active ties pass on news you do not already have"
            : frequency < 2.0 / 3 ? $"a moderate rhythm (frequency {f})"
            : $"frequent contact (frequency {f}): you likely share most of what they know, so they rank lower";
        return $"{char.ToUpperInvariant(embedded[0])}{embedded[1..]}; {rhythm}.";
    }

    private static IReadOnlyList<ReconnectRow> Reconnect(InsightsNetwork network)
    {
        var s = network.Nurture;
        // Rank every candidate by P alone, then explain only the rows shown.
        return network.Contacts
            .Where(c => c.Measure.DaysSinceLast is { } d && ReconnectPriority.IsCandidate(d, c.Measure.Peak, s))
            .Select(c =>
            {
                var goal = GoalRelevance.Best(network.Goals, c.Id, InsightsNetwork.FactsOf(c), s).Relevance;
                var years = c.Measure.DaysSinceLast!.Value / TieStrength.DaysPerYear;
                var senior = ReconnectPriority.IsMoreSenior(c.Seniority, c.SeniorityAtLastContact);
                return (c, goal, years, senior, score: ReconnectPriority.Score(c.Measure.Peak, years, goal, senior, s));
            })
            .OrderByDescending(x => x.score).ThenBy(x => x.c.Id)
            .Take(TopRows)
            .Select(x =>
            {
                var p = ReconnectPriority.Compute(x.c.Measure.Peak, x.years, x.goal, x.senior, s);
                return new ReconnectRow(x.c.Id, x.c.Name, Role(x.c), p.Priority, x.c.Measure.Peak, p.YearsDormant, p.Why);
            })
            .ToArray();
    }
}
