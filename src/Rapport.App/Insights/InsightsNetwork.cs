using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Rapport.App.Common;
using Rapport.Data.Storage;
using Rapport.App.Nurture;
using Rapport.Data;
using Rapport.Domain.Contacts;
using Rapport.Domain.Events;
using Rapport.Domain.Exchanges;
using Rapport.Domain.Insights;
using Rapport.Domain.Insights.Links;
using Rapport.Domain.Insights.Paths;
using Rapport.Domain.Nurture;
using Rapport.Domain.Nurture.Goals;
using Rapport.Domain.Organizations;

namespace Rapport.App.Insights;

/// <summary>One contact with everything the insight engines read: profile, tie strength now and a year ago, tier and ledger.</summary>
public sealed class NetworkContact
{
    public long Id { get; init; }
    public required string Name { get; init; }
    public string? Company { get; init; }
    public string? Title { get; init; }
    public string? Industry { get; init; }
    public string? Function { get; init; }
    public Seniority Seniority { get; init; }
    public Seniority SeniorityAtLastContact { get; init; }
    public string? City { get; init; }
    public string? Country { get; init; }
    public IReadOnlyList<string> Categories { get; set; } = [];
    public int Trust { get; init; }
    public double? Closeness { get; init; }
    public Tier? TierPin { get; init; }
    public DateOnly? KnownSince { get; init; }
    public long? MetAtEventId { get; init; }
    public long? MetAtOrganizationId { get; init; }
    /// <summary>The contact who introduced you to this one (a link between the two, as a logged introduction is).</summary>
    public long? IntroducedById { get; init; }
    public DateTime CreatedAt { get; init; }

    /// <summary>Mutual contacts as the strength engine counts them: the stored links of this contact.</summary>
    public int Mutuals { get; set; }
    public TieMeasure Measure { get; set; }
    public TieBand Band { get; set; }
    public TieBand? BandYearAgo { get; set; }
    public Tier Tier { get; set; }
    public DateTime? FirstTouch { get; set; }
    public DateTime? LastTouch { get; set; }
    public int Gives { get; set; }
    public int Asks { get; set; }

    public double Strength => Measure.Strength;
}

/// <summary>
/// A link between two contacts as the insights show it: entered, from a logged introduction, or inferred (and then marked,
/// with the evidence behind it when Rapport inferred it itself rather than an import). The network keeps its links in
/// <see cref="NetworkLinks"/> and makes one of these only for a link shown.
/// </summary>
public sealed record NetworkLink(long A, long B, double? Strength, LinkKind Kind, bool Inferred, InferredLink? Evidence = null)
{
    /// <summary>Why the link is there, for links Rapport did not take from you; null for links you entered.</summary>
    public string? Reason => Evidence?.Reason ?? (Inferred ? "Inferred on import." : Kind == LinkKind.Introduced ? "A logged introduction." : null);
}

/// <summary>Where a load's inputs came from: kept as they were, kept and patched from the rows written since, or read from the tables.</summary>
public enum InputsSource { Kept, Patched, Tables }

/// <summary>Someone a contact probably knows: who, how strong Rapport takes the link to be, and why it thinks so.</summary>
public sealed record ProbableAcquaintance(long Id, string Name, double Strength, string Reason);

/// <summary>The first of those a contact probably knows (<see cref="InsightsNetwork.ProbablyKnowsOf"/>), and how many there are in all.</summary>
public sealed record ProbablyKnows(IReadOnlyList<ProbableAcquaintance> People, int Total);

/// <summary>An organization as the insights read it (communities and their rhythm, names on paths).</summary>
public sealed record InsightsOrganization(long Id, string Name, OrganizationKind Kind, int? MeetingCadenceDays);

/// <summary>An event as the returns read it: when, how big, what it cost, who organized it, whether you went.</summary>
public sealed record InsightsEvent(long Id, string Name, DateTime StartsAt, int? Size, decimal? Cost, int? MinutesSpent, long? OrganizerId, bool Attending);

/// <summary>
/// The account's network loaded once into plain arrays for the insight engines: contacts with their measures,
/// links (entered, introduced and inferred), organizations, memberships, events, attendances and goals.
/// </summary>
public sealed class InsightsNetwork
{
    public required DateTime Now { get; init; }
    public required NurtureSettings Nurture { get; init; }
    public required InsightSettings Settings { get; init; }
    public required IReadOnlyList<NetworkContact> Contacts { get; init; }
    public required IReadOnlyDictionary<long, NetworkContact> ById { get; init; }
    /// <summary>Every link once, ordered by pair (A, then B, with A &lt; B).</summary>
    public required NetworkLinks Links { get; init; }
    public required IReadOnlyList<InsightsOrganization> Organizations { get; init; }
    public required IReadOnlyList<MembershipSpan> Memberships { get; init; }
    public required IReadOnlyList<InsightsEvent> Events { get; init; }
    public required IReadOnlyList<EventAttendance> Attendances { get; init; }
    public required IReadOnlyList<(long EventId, long ContactId)> MetAtEvents { get; init; }
    public required IReadOnlyList<GoalProfile> Goals { get; init; }

