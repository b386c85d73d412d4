using System.Globalization;
using Rapport.Domain.Contacts;
using Rapport.Domain.Interactions;

namespace Rapport.Domain.Nurture;

/// <summary>The weight of each interaction channel in decayed intensity (SCIENCE.md A.1).</summary>
public sealed record ChannelWeights(
    double InPerson, double Group, double Call, double Video, double Email,
    double Message, double Social, double Event, double Letter)
{
    /// <summary>The weight of one channel.</summary>
    public double Of(Channel channel) => channel switch
    {
        Channel.InPerson => InPerson,
        Channel.Group => Group,
        Channel.Call => Call,
        Channel.Video => Video,
        Channel.Email => Email,
        Channel.Message => Message,
        Channel.Social => Social,
        Channel.Event => Event,
        Channel.Letter => Letter,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, null),
    };

    /// <summary>A copy with one channel's weight replaced.</summary>
    public ChannelWeights With(Channel channel, double weight) => channel switch
    {
        Channel.InPerson => this with { InPerson = weight },
        Channel.Group => this with { Group = weight },
        Channel.Call => this with { Call = weight },
        Channel.Video => this with { Video = weight },
        Channel.Email => this with { Email = weight },
        Channel.Message => this with { Message = weight },
        Channel.Social => this with { Social = weight },
        Channel.Event => this with { Event = weight },
        Channel.Letter => this with { Letter = weight },
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, null),
    };
}

/// <summary>A yearly touchpoint campaign ("year-end greetings", 12-01 to 12-31) over some tiers; the range may wrap the new year.</summary>
public sealed record SeasonalCampaign(string Name, int FromMonth, int FromDay, int ToMonth, int ToDay, IReadOnlyList<Tier> Tiers)
{
    private int From => FromMonth * 100 + FromDay;
    private int To => ToMonth * 100 + ToDay;

    /// <summary>True when the date falls inside the campaign's yearly range.</summary>
    public bool Covers(DateOnly date)
    {
        var d = date.Month * 100 + date.Day;
        return From <= To ? d >= From && d <= To : d >= From || d <= To;
    }

    /// <summary>The first day of the occurrence of the campaign that covers <paramref name="date"/> (which must be covered).</summary>
    public DateOnly StartCovering(DateOnly date)
    {
        var year = From <= To || date.Month * 100 + date.Day >= From ? date.Year : date.Year - 1;
        return SafeDate(year, FromMonth, FromDay);
    }

    /// <summary>The last day of the occurrence of the campaign that covers <paramref name="date"/> (which must be covered).</summary>
    public DateOnly EndCovering(DateOnly date)
    {
        var start = StartCovering(date);
        var year = From <= To ? start.Year : start.Year + 1;
        return SafeDate(year, ToMonth, ToDay);
    }

    /// <summary>The text form used in settings: name|MM-dd|MM-dd|tier,tier.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name}|{FromMonth:00}-{FromDay:00}|{ToMonth:00}-{ToDay:00}|{string.Join(',', Tiers.Select(t => t.ToWire()))}");

    private static DateOnly SafeDate(int year, int month, int day) =>
        new(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
}

/// <summary>
/// Every default of SCIENCE.md A, B, C, D, G and I, plus the user's own profile, in one place so no engine holds a
/// scattered literal. Stored per account as key/value text rows (<see cref="ToValues"/>, <see cref="FromValues"/>).
/// </summary>
public sealed record NurtureSettings
{
    /// <summary>Reciprocity is measured over this many days; fixed (not a setting) because <see cref="ContactStats"/> keeps exactly this window.</summary>
    public const int ReciprocityWindowDays = 365;

    /// <summary>The defaults of SCIENCE.md.</summary>
    public static readonly NurtureSettings Default = new();

    // ---- A. Tie strength ----

    /// <summary>Channel weights: in-person 1:1 3, call/video 2, group/event/email/message/letter 1, social 0.2.</summary>
    public ChannelWeights Channels { get; init; } = new(3.0, 1.0, 2.0, 2.0, 1.0, 1.0, 0.2, 1.0, 1.0);

    /// <summary>Half-life of an interaction's contribution to intensity, in days.</summary>
    public double HalfLifeDays { get; init; } = 90;

    /// <summary>The scale s of F = 1 − e^(−I/s).</summary>
    public double FrequencyScale { get; init; } = 6;

    /// <summary>Weight of frequency in S.</summary>
    public double WeightFrequency { get; init; } = 0.50;

    /// <summary>Weight of reciprocity in S.</summary>
    public double WeightReciprocity { get; init; } = 0.15;

