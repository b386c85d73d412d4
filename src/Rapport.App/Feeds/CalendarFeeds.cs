using Microsoft.EntityFrameworkCore;
using Rapport.App.Common;
using Rapport.Data;
using Rapport.Data.Storage;
using Rapport.Domain.Feeds;
using Rapport.Formats.ICalendar;

namespace Rapport.App.Feeds;

/// <summary>A calendar feed as listed: never the token, which is shown once, when created.</summary>
public sealed record FeedView(long Id, string Label, DateTime CreatedAt, DateTime? RevokedAt)
{
    public bool Active => RevokedAt is null;
}

/// <summary>A new feed: its id, label, the secret token (shown once) and the path a calendar app subscribes to.</summary>
public sealed record CreatedFeed(long Id, string Label, string Token, string Path);

/// <summary>Creates, lists and revokes the secret calendar feeds of an account.</summary>
public sealed class CalendarFeeds(RapportDbContext db, TimeProvider clock)
{
    public async Task<CreatedFeed> CreateAsync(string? label, CancellationToken ct = default)
    {
        var (row, token) = FeedToken.Create(label, clock.GetUtcNow().UtcDateTime);
        db.FeedTokens.Add(row);
        await db.SaveChangesAsync(ct);
        return new CreatedFeed(row.Id, row.Label, token, $"/feeds/{token}.ics");
    }

    public async Task<IReadOnlyList<FeedView>> ListAsync(CancellationToken ct = default) =>
        await db.FeedTokens.AsNoTracking().OrderBy(f => f.Id).Select(f => new FeedView(f.Id, f.Label, f.CreatedAt, f.RevokedAt)).ToListAsync(ct);

    /// <summary>Revokes the feed (again harmlessly); <c>Already</c> says it was revoked before this call.</summary>
    public async Task<(FeedView Feed, bool Already)> RevokeAsync(long id, CancellationToken ct = default)
    {
        var row = await db.FeedTokens.FirstOrDefaultAsync(f => f.Id == id, ct) ?? throw new InputException("id", $"id: no calendar feed has id {id}");
        var already = row.RevokedAt is not null;
        row.Revoke(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return (new FeedView(row.Id, row.Label, row.CreatedAt, row.RevokedAt), already);
    }
}

/// <summary>
/// The calendar behind a feed token: open follow-ups (reminders; overdue ones on today) and this week's plan items, as
/// all-day events with stable UIDs so a subscribed calendar updates them in place.
/// </summary>
public sealed class CalendarFeedContent(RapportStore store, TimeProvider clock)
{
    /// <summary>The iCalendar text for the token, or null when no active feed has it.</summary>
    public async Task<string?> BuildAsync(string token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 200) return null;
        var hash = FeedToken.Hash(token);
        long accountId;
        string label;
        await using (var any = store.Open())
        {
            var feed = await any.FeedTokens.IgnoreQueryFilters().AsNoTracking().Where(f => f.TokenHash == hash && f.RevokedAt == null)
                .Select(f => new { f.AccountId, f.Label }).FirstOrDefaultAsync(ct);
            if (feed is null) return null;
            (accountId, label) = (feed.AccountId, feed.Label);
        }

        await using var db = store.Open(accountId);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var entries = new List<CalendarEntry>();
        var reminders = await db.Reminders.AsNoTracking().Where(r => r.DoneAt == null)
            .Join(db.Contacts, r => r.ContactId, c => c.Id, (r, c) => new { r.Id, r.Due, r.Note, c.DisplayName })
            .OrderBy(r => r.Due).ThenBy(r => r.Id).ToListAsync(ct);
        foreach (var r in reminders)
        {
            var overdue = r.Due < today;
            entries.Add(new CalendarEntry($"reminder-{r.Id}@rapport", $"Follow up with {r.DisplayName}")
            {
                Day = overdue ? today : r.Due,
                Description = string.Join("\n", new[] { r.Note, overdue ? $"Due {r.Due:yyyy-MM-dd}." : null }.Where(s => !string.IsNullOrWhiteSpace(s))),
            });
        }

        var plan = await new Nurture.PlanService(db, clock).BuildAsync(ct);
        foreach (var item in plan.Week.Where(i => i.ActionName != "follow-up").OrderBy(i => i.Day).ThenByDescending(i => i.Priority))
        {
            entries.Add(new CalendarEntry($"plan-{item.Id}@rapport", $"{Capitalize(item.ActionName.Replace('-', ' '))}: {item.ContactName}")
            {
                Day = item.Day,
                Description = $"{item.Reason}\n\n{item.Draft}".Trim(),
            });
        }
        return ICalendarWriter.Write(entries, "Rapport: " + label, now);
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
