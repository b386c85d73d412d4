using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.IO.Hashing;
using System.Globalization;
using Rapport.Domain.Contacts;
using Rapport.Domain.Insights;
using Rapport.Domain.Insights.Links;
using Rapport.Domain.Interactions;
using Rapport.Domain.Nurture;
using Rapport.Domain.Organizations;

namespace Rapport.App.Insights;

/// <summary>
/// What a load of the insights derives from the tables and does not depend on the day: the contacts with their mutual
/// counts, every link (those Rapport inferred included), organizations, memberships, events, attendances, the stored
/// aggregates, each contact's touches and the counted ledger. <see cref="InsightsNetwork"/> completes it as of a day.
/// </summary>
/// <remarks>
/// Kept between commands as one stored value per account (<see cref="Data.Storage.StoredInputs"/>): a command started
/// afresh reads it instead of every table and the whole interaction history, for as long as nothing it came from changed.
/// </remarks>
internal sealed class NetworkInputs
{
    /// <summary>Bumped whenever what is written here, or what it means, changes.</summary>
    private const int Format = 4;

    public required List<NetworkContact> Contacts { get; init; }

    /// <summary>The contacts by id.</summary>
    public required Dictionary<long, NetworkContact> ById { get; init; }

    public required NetworkLinks Links { get; set; }
    public required List<InsightsOrganization> Organizations { get; set; }
    public required List<MembershipSpan> Memberships { get; set; }
    public required List<InsightsEvent> Events { get; set; }
    public required EventAttendance[] Attendances { get; set; }
    public required List<(long EventId, long ContactId)> MetAtEvents { get; set; }

    /// <summary>The stored aggregates by contact, as read (those with touches after the day are recomputed when completed).</summary>
    public required Dictionary<long, ContactStats> Stats { get; init; }

    /// <summary>The touches of each contact (by position in <see cref="Contacts"/>), in the order of their interactions.</summary>
    public required ContactTouches Touches { get; set; }

    /// <summary>The ledger entries that count (done gives, every ask), by contact and day; the window is applied when completed.</summary>
    public required CountedExchange[] Ledger { get; set; }

    /// <summary>The largest interaction id the touches were read up to (an interaction above it brings only new touches).</summary>
    public required long LastInteractionId { get; set; }

    /// <summary>The largest contact id there was, in the trash or not (a contact above it is new: nothing was read of it).</summary>
    public required long LastContactId { get; set; }