    /// <summary>Weight of duration in S.</summary>
    public double WeightDuration { get; init; } = 0.20;

    /// <summary>Weight of embeddedness in S.</summary>
    public double WeightEmbeddedness { get; init; } = 0.15;

    /// <summary>Years after which duration saturates at 1: D = ln(1 + years) / ln(1 + this).</summary>
    public double DurationSaturationYears { get; init; } = 10;

    /// <summary>The scale of E = 1 − e^(−m/scale) over mutual contacts m.</summary>
    public double EmbeddednessScale { get; init; } = 5;

    /// <summary>Share of the user's closeness rating C in S' = blend·C + (1 − blend)·S.</summary>
    public double ClosenessBlend { get; init; } = 0.5;

    /// <summary>S at or above which a tie is strong.</summary>
    public double StrongAt { get; init; } = 0.60;

    /// <summary>S at or above which a tie is medium.</summary>
    public double MediumAt { get; init; } = 0.30;

    /// <summary>Peak strength at or above which a silent tie counts as dormant (worth rekindling).</summary>
    public double DormantPeakAt { get; init; } = 0.30;

    /// <summary>Days without interaction after which a once-close tie is dormant.</summary>
    public int DormantDays { get; init; } = 365;

    /// <summary>Years without interaction after which a tie is long-dormant.</summary>
    public int LongDormantYears { get; init; } = 3;

    // ---- B. Tiers and cadences ----

    /// <summary>Highest rank in the inner tier (ranks 1–5).</summary>
    public int InnerRank { get; init; } = 5;

    /// <summary>Highest rank in the close tier (ranks 6–15).</summary>
    public int CloseRank { get; init; } = 15;

    /// <summary>Highest rank in the active tier (ranks 16–50).</summary>
    public int ActiveRank { get; init; } = 50;

    /// <summary>Highest rank in the network tier (ranks 51–150); beyond it, acquaintances.</summary>
    public int NetworkRank { get; init; } = 150;

    /// <summary>Keep-in-touch cadence of the inner tier, in days.</summary>
    public int InnerCadenceDays { get; init; } = 7;

    /// <summary>Keep-in-touch cadence of the close tier, in days.</summary>
    public int CloseCadenceDays { get; init; } = 30;

    /// <summary>Keep-in-touch cadence of the active tier, in days.</summary>
    public int ActiveCadenceDays { get; init; } = 90;

    /// <summary>Keep-in-touch cadence of the network tier, in days.</summary>
    public int NetworkCadenceDays { get; init; } = 365;

    /// <summary>Lapse at which a contact is due.</summary>
    public double LapseDue { get; init; } = 1;

    /// <summary>Lapse at which a contact is cooling.</summary>
    public double LapseCooling { get; init; } = 2;

    /// <summary>Lapse at which a contact is going dormant.</summary>
    public double LapseGoingDormant { get; init; } = 3;

    // ---- C. Reconnect ----

    /// <summary>Weight of peak strength in reconnect priority.</summary>
    public double ReconnectPeakWeight { get; init; } = 0.5;

    /// <summary>Weight of the years-dormant term in reconnect priority.</summary>
    public double ReconnectDormancyWeight { get; init; } = 0.3;

    /// <summary>Weight of goal relevance in reconnect priority.</summary>
    public double ReconnectGoalWeight { get; init; } = 0.2;

    /// <summary>Added when the contact is now more senior than when you were last in touch.</summary>
    public double ReconnectSeniorityBonus { get; init; } = 0.1;

    /// <summary>The scale of 1 − e^(−years dormant / scale).</summary>
    public double DormancyScaleYears { get; init; } = 2;

    // ---- D. Job leads ----

    /// <summary>Mutual contacts at which U(m) = (m/peak)·e^(1 − m/peak) peaks.</summary>
    public double JobLeadPeakMutuals { get; init; } = 10;

    // ---- G. Give / ask ----

    /// <summary>The ledger counts gives and asks over this many years.</summary>
    public int LedgerWindowYears { get; init; } = 2;

    /// <summary>Give first when the balance is at or below this.</summary>
    public double GiveFirstBalance { get; init; } = -0.5;

    /// <summary>... and at least this many asks were made.</summary>
    public int GiveFirstMinAsks { get; init; } = 2;

    /// <summary>No ask is suggested as the first touch once the lapse has reached this.</summary>
    public double NoAskLapse { get; init; } = 2;

    // ---- I. The plan ----