    private IReadOnlyList<IntroContact>? _introContacts;
    private IntroGraph? _pathGraph;

    /// <summary>Your contacts as the path graph takes them: your strength to each, their trust, company and title.</summary>
    public IReadOnlyList<IntroContact> IntroContacts => LazyInitializer.EnsureInitialized(ref _introContacts,
        () => Contacts.Select(c => new IntroContact(c.Id, c.Name, c.Strength, c.Trust, c.Company, c.Title, KnowsDirectly(c))).ToArray());

    /// <summary>
    /// Whether you know a contact yourself, as paths read it: you have been in touch at least once. A contact only imported
    /// or saved as someone to meet can be introduced to you; one you know is someone you would ask yourself.
    /// </summary>
    public static bool KnowsDirectly(NetworkContact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return contact.LastTouch is not null;
    }

    /// <summary>
    /// How the first message to a contact on a path may open (SCIENCE.md G): no ask as the first touch after a lapse ≥ 2
    /// or once the tie has gone dormant, nor before any touch; with the days since you were last in touch, and the tier's
    /// cadence when the lapse past it (not dormancy) is why to reconnect first.
    /// </summary>
    public IntroOpener OpeningFor(long contactId)
    {
        if (!ById.TryGetValue(contactId, out var c) || c.LastTouch is not { } last) return new IntroOpener(IntroOpening.FirstContact);
        var days = Math.Max(0, (Now - last).TotalDays);
        if (GiveAskLedger.AskLapse(last, c.Tier, Now, Nurture) is not { } lapse || lapse < Nurture.NoAskLapse)
            return new IntroOpener(IntroOpening.Ask, (int)days);
        int? cadence = days >= Nurture.DormantDays ? null : Nurture.CadenceDays(c.Tier) ?? Nurture.NetworkCadenceDays;
        return new IntroOpener(IntroOpening.ReconnectFirst, (int)days, cadence);
    }

    /// <summary>
    /// The path graph over these contacts and links, built at the first search and kept with the network: the Person page
    /// and every path search after it reuse it instead of building it again from every link.
    /// </summary>
    public IntroGraph PathGraph => LazyInitializer.EnsureInitialized(ref _pathGraph, BuildPathGraph);

    // Straight from the link array (contacts are ordered by id, so a link's positions are the graph's indices), with the
    // weights IntroGraph.Build gives the same contacts and links, without a list entry per link in between.
    private IntroGraph BuildPathGraph()
    {
        var n = Contacts.Count;
        var ids = new long[n];
        var names = new string[n];
        var ego = new float[n];
        var trust = new byte[n];
        var known = new bool[n];
        for (var i = 0; i < n; i++)
        {
            var c = Contacts[i];
            ids[i] = c.Id;
            names[i] = c.Name;
            ego[i] = IntroGraph.EgoWeight(c.Strength);
            trust[i] = IntroGraph.TrustLevel(c.Trust);
            known[i] = KnowsDirectly(c);
        }
        var a = new int[Links.Count];
        var b = new int[Links.Count];
        var strengths = new float[Links.Count];
        for (var k = 0; k < Links.Count; k++)
        {
            a[k] = Links.IndexA(k);
            b[k] = Links.IndexB(k);
            strengths[k] = IntroGraph.LinkWeight(Links.Strength(k));
        }
        return IntroGraph.FromArrays(ids, ego, a, b, strengths, trust, names, Settings, known);
    }

