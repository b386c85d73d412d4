using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Rapport.App.Common;
using Rapport.App.Events;
using Rapport.App.Interactions;
using Rapport.Data;

namespace Rapport.Web.Pages.Capture;

/// <summary>
/// Quick capture without JavaScript, and where the capture dialog's forms land: log an interaction (who, channel,
/// note) or add a person met at an event. On success it goes back where the user was.
/// </summary>
public sealed class IndexModel(RapportDbContext db, TimeProvider clock) : FormPage
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? Who { get; set; }
    [BindProperty] public string? Channel { get; set; } = "message";
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Event { get; set; }
    [BindProperty] public string? Company { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Email { get; set; }

    public IReadOnlyList<(long Id, string Name, DateTime StartsAt)> Events { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Events = await EventQueries.ChoicesAsync(db, clock, 30, ct);

    public async Task<IActionResult> OnPostLogAsync(CancellationToken ct)
    {
        try
        {
            if (string.IsNullOrWhiteSpace(Who)) throw new InputException("who", "who: type a name, email or id");
            var i = await new LogInteraction(db, clock).ExecuteAsync(new LogRequest(Who, Channel ?? "") { Note = Note }, ct);
            var ids = i.Participants.Select(p => p.ContactId).ToList();
            var names = db.Contacts.Where(c => ids.Contains(c.Id)).Select(c => c.DisplayName).ToList();
            Tell($"Logged a {Channel} with {string.Join(", ", names)}.");
            return Back(ReturnUrl, ids.Count == 1 ? $"/people/{ids[0]}" : "/");
        }
        catch (InputException e)
        {
            Fail(e, "log", "who", "channel", "note", "date");
            await OnGetAsync(ct);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostMetAsync(CancellationToken ct)
    {
        try
        {
            var eventId = await ResolveEventAsync(ct);
            var c = await new AddPersonMet(db, clock).ExecuteAsync(new PersonMetRequest(eventId, Name ?? "") { Company = Company, Title = Title, Email = Email, Note = Note }, ct);
            Tell($"Added {c.DisplayName}, met at the event.");
            return Back(ReturnUrl, $"/people/{c.Id}");
        }
        catch (InputException e)
        {
            Fail(e, "met", "name", "event", "company", "title", "email");
            await OnGetAsync(ct);
            return Page();
        }
    }

    private async Task<long> ResolveEventAsync(CancellationToken ct)
    {
        var v = Event?.Trim() ?? "";
        if (v.Length == 0) throw new InputException("event", "event: choose the event where you met");
        if (long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)) return id;
        var lower = v.ToLowerInvariant();
        var now = clock.GetUtcNow().UtcDateTime;
        var found = db.Events.Where(e => e.Name.ToLower() == lower).Select(e => (long?)e.Id).FirstOrDefault()
            ?? db.Events.Where(e => e.Name.ToLower().Contains(lower) && e.StartsAt <= now.AddDays(1)).OrderByDescending(e => e.StartsAt).Select(e => (long?)e.Id).FirstOrDefault();
        await Task.CompletedTask;
        return found ?? throw new InputException("event", $"event: no event is named '{v}'; add it on the Events page first");
    }
}
