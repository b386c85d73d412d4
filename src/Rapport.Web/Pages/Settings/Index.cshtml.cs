using Microsoft.AspNetCore.Mvc;
using Rapport.App.Common;
using Rapport.App.Feeds;
using Rapport.App.Insights;
using Rapport.App.Nurture;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Domain.Nurture;

namespace Rapport.Web.Pages.Settings;

/// <summary>Settings: the weekly budget, quiet days, cadences, campaigns, your own emails, every other key, and calendar feeds.</summary>
public sealed class IndexModel(RapportDbContext db, TimeProvider clock) : FormPage
{
    /// <summary>The keys shown first, in this order; the rest sit under "More settings".</summary>
    public static readonly IReadOnlyList<string> MainKeys =
    [
        "budget.touchpoints", "budget.minutes", "quiet-days", "cadence.inner", "cadence.close", "cadence.active", "cadence.network", "cadence.acquaintance",
        "campaigns", "own.emails",
    ];

    [BindProperty] public List<string> K { get; set; } = [];
    [BindProperty] public List<string?> V { get; set; } = [];
    [BindProperty] public string? FeedLabel { get; set; }

    public IReadOnlyList<(string Key, string Description, string Value)> Fields { get; private set; } = [];
    public IReadOnlyList<FeedView> Feeds { get; private set; } = [];
    public CreatedFeed? NewFeed { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(null, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var typed = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < K.Count && i < V.Count; i++) typed[K[i]] = V[i] ?? "";
        var current = await NurtureSettingsStore.LoadAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var changed = 0;
        foreach (var (key, value) in typed)
        {
            if (NurtureSettings.Keys.All(k => k.Key != key) || current.Get(key) == value.Trim()) continue;
            try
            {
                await NurtureSettingsStore.SetAsync(db, key, value, ct);
                changed++;
            }
            catch (DomainException e)
            {
                Errors[$"set.{key}"] = Sentence(e.Message);
            }
            catch (InputException e)
            {
                Errors[$"set.{key}"] = Sentence(e.Message.StartsWith(e.Field + ": ", StringComparison.Ordinal) ? e.Message[(e.Field.Length + 2)..] : e.Message);
            }
        }
        if (HasErrors)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            await LoadAsync(typed, ct);
            return Page();
        }
        await tx.CommitAsync(ct);
        // Every contact's tie strength is built with some settings: rebuilt now, with what the insights start from, rather
        // than by whichever page comes next.
        if (ContactStats.Stamp(await NurtureSettingsStore.LoadAsync(db, ct)) != ContactStats.Stamp(current))
            await InsightsNetwork.PrepareInputsAsync(db, clock.GetUtcNow().UtcDateTime, ct);
        Tell(changed == 0 ? "Nothing changed." : $"Saved {changed} setting{(changed == 1 ? "" : "s")}; the plan follows them.");
        return Redirect("/settings");
    }

    public async Task<IActionResult> OnPostFeedAsync(CancellationToken ct)
    {
        try
        {
            NewFeed = await new CalendarFeeds(db, clock).CreateAsync(FeedLabel, ct);
        }
        catch (DomainException e)
        {
            Errors["feed.label"] = Sentence(e.Message);
        }
        catch (InputException e)
        {
            Fail(e, "feed");
        }
        await LoadAsync(null, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id, CancellationToken ct)
    {
        try
        {
            var (f, _) = await new CalendarFeeds(db, clock).RevokeAsync(id, ct);
            Tell($"Revoked the feed \u201c{f.Label}\u201d: its address no longer works.");
        }
        catch (InputException e)
        {
            Tell(e.Message);
        }
        return Redirect("/settings#feeds");
    }

    /// <summary>The URL a calendar app subscribes to.</summary>
    public string FeedUrl(string path) => $"{Request.Scheme}://{Request.Host}{path}";

    private async Task LoadAsync(IReadOnlyDictionary<string, string>? typed, CancellationToken ct)
    {
        var s = await NurtureSettingsStore.LoadAsync(db, ct);
        var keys = NurtureSettings.Keys.OrderBy(k => MainKeys.Contains(k.Key) ? MainKeys.ToList().IndexOf(k.Key) : 1000).ToList();
        Fields = keys.Select(k => (k.Key, k.Description, typed is not null && typed.TryGetValue(k.Key, out var t) ? t : s.Get(k.Key))).ToList();
        Feeds = await new CalendarFeeds(db, clock).ListAsync(ct);
    }

    private static string Sentence(string m) => m.Length > 0 ? char.ToUpperInvariant(m[0]) + m[1..] : m;
}