    /// <summary>
    /// Whom a contact probably knows, as Rapport inferred it from shared organizations, events and meetings (never told:
    /// those are the contact's links), strongest first, then by name: the first <paramref name="take"/>, and how many in all.
    /// </summary>
    public ProbablyKnows ProbablyKnowsOf(long contactId, int take)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(take);
        var i = Links.IndexOf(contactId);
        if (i < 0) return new ProbablyKnows([], 0);
        var found = new List<(InferredLink Evidence, NetworkContact Other)>();
        for (var k = 0; k < Links.Count; k++)
        {
            if ((Links.IndexA(k) != i && Links.IndexB(k) != i) || !Links.FromOccasions(k)) continue;
            var link = Links[k];
            found.Add((link.Evidence!.Value, Contacts[Links.IndexA(k) == i ? Links.IndexB(k) : Links.IndexA(k)]));
        }
        var shown = found.OrderByDescending(f => f.Evidence.Strength).ThenBy(f => f.Other.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(f => f.Other.Id)
            .Take(take).ToArray();
        if (shown.Length == 0) return new ProbablyKnows([], found.Count);

        // Where each shown pair overlapped and which events both attended, by the rules that inferred the link.
        var others = shown.Select(f => f.Other.Id).ToHashSet();
        var places = new Dictionary<long, List<string>>();
        var mine = Memberships.Where(m => m.ContactId == contactId).Select(m => m.OrganizationId).ToHashSet();
        var orgNames = Organizations.Where(o => mine.Contains(o.Id)).ToDictionary(o => o.Id, o => o.Name);
        foreach (var org in Memberships.Where(m => mine.Contains(m.OrganizationId)).GroupBy(m => m.OrganizationId))
        {
            if (!orgNames.TryGetValue(org.Key, out var name)) continue;
            foreach (var pair in LinkInference.Colleagues(org.ToArray(), Settings))
                NoteTogether(pair, name, places);
        }
        var went = new Dictionary<long, List<string>>();
        var attended = Attendances.Where(a => a.ContactId == contactId).Select(a => a.EventId).ToHashSet();
        var eventNames = Events.Where(e => attended.Contains(e.Id)).ToDictionary(e => e.Id, e => e.Name);
        foreach (var ev in Attendances.Where(a => attended.Contains(a.EventId)).GroupBy(a => a.EventId))
        {
            if (!eventNames.TryGetValue(ev.Key, out var name)) continue;
            foreach (var pair in LinkInference.Attendees(ev.Select(a => a.ContactId), Settings))
                NoteTogether(pair, name, went);
        }
        var people = shown.Select(f =>
        {
            var at = places.GetValueOrDefault(f.Other.Id) ?? [];
            var to = went.GetValueOrDefault(f.Other.Id) ?? [];
            // Named only where the names account for every occasion counted; else the counts say it.
            var reason = at.Count == f.Evidence.Colleague && to.Count == f.Evidence.Events ? LinkInference.Reason(at, f.Evidence.Meetings, to) : f.Evidence.Reason;
            return new ProbableAcquaintance(f.Other.Id, f.Other.Name, Math.Round(f.Evidence.Strength, 2), reason);
        }).ToArray();
        return new ProbablyKnows(people, found.Count);

        void NoteTogether(ContactPair pair, string name, Dictionary<long, List<string>> into)
        {
            var other = pair.A == contactId ? pair.B : pair.B == contactId ? pair.A : 0;
            if (other == 0 || !others.Contains(other)) return;
            if (!into.TryGetValue(other, out var list)) into[other] = list = [];
            list.Add(name);
        }
    }

    /// <summary>Maps the nurture engine's label onto the insight engines' band.</summary>
    public static TieBand BandOf(TieLabel label) => label switch
    {
        TieLabel.Strong => TieBand.Strong,
        TieLabel.Medium => TieBand.Medium,
        TieLabel.Weak => TieBand.Weak,
        TieLabel.Dormant => TieBand.Dormant,
        _ => TieBand.LongDormant,
    };

    /// <summary>Whether this network was completed from the inputs a previous command kept, rather than from the tables.</summary>
    public bool FromKeptInputs { get; init; }

    /// <summary>
    /// How many notes of rows written since the inputs were kept this network was brought up to date from (0 when read from
    /// the tables): a row is noted by what it belongs to, once each, and a link or an introduction by each of its contacts.
    /// </summary>
    public int PatchedWrites { get; init; }

    private KeepAgain? _again;

    /// <summary>Whether this load, once it patched the inputs kept, kept them again in place of those it read.</summary>
    public bool KeptAgain => _again?.Stored == true;

    /// <summary>
    /// How many rows written since the inputs were kept make a load that patched them keep them again (a few tens of
    /// milliseconds for 20,000 contacts, once in so many writes), so that the rows noted never reach the limit past which
    /// every table is read again.
    /// </summary>
    public const int KeepAgainFrom = 250;

    /// <summary>Loads the current account's network as of <paramref name="now"/>, with links inferred from shared organizations, events and meetings.</summary>
    /// <remarks>
    /// <para>What does not depend on the day (see <see cref="NetworkInputs"/>) is read from the inputs kept by an earlier
    /// load, brought up to date from the rows written since (<see cref="InputsPatch"/>, on SQLite and PostgreSQL alike), and
    /// kept again once brought up to date from <paramref name="keepAgainFrom"/> rows or more;
    /// else (other settings the stored aggregates are built with, a write the patch does not take, too many writes) from the tables, and then kept for the next load unless
    /// <paramref name="keepInputs"/> is false (the web app keeps its networks in memory and does not write on a read).</para>
    /// <para>From the tables: one set query per table and nothing per contact: the contacts and their stored aggregates
    /// (rebuilt where missing or stale), the links read once for both the mutual counts and the graph, and the
    /// interaction history (the participants of small meetings for inferred links, each contact's touches for the band a
    /// year ago) read beside on a second connection.</para>
    /// </remarks>
    public static async Task<InsightsNetwork> LoadAsync(
        RapportDbContext db, DateTime now, CancellationToken ct, InsightSettings? insightSettings = null, bool keepInputs = true, int keepAgainFrom = KeepAgainFrom)
    {
        ArgumentNullException.ThrowIfNull(db);
        var settings = insightSettings ?? InsightSettings.Default;
        var nurture = await NurtureSettingsStore.LoadAsync(db, ct);
        var (inputs, source, patched, again) = await InputsAsync(db, now, settings, nurture, keepInputs, keepAgainFrom, ct);
        var network = await CompleteAsync(db, inputs, now, settings, nurture, fromKept: source != InputsSource.Tables, patched, ct);
        network._again = again;
        return network;
    }

