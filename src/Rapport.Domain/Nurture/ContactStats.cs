using System.Buffers.Binary;
using System.Globalization;
using Rapport.Domain.Accounts;
using Rapport.Domain.Interactions;

namespace Rapport.Domain.Nurture;

/// <summary>
/// Per-contact aggregates of the interaction history, updated as each interaction is written, from which tie strength at
/// any later "now" follows without rescanning the history (the plan for 20,000 contacts reads only these rows).
/// </summary>
/// <remarks>
/// <para>Intensity is kept as its value at the last touch, I(last); then I(now) = I(last)·2^(−(now − last)/h) exactly, with no
/// epoch that could overflow. Reciprocity uses a compact log of touches per day over the 365 days ending at the last touch
/// (8 bytes a day: day number, out count, in count). The peak is the highest month-end value of the interaction part
/// (F, R, D) sampled at every month end up to the start of the last touch's month, and at the last touch itself when read;
/// embeddedness and closeness have no history, so their current values are added when strength is read.</para>
/// <para>Touches after "now" (a what-if through RAPPORT_NOW earlier than the data) cannot be taken out of an aggregate:
/// <see cref="HasTouchesAfter"/> tells the caller to rebuild with <see cref="FromHistory"/> and <c>asOf: now</c>.
/// A touch older than the last one is folded in exactly unless it falls before an already sampled month end; then
/// <see cref="NeedsRecompute"/> is set (only the peak can be off until the caller rebuilds: the touch changes the
/// intensity and reciprocity those month ends had).
/// Changing a setting the aggregate depends on (channel weights, half-life, frequency scale, F/R/D weights, duration scale)
/// makes it stale too: see <see cref="IsCurrentFor(NurtureSettings)"/>.</para>
/// </remarks>
public sealed class ContactStats : IAccountOwned
{
    private const int EntryBytes = 8;
    private static readonly int EpochDay = new DateOnly(2000, 1, 1).DayNumber;

    private List<DayEntry>? _log;
    private int _windowOut;
    private int _windowIn;

    private ContactStats() { RecentLog = []; }

    private ContactStats(long contactId, long stamp)
    {
        ContactId = contactId;
        SettingsStamp = stamp;
        RecentLog = [];
        _log = [];
    }

    /// <summary>The account the contact belongs to.</summary>
    public long AccountId { get; set; }

    /// <summary>The contact these aggregates describe (one row per contact).</summary>
    public long ContactId { get; private set; }

    /// <summary>Number of touches folded in.</summary>
    public int TouchCount { get; private set; }

    /// <summary>The earliest touch (UTC).</summary>
    public DateTime? FirstTouchAt { get; private set; }

    /// <summary>The latest touch (UTC): the "last interaction".</summary>
    public DateTime? LastTouchAt { get; private set; }

    /// <summary>Decayed intensity I evaluated at <see cref="LastTouchAt"/>.</summary>
    public double IntensityAtLast { get; private set; }

    /// <summary>Touches per day over the reciprocity window ending at the last touch: 8 bytes each (int day since 2000-01-01, ushort out, ushort in).</summary>
    public byte[] RecentLog { get; private set; }

    /// <summary>The highest month-end value of wF·F + wR·R + wD·D sampled so far.</summary>
    public double PeakCore { get; private set; }

    /// <summary>The month (year·12 + month − 1) through whose end the peak has been sampled.</summary>
    public int PeakSampledThroughMonth { get; private set; }

    /// <summary>A fingerprint of the settings the aggregate was built with (<see cref="Stamp"/>).</summary>
    public long SettingsStamp { get; private set; }

    /// <summary>True when an out-of-order touch may have left the peak off; rebuild with <see cref="FromHistory"/>.</summary>
    public bool NeedsRecompute { get; private set; }

