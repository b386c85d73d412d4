using System.Globalization;
using Rapport.Domain.Contacts;
using Rapport.Domain.Interactions;

namespace Rapport.Domain.Nurture;

/// <summary>The table of settings keys: parsing, validation and formatting of each, kept beside each other so they cannot drift.</summary>
internal static class SettingsRegistry
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static readonly IReadOnlyList<SettingDefinition> All = Build();

    private static readonly Dictionary<string, SettingDefinition> ByKey =
        All.ToDictionary(d => d.Key, StringComparer.OrdinalIgnoreCase);

    public static SettingDefinition Find(string key)
    {
        if (key is not null && ByKey.TryGetValue(key.Trim(), out var def)) return def;
        throw new DomainException("key", $"'{key}' is not a settings key; known keys: {string.Join(", ", All.Select(d => d.Key))}");
    }

    private static List<SettingDefinition> Build()
    {
        var list = new List<SettingDefinition>();

        // Budget and boundaries first: they are what users change most.
        list.Add(Int("budget.touchpoints", "most touchpoints planned per week", 0, 500, s => s.BudgetTouchpoints, (s, v) => s with { BudgetTouchpoints = v }));
        list.Add(Int("budget.minutes", "most minutes planned per week", 0, 7 * 24 * 60, s => s.BudgetMinutes, (s, v) => s with { BudgetMinutes = v }));
        list.Add(new("quiet-days", "days of the week with no plan items, comma-separated (e.g. saturday,sunday) or none", s => FormatDays(s.QuietDays), (s, v) => s with { QuietDays = ParseDays("quiet-days", v) }));

        foreach (var tier in new[] { Tier.Inner, Tier.Close, Tier.Active, Tier.Network })
        {
            var name = tier.ToWire();
            list.Add(Int($"cadence.{name}", $"keep-in-touch cadence of the {name} tier, in days", 1, 3650,
                s => s.CadenceDays(tier)!.Value,
                (s, v) => tier switch
                {
                    Tier.Inner => s with { InnerCadenceDays = v },
                    Tier.Close => s with { CloseCadenceDays = v },
                    Tier.Active => s with { ActiveCadenceDays = v },
                    _ => s with { NetworkCadenceDays = v },
                }));
        }
        list.Add(Int("rank.inner", "highest rank (by strength) in the inner tier", 0, 1_000_000, s => s.InnerRank, (s, v) => s with { InnerRank = v }));
        list.Add(Int("rank.close", "highest rank in the close tier", 0, 1_000_000, s => s.CloseRank, (s, v) => s with { CloseRank = v }));
        list.Add(Int("rank.active", "highest rank in the active tier", 0, 1_000_000, s => s.ActiveRank, (s, v) => s with { ActiveRank = v }));
        list.Add(Int("rank.network", "highest rank in the network tier; beyond it, acquaintances", 0, 1_000_000, s => s.NetworkRank, (s, v) => s with { NetworkRank = v }));
        list.Add(Dbl("lapse.due", "lapse (days since last / cadence) at which a contact is due", 0, 100, s => s.LapseDue, (s, v) => s with { LapseDue = v }));
        list.Add(Dbl("lapse.cooling", "lapse at which a contact is cooling", 0, 100, s => s.LapseCooling, (s, v) => s with { LapseCooling = v }));
        list.Add(Dbl("lapse.going-dormant", "lapse at which a contact is going dormant", 0, 100, s => s.LapseGoingDormant, (s, v) => s with { LapseGoingDormant = v }));

        foreach (var channel in Enum.GetValues<Channel>())
        {
            var name = ChannelName(channel);
            list.Add(Dbl($"weights.channel.{name}", $"weight of one {name} interaction in intensity", 0, 100,
                s => s.Channels.Of(channel), (s, v) => s with { Channels = s.Channels.With(channel, v) }));
        }
        list.Add(Dbl("weights.frequency", "weight of frequency F in strength S", 0, 1, s => s.WeightFrequency, (s, v) => s with { WeightFrequency = v }));
        list.Add(Dbl("weights.reciprocity", "weight of reciprocity R in strength S", 0, 1, s => s.WeightReciprocity, (s, v) => s with { WeightReciprocity = v }));
        list.Add(Dbl("weights.duration", "weight of duration D in strength S", 0, 1, s => s.WeightDuration, (s, v) => s with { WeightDuration = v }));
        list.Add(Dbl("weights.embeddedness", "weight of embeddedness E in strength S", 0, 1, s => s.WeightEmbeddedness, (s, v) => s with { WeightEmbeddedness = v }));
        list.Add(Dbl("half-life.days", "half-life of an interaction's weight in intensity, in days", 1, 3650, s => s.HalfLifeDays, (s, v) => s with { HalfLifeDays = v }));
        list.Add(Dbl("frequency.scale", "scale s of frequency F = 1 - e^(-I/s)", 0.01, 1000, s => s.FrequencyScale, (s, v) => s with { FrequencyScale = v }));
        list.Add(Dbl("duration.years", "years known at which duration D reaches 1", 0.1, 100, s => s.DurationSaturationYears, (s, v) => s with { DurationSaturationYears = v }));
        list.Add(Dbl("embeddedness.scale", "scale of embeddedness E = 1 - e^(-mutuals/scale)", 0.01, 1000, s => s.EmbeddednessScale, (s, v) => s with { EmbeddednessScale = v }));
        list.Add(Dbl("closeness.blend", "share of your closeness rating in strength when you gave one", 0, 1, s => s.ClosenessBlend, (s, v) => s with { ClosenessBlend = v }));
        list.Add(Dbl("label.strong", "strength at or above which a tie is strong", 0, 1, s => s.StrongAt, (s, v) => s with { StrongAt = v }));
        list.Add(Dbl("label.medium", "strength at or above which a tie is medium", 0, 1, s => s.MediumAt, (s, v) => s with { MediumAt = v }));
        list.Add(Dbl("label.dormant-peak", "peak strength at or above which a silent tie is dormant", 0, 1, s => s.DormantPeakAt, (s, v) => s with { DormantPeakAt = v }));
        list.Add(Int("dormant.days", "days without contact after which a once-close tie is dormant", 1, 36500, s => s.DormantDays, (s, v) => s with { DormantDays = v }));
        list.Add(Int("long-dormant.years", "years without contact after which a tie is long-dormant", 1, 100, s => s.LongDormantYears, (s, v) => s with { LongDormantYears = v }));

        list.Add(Dbl("reconnect.weight.peak", "weight of peak strength in reconnect priority", 0, 1, s => s.ReconnectPeakWeight, (s, v) => s with { ReconnectPeakWeight = v }));
        list.Add(Dbl("reconnect.weight.dormancy", "weight of years dormant in reconnect priority", 0, 1, s => s.ReconnectDormancyWeight, (s, v) => s with { ReconnectDormancyWeight = v }));
        list.Add(Dbl("reconnect.weight.goal", "weight of goal relevance in reconnect priority", 0, 1, s => s.ReconnectGoalWeight, (s, v) => s with { ReconnectGoalWeight = v }));
        list.Add(Dbl("reconnect.seniority-bonus", "added to reconnect priority when the contact is now more senior", 0, 1, s => s.ReconnectSeniorityBonus, (s, v) => s with { ReconnectSeniorityBonus = v }));
        list.Add(Dbl("reconnect.dormancy-years", "scale of 1 - e^(-years dormant/scale) in reconnect priority", 0.01, 100, s => s.DormancyScaleYears, (s, v) => s with { DormancyScaleYears = v }));
        list.Add(Dbl("job-lead.peak-mutuals", "mutual contacts at which the job-lead score peaks", 0.1, 10000, s => s.JobLeadPeakMutuals, (s, v) => s with { JobLeadPeakMutuals = v }));

        list.Add(Int("ledger.years", "years of gives and asks counted in the ledger", 1, 100, s => s.LedgerWindowYears, (s, v) => s with { LedgerWindowYears = v }));
        list.Add(Dbl("give-first.balance", "give first when the give/ask balance is at or below this", -1, 1, s => s.GiveFirstBalance, (s, v) => s with { GiveFirstBalance = v }));
        list.Add(Int("give-first.asks", "... and at least this many asks were made", 0, 1000, s => s.GiveFirstMinAsks, (s, v) => s with { GiveFirstMinAsks = v }));
        list.Add(Dbl("ask.max-lapse", "no ask is suggested as the first touch once the lapse reaches this", 0, 100, s => s.NoAskLapse, (s, v) => s with { NoAskLapse = v }));

        list.Add(Int("congratulate.days", "days after a life event during which to congratulate", 0, 365, s => s.CongratulateDays, (s, v) => s with { CongratulateDays = v }));
        list.Add(Int("trip.lead-days", "trips starting within this many days are planned now", 0, 365, s => s.TripLeadDays, (s, v) => s with { TripLeadDays = v }));
        list.Add(Int("event.lead-days", "events starting within this many days are planned now", 0, 365, s => s.EventLeadDays, (s, v) => s with { EventLeadDays = v }));
        list.Add(new("campaigns", "seasonal campaigns: name|MM-dd|MM-dd|tier,tier separated by ';', or none", s => string.Join("; ", s.Campaigns), (s, v) => s with { Campaigns = ParseCampaigns(v) }));

        foreach (var action in PlanActions.All)
        {
            var wire = action.ToWire();
            list.Add(Int($"effort.{wire}", $"minutes a {wire} action takes", 1, 24 * 60,
                s => s.EffortOf(action), (s, v) => s with { EffortMinutes = Replace(s.EffortMinutes, action, v) }));
        }
        foreach (var action in PlanActions.All.Where(a => a is not PlanAction.KeepInTouch and not PlanAction.Reconnect))
        {
            var wire = action.ToWire();
            list.Add(Dbl($"priority.{wire}", $"base priority of a {wire} item", 0, 1,
                s => s.PriorityOf(action), (s, v) => s with { BasePriority = Replace(s.BasePriority, action, v) }));
        }
        list.Add(Dbl("priority.tier.inner", "keep-in-touch priority of the inner tier (times 1 - 2^-lapse)", 0, 1, s => s.InnerPriority, (s, v) => s with { InnerPriority = v }));
        list.Add(Dbl("priority.tier.close", "keep-in-touch priority of the close tier", 0, 1, s => s.ClosePriority, (s, v) => s with { ClosePriority = v }));
        list.Add(Dbl("priority.tier.active", "keep-in-touch priority of the active tier", 0, 1, s => s.ActivePriority, (s, v) => s with { ActivePriority = v }));
        list.Add(Dbl("priority.tier.network", "keep-in-touch priority of the network tier", 0, 1, s => s.NetworkPriority, (s, v) => s with { NetworkPriority = v }));
        list.Add(Dbl("skip.penalty", "each skip multiplies an item's priority by this", 0, 1, s => s.SkipPenalty, (s, v) => s with { SkipPenalty = v }));
        list.Add(Int("skip.return-days", "a skipped item returns after this many days times its skip count", 0, 365, s => s.SkipReturnDays, (s, v) => s with { SkipReturnDays = v }));

        list.Add(Dbl("goal.match", "goal relevance at or above which a contact matches a goal", 0, 1, s => s.GoalMatchAt, (s, v) => s with { GoalMatchAt = v }));
        list.Add(Dbl("goal.partial", "credit for a partial match of one goal facet", 0, 1, s => s.GoalPartialMatch, (s, v) => s with { GoalPartialMatch = v }));
        list.Add(Dbl("invitation.accept", "goal relevance at which an invitation within budget is worth accepting", 0, 1, s => s.InvitationAcceptRelevance, (s, v) => s with { InvitationAcceptRelevance = v }));
        list.Add(Dbl("invitation.override", "goal relevance at which an invitation over budget is still worth accepting", 0, 1, s => s.InvitationOverrideRelevance, (s, v) => s with { InvitationOverrideRelevance = v }));

        list.Add(new("own.emails", "your own email addresses, comma-separated", s => string.Join(",", s.OwnEmails), (s, v) => s with { OwnEmails = ParseEmails(v) }));
        list.Add(Text("own.industry", "your industry, to tell in-field from out-of-field", s => s.OwnIndustry, (s, v) => s with { OwnIndustry = v }));
        list.Add(Text("own.function", "your function (e.g. product management)", s => s.OwnFunction, (s, v) => s with { OwnFunction = v }));
        list.Add(Text("home.city", "the city you live in; contacts visiting it trigger in-town items", s => s.HomeCity, (s, v) => s with { HomeCity = v }));
        return list;
    }

    private static string ChannelName(Channel c) => c switch
    {
        Channel.InPerson => "in-person",
        _ => c.ToString().ToLowerInvariant(),
    };

    private static Dictionary<PlanAction, T> Replace<T>(IReadOnlyDictionary<PlanAction, T> source, PlanAction action, T value) =>
        new(source) { [action] = value };

    private static SettingDefinition Int(string key, string description, int min, int max, Func<NurtureSettings, int> get, Func<NurtureSettings, int, NurtureSettings> set) =>
        new(key, description, s => get(s).ToString(Inv), (s, text) =>
        {
            if (!int.TryParse(text.Trim(), NumberStyles.Integer, Inv, out var v) || v < min || v > max)
                throw new DomainException(key, string.Create(Inv, $"{key} must be a whole number from {min} to {max}, not '{text}'"));
            return set(s, v);
        });

    private static SettingDefinition Dbl(string key, string description, double min, double max, Func<NurtureSettings, double> get, Func<NurtureSettings, double, NurtureSettings> set) =>
        new(key, description, s => get(s).ToString(Inv), (s, text) =>
        {
            if (!double.TryParse(text.Trim(), NumberStyles.Float, Inv, out var v) || !double.IsFinite(v) || v < min || v > max)
                throw new DomainException(key, string.Create(Inv, $"{key} must be a number from {min} to {max}, not '{text}'"));
            return set(s, v);
        });

    private static SettingDefinition Text(string key, string description, Func<NurtureSettings, string?> get, Func<NurtureSettings, string?, NurtureSettings> set) =>
        new(key, description, s => get(s) ?? "", (s, text) =>
        {
            var t = text.Trim();
            if (t.Length > 200) throw new DomainException(key, $"{key} must be at most 200 characters, not {t.Length}");
            return set(s, t.Length == 0 ? null : t);
        });

    private static string FormatDays(IReadOnlyList<DayOfWeek> days) =>
        days.Count == 0 ? "none" : string.Join(",", days.Order().Select(d => d.ToString().ToLowerInvariant()));

    private static DayOfWeek[] ParseDays(string key, string text)
    {
        var t = text.Trim();
        if (t.Length == 0 || t.Equals("none", StringComparison.OrdinalIgnoreCase)) return [];
        var days = new List<DayOfWeek>();
        foreach (var part in t.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = Enum.GetValues<DayOfWeek>().Where(d =>
                d.ToString().Equals(part, StringComparison.OrdinalIgnoreCase)
                || (part.Length == 3 && d.ToString().StartsWith(part, StringComparison.OrdinalIgnoreCase))).ToList();
            if (match.Count != 1)
                throw new DomainException(key, $"{key} must be weekday names separated by commas (e.g. saturday,sunday) or none, not '{text}'");
            if (!days.Contains(match[0])) days.Add(match[0]);
        }
        if (days.Count == 7) throw new DomainException(key, $"{key} cannot be every day of the week; the plan would never have a day");
        return [.. days.Order()];
    }

    private static string[] ParseEmails(string text)
    {
        var result = new List<string>();
        foreach (var part in text.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            try
            {
                var e = ContactEmail.Normalize(part);
                if (!result.Contains(e)) result.Add(e);
            }
            catch (DomainException ex)
            {
                throw new DomainException("own.emails", $"own.emails must be email addresses separated by commas: {ex.Message}");
            }
        }
        return [.. result];
    }

    private static SeasonalCampaign[] ParseCampaigns(string text)
    {
        const string Shape = "campaigns must be 'name|MM-dd|MM-dd|tier,tier' entries separated by ';' (tiers: inner, close, active, network, acquaintance), or none";
        var t = text.Trim();
        if (t.Length == 0 || t.Equals("none", StringComparison.OrdinalIgnoreCase)) return [];
        var result = new List<SeasonalCampaign>();
        foreach (var entry in t.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split('|', StringSplitOptions.TrimEntries);
            if (parts.Length != 4 || parts[0].Length == 0)
                throw new DomainException("campaigns", $"{Shape}, not '{entry}'");
            var (fm, fd) = ParseMonthDay(parts[1], entry, Shape);
            var (tm, td) = ParseMonthDay(parts[2], entry, Shape);
            var tiers = new List<Tier>();
            foreach (var name in parts[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!Enum.TryParse<Tier>(name, ignoreCase: true, out var tier) || !Enum.IsDefined(tier) || int.TryParse(name, out _))
                    throw new DomainException("campaigns", $"{Shape}; '{name}' is not a tier in '{entry}'");
                if (!tiers.Contains(tier)) tiers.Add(tier);
            }
            if (tiers.Count == 0) throw new DomainException("campaigns", $"{Shape}; '{entry}' names no tier");
            result.Add(new SeasonalCampaign(parts[0], fm, fd, tm, td, tiers));
        }
        return [.. result];
    }

    private static (int Month, int Day) ParseMonthDay(string text, string entry, string shape)
    {
        var parts = text.Split('-');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, Inv, out var m) && m is >= 1 and <= 12
            && int.TryParse(parts[1], NumberStyles.None, Inv, out var d) && d >= 1 && d <= DateTime.DaysInMonth(2000, m))
        {
            return (m, d);
        }
        throw new DomainException("campaigns", $"{shape}; '{text}' is not a month-day in '{entry}'");
    }
}
