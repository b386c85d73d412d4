using System.Globalization;
using Rapport.Domain.Contacts;
using Rapport.Domain.Exchanges;
using Rapport.Domain.Nurture.Goals;

namespace Rapport.Domain.Nurture.Plan;

/// <summary>
/// Builds the plan of SCIENCE.md I: today's items and the next seven days', within the weekly budget.
/// </summary>
/// <remarks>
/// <para>Candidates come from cadences (keep-in-touch), dormant ties (reconnect), life events and important dates
/// (congratulate, birthday), seasonal campaigns, trips (in-town), reminders and promised gives (follow-up), the ledger
/// (give-first), goals (goal), events (event) and introduction requests. An ask (intro-request) is never suggested as the
/// first touch after a lapse ≥ 2, without any touch, or while the ledger says give first.</para>
/// <para>Snoozed items are hidden until their day, then planned from it. A skipped item returns after
/// skip.return-days × skip count days with its priority multiplied by skip.penalty per skip. A done item never returns;
/// a new trigger (a new due date, another year's campaign) makes a new id.</para>
/// <para>Budget rule: the window is today and the six days after it. Each contact keeps one candidate, the most specific
/// trigger (a birthday, a reconnect or an ask rather than a plain keep-in-touch, which it also fulfils) carrying the
/// highest priority of the contact's candidates; the others are named in its reason. So there is at most one item per
/// contact per day, and per week. Candidates are taken by
/// priority per minute, highest first, skipping any that no longer fit, until the touchpoints or the minutes of the week
/// (less what was already done today) run out: the week never exceeds either. The chosen items are then spread over the
/// non-quiet days: dated items (a birthday, a due date, a snooze) go to the open day nearest their date; each day has an
/// even share of the items (earlier days take the remainder) and the flexible ones fill the earliest days with room in
/// order of priority, so today gets its share and it is the most important part. Nothing lands on a quiet day.</para>
/// <para>Cost: one pass over contacts plus sorts, O(n log n); strength comes from <see cref="ContactStats"/> without
/// rescanning history, and reasons and drafts are written only for the chosen items.</para>
/// </remarks>
public static class PlanBuilder
{
    /// <summary>The plan at <paramref name="now"/>.</summary>
    /// <exception cref="InvalidOperationException">A contact's stats include touches after <paramref name="now"/>: rebuild them with <see cref="ContactStats.FromHistory"/> and asOf first.</exception>
    public static NurturePlan Build(PlanInput input, DateTime now, NurtureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(settings);
        return new Run(input, now, settings).Build();
    }

    private struct Candidate
    {
        public int Contact;
        public PlanAction Action;
        public double Priority;
        public int Effort;
        public DateOnly Preferred;
        public DateOnly Earliest;
        public DateOnly Latest;
        public bool Dated;
        public string Trigger;
        public string Id;
        /// <summary>Index of the source row: life event or reminder (≥ 0), important date (−1 − index), promised give (1,000,000 + ledger index).</summary>
        public int Ref;
        public double Value;
        public int Next;
        public int Day;
    }

    private sealed class Run
    {
        private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
        private readonly PlanInput _in;
        private readonly DateTime _now;
        private readonly NurtureSettings _s;
        private readonly DateOnly _today;
        private readonly DateOnly _end;
        private readonly int _n;
        private readonly TieMeasure[] _m;
        private readonly Tier[] _tier;
        private readonly double[] _goalRel;
        private readonly GoalProfile?[] _goal;
        private readonly int[] _gives;
        private readonly int[] _asks;
        private readonly int[] _head;
        private readonly Dictionary<long, int> _index;
        private readonly Dictionary<string, PlanItemState>? _states;
        private readonly List<Candidate> _c = [];
        private readonly List<long> _stale = [];

