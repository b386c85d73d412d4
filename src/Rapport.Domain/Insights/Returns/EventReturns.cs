namespace Rapport.Domain.Insights.Returns;

/// <summary>An event with what it cost; <see cref="CommunityId"/> is the organization that runs it, if any.</summary>
public sealed record ReturnEvent(long Id, string Name, DateTime StartsAt, int? Size, decimal? Cost, int? MinutesSpent, long? CommunityId, bool Attended = true);

/// <summary>A community (an organization with meetings); its cadence sets the meeting period for streaks.</summary>
public sealed record ReturnCommunity(long Id, string Name, int? MeetingCadenceDays = null);

/// <summary>
/// A contact you met at an event or in a community, with what became of it: the last interaction and the
/// label now. When only <see cref="EventId"/> is given, the event's community is credited too.
/// </summary>
public sealed record MetContact(long ContactId, DateTime MetAt, long? EventId, long? CommunityId, DateTime? LastInteraction, TieBand BandNow);

/// <summary>Everything the returns view is computed from.</summary>
public sealed record ReturnsInput(IReadOnlyList<ReturnEvent> Events, IReadOnlyList<ReturnCommunity> Communities, IReadOnlyList<MetContact> Met);

/// <summary>Relationships formed and kept: met, lasting (still in touch after six months), and too recent to tell.</summary>
public readonly record struct Yield(int Met, int Lasting, int Pending);

/// <summary>
/// Return on one event: relationships formed and kept, and the cost of each lasting one. <see cref="OldEnoughToJudge"/>
/// is true once six months have passed since the event, so whether the people met there stayed in touch is known.
/// </summary>
public sealed record EventReturn(
    long EventId, string Name, DateTime StartsAt, int? Size, bool? Big, Yield Yield,
    decimal Cost, int Minutes, decimal? CostPerLasting, double? HoursPerLasting, bool OldEnoughToJudge);

/// <summary>What to do about a community.</summary>
public enum CommunityAdvice { Keep, Drop, KeepTrying, TooEarly }

/// <summary>The words the command line and the web page show for <see cref="CommunityAdvice"/>.</summary>
public static class CommunityAdviceWords
{
    /// <summary>"keep", "drop", "keep trying" or "too early".</summary>
    public static string Word(this CommunityAdvice advice) => advice switch
    {
        CommunityAdvice.Keep => "keep",
        CommunityAdvice.Drop => "drop",
        CommunityAdvice.KeepTrying => "keep trying",
        _ => "too early",
    };
}

/// <summary>
/// Return on one community, with consistency: meeting periods attended in a row now and at best, and whether
/// you attend regularly; plus advice and its reason in plain words. <see cref="Cost"/> and <see cref="Minutes"/> cover
/// every visit; the cost and hours per lasting relationship cover only visits at least six months old, the ones
/// that could have produced one.
/// </summary>
public sealed record CommunityReturn(
    long CommunityId, string Name, int EventsAttended, Yield Yield, decimal Cost, int Minutes,
    decimal? CostPerLasting, double? HoursPerLasting, int CurrentStreak, int LongestStreak, bool Regular,
    CommunityAdvice Advice, string Reason);

/// <summary>
/// Big events against small ones (and those of unknown size). <see cref="Events"/> and <see cref="Yield"/> count every
/// event that has happened; the rates are over the <see cref="Judged"/> events only, those at least six months old:
/// <see cref="JudgedLasting"/> lasting relationships from them, <see cref="LastingPerEvent"/> = JudgedLasting / Judged,
/// and their money and time per lasting relationship, so that every rate shares one base.
/// </summary>
public sealed record SizeComparison(
    string Size, int Events, Yield Yield, int Judged, int JudgedLasting, double LastingPerEvent,
    decimal JudgedCost, int JudgedMinutes, decimal? CostPerLasting, double? HoursPerLasting);

/// <summary>
/// Where you are in "explore, then be consistent": starting (no event yet), exploring, consistent, or returning (events
/// before, but none in the recent window and no regular community).
/// </summary>
public enum ExploreStage { Starting, Exploring, Consistent, Returning }

/// <summary>Returns on events and communities, big against small, and the explore-then-commit view.</summary>
public sealed record ReturnsReport(
    IReadOnlyList<EventReturn> Events, IReadOnlyList<CommunityReturn> Communities, IReadOnlyList<SizeComparison> BySize,
    ExploreStage Stage, string StageAdvice);