    /// <summary>Most touchpoints planned in a week.</summary>
    public int BudgetTouchpoints { get; init; } = 10;

    /// <summary>Most minutes planned in a week.</summary>
    public int BudgetMinutes { get; init; } = 60;

    /// <summary>Days with no plan items.</summary>
    public IReadOnlyList<DayOfWeek> QuietDays { get; init; } = [DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>A life event is worth congratulating for this many days.</summary>
    public int CongratulateDays { get; init; } = 14;

    /// <summary>Trips starting within this many days are planned for now (to arrange a meeting ahead).</summary>
    public int TripLeadDays { get; init; } = 14;

    /// <summary>Events starting within this many days are planned for now.</summary>
    public int EventLeadDays { get; init; } = 14;

    /// <summary>Yearly campaigns; defaults: year-end greetings in December and a summer check-in, over inner, close and active.</summary>
    public IReadOnlyList<SeasonalCampaign> Campaigns { get; init; } =
    [
        new("year-end greetings", 12, 1, 12, 31, [Tier.Inner, Tier.Close, Tier.Active]),
        new("summer check-in", 6, 15, 7, 31, [Tier.Inner, Tier.Close, Tier.Active]),
    ];

    /// <summary>Minutes each kind of action takes (to write the message or arrange the meeting).</summary>
    public IReadOnlyDictionary<PlanAction, int> EffortMinutes { get; init; } = new Dictionary<PlanAction, int>
    {
        [PlanAction.KeepInTouch] = 10,
        [PlanAction.Reconnect] = 15,
        [PlanAction.Congratulate] = 5,
        [PlanAction.Birthday] = 3,
        [PlanAction.Seasonal] = 5,
        [PlanAction.InTown] = 10,
        [PlanAction.FollowUp] = 10,
        [PlanAction.GiveFirst] = 20,
        [PlanAction.Goal] = 15,
        [PlanAction.Event] = 10,
        [PlanAction.IntroRequest] = 10,
    };

    /// <summary>Base priority of event-triggered actions; keep-in-touch uses tier priorities and lapse, reconnect uses SCIENCE.md C.</summary>
    public IReadOnlyDictionary<PlanAction, double> BasePriority { get; init; } = new Dictionary<PlanAction, double>
    {
        [PlanAction.Congratulate] = 0.9,
        [PlanAction.Birthday] = 0.7,
        [PlanAction.Seasonal] = 0.4,
        [PlanAction.InTown] = 0.7,
        [PlanAction.FollowUp] = 0.8,
        [PlanAction.GiveFirst] = 0.5,
        [PlanAction.Goal] = 0.6,
        [PlanAction.Event] = 0.6,
        [PlanAction.IntroRequest] = 0.5,
    };

    /// <summary>Keep-in-touch priority of the inner tier before lapse: p = tier · (1 − 2^(−L)).</summary>
    public double InnerPriority { get; init; } = 1.0;

    /// <summary>Keep-in-touch priority of the close tier.</summary>
    public double ClosePriority { get; init; } = 0.8;

    /// <summary>Keep-in-touch priority of the active tier.</summary>
    public double ActivePriority { get; init; } = 0.6;

    /// <summary>Keep-in-touch priority of the network tier.</summary>
    public double NetworkPriority { get; init; } = 0.4;

    /// <summary>Each skip multiplies an item's priority by this.</summary>
    public double SkipPenalty { get; init; } = 0.5;

    /// <summary>A skipped item returns after this many days times its skip count.</summary>
    public int SkipReturnDays { get; init; } = 7;

    // ---- Goals and invitations ----

    /// <summary>Goal relevance at or above which a contact matches a goal's profile.</summary>
    public double GoalMatchAt { get; init; } = 0.5;

    /// <summary>Credit for a partial match of one facet (a related category, a seniority that suits the relation).</summary>
    public double GoalPartialMatch { get; init; } = 0.5;

    /// <summary>An invitation within budget is worth accepting when its goal relevance reaches this.</summary>
    public double InvitationAcceptRelevance { get; init; } = 0.5;

    /// <summary>An invitation over budget is still worth accepting when its goal relevance reaches this.</summary>
    public double InvitationOverrideRelevance { get; init; } = 0.8;

    // ---- Your own profile ----

    /// <summary>Your own email addresses (lower case), so imports can tell your messages from theirs.</summary>
    public IReadOnlyList<string> OwnEmails { get; init; } = [];

    /// <summary>Your industry, to tell in-field from out-of-field contacts.</summary>
    public string? OwnIndustry { get; init; }

    /// <summary>Your function (product, engineering, sales ...).</summary>
    public string? OwnFunction { get; init; }

    /// <summary>The city you live in; contacts' trips here trigger in-town items.</summary>
    public string? HomeCity { get; init; }

    // ---- Derived helpers ----

    /// <summary>The effort of an action, in minutes.</summary>
    public int EffortOf(PlanAction action) => EffortMinutes.TryGetValue(action, out var m) ? m : 0;

    /// <summary>The base priority of an event-triggered action.</summary>
    public double PriorityOf(PlanAction action) => BasePriority.TryGetValue(action, out var p) ? p : 0;

    /// <summary>The keep-in-touch cadence of a tier in days, or null for acquaintances (event-triggered only).</summary>
    public int? CadenceDays(Tier tier) => tier switch
    {
        Tier.Inner => InnerCadenceDays,
        Tier.Close => CloseCadenceDays,
        Tier.Active => ActiveCadenceDays,
        Tier.Network => NetworkCadenceDays,
        _ => null,
    };

    /// <summary>The keep-in-touch priority of a tier before lapse (0 for acquaintances).</summary>
    public double TierPriority(Tier tier) => tier switch
    {
        Tier.Inner => InnerPriority,
        Tier.Close => ClosePriority,
        Tier.Active => ActivePriority,
        Tier.Network => NetworkPriority,
        _ => 0,
    };

    /// <summary>True when no plan items go on this day of the week.</summary>
    public bool IsQuiet(DayOfWeek day)
    {
        for (var i = 0; i < QuietDays.Count; i++)
        {
            if (QuietDays[i] == day) return true;
        }
        return false;
    }

    // ---- Key/value access ----

    /// <summary>Every settings key with its one-line description, in display order.</summary>
    public static IReadOnlyList<SettingDefinition> Keys => SettingsRegistry.All;

    /// <summary>The text value of one key.</summary>
    public string Get(string key) => SettingsRegistry.Find(key).Get(this);

    /// <summary>A copy with one key set from text; throws <see cref="DomainException"/> naming the key for an unknown key or a bad value.</summary>
    public NurtureSettings With(string key, string value)
    {
        var next = SettingsRegistry.Find(key).Set(this, value ?? "");
        next.Validate();
        return next;
    }

    /// <summary>Every key whose value differs from the default, as text, for storage as key/value rows.</summary>
    public IReadOnlyDictionary<string, string> ToValues()
    {
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var def in SettingsRegistry.All)
        {
            var v = def.Get(this);
            if (v != def.Get(Default)) values[def.Key] = v;
        }
        return values;
    }