        public Run(PlanInput input, DateTime now, NurtureSettings s)
        {
            _in = input;
            _now = now.Kind == DateTimeKind.Utc ? now : now.Kind == DateTimeKind.Local ? now.ToUniversalTime() : DateTime.SpecifyKind(now, DateTimeKind.Utc);
            _s = s;
            _today = DateOnly.FromDateTime(_now);
            _end = _today.AddDays(6);
            _n = input.Contacts.Count;
            _m = new TieMeasure[_n];
            _tier = new Tier[_n];
            _goalRel = new double[_n];
            _goal = new GoalProfile?[_n];
            _gives = new int[_n];
            _asks = new int[_n];
            _head = new int[_n];
            Array.Fill(_head, -1);
            _index = new Dictionary<long, int>(_n);
            if (input.ItemStates.Count > 0)
            {
                _states = new Dictionary<string, PlanItemState>(input.ItemStates.Count, StringComparer.Ordinal);
                foreach (var st in input.ItemStates) _states[st.ItemKey] = st;
            }
        }

        public NurturePlan Build()
        {
            MeasureContacts();
            CountLedger();
            MatchGoals();
            AddCadenceAndDormant();
            AddLifeEvents();
            AddImportantDates();
            AddSeasonal();
            AddTrips();
            AddFollowUps();
            AddEvents();
            AddIntroRequests();
            return Select();
        }

        // ---------- per-contact facts ----------

        private void MeasureContacts()
        {
            var stamp = ContactStats.Stamp(_s);
            var empty = ContactStats.Empty(0, _s);
            var tierCandidates = new TierCandidate[_n];
            for (var i = 0; i < _n; i++)
            {
                var c = _in.Contacts[i];
                _index.TryAdd(c.Id, i);
                var st = c.Stats ?? empty;
                if (c.Stats is not null && !c.Stats.IsCurrentFor(stamp)) _stale.Add(c.Id);
                _m[i] = st.Measure(_now, _s, c.Mutuals, c.Closeness, c.KnownSince);
                tierCandidates[i] = new TierCandidate(c.Id, _m[i].Strength, c.Pin, st.TouchCount > 0);
            }
            Tiers.Assign(tierCandidates, _s).CopyTo(_tier, 0);
        }

        private void CountLedger()
        {
            foreach (var e in _in.Ledger)
            {
                if (!_index.TryGetValue(e.ContactId, out var i) || !GiveAskLedger.InWindow(e.On, _today, _s) || !GiveAskLedger.Counts(e)) continue;
                if (e.Direction == ExchangeDirection.Give) _gives[i]++;
                else _asks[i]++;
            }
        }

        private void MatchGoals()
        {
            if (_in.Goals.Count == 0) return;
            for (var i = 0; i < _n; i++)
            {
                var c = _in.Contacts[i];
                (_goalRel[i], _goal[i]) = GoalRelevance.Best(_in.Goals, c.Id, c.Facts, _s);
            }
        }

        private DateTime? Last(int i) => _in.Contacts[i].Stats?.LastTouchAt;

        private double? LapseForAsk(int i) => GiveAskLedger.AskLapse(Last(i), _tier[i], _now, _s);

        // ---------- candidates ----------

        private void Add(int ci, PlanAction action, double priority, DateOnly preferred, DateOnly earliest, DateOnly latest, bool dated, string trigger, int reference = -1, double value = 0)
        {
            if (earliest < _today) earliest = _today;
            if (latest > _end) latest = _end;
            if (preferred < earliest) preferred = earliest;
            var contactId = _in.Contacts[ci].Id;
            var id = PlanItemId.Of(action, contactId, trigger);
            if (_states is not null && _states.TryGetValue(id, out var st))
            {
                if (st.DoneAt is not null) return;
                if (st.SnoozedUntil is { } until)
                {
                    var day = DateOnly.FromDateTime(until);
                    if (day > earliest) earliest = day;
                }
                if (st.SkipCount > 0)
                {
                    var back = DateOnly.FromDateTime(st.LastSkippedAt ?? _now).AddDays(_s.SkipReturnDays * st.SkipCount);
                    if (back > earliest) earliest = back;
                    priority *= Math.Pow(_s.SkipPenalty, st.SkipCount);
                }
                if (preferred < earliest) preferred = earliest;
            }
            if (earliest > latest || !HasOpenDay(earliest, latest)) return;
            _c.Add(new Candidate
            {
                Contact = ci, Action = action, Priority = Math.Clamp(priority, 0, 1), Effort = Math.Max(1, _s.EffortOf(action)),
                Preferred = preferred, Earliest = earliest, Latest = latest, Dated = dated, Trigger = trigger, Id = id,
                Ref = reference, Value = value, Next = -1, Day = -1,
            });
        }