/// <summary>
/// Computes which events and communities form lasting relationships. A relationship is lasting when, six
/// months or more after meeting, you were still in touch after those six months and the tie is not dormant;
/// until six months have passed it is pending, and pending ones are left out of every rate. Events that have not
/// happened yet (after now), and the people linked to them, are left out entirely.
/// </summary>
public static class EventReturns
{
    /// <summary>The returns as of <paramref name="now"/>.</summary>
    public static ReturnsReport Analyze(ReturnsInput input, DateTime now, InsightSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        settings ??= InsightSettings.Default;
        var future = input.Events.Where(e => e.StartsAt > now).Select(e => e.Id).ToHashSet();
        var eventsById = input.Events.Where(e => !future.Contains(e.Id)).DistinctBy(e => e.Id).ToDictionary(e => e.Id);
        var lastingAfter = TimeSpan.FromDays(settings.LastingAfterDays);
        bool Judged(DateTime startsAt) => now - startsAt >= lastingAfter;

        var byEvent = new Dictionary<long, List<MetContact>>();
        var byCommunity = new Dictionary<long, List<MetContact>>();
        foreach (var m in input.Met)
        {
            if (m.MetAt > now || (m.EventId is { } eventId && future.Contains(eventId))) continue;
            if (m.EventId is { } e) Add(byEvent, e, m);
            var community = m.CommunityId ?? (m.EventId is { } id && eventsById.TryGetValue(id, out var ev) ? ev.CommunityId : null);
            if (community is { } c) Add(byCommunity, c, m);
        }

        var events = eventsById.Values
            .Where(e => e.Attended || byEvent.ContainsKey(e.Id))
            .OrderBy(e => e.StartsAt).ThenBy(e => e.Id)
            .Select(e =>
            {
                var y = YieldOf(byEvent.GetValueOrDefault(e.Id), now, lastingAfter);
                var cost = e.Cost ?? 0;
                var minutes = e.MinutesSpent ?? 0;
                return new EventReturn(e.Id, e.Name, e.StartsAt, e.Size, e.Size is { } size ? size >= settings.BigEventSize : null, y,
                    cost, minutes, PerLasting(cost, y), HoursPerLasting(minutes, y), Judged(e.StartsAt));
            })
            .ToArray();

        var eventsOf = eventsById.Values.Where(e => e.CommunityId is not null).ToLookup(e => e.CommunityId!.Value);
        var communities = input.Communities.DistinctBy(c => c.Id)
            .Select(c => Community(c, [.. eventsOf[c.Id].Where(e => e.Attended)], [.. eventsOf[c.Id].Where(e => !e.Attended).Select(e => e.StartsAt)],
                byCommunity.GetValueOrDefault(c.Id), now, lastingAfter, settings))
            .OrderBy(c => c.Advice).ThenByDescending(c => c.Yield.Lasting).ThenBy(c => c.CommunityId)
            .ToArray();

        var bySize = new[] { ("big", (bool?)true), ("small", false), ("unknown", null) }
            .Select(g =>
            {
                var group = events.Where(e => e.Big == g.Item2).ToArray();
                var y = new Yield(group.Sum(e => e.Yield.Met), group.Sum(e => e.Yield.Lasting), group.Sum(e => e.Yield.Pending));
                var judged = group.Where(e => e.OldEnoughToJudge).ToArray();
                var lasting = judged.Sum(e => e.Yield.Lasting);
                var judgedYield = new Yield(judged.Sum(e => e.Yield.Met), lasting, judged.Sum(e => e.Yield.Pending));
                var cost = judged.Sum(e => e.Cost);
                var minutes = judged.Sum(e => e.Minutes);
                return new SizeComparison(g.Item1, group.Length, y, judged.Length, lasting, judged.Length == 0 ? 0 : (double)lasting / judged.Length,
                    cost, minutes, PerLasting(cost, judgedYield), HoursPerLasting(minutes, judgedYield));
            })
            .Where(s => s.Events > 0)
            .ToArray();

        var (stage, advice) = Stage(events, communities, now, settings);
        return new ReturnsReport(events, communities, bySize, stage, advice);
    }