    /// <summary>Aggregates as stored, for a store that reads its rows itself rather than through its mapper.</summary>
    public static ContactStats Restore(
        long accountId, long contactId, int touchCount, DateTime? firstTouchAt, DateTime? lastTouchAt, double intensityAtLast, byte[] recentLog,
        double peakCore, int peakSampledThroughMonth, long settingsStamp, bool needsRecompute)
    {
        ArgumentNullException.ThrowIfNull(recentLog);
        return new ContactStats
        {
            AccountId = accountId, ContactId = contactId, TouchCount = touchCount, FirstTouchAt = firstTouchAt, LastTouchAt = lastTouchAt,
            IntensityAtLast = intensityAtLast, RecentLog = recentLog, PeakCore = peakCore, PeakSampledThroughMonth = peakSampledThroughMonth,
            SettingsStamp = settingsStamp, NeedsRecompute = needsRecompute,
        };
    }

    /// <summary>Empty aggregates for a contact with no interactions yet.</summary>
    public static ContactStats Empty(long contactId, NurtureSettings? settings = null) =>
        new(contactId, Stamp(settings ?? NurtureSettings.Default));

    /// <summary>A full recompute from the whole history; touches after <paramref name="asOf"/> (when given) are left out.</summary>
    public static ContactStats FromHistory(long contactId, IEnumerable<Touch> touches, NurtureSettings? settings = null, DateTime? asOf = null)
    {
        var s = settings ?? NurtureSettings.Default;
        var stats = new ContactStats(contactId, Stamp(s));
        var list = touches.ToList();
        list.Sort(static (a, b) => a.At.CompareTo(b.At));
        foreach (var t in list)
        {
            if (asOf is { } limit && t.At > limit) break;
            stats.AddCore(t, s);
        }
        stats.Flush();
        return stats;
    }

    /// <summary>Folds one new touch in (see the remarks for older touches and changed settings).</summary>
    public void Add(Touch touch, NurtureSettings? settings = null)
    {
        var s = settings ?? NurtureSettings.Default;
        if (SettingsStamp != Stamp(s))
        {
            NeedsRecompute = true;
            return;
        }
        EnsureLog();
        AddCore(touch, s);
        Flush();
    }

    /// <summary>True when the aggregate can be read under these settings without a rebuild.</summary>
    public bool IsCurrentFor(NurtureSettings settings) => IsCurrentFor(Stamp(settings));

    /// <summary>True when the aggregate can be read under settings with this <see cref="Stamp"/> (compute the stamp once per request).</summary>
    public bool IsCurrentFor(long settingsStamp) => !NeedsRecompute && SettingsStamp == settingsStamp;

    /// <summary>True when some touch is later than <paramref name="now"/>; strength at that "now" then needs <see cref="FromHistory"/> with asOf.</summary>
    public bool HasTouchesAfter(DateTime now) => LastTouchAt is { } last && last > Utc(now);

    /// <summary>Decayed intensity I at <paramref name="now"/> (which must not precede the last touch).</summary>
    public double IntensityAt(DateTime now, NurtureSettings s) =>
        LastTouchAt is { } last ? IntensityAtLast * TieStrength.Decay((Utc(now) - last).TotalDays, s) : 0;

    /// <summary>Touches you started and they started (mutual counts for both) in the 365 days ending at the last touch.</summary>
    public (int Out, int In) ReciprocityCounts()
    {
        if (_log is not null) return (_windowOut, _windowIn);
        int o = 0, i = 0;
        for (var p = 0; p + EntryBytes <= RecentLog.Length; p += EntryBytes)
        {
            o += BinaryPrimitives.ReadUInt16LittleEndian(RecentLog.AsSpan(p + 4, 2));
            i += BinaryPrimitives.ReadUInt16LittleEndian(RecentLog.AsSpan(p + 6, 2));
        }
        return (o, i);
    }