    /// <summary>
    /// Makes sure the inputs a load starts from are kept and up to date, after a write that would otherwise leave the next
    /// load to read every table: a change to a setting the stored aggregates are built with, an import, the demo network
    /// written. Where the inputs kept still hold, they are only patched (and kept again from <see cref="KeepAgainFrom"/> rows
    /// written); else the aggregates are brought up to date and the tables read and kept, which is the cost this moves
    /// from the next insights, plan or Person page onto the write. Returns where the inputs came from; null inside a
    /// transaction, where nothing is kept (its writes are not committed yet).
    /// </summary>
    public static async Task<InputsSource?> PrepareInputsAsync(RapportDbContext db, DateTime now, CancellationToken ct, InsightSettings? insightSettings = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is not null) return null;
        var nurture = await NurtureSettingsStore.LoadAsync(db, ct);
        // Kept again from any row patched: nothing is left for the next load to patch.
        return (await InputsAsync(db, now, insightSettings ?? InsightSettings.Default, nurture, keepInputs: true, keepAgainFrom: 1, ct)).Source;
    }

    // The inputs, from those kept (patched, and kept again once due) or from the tables (then kept, with keepInputs).
    private static async Task<(NetworkInputs Inputs, InputsSource Source, int Patched, KeepAgain? Again)> InputsAsync(
        RapportDbContext db, DateTime now, InsightSettings settings, NurtureSettings nurture, bool keepInputs, int keepAgainFrom, CancellationToken ct)
    {
        var key = NetworkInputs.KeyFor(settings, nurture);
        var patched = 0;
        var again = keepInputs ? new KeepAgain(keepAgainFrom, now) : null;
        var kept = await StoredInputs.ReadAsync(db, key, async value =>
        {
            if (NetworkInputs.FromBytes(value.Data, db.AccountId) is not { } inputs) return null;
            if (value.Writes.Count > 0 && !await InputsPatch.TryApplyAsync(db, inputs, value.Writes, settings, nurture, ct)) return null;
            patched = value.Writes.Count;
            return inputs;
        }, ct, again);
        if (kept is not null)
        {
            // Brought up to date from many rows: kept again, before the network is completed as of the day.
            if (again is { Due: true }) await StoredInputs.KeepAgainAsync(db, key, again, kept.ToBytes(), ct);
            return (kept, patched == 0 ? InputsSource.Kept : InputsSource.Patched, patched, again);
        }

        // The aggregates are brought up to date first (after a settings change, all of them): that is a write, which would
        // stop the reads below being kept. Then the mark, so that a write committed during those reads stops them being kept.
        if (keepInputs && db.Database.CurrentTransaction is null) await NetworkLoader.RefreshStaleStatsAsync(db, nurture, ct);
        var token = keepInputs ? await StoredInputs.BeginAsync(db, ct) : null;
        var read = await ReadInputsAsync(db, settings, nurture, ct);
        if (token is not null) await StoredInputs.SaveAsync(db, token, key, read.ToBytes(), now, ct);
        return (read, InputsSource.Tables, 0, null);
    }

    private static async Task<NetworkInputs> ReadInputsAsync(RapportDbContext db, InsightSettings settings, NurtureSettings nurture, CancellationToken ct)
    {
        // The interaction history, the longest read, is read on a second connection while this one reads the rest.
        await using var beside = db.OpenBeside();
        var history = new HistoryRead { Beside = beside is null ? null : Task.Run(() => HistoryScan.ReadAsync(beside, ct), ct) };
        try
        {
            return await ReadInputsAsync(db, settings, nurture, history, ct);
        }
        finally
        {
            // Never leave the read running on a connection about to close, whatever happened here.
            if (history.Beside is { } running) await ((Task)running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>The history read beside the load, let go once used (its task would otherwise keep it to the end of the load).</summary>
    private sealed class HistoryRead
    {
        public Task<HistoryScan>? Beside { get; set; }

        public async Task<HistoryScan> TakeAsync(RapportDbContext db, CancellationToken ct)
        {
            if (Beside is null) return await HistoryScan.ReadAsync(db, ct);
            var scan = await Beside;
            Beside = null;
            return scan;
        }
    }

    private static async Task<NetworkInputs> ReadInputsAsync(RapportDbContext db, InsightSettings settings, NurtureSettings nurture, HistoryRead history, CancellationToken ct)
    {
        var stats = await NetworkLoader.LoadStoredStatsAsync(db, nurture, ct);

        // The contacts are kept with the report until the next write: one instance per distinct company, title, city...
        var contacts = await ReadContactsAsync(db, new StringPool(), null, ct);
        var (stored, intros) = await ReadToldAsync(db, null, ct);
        var byId = contacts.ToDictionary(c => c.Id);
        var mutuals = NetworkLoader.Mutuals(stored.Select(l => (l.A, l.B)), byId.Keys.ToHashSet());
        foreach (var c in contacts) c.Mutuals = mutuals.GetValueOrDefault(c.Id);
        var links = ToldLinks(stored, intros, byId, null);

        // Inferred links: the same organization at the same time, the same events, the same meetings.
        var organizations = await ReadOrganizationsAsync(db, ct);
        var memberships = await ReadMembershipsAsync(db, byId, ct);
        var events = await ReadEventsAsync(db, ct);
        var (attendances, metAtEvents) = await ReadAttendancesAsync(db, events, contacts, byId, ct);

        var ledger = await ReadLedgerAsync(db, byId, ct);

        var scan = await history.TakeAsync(db, ct);
        var meetings = Meetings(scan, settings.MaxParticipantsForMeetingLinks, byId);
        var ids = contacts.Select(c => c.Id).ToArray();
        var touches = ContactTouches.From(scan, ids.Length, id => Array.BinarySearch(ids, id) is var i and >= 0 ? i : -1);
        var inferred = LinkInference.Infer(memberships, attendances, meetings, links.Keys.ToHashSet(), settings);
        return new NetworkInputs
        {
            Contacts = contacts, ById = byId, Links = NetworkLinks.Create(ids, links.Values, inferred), Organizations = organizations, Memberships = memberships,
            Events = events, Attendances = attendances, MetAtEvents = metAtEvents, Stats = stats, Touches = touches, Ledger = ledger,
            LastInteractionId = scan.LastInteractionId, LastContactId = await LastContactIdAsync(db, ct),
        };
    }

    /// <summary>
    /// The links stored and the introductions logged, in the order they were recorded, then each contact's "introduced by"
    /// as an introduction of that contact to you (<paramref name="contacts"/>: only those naming one of them at least).
    /// </summary>
    internal static async Task<(List<StoredLink> Stored, List<LoggedIntroduction> Introductions)> ReadToldAsync(
        RapportDbContext db, IReadOnlyCollection<long>? contacts, CancellationToken ct)
    {
        var stored = new List<StoredLink>();
        await AccountRows.ScanAsync(db, $"""
            SELECT "ContactAId", "ContactBId", "Strength", "Kind", "Inferred" FROM "ContactLinks"
            WHERE "AccountId" = @account {AccountRows.AnyOf(["ContactAId", "ContactBId"], contacts)} ORDER BY "Id"
            """, r => stored.Add(new StoredLink(r.GetInt64(0), r.GetInt64(1), r.GetDoubleOrNull(2), r.GetEnum<LinkKind>(3), r.GetBoolean(4))), ct);
        var intros = new List<LoggedIntroduction>();
        await AccountRows.ScanAsync(db, $"""
            SELECT "IntroducerId", "PersonAId", "PersonBId" FROM "Introductions"
            WHERE "AccountId" = @account {AccountRows.AnyOf(["IntroducerId", "PersonAId", "PersonBId"], contacts)} ORDER BY "Id"
            """, r => intros.Add(new LoggedIntroduction(r.GetInt64OrNull(0), r.GetInt64OrNull(1), r.GetInt64OrNull(2))), ct);
        await AccountRows.ScanAsync(db, $"""
            SELECT "IntroducedById", "Id" FROM "Contacts"
            WHERE "AccountId" = @account AND "IntroducedById" IS NOT NULL {AccountRows.AnyOf(["IntroducedById", "Id"], contacts)} ORDER BY "Id"
            """, r => intros.Add(new LoggedIntroduction(r.GetInt64(0), r.GetInt64(1), null)), ct);
        return (stored, intros);
    }

    /// <summary>
    /// The links you told among the contacts in <paramref name="byId"/>, one per pair: the strongest stored (the first of
    /// equals), else one from a logged introduction, where the introducer knows both people and the two now know each other
    /// (<paramref name="only"/>: just the pairs it accepts).
    /// </summary>
    internal static Dictionary<ContactPair, NetworkLink> ToldLinks(
        IReadOnlyCollection<StoredLink> stored, IEnumerable<LoggedIntroduction> intros, IReadOnlyDictionary<long, NetworkContact> byId, Func<ContactPair, bool>? only)
    {
        var links = new Dictionary<ContactPair, NetworkLink>(only is null ? stored.Count : 0);
        foreach (var l in stored)
        {
            if (l.A == l.B || !byId.ContainsKey(l.A) || !byId.ContainsKey(l.B)) continue;
            var pair = new ContactPair(l.A, l.B);
            if (only is not null && !only(pair)) continue;
            if (links.TryGetValue(pair, out var old) && (old.Strength ?? 0) >= (l.Strength ?? 0)) continue;
            links[pair] = new NetworkLink(pair.A, pair.B, l.Strength, l.Kind, l.Inferred);
        }
        foreach (var i in intros)
        {
            var people = new[] { i.IntroducerId, i.PersonAId, i.PersonBId }.Where(x => x is { } id && byId.ContainsKey(id)).Select(x => x!.Value).Distinct().ToArray();
            foreach (var pair in ContactPair.Among(people))
            {
                if ((only is null || only(pair)) && !links.ContainsKey(pair)) links[pair] = new NetworkLink(pair.A, pair.B, null, LinkKind.Introduced, false);
            }
        }
        return links;
    }

    /// <summary>
    /// The contacts not in the trash, by id, with their categories (<paramref name="ids"/>: only those; texts read in place
    /// on SQLite, without a string for one already in <paramref name="pool"/>).
    /// </summary>
    internal static async Task<List<NetworkContact>> ReadContactsAsync(RapportDbContext db, StringPool pool, IReadOnlyCollection<long>? ids, CancellationToken ct)
    {
        var categories = new Dictionary<long, List<string>>();
        await AccountRows.ScanAsync(db, $"""SELECT "ContactId", "Category" FROM "ContactCategories" WHERE "AccountId" = @account {AccountRows.OnlyOf("ContactId", ids)} ORDER BY "ContactId", "Id" """, r =>
        {
            var id = r.GetInt64(0);
            if (!categories.TryGetValue(id, out var list)) categories[id] = list = [];
            list.Add(r.GetString(1, pool)!);
        }, ct);
        var contacts = new List<NetworkContact>();
        await AccountRows.ScanAsync(db, $"""
            SELECT "Id", "DisplayName", "Title", "Function", "Industry", "Company", "City", "Country", "Seniority", "Trust", "TierPin",
                   "Closeness", "KnownSince", "SeniorityAtLastContact", "MetAtEventId", "MetAtOrganizationId", "CreatedAt", "IntroducedById"
            FROM "Contacts" WHERE "AccountId" = @account AND "DeletedAt" IS NULL {AccountRows.OnlyOf("Id", ids)} ORDER BY "Id"
            """, r =>
            {
                var id = r.GetInt64(0);
                contacts.Add(new NetworkContact
                {
                    Id = id, Name = r.GetString(1), Title = r.GetString(2, pool), Function = r.GetString(3, pool), Industry = r.GetString(4, pool),
                    Company = r.GetString(5, pool), City = r.GetString(6, pool), Country = r.GetString(7, pool), Seniority = r.GetEnum<Seniority>(8),
                    Trust = (int)r.GetInt64(9), TierPin = r.IsNull(10) ? null : r.GetEnum<Tier>(10), Closeness = r.GetDoubleOrNull(11),
                    KnownSince = r.GetDateOnlyOrNull(12), SeniorityAtLastContact = r.GetEnum<Seniority>(13), MetAtEventId = r.GetInt64OrNull(14),
                    MetAtOrganizationId = r.GetInt64OrNull(15), CreatedAt = r.GetUtcTime(16), IntroducedById = r.GetInt64OrNull(17),
                    Categories = categories.TryGetValue(id, out var list) ? list : [],
                });
            }, ct);
        return contacts;
    }

    private static async Task<long> LastContactIdAsync(RapportDbContext db, CancellationToken ct)
    {
        long last = 0;
        await AccountRows.ScanAsync(db, """SELECT max("Id") FROM "Contacts" WHERE "AccountId" = @account""", r => last = r.GetInt64OrNull(0) ?? 0, ct);
        return last;
    }

    /// <summary>The organizations not in the trash, by id.</summary>
    internal static async Task<List<InsightsOrganization>> ReadOrganizationsAsync(RapportDbContext db, CancellationToken ct)
    {
        var organizations = new List<InsightsOrganization>();
        await AccountRows.ScanAsync(db, """
            SELECT "Id", "Name", "Kind", "MeetingCadenceDays" FROM "Organizations" WHERE "AccountId" = @account AND "DeletedAt" IS NULL ORDER BY "Id"
            """, r => organizations.Add(new InsightsOrganization(r.GetInt64(0), r.GetString(1), r.GetEnum<OrganizationKind>(2), r.IsNull(3) ? null : (int)r.GetInt64(3))), ct);
        return organizations;
    }

    /// <summary>The memberships of the contacts in <paramref name="byId"/>, in the order they were recorded.</summary>
    internal static async Task<List<MembershipSpan>> ReadMembershipsAsync(RapportDbContext db, IReadOnlyDictionary<long, NetworkContact> byId, CancellationToken ct)
    {
        var memberships = new List<MembershipSpan>();
        await AccountRows.ScanAsync(db, """
            SELECT "ContactId", "OrganizationId", "StartedOn", "EndedOn" FROM "Memberships" WHERE "AccountId" = @account AND "ContactId" IS NOT NULL ORDER BY "Id"
            """, r =>
            {
                var contactId = r.GetInt64(0);
                if (byId.ContainsKey(contactId)) memberships.Add(new MembershipSpan(contactId, r.GetInt64(1), r.GetDateOnlyOrNull(2), r.GetDateOnlyOrNull(3)));
            }, ct);
        return memberships;
    }

    /// <summary>The events not in the trash, by start.</summary>
    internal static async Task<List<InsightsEvent>> ReadEventsAsync(RapportDbContext db, CancellationToken ct)
    {
        var events = new List<InsightsEvent>();
        await AccountRows.ScanAsync(db, """
            SELECT "Id", "Name", "StartsAt", "Size", "Cost", "MinutesSpent", "OrganizerId", "Attending"
            FROM "Events" WHERE "AccountId" = @account AND "DeletedAt" IS NULL ORDER BY "StartsAt", "Id"
            """, r => events.Add(new InsightsEvent(r.GetInt64(0), r.GetString(1), r.GetUtcTime(2), r.IsNull(3) ? null : (int)r.GetInt64(3), r.GetDecimalOrNull(4),
                r.IsNull(5) ? null : (int)r.GetInt64(5), r.GetInt64OrNull(6), r.GetBoolean(7))), ct);
        return events;
    }

    /// <summary>
    /// Who attended which of <paramref name="events"/> among the contacts in <paramref name="byId"/>, in the order recorded;
    /// and who you met at which: those marked met there, then those whose contact says so (<paramref name="contacts"/>).
    /// </summary>
    internal static async Task<(EventAttendance[] Attendances, List<(long EventId, long ContactId)> MetAtEvents)> ReadAttendancesAsync(
        RapportDbContext db, IReadOnlyList<InsightsEvent> events, IReadOnlyList<NetworkContact> contacts, IReadOnlyDictionary<long, NetworkContact> byId, CancellationToken ct)
    {
        var rows = new List<(long EventId, long ContactId, bool Met)>();
        await AccountRows.ScanAsync(db, """SELECT "EventId", "ContactId", "Met" FROM "Attendances" WHERE "AccountId" = @account ORDER BY "Id" """,
            r => rows.Add((r.GetInt64(0), r.GetInt64(1), r.GetBoolean(2))), ct);
        var eventIds = events.Select(e => e.Id).ToHashSet();
        var attendances = rows.Where(a => byId.ContainsKey(a.ContactId) && eventIds.Contains(a.EventId))
            .Select(a => new EventAttendance(a.EventId, a.ContactId)).ToArray();
        var metAtEvents = rows.Where(a => a.Met && byId.ContainsKey(a.ContactId) && eventIds.Contains(a.EventId))
            .Select(a => (a.EventId, a.ContactId)).ToList();
        var metSeen = metAtEvents.ToHashSet();
        foreach (var c in contacts)
        {
            if (c.MetAtEventId is { } e && eventIds.Contains(e) && metSeen.Add((e, c.Id))) metAtEvents.Add((e, c.Id));
        }
        return (attendances, metAtEvents);
    }

    /// <summary>The ledger entries that count (<see cref="GiveAskLedger.Counts"/>) of the contacts in <paramref name="byId"/>; the window is the day's.</summary>
    internal static async Task<CountedExchange[]> ReadLedgerAsync(RapportDbContext db, IReadOnlyDictionary<long, NetworkContact> byId, CancellationToken ct)
    {
        var ledger = new List<CountedExchange>();
        await AccountRows.ScanAsync(db, """SELECT "ContactId", "Direction", "Kind", "Status", "OccurredOn" FROM "Exchanges" WHERE "AccountId" = @account ORDER BY "Id" """, r =>
        {
            var e = new LedgerEntry(r.GetInt64(0), r.GetEnum<ExchangeDirection>(1), r.GetEnum<ExchangeKind>(2), r.GetEnum<ExchangeStatus>(3), r.GetDateOnlyOrNull(4)!.Value, null);
            if (byId.ContainsKey(e.ContactId) && GiveAskLedger.Counts(e)) ledger.Add(new CountedExchange(e.ContactId, e.On.DayNumber, e.Direction == ExchangeDirection.Ask));
        }, ct);
        return [.. ledger];
    }

    /// <summary>
    /// The network as of <paramref name="now"/> from its inputs: aggregates recomputed for contacts with touches after it,
    /// strength now and a year ago, the ledger in its window, tiers, and the active goals.
    /// </summary>
    private static async Task<InsightsNetwork> CompleteAsync(
        RapportDbContext db, NetworkInputs inputs, DateTime now, InsightSettings settings, NurtureSettings nurture, bool fromKept, int patched, CancellationToken ct)
    {
        var contacts = inputs.Contacts;
        var today = DateOnly.FromDateTime(now);
        var stats = inputs.Stats;
        var future = stats.Values.Where(s => s.HasTouchesAfter(now)).Select(s => s.ContactId).ToHashSet();
        if (future.Count > 0)
        {
            stats = new Dictionary<long, ContactStats>(stats);
            for (var i = 0; i < contacts.Count; i++)
            {
                if (future.Contains(contacts[i].Id)) stats[contacts[i].Id] = ContactStats.FromHistory(contacts[i].Id, inputs.Touches.Of(i), nurture, now);
            }
        }

        foreach (var e in inputs.Ledger)
        {
            var on = DateOnly.FromDayNumber(e.Day);
            if (!GiveAskLedger.InWindow(on, today, nurture) || !inputs.ById.TryGetValue(e.ContactId, out var c)) continue;
            if (e.IsAsk) c.Asks++;
            else c.Gives++;
        }

        // Strength now from the aggregates, and a year ago from the touches before then: each contact on its own, so the
        // contacts are shared out over the cores.
        var yearAgo = now.AddDays(-settings.RecentWindowDays);
        if (contacts.Count > 0) Parallel.ForEach(Partitioner.Create(0, contacts.Count, Math.Max(256, contacts.Count / (4 * Environment.ProcessorCount))), range =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
            {
                var c = contacts[i];
                var st = stats.GetValueOrDefault(c.Id) ?? ContactStats.Empty(c.Id, nurture);
                c.Measure = st.Measure(now, nurture, c.Mutuals, c.Closeness, c.KnownSince);
                c.Band = BandOf(c.Measure.Label);
                c.FirstTouch = st.FirstTouchAt;
                c.LastTouch = st.LastTouchAt;
                if (st.FirstTouchAt is not { } first || first > yearAgo) continue;
                // Touches on both sides of the mark: the aggregates then, from the touches up to it.
                var then = st.LastTouchAt <= yearAgo ? st : ContactStats.FromHistory(c.Id, inputs.Touches.Of(i), nurture, yearAgo);
                if (then.FirstTouchAt is null) continue;
                c.BandYearAgo = BandOf(then.Measure(yearAgo, nurture, c.Mutuals, c.Closeness, c.KnownSince).Label);
            }
        });

        var candidates = contacts.Select(c => new TierCandidate(c.Id, c.Strength, c.TierPin, c.LastTouch is not null)).ToArray();
        var tiers = Tiers.Assign(candidates, nurture);
        for (var i = 0; i < contacts.Count; i++) contacts[i].Tier = tiers[i];

        return new InsightsNetwork
        {
            Now = now,
            Nurture = nurture,
            Settings = settings,
            Contacts = contacts,
            ById = inputs.ById,
            Links = inputs.Links,
            Organizations = inputs.Organizations,
            Memberships = inputs.Memberships,
            Events = inputs.Events,
            Attendances = inputs.Attendances,
            MetAtEvents = inputs.MetAtEvents,
            Goals = await NetworkLoader.ActiveGoalsAsync(db, ct),
            FromKeptInputs = fromKept, PatchedWrites = patched,
        };
    }

    /// <summary>
    /// The contacts of every meeting small enough to suggest its people know each other (2 to <paramref name="crowd"/>
    /// participants, counting everyone in it), leaving out interactions in the trash and contacts not loaded.
    /// </summary>
    private static List<MeetingParticipants> Meetings(HistoryScan history, int crowd, IReadOnlyDictionary<long, NetworkContact> byId)
    {
        var meetings = new List<MeetingParticipants>();
        var start = 0;
        while (start < history.Count)
        {
            var end = start + 1;
            while (end < history.Count && history.InteractionId(end) == history.InteractionId(start)) end++;
            if (history.Live(start) && LinksMeeting(end - start, end - start, crowd))
            {
                var people = new List<long>(end - start);
                for (var k = start; k < end; k++)
                {
                    if (byId.ContainsKey(history.ContactId(k))) people.Add(history.ContactId(k));
                }
                if (LinksMeeting(end - start, people.Count, crowd)) meetings.Add(new MeetingParticipants(default, people));
            }
            start = end;
        }
        return meetings;
    }

    /// <summary>
    /// Whether an interaction with <paramref name="participants"/> participant rows, <paramref name="contacts"/> of them
    /// contacts in the network, is a meeting that links them: two or more, and no more than <paramref name="crowd"/> rows.
    /// </summary>
    internal static bool LinksMeeting(int participants, int contacts, int crowd) => participants >= 2 && participants <= crowd && contacts >= 2;

    /// <summary>The contact's facts for goal relevance.</summary>
    public static ContactFacts FactsOf(NetworkContact c) =>
        new(c.Name, c.Title, c.Function, c.Industry, c.Company, c.City, c.Categories, c.Seniority);

    /// <summary>A link as stored: entered by you, imported, or from a logged introduction.</summary>
    internal readonly record struct StoredLink(long A, long B, double? Strength, LinkKind Kind, bool Inferred);

    /// <summary>A logged introduction: who introduced whom (any of them may be gone).</summary>
    internal readonly record struct LoggedIntroduction(long? IntroducerId, long? PersonAId, long? PersonBId);
}