        private bool HasOpenDay(DateOnly from, DateOnly to)
        {
            for (var d = from; d <= to; d = d.AddDays(1))
            {
                if (!_s.IsQuiet(d.DayOfWeek)) return true;
            }
            return false;
        }

        private void AddCadenceAndDormant()
        {
            for (var i = 0; i < _n; i++)
            {
                var tier = _tier[i];
                var last = Last(i);
                if (_s.CadenceDays(tier) is { } cadence)
                {
                    if (last is { } l)
                    {
                        var lapseNow = Math.Max(0, (_now - l).TotalDays) / cadence;
                        var dueAt = l.AddDays(cadence * _s.LapseDue);
                        var dueDay = DateOnly.FromDateTime(dueAt);
                        if (dueDay <= _end)
                        {
                            var lapse = Math.Max(lapseNow, _s.LapseDue);
                            var p = _s.TierPriority(tier) * (1 - Math.Pow(2, -lapse));
                            var trigger = "due:" + DateOnly.FromDateTime(l).ToString("yyyy-MM-dd", Inv);
                            var dated = dueDay > _today;
                            Add(i, PlanAction.KeepInTouch, p, dated ? dueDay : _today, dated ? dueDay : _today, _end, dated, trigger, value: lapse);
                        }
                    }
                    else
                    {
                        // Pinned into a tier but never in touch: due now.
                        Add(i, PlanAction.KeepInTouch, _s.TierPriority(tier) * (1 - Math.Pow(2, -_s.LapseDue)), _today, _today, _end, false, "due:never", value: _s.LapseDue);
                    }
                }
                if (last is { } lastAt && _m[i].DaysSinceLast is { } days && ReconnectPriority.IsCandidate(days, _m[i].Peak, _s))
                {
                    var c = _in.Contacts[i];
                    var senior = ReconnectPriority.IsMoreSenior(c.Facts.Seniority, c.SeniorityAtLastContact);
                    var r = ReconnectPriority.Compute(_m[i].Peak, days / TieStrength.DaysPerYear, _goalRel[i], senior, _s);
                    Add(i, PlanAction.Reconnect, r.Priority, _today, _today, _end, false,
                        "dormant:" + DateOnly.FromDateTime(lastAt).ToString("yyyy-MM-dd", Inv), value: days / TieStrength.DaysPerYear);
                }
            }
        }

        private void AddLifeEvents()
        {
            var list = _in.LifeEvents;
            for (var k = 0; k < list.Count; k++)
            {
                var e = list[k];
                if (e.Acknowledged || !_index.TryGetValue(e.ContactId, out var i)) continue;
                var on = e.On.ToString("yyyy-MM-dd", Inv);
                if (e.Kind == LifeEventKind.Birthday)
                {
                    if (e.On >= _today && e.On <= _end)
                        Add(i, PlanAction.Birthday, _s.PriorityOf(PlanAction.Birthday), e.On, _today, _end, true, "birthday:" + on, k);
                    continue;
                }
                if (e.On < _today.AddDays(-_s.CongratulateDays) || e.On > _end) continue;
                var dated = e.On > _today;
                Add(i, PlanAction.Congratulate, _s.PriorityOf(PlanAction.Congratulate), dated ? e.On : _today, dated ? e.On : _today, _end, dated,
                    $"life:{e.Kind}:{on}", k);
            }
        }