    /// <summary>
    /// Streaks of meetings attended in a row, for a community that meets every <paramref name="cadenceDays"/>: the
    /// longest run, and the run still going (its last meeting at most one and a half periods ago, since the next may not
    /// have happened yet). A run goes on while each meeting follows the one before within one and a half periods, so a
    /// meeting that moves (the second Tuesday of each month comes 28 to 35 days after the last) keeps it, and one not
    /// attended ends it: a recorded meeting you did not go to (<paramref name="missed"/>), or a gap with none recorded.
    /// Visits closer together than half a period (two days of one conference) count as one meeting; meetings still to
    /// come do not count.
    /// </summary>
    public static (int Current, int Longest) Streaks(IReadOnlyList<DateTime> attended, DateTime now, int cadenceDays, IReadOnlyList<DateTime>? missed = null)
    {
        ArgumentNullException.ThrowIfNull(attended);
        if (cadenceDays <= 0) return (0, 0);
        var grace = cadenceDays * 1.5;
        var timeline = attended.Where(d => d <= now).Select(d => (At: d, Went: true))
            .Concat((missed ?? []).Where(d => d <= now).Select(d => (At: d, Went: false)))
            .OrderBy(m => m.At).ThenBy(m => m.Went);
        var (run, longest) = (0, 0);
        DateTime? last = null;
        foreach (var (at, went) in timeline)
        {
            if (!went)
            {
                (run, last) = (0, null);
                continue;
            }
            if (last is { } same && (at - same).TotalDays < cadenceDays / 2.0) continue;
            run = last is { } before && (at - before).TotalDays <= grace ? run + 1 : 1;
            longest = Math.Max(longest, run);
            last = at;
        }
        return (last is { } end && (now - end).TotalDays <= grace ? run : 0, longest);
    }

    private static CommunityReturn Community(ReturnCommunity c, ReturnEvent[] attended, DateTime[] missed, List<MetContact>? met, DateTime now, TimeSpan lastingAfter, InsightSettings s)
    {
        var y = YieldOf(met, now, lastingAfter);
        var cost = attended.Sum(e => e.Cost ?? 0);
        var minutes = attended.Sum(e => e.MinutesSpent ?? 0);
        var cadence = c.MeetingCadenceDays is > 0 ? c.MeetingCadenceDays.Value : s.DefaultMeetingCadenceDays;
        var dates = attended.Select(e => e.StartsAt).ToArray();
        var (current, longest) = Streaks(dates, now, cadence, missed);

        var regular = false;
        if (dates.Length >= 2)
        {
            var anchor = dates.Min();
            var currentPeriod = (long)Math.Floor((now - anchor).TotalDays / cadence);
            var window = Math.Min(s.RegularWindowPeriods, currentPeriod + 1);
            var inWindow = dates.Select(d => (long)Math.Floor((d - anchor).TotalDays / cadence)).Distinct().Count(p => p > currentPeriod - window);
            regular = window > 0 && (double)inWindow / window >= s.RegularAttendanceShare;
        }

        var maturedAttempts = attended.Count(e => now - e.StartsAt >= lastingAfter);
        var hours = InsightText.Hours(minutes);
        var spent = cost > 0 ? $"{hours} and {InsightText.Money(cost)} in money spent" : $"{hours} spent";
        CommunityAdvice advice;
        string reason;
        if (attended.Length == 0)
        {
            (advice, reason) = (CommunityAdvice.TooEarly, $"You have not attended {c.Name} yet.");
        }
        else if (maturedAttempts >= s.MinAttemptsBeforeDrop && (double)y.Lasting / maturedAttempts < s.DropBelowLastingPerAttempt)
        {
            (advice, reason) = (CommunityAdvice.Drop,
                $"You went {Times(attended.Length)} ({spent}) and met {People(y.Met)}; {(y.Lasting == 0 ? "none is" : $"only {y.Lasting} {(y.Lasting == 1 ? "is" : "are")}")} still in touch after six months. Your time may go further elsewhere.");
        }
        else if (y.Lasting > 0)
        {
            (advice, reason) = (CommunityAdvice.Keep,
                $"{y.Lasting} lasting {(y.Lasting == 1 ? "relationship" : "relationships")} from {Visits(attended.Length)}" +
                (regular ? $"; you attend regularly (streak of {current})." : "; going more regularly would compound it."));
        }
        else if (maturedAttempts < s.MinAttemptsBeforeDrop)
        {
            (advice, reason) = (CommunityAdvice.KeepTrying,
                attended.Length >= s.MinAttemptsBeforeDrop
                    ? $"{Visits(attended.Length)} so far, too recent to judge: it takes about six months to see whether the people you meet there stay in touch."
                    : $"{Visits(attended.Length)} so far; it takes about {s.MinAttemptsBeforeDrop} visits, and six months, to know whether a community works for you.");
        }
        else
        {
            (advice, reason) = (CommunityAdvice.KeepTrying, $"{People(y.Met, capital: true)} met over {Visits(attended.Length)}; keep going and follow up with them.");
        }
        var judged = attended.Where(e => now - e.StartsAt >= lastingAfter).ToArray();
        return new CommunityReturn(c.Id, c.Name, attended.Length, y, cost, minutes,
            PerLasting(judged.Sum(e => e.Cost ?? 0), y), HoursPerLasting(judged.Sum(e => e.MinutesSpent ?? 0), y),
            current, longest, regular, advice, reason);
    }