    /// <summary>
    /// Tie strength at <paramref name="now"/> without the words: the lean path the plan takes for every contact. Reciprocity
    /// is over the year ending at the last touch and duration runs to the last touch, so with no new touch nothing but F
    /// changes as time passes, and F only falls: strength never rises by itself.
    /// </summary>
    /// <exception cref="InvalidOperationException">Some touch is after <paramref name="now"/>; rebuild with <see cref="FromHistory"/> and asOf.</exception>
    public TieMeasure Measure(DateTime now, NurtureSettings s, int mutuals = 0, double? closeness = null, DateOnly? knownSince = null)
    {
        now = Utc(now);
        if (HasTouchesAfter(now))
        {
            throw new InvalidOperationException(
                $"contact {ContactId} has interactions after {now:O}; rebuild its stats with ContactStats.FromHistory(..., asOf: now)");
        }
        var (outCount, inCount) = ReciprocityCounts();
        var intensity = IntensityAt(now, s);
        var f = TieStrength.Frequency(intensity, s);
        var r = TieStrength.Reciprocity(outCount, inCount);
        var years = YearsKnown(knownSince);
        var d = LastTouchAt is null ? 0 : TieStrength.Duration(years, s);
        var e = TieStrength.Embeddedness(mutuals, s);
        var raw = TieStrength.Combine(f, r, d, e, s);
        var strength = TieStrength.Blend(raw, closeness, s);

        // The peak is the best of the month-end samples and of the moment of the last touch. Strength only falls after the
        // last touch, so this covers every later month end too, is never below the current strength, and cannot move
        // until a new touch arrives.
        var peakCore = PeakCore;
        if (LastTouchAt is not null)
        {
            var fAtLast = TieStrength.Frequency(IntensityAtLast, s);
            peakCore = Math.Max(peakCore, s.WeightFrequency * fAtLast + s.WeightReciprocity * r + s.WeightDuration * d);
        }
        var peak = Math.Max(strength, TieStrength.Blend(Math.Clamp(peakCore + s.WeightEmbeddedness * e, 0, 1), closeness, s));
        double? daysSince = LastTouchAt is { } l ? (now - l).TotalDays : null;
        var label = TieStrength.Label(strength, peak, daysSince, s);
        return new TieMeasure(f, r, d, e, raw, strength, peak, label, daysSince, intensity, outCount, inCount, years);
    }

    /// <summary>Tie strength at <paramref name="now"/> with its why, from the aggregate alone plus the contact's current mutuals, rating and known-since date.</summary>
    /// <exception cref="InvalidOperationException">Some touch is after <paramref name="now"/>; rebuild with <see cref="FromHistory"/> and asOf.</exception>
    public TieStrengthResult Strength(DateTime now, NurtureSettings s, int mutuals = 0, double? closeness = null, DateOnly? knownSince = null)
    {
        var m = Measure(now, s, mutuals, closeness, knownSince);
        var inv = CultureInfo.InvariantCulture;
        var why = new List<string>(7)
        {
            m.DaysSinceLast is { } ds
                ? string.Create(inv, $"frequency {TieStrength.F2(m.Frequency)} (weight {TieStrength.F2(s.WeightFrequency)}): {TouchCount} {(TouchCount == 1 ? "touch" : "touches")}, last {(int)ds} {(ds is >= 1 and < 2 ? "day" : "days")} ago")
                : $"frequency 0.00 (weight {TieStrength.F2(s.WeightFrequency)}): no interactions yet",
            m.Out + m.In < 2
                ? $"reciprocity {TieStrength.F2(m.Reciprocity)} (weight {TieStrength.F2(s.WeightReciprocity)}): too few touches in the year to the last one to tell"
                : string.Create(inv, $"reciprocity {TieStrength.F2(m.Reciprocity)} (weight {TieStrength.F2(s.WeightReciprocity)}): {m.Out} started by you, {m.In} by them in the year to the last touch"),
            LastTouchAt is null
                ? $"duration 0.00 (weight {TieStrength.F2(s.WeightDuration)}): counted once you interact"
                : string.Create(inv, $"duration {TieStrength.F2(m.Duration)} (weight {TieStrength.F2(s.WeightDuration)}): known {m.YearsKnown:0.0} years up to the last touch"),
            string.Create(inv, $"embeddedness {TieStrength.F2(m.Embeddedness)} (weight {TieStrength.F2(s.WeightEmbeddedness)}): {mutuals} mutual contacts"),
        };
        if (closeness is { } c)
            why.Add(string.Create(inv, $"closeness {TieStrength.F2(c)} (your rating) blended at {TieStrength.F2(s.ClosenessBlend)}: {TieStrength.F2(m.Unblended)} becomes {TieStrength.F2(m.Strength)}"));
        why.Add($"peak {TieStrength.F2(m.Peak)}: the highest strength at any month end of the history or at the last touch");
        why.Add(m.Label switch
        {
            TieLabel.LongDormant => string.Create(inv, $"long-dormant: no contact for {m.DaysSinceLast!.Value / TieStrength.DaysPerYear:0.0} years"),
            TieLabel.Dormant => string.Create(inv, $"dormant: no contact for {(int)m.DaysSinceLast!.Value} days after a peak of {TieStrength.F2(m.Peak)}"),
            _ => $"{m.Label.ToWire()}: strength {TieStrength.F2(m.Strength)}",
        });
        return new TieStrengthResult(m.Frequency, m.Reciprocity, m.Duration, m.Embeddedness, closeness, m.Unblended, m.Strength, m.Peak, m.Label, LastTouchAt, m.Intensity, why);
    }