    /// <summary>The insight settings, by name, as the key writes them.</summary>
    private static readonly System.Reflection.PropertyInfo[] SettingProperties =
        [.. typeof(InsightSettings).GetProperties().Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is { IsStatic: false }).OrderBy(p => p.Name, StringComparer.Ordinal)];

    /// <summary>
    /// What a stored value must have been made with to be used: this format, the builds of the code that derived it (the
    /// inference may change between versions), the insight settings, and the nurture settings the stored aggregates are
    /// built with (<see cref="ContactStats.Stamp"/>). No other nurture setting goes into a value: budgets, quiet days,
    /// cadences, ranks, labels and the ledger's window are applied when a load completes it as of the day, so changing
    /// one leaves the kept inputs in use.
    /// </summary>
    public static string KeyFor(InsightSettings settings, NurtureSettings nurture)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(nurture);
        var text = new StringBuilder()
            .Append("insights-inputs/").Append(Format).Append(BitConverter.IsLittleEndian ? "/le/" : "/be/")
            .Append(typeof(NetworkInputs).Assembly.ManifestModule.ModuleVersionId).Append('/')
            .Append(typeof(LinkInference).Assembly.ManifestModule.ModuleVersionId).Append('/')
            .Append(typeof(Data.Storage.StoredInputs).Assembly.ManifestModule.ModuleVersionId).Append('/')
            .Append('/');
        // Every setting by name (all numbers and flags), in invariant text: serializing them would cost a fresh command
        // tens of milliseconds of start-up.
        foreach (var property in SettingProperties)
            text.Append(property.Name).Append('=').Append(Convert.ToString(property.GetValue(settings), CultureInfo.InvariantCulture)).Append(';');
        text.Append("aggregates=").Append(ContactStats.Stamp(nurture).ToString(CultureInfo.InvariantCulture)).Append(';');
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream(1 << 20);
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Format);
            var texts = new TextTable();
            // The texts first, once each: the contacts and their categories name them by number.
            foreach (var c in Contacts)
            {
                texts.Add(c.Name, c.Company, c.Title, c.Industry, c.Function, c.City, c.Country);
                foreach (var category in c.Categories) texts.Add(category);
            }
            foreach (var o in Organizations) texts.Add(o.Name);
            foreach (var e in Events) texts.Add(e.Name);
            texts.WriteTo(w);

            w.Write(Contacts.Count);
            foreach (var c in Contacts)
            {
                w.Write(c.Id);
                texts.Write(w, c.Name);
                texts.Write(w, c.Company);
                texts.Write(w, c.Title);
                texts.Write(w, c.Industry);
                texts.Write(w, c.Function);
                texts.Write(w, c.City);
                texts.Write(w, c.Country);
                w.Write(c.Categories.Count);
                foreach (var category in c.Categories) texts.Write(w, category);
                w.Write((int)c.Seniority);
                w.Write((int)c.SeniorityAtLastContact);
                w.Write(c.Trust);
                WriteNullable(w, c.Closeness);
                w.Write(c.TierPin is { } pin ? (int)pin : -1);
                w.Write(c.KnownSince?.DayNumber ?? -1);
                WriteNullable(w, c.MetAtEventId);
                WriteNullable(w, c.MetAtOrganizationId);
                WriteNullable(w, c.IntroducedById);
                w.Write(c.CreatedAt.Ticks);
                w.Write(c.Mutuals);
            }
            Links.WriteTo(w);

            w.Write(Organizations.Count);
            foreach (var o in Organizations)
            {
                w.Write(o.Id);
                texts.Write(w, o.Name);
                w.Write((int)o.Kind);
                WriteNullable(w, o.MeetingCadenceDays);
            }
            w.Write(Memberships.Count);
            foreach (var m in Memberships)
            {
                w.Write(m.ContactId);
                w.Write(m.OrganizationId);
                w.Write(m.Start?.DayNumber ?? -1);
                w.Write(m.End?.DayNumber ?? -1);
            }
            w.Write(Events.Count);
            foreach (var e in Events)
            {
                w.Write(e.Id);
                texts.Write(w, e.Name);
                w.Write(e.StartsAt.Ticks);
                WriteNullable(w, e.Size);
                w.Write(e.Cost.HasValue);
                if (e.Cost is { } cost) w.Write(cost);
                WriteNullable(w, e.MinutesSpent);
                WriteNullable(w, e.OrganizerId);
                w.Write(e.Attending);
            }
            w.Write(Attendances.Length);
            foreach (var a in Attendances)
            {
                w.Write(a.EventId);
                w.Write(a.ContactId);
            }
            w.Write(MetAtEvents.Count);
            foreach (var (eventId, contactId) in MetAtEvents)
            {
                w.Write(eventId);
                w.Write(contactId);
            }
            w.Write(Stats.Count);
            foreach (var s in Stats.Values)
            {
                w.Write(s.ContactId);
                w.Write(s.TouchCount);
                w.Write(s.FirstTouchAt?.Ticks ?? -1);
                w.Write(s.LastTouchAt?.Ticks ?? -1);
                w.Write(s.IntensityAtLast);
                w.Write(s.RecentLog.Length);
                w.Write(s.RecentLog);
                w.Write(s.PeakCore);
                w.Write(s.PeakSampledThroughMonth);
                w.Write(s.SettingsStamp);
                w.Write(s.NeedsRecompute);
            }
            Touches.WriteTo(w);
            w.Write(LastInteractionId);
            w.Write(LastContactId);
            w.Write(Ledger.Length);
            w.Write(MemoryMarshal.AsBytes(Ledger.AsSpan()));
            w.Write(Format);
            // A checksum of all the above closes the value: a damaged one is refused before it is read.
            w.Flush();
            w.Write(XxHash3.HashToUInt64(stream.GetBuffer().AsSpan(0, (int)stream.Length)));
        }
        return stream.ToArray();
    }

    /// <summary>The inputs written by <see cref="ToBytes"/>, or null when the bytes are not such a value (then the tables are read).</summary>
    public static NetworkInputs? FromBytes(byte[] data, long accountId)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length < sizeof(ulong) || XxHash3.HashToUInt64(data.AsSpan(0, data.Length - sizeof(ulong))) != BitConverter.ToUInt64(data, data.Length - sizeof(ulong)))
            return null;
        try
        {
            return Read(data.AsMemory(0, data.Length - sizeof(ulong)), accountId);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The checksum held, so only a value written by other code than this could get here; the tables are read instead.
            return null;
        }
    }

    private static NetworkInputs Read(ReadOnlyMemory<byte> data, long accountId)
    {
        MemoryMarshal.TryGetArray(data, out var segment);
        using var r = new BinaryReader(new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false), Encoding.UTF8);
        if (r.ReadInt32() != Format) throw new InvalidDataException("another format");
        var texts = TextTable.ReadFrom(r);

        var count = r.ReadInt32();
        var contacts = new List<NetworkContact>(count);
        for (var i = 0; i < count; i++)
        {
            var id = r.ReadInt64();
            var name = texts.Read(r) ?? throw new InvalidDataException("a contact without a name");
            var (company, title, industry, function, city, country) = (texts.Read(r), texts.Read(r), texts.Read(r), texts.Read(r), texts.Read(r), texts.Read(r));
            var categories = new string[r.ReadInt32()];
            for (var k = 0; k < categories.Length; k++) categories[k] = texts.Read(r) ?? throw new InvalidDataException("an empty category");
            contacts.Add(new NetworkContact
            {
                Id = id, Name = name, Company = company, Title = title, Industry = industry, Function = function, City = city, Country = country,
                Categories = categories, Seniority = (Seniority)r.ReadInt32(), SeniorityAtLastContact = (Seniority)r.ReadInt32(), Trust = r.ReadInt32(),
                Closeness = ReadNullableDouble(r), TierPin = r.ReadInt32() is var pin and >= 0 ? (Tier)pin : null,
                KnownSince = r.ReadInt32() is var known and >= 0 ? DateOnly.FromDayNumber(known) : null,
                MetAtEventId = ReadNullableInt64(r), MetAtOrganizationId = ReadNullableInt64(r), IntroducedById = ReadNullableInt64(r), CreatedAt = new DateTime(r.ReadInt64(), DateTimeKind.Utc),
                Mutuals = r.ReadInt32(),
            });
        }
        var links = NetworkLinks.ReadFrom(r, contacts.Select(c => c.Id).ToArray());

        count = r.ReadInt32();
        var organizations = new List<InsightsOrganization>(count);
        for (var i = 0; i < count; i++)
        {
            organizations.Add(new InsightsOrganization(r.ReadInt64(), texts.Read(r) ?? "", (OrganizationKind)r.ReadInt32(), ReadNullableInt32(r)));
        }
        count = r.ReadInt32();
        var memberships = new List<MembershipSpan>(count);
        for (var i = 0; i < count; i++) memberships.Add(new MembershipSpan(r.ReadInt64(), r.ReadInt64(), ReadDate(r), ReadDate(r)));
        count = r.ReadInt32();
        var events = new List<InsightsEvent>(count);
        for (var i = 0; i < count; i++)
        {
            events.Add(new InsightsEvent(r.ReadInt64(), texts.Read(r) ?? "", new DateTime(r.ReadInt64(), DateTimeKind.Utc),
                ReadNullableInt32(r), r.ReadBoolean() ? r.ReadDecimal() : null, ReadNullableInt32(r), ReadNullableInt64(r), r.ReadBoolean()));
        }
        var attendances = new EventAttendance[r.ReadInt32()];
        for (var i = 0; i < attendances.Length; i++) attendances[i] = new EventAttendance(r.ReadInt64(), r.ReadInt64());
        count = r.ReadInt32();
        var metAtEvents = new List<(long, long)>(count);
        for (var i = 0; i < count; i++) metAtEvents.Add((r.ReadInt64(), r.ReadInt64()));
        count = r.ReadInt32();
        var stats = new Dictionary<long, ContactStats>(count);
        for (var i = 0; i < count; i++)
        {
            var contactId = r.ReadInt64();
            var touchCount = r.ReadInt32();
            var first = r.ReadInt64();
            var last = r.ReadInt64();
            var intensity = r.ReadDouble();
            var log = r.ReadBytes(r.ReadInt32());
            stats[contactId] = ContactStats.Restore(accountId, contactId, touchCount, first < 0 ? null : new DateTime(first, DateTimeKind.Utc),
                last < 0 ? null : new DateTime(last, DateTimeKind.Utc), intensity, log, r.ReadDouble(), r.ReadInt32(), r.ReadInt64(), r.ReadBoolean());
        }
        var touches = ContactTouches.ReadFrom(r, contacts.Count);
        var lastInteractionId = r.ReadInt64();
        var lastContactId = r.ReadInt64();
        var ledger = new CountedExchange[r.ReadInt32()];
        r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(ledger.AsSpan()));
        if (r.ReadInt32() != Format || r.BaseStream.Position != r.BaseStream.Length) throw new InvalidDataException("a value cut short or run on");
        return new NetworkInputs
        {
            Contacts = contacts, ById = contacts.ToDictionary(c => c.Id), Links = links, Organizations = organizations, Memberships = memberships, Events = events, Attendances = attendances,
            MetAtEvents = metAtEvents, Stats = stats, Touches = touches, Ledger = ledger, LastInteractionId = lastInteractionId, LastContactId = lastContactId,
        };
    }

    private static void WriteNullable(BinaryWriter w, int? value)
    {
        w.Write(value.HasValue);
        if (value is { } v) w.Write(v);
    }

    private static void WriteNullable(BinaryWriter w, long? value)
    {
        w.Write(value.HasValue);
        if (value is { } v) w.Write(v);
    }

    private static void WriteNullable(BinaryWriter w, double? value)
    {
        w.Write(value.HasValue);
        if (value is { } v) w.Write(v);
    }

    private static int? ReadNullableInt32(BinaryReader r) => r.ReadBoolean() ? r.ReadInt32() : null;

    private static long? ReadNullableInt64(BinaryReader r) => r.ReadBoolean() ? r.ReadInt64() : null;

    private static double? ReadNullableDouble(BinaryReader r) => r.ReadBoolean() ? r.ReadDouble() : null;

    private static DateOnly? ReadDate(BinaryReader r) => r.ReadInt32() is var day and >= 0 ? DateOnly.FromDayNumber(day) : null;

    /// <summary>Each distinct text once, named by number (0 for none); a read gives one instance per distinct text.</summary>
    private sealed class TextTable
    {
        private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
        private readonly List<string> _texts = [];
        private string[] _read = [];

        public void Add(params ReadOnlySpan<string?> texts)
        {
            foreach (var text in texts)
            {
                if (text is not null && _numbers.TryAdd(text, _texts.Count + 1)) _texts.Add(text);
            }
        }

        public void WriteTo(BinaryWriter w)
        {
            w.Write(_texts.Count);
            foreach (var text in _texts) w.Write(text);
        }

        public void Write(BinaryWriter w, string? text) => w.Write(text is null ? 0 : _numbers[text]);

        public static TextTable ReadFrom(BinaryReader r)
        {
            var table = new TextTable { _read = new string[r.ReadInt32() + 1] };
            for (var i = 1; i < table._read.Length; i++) table._read[i] = r.ReadString();
            return table;
        }

        public string? Read(BinaryReader r) => r.ReadInt32() is var n and > 0 ? _read[n] : null;
    }
}