        private void AddImportantDates()
        {
            var list = _in.ImportantDates;
            for (var k = 0; k < list.Count; k++)
            {
                var d = list[k];
                if (!_index.TryGetValue(d.ContactId, out var i) || _tier[i] == Tier.Acquaintance) continue;
                if (NextOccurrence(d.Month, d.Day) is not { } date) continue;
                var on = date.ToString("yyyy-MM-dd", Inv);
                switch (d.Kind)
                {
                    // Yearly dates share the birthday priority: they matter on the day and cost little.
                    case ImportantDateKind.Birthday:
                        Add(i, PlanAction.Birthday, _s.PriorityOf(PlanAction.Birthday), date, _today, _end, true, "birthday:" + on, k);
                        break;
                    case ImportantDateKind.WorkAnniversary:
                        Add(i, PlanAction.Congratulate, _s.PriorityOf(PlanAction.Birthday), date, _today, _end, true, "anniversary:" + on, -1 - k);
                        break;
                    default:
                        Add(i, PlanAction.FollowUp, _s.PriorityOf(PlanAction.Birthday), date, _today, _end, true, $"date:{d.Label}:{on}", -1 - k);
                        break;
                }
            }
        }

        /// <summary>The day in the window that a yearly month/day falls on (Feb 29 is kept on Feb 28 in other years).</summary>
        private DateOnly? NextOccurrence(int month, int day)
        {
            for (var d = _today; d <= _end; d = d.AddDays(1))
            {
                var dd = month == 2 && day == 29 && !DateTime.IsLeapYear(d.Year) ? 28 : day;
                if (d.Month == month && d.Day == dd) return d;
            }
            return null;
        }

        private void AddSeasonal()
        {
            var campaigns = _s.Campaigns;
            for (var k = 0; k < campaigns.Count; k++)
            {
                var camp = campaigns[k];
                DateOnly? first = null, lastDay = null;
                for (var d = _today; d <= _end; d = d.AddDays(1))
                {
                    if (!camp.Covers(d)) continue;
                    first ??= d;
                    lastDay = d;
                }
                if (first is not { } from || lastDay is not { } to) continue;
                var start = camp.StartCovering(from);
                var startAt = start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                var trigger = $"seasonal:{camp.Name}:{start.Year}";
                for (var i = 0; i < _n; i++)
                {
                    if (!Contains(camp.Tiers, _tier[i])) continue;
                    if (Last(i) is { } l && l >= startAt) continue;
                    Add(i, PlanAction.Seasonal, _s.PriorityOf(PlanAction.Seasonal), from, from, to, false, trigger, k);
                }
            }
        }

        private static bool Contains(IReadOnlyList<Tier> tiers, Tier t)
        {
            for (var i = 0; i < tiers.Count; i++)
            {
                if (tiers[i] == t) return true;
            }
            return false;
        }

        private void AddTrips()
        {
            var trips = _in.Trips;
            if (trips.Count == 0) return;
            Dictionary<string, List<int>>? byCity = null;
            for (var k = 0; k < trips.Count; k++)
            {
                var t = trips[k];
                if (t.To < _today || t.From > _today.AddDays(_s.TripLeadDays)) continue;
                var p = _s.PriorityOf(PlanAction.InTown);
                if (t.ContactId is { } who)
                {
                    if (!_index.TryGetValue(who, out var i)) continue;
                    if (_s.HomeCity is { } home && !SameCity(home, t.City)) continue;
                    Add(i, PlanAction.InTown, p * (1 + _m[i].Strength) / 2, _today, _today, Min(t.To, _end), false, "visit:" + t.TripId.ToString(Inv), k);
                    continue;
                }
                if (byCity is null)
                {
                    byCity = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
                    for (var i = 0; i < _n; i++)
                    {
                        var city = _in.Contacts[i].Facts.City?.Trim();
                        if (string.IsNullOrEmpty(city)) continue;
                        if (!byCity.TryGetValue(city, out var l)) byCity[city] = l = [];
                        l.Add(i);
                    }
                }
                if (!byCity.TryGetValue(t.City.Trim(), out var people)) continue;
                foreach (var i in people)
                {
                    var known = (_in.Contacts[i].Stats?.TouchCount ?? 0) > 0 || _in.Contacts[i].Pin is not null || _goalRel[i] >= _s.GoalMatchAt;
                    if (!known) continue;
                    Add(i, PlanAction.InTown, p * (1 + _m[i].Strength) / 2, _today, _today, Min(t.To, _end), false, "trip:" + t.TripId.ToString(Inv), k);
                }
            }
        }