    /// <summary>A fingerprint of the settings that the stored aggregates depend on; equal settings give equal stamps across processes.</summary>
    public static long Stamp(NurtureSettings s)
    {
        var c = s.Channels;
        ReadOnlySpan<double> values =
        [
            c.InPerson, c.Group, c.Call, c.Video, c.Email, c.Message, c.Social, c.Event, c.Letter,
            s.HalfLifeDays, s.FrequencyScale, s.WeightFrequency, s.WeightReciprocity, s.WeightDuration, s.DurationSaturationYears,
        ];
        var hash = 14695981039346656037UL;
        foreach (var v in values)
        {
            var bits = (ulong)BitConverter.DoubleToInt64Bits(v);
            for (var i = 0; i < 8; i++)
            {
                hash ^= (bits >> (i * 8)) & 0xFF;
                hash *= 1099511628211UL;
            }
        }
        return (long)hash;
    }

    /// <summary>Years from the first known date (first touch or known-since, the earlier) to the last touch.</summary>
    private double YearsKnown(DateOnly? knownSince)
    {
        if (FirstTouchAt is not { } first || LastTouchAt is not { } last) return 0;
        if (knownSince is { } k)
        {
            var ks = k.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            if (ks < first) first = ks;
        }
        return Math.Max(0, (last - first).TotalDays / TieStrength.DaysPerYear);
    }

    private void AddCore(Touch t, NurtureSettings s)
    {
        var w = s.Channels.Of(t.Channel);
        var day = DayOf(t.At);
        if (LastTouchAt is not { } last)
        {
            FirstTouchAt = t.At;
            LastTouchAt = t.At;
            IntensityAtLast = w;
            TouchCount = 1;
            PeakSampledThroughMonth = MonthOf(t.At) - 1;
            LogAdd(day, t.Direction);
            return;
        }
        TouchCount++;
        if (t.At >= last)
        {
            var month = MonthOf(t.At);
            if (month > MonthOf(last))
            {
                // Strength only falls between touches, so of the month ends between the last touch and this one,
                // the first is the highest: sample it, then mark every month end before this touch's month as sampled.
                var d = TieStrength.Duration((last - FirstTouchAt!.Value).TotalDays / TieStrength.DaysPerYear, s);
                PeakCore = Math.Max(PeakCore, CoreAt(StartOfMonth(MonthOf(last) + 1), s, d));
                PeakSampledThroughMonth = month - 1;
            }
            IntensityAtLast = IntensityAtLast * TieStrength.Decay((t.At - last).TotalDays, s) + w;
            LastTouchAt = t.At;
            LogAdd(day, t.Direction);
            Prune(day);
        }
        else
        {
            IntensityAtLast += w * TieStrength.Decay((last - t.At).TotalDays, s);
            if (t.At < FirstTouchAt!.Value) FirstTouchAt = t.At;
            if (day > DayOf(last) - NurtureSettings.ReciprocityWindowDays) LogAdd(day, t.Direction);
            if (MonthOf(t.At) <= PeakSampledThroughMonth) NeedsRecompute = true;
        }
    }