/// <summary>A ledger entry as the insights count it: whose, on which day (its day number), and whether it is an ask.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly record struct CountedExchange(long ContactId, int Day, bool IsAsk);

/// <summary>The touches of each contact by position, in one array.</summary>
internal sealed class ContactTouches
{
    private readonly int[] _starts;
    private readonly Touch[] _touches;

    private ContactTouches(int[] starts, Touch[] touches)
    {
        _starts = starts;
        _touches = touches;
    }

    /// <summary>How many contacts the touches are of.</summary>
    public int Contacts => _starts.Length - 1;

    /// <summary>The touches of the contact at <paramref name="index"/>, in the order of their interactions.</summary>
    public ArraySegment<Touch> Of(int index) => new(_touches, _starts[index], _starts[index + 1] - _starts[index]);

    /// <summary>The live touches of the history's participant rows, grouped by contact (<paramref name="indexOf"/>: position, or −1 to leave out).</summary>
    public static ContactTouches From(HistoryScan history, int contacts, Func<long, int> indexOf)
    {
        var index = new int[history.Count];
        var starts = new int[contacts + 1];
        for (var k = 0; k < history.Count; k++)
        {
            index[k] = history.Live(k) ? indexOf(history.ContactId(k)) : -1;
            if (index[k] >= 0) starts[index[k] + 1]++;
        }
        for (var i = 0; i < contacts; i++) starts[i + 1] += starts[i];
        var next = starts[..^1];
        var touches = new Touch[starts[^1]];
        for (var k = 0; k < history.Count; k++)
        {
            if (index[k] >= 0) touches[next[index[k]]++] = history.TouchOf(k);
        }
        return new ContactTouches(starts, touches);
    }