    private static (ExploreStage, string) Stage(EventReturn[] events, CommunityReturn[] communities, DateTime now, InsightSettings s)
    {
        var since = now.AddDays(-s.RecentWindowDays);
        var recent = events.Where(e => e.StartsAt > since && e.StartsAt <= now).ToArray();
        var regular = communities.Where(c => c.Regular).ToArray();
        var tried = recent.Length;
        if (tried == 0 && regular.Length == 0)
        {
            if (events.Where(e => e.StartsAt <= now).MaxBy(e => e.StartsAt) is not { } last)
                return (ExploreStage.Starting, "Try a few events of different kinds and sizes this quarter, big and small, to see where you meet people you stay in touch with.");
            var lasting = events.Sum(e => e.Yield.Lasting);
            var window = s.RecentWindowDays == 365 ? "over a year" : $"more than {s.RecentWindowDays} days";
            var gave = lasting > 0 ? $"; your events gave you {lasting} lasting {(lasting == 1 ? "relationship" : "relationships")}, so going again pays" : "";
            return (ExploreStage.Returning, $"It has been {window} since your last event ({last.Name}, {last.StartsAt:yyyy-MM-dd}){gave}. " +
                "Go back to what worked, or try a few events of different kinds and sizes this quarter.");
        }
        if (regular.Length > 0 && tried <= s.ExploringCommunityCount * 3)
        {
            var names = string.Join(", ", regular.Take(3).Select(c => c.Name));
            return (ExploreStage.Consistent, $"You attend {names} regularly; consistency is where acquaintances turn into allies. Keep it up and drop what does not return.");
        }
        var best = communities.Where(c => c.Yield.Lasting > 0).OrderByDescending(c => c.Yield.Lasting).Take(2).Select(c => c.Name).ToArray();
        var pick = best.Length > 0 ? $" {string.Join(" and ", best)} gave you the most lasting relationships." : "";
        return (ExploreStage.Exploring, $"You went to {tried} events this year without a regular community.{pick} Now pick one or two and go every time.");
    }

    private static Yield YieldOf(List<MetContact>? met, DateTime now, TimeSpan lastingAfter)
    {
        if (met is null) return default;
        var people = met.GroupBy(m => m.ContactId).Select(g => g.OrderBy(m => m.MetAt).First()).ToArray();
        var pending = people.Count(m => now - m.MetAt < lastingAfter);
        var lasting = people.Count(m => now - m.MetAt >= lastingAfter && m.LastInteraction is { } last && last >= m.MetAt + lastingAfter && !m.BandNow.IsDormant());
        return new Yield(people.Length, lasting, pending);
    }

    private static decimal? PerLasting(decimal cost, Yield y) => y.Lasting > 0 ? Math.Round(cost / y.Lasting, 2) : null;

    private static double? HoursPerLasting(int minutes, Yield y) => y.Lasting > 0 ? minutes / 60.0 / y.Lasting : null;

    private static string Times(int n) => n switch
    {
        1 => "once",
        2 => "twice",
        _ => $"{n} times",
    };

    private static string Visits(int n) => n == 1 ? "1 visit" : $"{n} visits";

    private static string People(int n, bool capital = false) => n switch
    {
        0 => capital ? "Nobody" : "nobody",
        1 => "1 person",
        _ => $"{n} people",
    };

    private static void Add(Dictionary<long, List<MetContact>> map, long key, MetContact m)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(m);
    }
}