        private static bool SameCity(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

        private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

        private void AddFollowUps()
        {
            var reminders = _in.Reminders;
            for (var k = 0; k < reminders.Count; k++)
            {
                var r = reminders[k];
                if (r.Due > _end || !_index.TryGetValue(r.ContactId, out var i)) continue;
                var dated = r.Due > _today;
                Add(i, PlanAction.FollowUp, _s.PriorityOf(PlanAction.FollowUp), dated ? r.Due : _today, dated ? r.Due : _today, _end, dated,
                    "reminder:" + r.ReminderId.ToString(Inv), k);
            }
            var ledger = _in.Ledger;
            for (var k = 0; k < ledger.Count; k++)
            {
                var e = ledger[k];
                if (e.Direction != ExchangeDirection.Give || e.Status != ExchangeStatus.Offered || !GiveAskLedger.InWindow(e.On, _today, _s)) continue;
                if (!_index.TryGetValue(e.ContactId, out var i)) continue;
                Add(i, PlanAction.FollowUp, _s.PriorityOf(PlanAction.FollowUp), _today, _today, _end, false,
                    $"promise:{e.Kind}:{e.On.ToString("yyyy-MM-dd", Inv)}", 1_000_000 + k);
            }
            for (var i = 0; i < _n; i++)
            {
                if (!GiveAskLedger.GiveFirst(_gives[i], _asks[i], _s)) continue;
                Add(i, PlanAction.GiveFirst, _s.PriorityOf(PlanAction.GiveFirst), _today, _today, _end, false,
                    string.Create(Inv, $"give-first:{_gives[i]}:{_asks[i]}"));
            }
            if (_in.Goals.Count == 0) return;
            for (var i = 0; i < _n; i++)
            {
                if (_goal[i] is not { } g || _goalRel[i] < _s.GoalMatchAt || (_in.Contacts[i].Stats?.TouchCount ?? 0) > 0) continue;
                Add(i, PlanAction.Goal, _s.PriorityOf(PlanAction.Goal) * _goalRel[i], _today, _today, _end, false, "goal:" + g.GoalId.ToString(Inv), value: _goalRel[i]);
            }
        }

        private void AddEvents()
        {
            var events = _in.Events;
            for (var k = 0; k < events.Count; k++)
            {
                var ev = events[k];
                var on = DateOnly.FromDateTime(ev.StartsAt);
                if (!ev.YouAttend || on < _today || on > _today.AddDays(_s.EventLeadDays)) continue;
                foreach (var who in ev.AttendeeContactIds)
                {
                    if (!_index.TryGetValue(who, out var i)) continue;
                    Add(i, PlanAction.Event, _s.PriorityOf(PlanAction.Event) * (1 + _m[i].Strength) / 2, _today, _today, Min(on, _end), false,
                        "event:" + ev.EventId.ToString(Inv), k);
                }
            }
        }

        private void AddIntroRequests()
        {
            var list = _in.IntroRequests;
            for (var k = 0; k < list.Count; k++)
            {
                var r = list[k];
                if (!_index.TryGetValue(r.ViaContactId, out var i) || _in.Contacts[i].Trust <= 0) continue;
                var ledger = GiveAskLedger.Of(_gives[i], _asks[i], _s);
                if (!GiveAskLedger.MayAsk(LapseForAsk(i), ledger, _s)) continue;
                Add(i, PlanAction.IntroRequest, _s.PriorityOf(PlanAction.IntroRequest), _today, _today, _end, false, "intro:" + r.TargetName.Trim().ToLowerInvariant(), k);
            }
        }

        // ---------- selection and spreading ----------

        private NurturePlan Select()
        {
            var candidates = _c;
            // One item per contact: the most specific trigger (anything but a plain keep-in-touch) carries the touch, since
            // it also resets the cadence, and it takes the highest priority any of the contact's candidates had.
            var best = new int[_n];
            var top = new double[_n];
            Array.Fill(best, -1);
            for (var k = 0; k < candidates.Count; k++)
            {
                var c = candidates[k];
                c.Next = _head[c.Contact];
                candidates[k] = c;
                _head[c.Contact] = k;
                top[c.Contact] = Math.Max(top[c.Contact], c.Priority);
                var b = best[c.Contact];
                if (b < 0 || Better(c, candidates[b])) best[c.Contact] = k;
            }
            for (var i = 0; i < _n; i++)
            {
                if (best[i] < 0) continue;
                var c = candidates[best[i]];
                c.Priority = top[i];
                candidates[best[i]] = c;
            }
            var pool = new List<int>();
            for (var i = 0; i < _n; i++)
            {
                if (best[i] >= 0) pool.Add(best[i]);
            }
            pool.Sort((a, b) =>
            {
                var ca = candidates[a];
                var cb = candidates[b];
                var byRate = (cb.Priority / cb.Effort).CompareTo(ca.Priority / ca.Effort);
                if (byRate != 0) return byRate;
                var byPriority = cb.Priority.CompareTo(ca.Priority);
                return byPriority != 0 ? byPriority : string.CompareOrdinal(ca.Id, cb.Id);
            });

            int doneCount = 0, doneMinutes = 0;
            foreach (var st in _in.ItemStates)
            {
                if (st.DoneAt is { } at && DateOnly.FromDateTime(at) == _today)
                {
                    doneCount++;
                    doneMinutes += st.EffortMinutes;
                }
            }
            var touchLeft = Math.Max(0, _s.BudgetTouchpoints - doneCount);
            var minutesLeft = Math.Max(0, _s.BudgetMinutes - doneMinutes);
            var chosen = new List<int>();
            foreach (var k in pool)
            {
                if (touchLeft == 0) break;
                var effort = candidates[k].Effort;
                if (effort > minutesLeft) continue;
                chosen.Add(k);
                touchLeft--;
                minutesLeft -= effort;
            }

            Spread(chosen);

            var items = new List<PlanItem>(chosen.Count);
            foreach (var k in chosen)
            {
                var c = candidates[k];
                if (c.Day < 0) continue;
                items.Add(Describe(c));
            }
            items.Sort((a, b) =>
            {
                var byDay = a.Day.CompareTo(b.Day);
                if (byDay != 0) return byDay;
                var byPriority = b.Priority.CompareTo(a.Priority);
                return byPriority != 0 ? byPriority : string.CompareOrdinal(a.Id, b.Id);
            });
            var today = items.Where(x => x.Day == _today).ToList();
            var budget = new PlanBudget(_s.BudgetTouchpoints, _s.BudgetMinutes, items.Count, items.Sum(x => x.EffortMinutes), doneCount, doneMinutes);
            return new NurturePlan(_today, today, items, budget, _stale, candidates.Count);
        }

        private static bool Better(in Candidate a, in Candidate b)
        {
            var aSpecific = a.Action != PlanAction.KeepInTouch;
            var bSpecific = b.Action != PlanAction.KeepInTouch;
            if (aSpecific != bSpecific) return aSpecific;
            return a.Priority > b.Priority || (a.Priority == b.Priority && a.Action < b.Action);
        }

        private void Spread(List<int> chosen)
        {
            var candidates = _c;
            var quiet = new bool[7];
            var open = 0;
            for (var d = 0; d < 7; d++)
            {
                quiet[d] = _s.IsQuiet(_today.AddDays(d).DayOfWeek);
                if (!quiet[d]) open++;
            }
            var cap = new int[7];
            var load = new int[7];
            if (open > 0)
            {
                var share = chosen.Count / open;
                var extra = chosen.Count % open;
                for (var d = 0; d < 7; d++)
                {
                    if (quiet[d]) continue;
                    cap[d] = share + (extra > 0 ? 1 : 0);
                    if (extra > 0) extra--;
                }
            }
            var order = new List<int>(chosen);
            order.Sort((a, b) =>
            {
                var ca = candidates[a];
                var cb = candidates[b];
                if (ca.Dated != cb.Dated) return ca.Dated ? -1 : 1;
                var byPriority = cb.Priority.CompareTo(ca.Priority);
                return byPriority != 0 ? byPriority : string.CompareOrdinal(ca.Id, cb.Id);
            });
            foreach (var k in order)
            {
                var c = candidates[k];
                var from = c.Earliest.DayNumber - _today.DayNumber;
                var to = c.Latest.DayNumber - _today.DayNumber;
                var pref = c.Preferred.DayNumber - _today.DayNumber;
                var day = -1;
                for (var pass = 0; pass < 2 && day < 0; pass++)
                {
                    var bestScore = int.MaxValue;
                    for (var d = Math.Max(0, from); d <= Math.Min(6, to); d++)
                    {
                        if (quiet[d]) continue;
                        // Dated items go to the open day nearest their date (the day before wins a tie), whatever the share.
                        // Flexible ones fill the earliest day with room left in its share; on the overflow pass, the least loaded.
                        if (!c.Dated && pass == 0 && load[d] >= cap[d]) continue;
                        var score = c.Dated ? Math.Abs(d - pref) * 2 + (d < pref ? 0 : 1) : pass == 0 ? d : load[d] * 8 + d;
                        if (score < bestScore) { bestScore = score; day = d; }
                    }
                }
                if (day < 0) continue;
                load[day]++;
                c.Day = day;
                candidates[k] = c;
            }
        }

        // ---------- words ----------

        private PlanItem Describe(Candidate c)
        {
            var pc = _in.Contacts[c.Contact];
            var f = pc.Facts;
            var (reason, draft) = Words(c, pc, f);
            var also = new List<string>();
            for (var k = _head[c.Contact]; k >= 0; k = _c[k].Next)
            {
                var other = _c[k];
                if (other.Id == c.Id || other.Action == c.Action && other.Trigger == c.Trigger) continue;
                var label = other.Action.ToWire();
                if (!also.Contains(label)) also.Add(label);
            }
            if (also.Count > 0) reason += "; also: " + string.Join(", ", also);
            return new PlanItem(c.Id, pc.Id, f.Name, c.Action, reason, Math.Round(c.Priority, 4), c.Effort, _today.AddDays(c.Day), draft);
        }

        private (string Reason, string Draft) Words(Candidate c, PlanContact pc, ContactFacts f)
        {
            var m = _m[c.Contact];
            var tier = _tier[c.Contact];
            switch (c.Action)
            {
                case PlanAction.KeepInTouch:
                {
                    var cadence = _s.CadenceDays(tier) ?? 0;
                    var state = Tiers.State(c.Value, _s).ToWire();
                    var since = m.DaysSinceLast is { } d ? string.Create(Inv, $"last in touch {(int)d} days ago") : "never in touch yet";
                    var when = c.Dated ? $"; due {c.Preferred.ToString("ddd MMM d", Inv)}" : string.Create(Inv, $", lapse {c.Value:0.0} ({state})");
                    return (string.Create(Inv, $"{tier.ToWire()} tier (every {cadence} days): {since}{when}; strength {TieStrength.F2(m.Strength)} ({m.Label.ToWire()})"),
                        MessageDrafts.KeepInTouch(f, pc.LastNote, pc.LastSharedEvent));
                }
                case PlanAction.Reconnect:
                {
                    var senior = ReconnectPriority.IsMoreSenior(f.Seniority, pc.SeniorityAtLastContact);
                    var r = ReconnectPriority.Compute(m.Peak, c.Value, _goalRel[c.Contact], senior, _s);
                    return ($"reconnect priority {TieStrength.F2(r.Priority)}: " + string.Join("; ", r.Why),
                        MessageDrafts.Reconnect(f, c.Value, pc.LastNote, pc.LastSharedEvent));
                }
                case PlanAction.Congratulate when c.Ref >= 0:
                {
                    var e = _in.LifeEvents[c.Ref];
                    return ($"{KindWords(e.Kind)} on {e.On.ToString("MMM d", Inv)}{(e.Note is null ? "" : ": " + e.Note)}{(f.Title is not null && e.Kind is LifeEventKind.NewJob or LifeEventKind.Promotion ? $" (now {f.Title}{(f.Company is null ? "" : " at " + f.Company)})" : "")}",
                        MessageDrafts.Congratulate(f, e.Kind, e.Note));
                }
                case PlanAction.Congratulate:
                    return ($"work anniversary on {c.Preferred.ToString("ddd MMM d", Inv)}", MessageDrafts.Anniversary(f));
                case PlanAction.Birthday:
                    return ($"birthday on {c.Preferred.ToString("dddd MMM d", Inv)}", MessageDrafts.Birthday(f));
                case PlanAction.Seasonal:
                {
                    var camp = _s.Campaigns[c.Ref];
                    return ($"{camp.Name} (until {c.Latest.ToString("MMM d", Inv)}) for your {tier.ToWire()} tier; no touch since it began",
                        MessageDrafts.Seasonal(f, camp.Name, pc.LastNote));
                }
                case PlanAction.InTown:
                {
                    var t = _in.Trips[c.Ref];
                    var range = t.From == t.To ? t.From.ToString("MMM d", Inv) : $"{t.From.ToString("MMM d", Inv)}–{t.To.ToString("MMM d", Inv)}";
                    return t.ContactId is null
                        ? ($"you'll be in {t.City} {range}, where {f.FirstName} lives", MessageDrafts.InTownYours(f, t.City, t.From, t.To))
                        : ($"{f.FirstName} is coming to {t.City} {range}", MessageDrafts.InTownTheirs(f, t.City, t.From, t.To));
                }
                case PlanAction.FollowUp when c.Ref >= 1_000_000:
                {
                    var e = _in.Ledger[c.Ref - 1_000_000];
                    return ($"you offered {MessageDrafts.KindPhrase(e.Kind)} on {e.On.ToString("MMM d", Inv)}{(e.Note is null ? "" : ": " + e.Note)}, not done yet",
                        MessageDrafts.Promise(f, e.Kind, e.Note));
                }
                case PlanAction.FollowUp when c.Ref >= 0:
                {
                    var r = _in.Reminders[c.Ref];
                    var due = r.Due < _today ? $"overdue since {r.Due.ToString("MMM d", Inv)}" : $"due {r.Due.ToString("ddd MMM d", Inv)}";
                    return ($"reminder {due}{(r.Note is null ? "" : ": " + r.Note)}", MessageDrafts.FollowUp(f, r.Note));
                }
                case PlanAction.FollowUp:
                {
                    var d = _in.ImportantDates[-1 - c.Ref];
                    return ($"{d.Label ?? "important date"} on {c.Preferred.ToString("ddd MMM d", Inv)}", MessageDrafts.FollowUp(f, d.Label));
                }
                case PlanAction.GiveFirst:
                    return (GiveAskLedger.Of(_gives[c.Contact], _asks[c.Contact], _s).Why, MessageDrafts.GiveFirst(f, pc.LastNote));
                case PlanAction.Goal:
                {
                    var g = _goal[c.Contact]!;
                    return (string.Create(Inv, $"matches your goal '{g.Title}' ({TieStrength.F2(c.Value)}: {string.Join(", ", GoalRelevance.Explain(g, pc.Id, f, _s))}) and you haven't been in touch yet"),
                        MessageDrafts.Goal(f, g.Title));
                }
                case PlanAction.Event:
                {
                    var ev = _in.Events[c.Ref];
                    var on = DateOnly.FromDateTime(ev.StartsAt);
                    return ($"you're both going to {ev.Name} on {on.ToString("ddd MMM d", Inv)}", MessageDrafts.Event(f, ev.Name, on));
                }
                case PlanAction.IntroRequest:
                {
                    var r = _in.IntroRequests[c.Ref];
                    return ($"ask for an introduction to {r.TargetName}{(r.Purpose is null ? "" : " (" + r.Purpose + ")")}: you're in touch and the ledger is healthy ({GiveAskLedger.Of(_gives[c.Contact], _asks[c.Contact], _s).Why})",
                        MessageDrafts.IntroRequest(f, r.TargetName, r.Purpose));
                }
                default:
                    return (c.Action.ToWire(), "");
            }
        }

        private static string KindWords(LifeEventKind kind) => kind switch
        {
            LifeEventKind.NewJob => "new job",
            LifeEventKind.Promotion => "promotion",
            LifeEventKind.Move => "moved",
            LifeEventKind.Award => "award",
            _ => "news",
        };
    }
}
