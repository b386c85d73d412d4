using Rapport.App.Common;
using Rapport.Data;
using Rapport.Domain.Contacts;
using Rapport.Domain.Exchanges;

namespace Rapport.App.Contacts;

/// <summary>
/// Logs an introduction: you, or a contact, introduced two people (or one of them to you). The insights then link the two,
/// and the introducer to each (a logged introduction, not a link you entered).
/// </summary>
public sealed class LogIntroduction(RapportDbContext db, TimeProvider clock)
{
    /// <summary>The introduction logged, with the names of those in it (the introducer null for you).</summary>
    public async Task<(Introduction Introduction, string? Introducer, string PersonA, string? PersonB)> ExecuteAsync(
        string whoA, string? whoB, string? by, string? date, string? outcome, string? note, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(whoA)) throw new InputException("first person", "first person: name who was introduced (a name, email or #id)");
        var a = await ContactResolver.ResolveAsync(db, whoA, "first person", ct);
        Contact? b = whoB is null ? null : await ContactResolver.ResolveAsync(db, whoB, "second person", ct);
        Contact? introducer = by is null ? null : await ContactResolver.ResolveAsync(db, by, "by", ct);
        if (b is null && introducer is null)
            throw new InputException("intro", "intro: name the second person, or who introduced you with --by");
        if (b is not null && a.Id == b.Id) throw new InputException("intro", $"intro: {a.DisplayName} cannot be introduced to themselves");
        if (introducer is not null && (introducer.Id == a.Id || introducer.Id == b?.Id))
            throw new InputException("by", $"by: {introducer.DisplayName} cannot introduce themselves");
        var on = date is null ? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) : Input.ParseDate("date", date);
        var introduction = new Introduction(introducer?.Id, a.Id, b?.Id, on)
        {
            Outcome = Input.TrimmedOrNull(outcome),
            Note = Input.TrimmedOrNull(note),
        };
        db.Introductions.Add(introduction);
        await db.SaveChangesAsync(ct);
        return (introduction, introducer?.DisplayName, a.DisplayName, b?.DisplayName);
    }
}