    /// <summary>
    /// These touches with <paramref name="added"/> after those of their contact (by position), in the order given: that of
    /// interactions later than every one here.
    /// </summary>
    public ContactTouches With(IReadOnlyList<(int Index, Touch Touch)> added)
    {
        ArgumentNullException.ThrowIfNull(added);
        var contacts = Contacts;
        var starts = new int[contacts + 1];
        foreach (var (index, _) in added) starts[index + 1]++;
        for (var i = 0; i < contacts; i++) starts[i + 1] += starts[i] + Own(i);
        var touches = new Touch[_touches.Length + added.Count];
        var next = new int[contacts];
        for (var i = 0; i < contacts; i++)
        {
            Array.Copy(_touches, _starts[i], touches, starts[i], Own(i));
            next[i] = starts[i] + Own(i);
        }
        foreach (var (index, touch) in added) touches[next[index]++] = touch;
        return new ContactTouches(starts, touches);

        int Own(int i) => _starts[i + 1] - _starts[i];
    }

    /// <summary>
    /// These touches over other contacts, <paramref name="to"/> (ascending), these being of <paramref name="from"/>: a
    /// contact in <paramref name="own"/> has those touches, else one in both keeps its own, and one only in
    /// <paramref name="to"/> has none.
    /// </summary>
    public ContactTouches Over(long[] from, long[] to, IReadOnlyDictionary<long, Touch[]> own)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(own);
        if (from.Length != Contacts) throw new ArgumentException("the touches are of another number of contacts", nameof(from));
        var segments = new ArraySegment<Touch>[to.Length];
        var starts = new int[to.Length + 1];
        for (var i = 0; i < to.Length; i++)
        {
            segments[i] = own.TryGetValue(to[i], out var given) ? given : Array.BinarySearch(from, to[i]) is var j and >= 0 ? Of(j) : ArraySegment<Touch>.Empty;
            starts[i + 1] = starts[i] + segments[i].Count;
        }
        var touches = new Touch[starts[^1]];
        for (var i = 0; i < to.Length; i++) segments[i].CopyTo(touches, starts[i]);
        return new ContactTouches(starts, touches);
    }

    public void WriteTo(BinaryWriter w)
    {
        w.Write(_starts.Length);
        w.Write(MemoryMarshal.AsBytes(_starts.AsSpan()));
        w.Write(_touches.Length);
        w.Write(MemoryMarshal.AsBytes(_touches.AsSpan()));
    }

    public static ContactTouches ReadFrom(BinaryReader r, int contacts)
    {
        var starts = new int[r.ReadInt32()];
        if (starts.Length != contacts + 1) throw new InvalidDataException("touches of another network");
        r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(starts.AsSpan()));
        var touches = new Touch[r.ReadInt32()];
        r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(touches.AsSpan()));
        if (starts[0] != 0 || starts[^1] != touches.Length) throw new InvalidDataException("touches cut short");
        for (var i = 0; i < contacts; i++)
        {
            if (starts[i + 1] < starts[i]) throw new InvalidDataException("touches out of order");
        }
        return new ContactTouches(starts, touches);
    }
}