    /// <summary>wF·F + wR·R + wD·D at an instant after the last touch, with the current window and duration.</summary>
    private double CoreAt(DateTime at, NurtureSettings s, double duration)
    {
        var f = TieStrength.Frequency(IntensityAt(at, s), s);
        var r = TieStrength.Reciprocity(_windowOut, _windowIn);
        return s.WeightFrequency * f + s.WeightReciprocity * r + s.WeightDuration * duration;
    }

    private void LogAdd(int day, Direction direction)
    {
        var log = _log!;
        int o = direction is Direction.Out or Direction.Mutual ? 1 : 0;
        int i = direction is Direction.In or Direction.Mutual ? 1 : 0;
        _windowOut += o;
        _windowIn += i;
        var at = log.Count - 1;
        while (at >= 0 && log[at].Day > day) at--;
        if (at >= 0 && log[at].Day == day)
        {
            var e = log[at];
            log[at] = new DayEntry(day, Math.Min(ushort.MaxValue, e.Out + o), Math.Min(ushort.MaxValue, e.In + i));
        }
        else
        {
            log.Insert(at + 1, new DayEntry(day, o, i));
        }
    }

    private void Prune(int lastDay)
    {
        var log = _log!;
        var k = 0;
        while (k < log.Count && log[k].Day <= lastDay - NurtureSettings.ReciprocityWindowDays)
        {
            _windowOut -= log[k].Out;
            _windowIn -= log[k].In;
            k++;
        }
        if (k > 0) log.RemoveRange(0, k);
    }

    private void EnsureLog()
    {
        if (_log is not null) return;
        _log = new List<DayEntry>(RecentLog.Length / EntryBytes);
        _windowOut = 0;
        _windowIn = 0;
        for (var p = 0; p + EntryBytes <= RecentLog.Length; p += EntryBytes)
        {
            var span = RecentLog.AsSpan(p, EntryBytes);
            var e = new DayEntry(BinaryPrimitives.ReadInt32LittleEndian(span), BinaryPrimitives.ReadUInt16LittleEndian(span[4..]), BinaryPrimitives.ReadUInt16LittleEndian(span[6..]));
            _log.Add(e);
            _windowOut += e.Out;
            _windowIn += e.In;
        }
    }

    private void Flush()
    {
        var log = _log!;
        var bytes = new byte[log.Count * EntryBytes];
        for (var k = 0; k < log.Count; k++)
        {
            var span = bytes.AsSpan(k * EntryBytes, EntryBytes);
            BinaryPrimitives.WriteInt32LittleEndian(span, log[k].Day);
            BinaryPrimitives.WriteUInt16LittleEndian(span[4..], (ushort)log[k].Out);
            BinaryPrimitives.WriteUInt16LittleEndian(span[6..], (ushort)log[k].In);
        }
        RecentLog = bytes;
    }

    private static DateTime Utc(DateTime t) => t.Kind switch
    {
        DateTimeKind.Utc => t,
        DateTimeKind.Local => t.ToUniversalTime(),
        _ => DateTime.SpecifyKind(t, DateTimeKind.Utc),
    };

    private static int DayOf(DateTime t) => DateOnly.FromDateTime(t).DayNumber - EpochDay;

    /// <summary>year·12 + month − 1, so consecutive months are consecutive integers.</summary>
    internal static int MonthOf(DateTime t) => t.Year * 12 + t.Month - 1;

    internal static DateTime StartOfMonth(int month) => new(month / 12, month % 12 + 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly record struct DayEntry(int Day, int Out, int In);
}