    /// <summary>Settings from stored key/value rows over the defaults; cross-key rules are checked after all rows are applied.</summary>
    public static NurtureSettings FromValues(IEnumerable<KeyValuePair<string, string>> values)
    {
        var s = Default;
        foreach (var (key, value) in values) s = SettingsRegistry.Find(key).Set(s, value ?? "");
        s.Validate();
        return s;
    }

    /// <summary>Checks rules that tie keys together (increasing ranks, label and lapse thresholds).</summary>
    public void Validate()
    {
        Order("rank.inner", InnerRank, "rank.close", CloseRank);
        Order("rank.close", CloseRank, "rank.active", ActiveRank);
        Order("rank.active", ActiveRank, "rank.network", NetworkRank);
        Order("label.medium", MediumAt, "label.strong", StrongAt);
        Order("lapse.due", LapseDue, "lapse.cooling", LapseCooling);
        Order("lapse.cooling", LapseCooling, "lapse.going-dormant", LapseGoingDormant);
    }

    private static void Order(string lowKey, double low, string highKey, double high)
    {
        if (low > high)
        {
            throw new DomainException(highKey, string.Create(CultureInfo.InvariantCulture,
                $"{highKey} ({high}) must not be below {lowKey} ({low}); change {lowKey} first or set both"));
        }
    }
}

/// <summary>One settings key: its name, a one-line description, and how to read and write it as text.</summary>
public sealed class SettingDefinition
{
    internal SettingDefinition(string key, string description, Func<NurtureSettings, string> get, Func<NurtureSettings, string, NurtureSettings> set)
    {
        Key = key;
        Description = description;
        Get = get;
        Set = set;
    }

    /// <summary>The key, such as budget.minutes.</summary>
    public string Key { get; }

    /// <summary>What the key means, in one line.</summary>
    public string Description { get; }

    internal Func<NurtureSettings, string> Get { get; }
    internal Func<NurtureSettings, string, NurtureSettings> Set { get; }
}
