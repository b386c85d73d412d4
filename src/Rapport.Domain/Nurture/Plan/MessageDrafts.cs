using System.Globalization;
using Rapport.Domain.Contacts;
using Rapport.Domain.Exchanges;
using Rapport.Domain.Nurture.Goals;

namespace Rapport.Domain.Nurture.Plan;

/// <summary>
/// Message drafts per kind of action, written from what is known (their new role, the last topic, the event you both
/// attended, what you promised, the city of the trip, the goal) so the user edits rather than starts from a blank page.
/// </summary>
public static class MessageDrafts
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>A catch-up for a contact due by cadence.</summary>
    public static string KeepInTouch(ContactFacts c, string? lastNote, string? sharedEvent) =>
        $"Hi {c.FirstName}, it's been a little while{Topic(lastNote, " since we talked about ")}{(lastNote is null && sharedEvent is not null ? $" since {sharedEvent}" : "")}. "
        + $"How are things{At(c.Company)}? Would you have time for a quick call in the next couple of weeks?";

    /// <summary>A warm reach-out to a dormant tie, naming how long it has been.</summary>
    public static string Reconnect(ContactFacts c, double yearsDormant, string? lastNote, string? sharedEvent)
    {
        var since = yearsDormant >= 1.5 ? string.Create(Inv, $"{Math.Round(yearsDormant):0} years") : "more than a year";
        var memory = lastNote is not null ? $" I still remember our conversation about {Trim(lastNote)}."
            : sharedEvent is not null ? $" I still remember meeting at {sharedEvent}." : "";
        return $"Hi {c.FirstName}, it's been {since} since we were last in touch and you came to mind.{memory} "
            + $"I'd love to hear what you're working on{(c.Title is not null ? $" as {c.Title}" : "")}{At(c.Company)} these days. Coffee or a call sometime soon?";
    }

    /// <summary>Congratulations on a life event, naming the new role, company or place when known.</summary>
    public static string Congratulate(ContactFacts c, LifeEventKind kind, string? note) => kind switch
    {
        LifeEventKind.NewJob => $"Congratulations on the new role{(c.Title is not null ? $" as {c.Title}" : "")}{At(c.Company)}, {c.FirstName}! {Topic(Unless(note, c.Title), "", ". ")}Wishing you a great start; I'd love to hear how it's going once you've settled in.",
        LifeEventKind.Promotion => $"Congratulations on your promotion{(c.Title is not null ? $" to {c.Title}" : "")}, {c.FirstName}! {Topic(Unless(note, c.Title), "", ". ")}Well deserved.",
        LifeEventKind.Move => $"Hi {c.FirstName}, I heard you moved{(c.City is not null ? $" to {c.City}" : "")}. {Topic(note, "", ". ")}I hope the move went smoothly; let me know if I can help with introductions there.",
        LifeEventKind.Award => $"Congratulations on the award{Topic(note, ": ")}, {c.FirstName}! Great to see your work recognized.",
        _ => $"Hi {c.FirstName}, {(note is not null ? $"congratulations on {Trim(note)}" : "congratulations on the news")}! Hope all is well.",
    };

    /// <summary>A work anniversary note.</summary>
    public static string Anniversary(ContactFacts c) =>
        $"Hi {c.FirstName}, happy work anniversary{At(c.Company)}! Hope the year ahead is a great one.";

    /// <summary>Birthday wishes.</summary>
    public static string Birthday(ContactFacts c) =>
        $"Happy birthday, {c.FirstName}! Wishing you a wonderful day and a great year ahead.";

    /// <summary>A seasonal greeting for a campaign.</summary>
    public static string Seasonal(ContactFacts c, string campaign, string? lastNote) => campaign.Contains("year", StringComparison.OrdinalIgnoreCase)
        ? $"Hi {c.FirstName}, as the year comes to an end I wanted to say thank you{Topic(lastNote, " for our conversation about ")} and wish you a restful holiday season and a great new year."
        : $"Hi {c.FirstName}, a quick {campaign} from me: how is your {(campaign.Contains("summer", StringComparison.OrdinalIgnoreCase) ? "summer" : "season")} going{At(c.Company)}?{Topic(lastNote, " Any news since we talked about ", "?")}";

    /// <summary>An offer to meet during your trip to their city.</summary>
    public static string InTownYours(ContactFacts c, string city, DateOnly from, DateOnly to) =>
        $"Hi {c.FirstName}, I'll be in {city} {Range(from, to)}. Would you have time for a coffee while I'm there?";

    /// <summary>An offer to meet while they visit your city.</summary>
    public static string InTownTheirs(ContactFacts c, string city, DateOnly from, DateOnly to) =>
        $"Hi {c.FirstName}, I heard you'll be in {city} {Range(from, to)}. Would you like to meet for a coffee while you're in town?";

    /// <summary>A follow-up on a reminder.</summary>
    public static string FollowUp(ContactFacts c, string? note) =>
        $"Hi {c.FirstName}, following up{Topic(note, " on ")}. Let me know how it's going and if there's anything I can do.";

    /// <summary>Delivering on something you offered.</summary>
    public static string Promise(ContactFacts c, ExchangeKind kind, string? note) =>
        $"Hi {c.FirstName}, as promised, following up on the {KindName(kind)} I offered{Topic(Lower(note), " (", ")")}. Happy to help further if useful.";

    /// <summary>An offer of help to someone you have asked more of than you gave.</summary>
    public static string GiveFirst(ContactFacts c, string? lastNote) =>
        $"Hi {c.FirstName}, thank you again for your help{Topic(lastNote, " with ")}. I'd like to return the favor: is there anything I can do for you{At(c.Company)}? An introduction, feedback, anything.";

    /// <summary>A first reach-out to someone who matches a goal.</summary>
    public static string Goal(ContactFacts c, string goalTitle) =>
        $"Hi {c.FirstName}, I'm working toward a goal ({Trim(goalTitle)}) and admire your work{(c.Title is not null ? $" as {c.Title}" : "")}{At(c.Company)}. Would you be open to a 20-minute conversation in the coming weeks?";

    /// <summary>A proposal to meet at an event you both attend.</summary>
    public static string Event(ContactFacts c, string eventName, DateOnly on) =>
        $"Hi {c.FirstName}, I see we're both going to {eventName} on {on.ToString("ddd MMM d", Inv)}. Shall we meet there for a coffee?";

    /// <summary>A request for a warm introduction.</summary>
    public static string IntroRequest(ContactFacts c, string target, string? purpose) =>
        $"Hi {c.FirstName}, hope you're well. Would you be comfortable introducing me to {target}?{Topic(purpose, " I'm ", ".")} I'm happy to send a short note you can forward.";

    /// <summary>The kind of exchange in plain words.</summary>
    public static string KindName(ExchangeKind kind) => kind switch
    {
        ExchangeKind.Knowledge => "knowledge share",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>The kind of exchange with its article, for sentences ("you offered an introduction").</summary>
    public static string KindPhrase(ExchangeKind kind) => kind switch
    {
        ExchangeKind.Advice or ExchangeKind.Help => KindName(kind),
        ExchangeKind.Introduction or ExchangeKind.Endorsement => "an " + KindName(kind),
        _ => "a " + KindName(kind),
    };

    /// <summary>The note, unless it only repeats what the sentence already says (the new title).</summary>
    private static string? Unless(string? note, string? already) =>
        note is not null && already is not null && note.Contains(already, StringComparison.OrdinalIgnoreCase) ? null : note;

    private static string? Lower(string? note) =>
        string.IsNullOrEmpty(note) || note.Length < 2 || char.IsUpper(note[1]) ? note : char.ToLowerInvariant(note[0]) + note[1..];

    private static string At(string? company) => company is null ? "" : $" at {company}";

    private static string Topic(string? note, string prefix, string suffix = "") =>
        string.IsNullOrWhiteSpace(note) ? "" : prefix + Trim(note) + suffix;

    private static string Trim(string text)
    {
        var t = text.Trim().TrimEnd('.', '!', '?');
        return t.Length <= 120 ? t : string.Concat(t.AsSpan(0, 117), "...");
    }

    private static string Range(DateOnly from, DateOnly to) => from == to
        ? $"on {from.ToString("MMM d", Inv)}"
        : $"from {from.ToString("MMM d", Inv)} to {to.ToString("MMM d", Inv)}";
}
