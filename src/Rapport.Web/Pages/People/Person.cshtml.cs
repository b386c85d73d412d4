using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rapport.App.Common;
using Rapport.App.Contacts;
using Rapport.App.Exchanges;
using Rapport.App.Interactions;
using Rapport.App.Nurture;
using Rapport.App.People;
using Rapport.App.Trash;
using Rapport.Data;
using Rapport.Domain.Exchanges;

namespace Rapport.Web.Pages.People;

/// <summary>The typed values of the Person page's forms, kept when a form comes back with errors.</summary>
public sealed class PersonForms
{
    public string? Channel { get; set; } = "message";
    public string? Direction { get; set; } = "out";
    public string? Date { get; set; }
    public string? Purpose { get; set; }
    public string? Note { get; set; }
    public string? Insight { get; set; }
    public string? ExchangeDirection { get; set; } = "give";
    public string? ExchangeKind { get; set; } = "advice";
    public string? ExchangeNote { get; set; }
    public string? ExchangeDate { get; set; }
    public string? LifeKind { get; set; } = "new-job";
    public string? LifeDate { get; set; }
    public string? LifeNote { get; set; }
    public string? KnowsWho { get; set; }
    public string? KnowsKind { get; set; } = "other";
    public string? KnowsStrength { get; set; }

    /// <summary>How the person took part in the introduction: one of <see cref="PersonModel.IntroRoles"/>.</summary>
    public string? IntroRole { get; set; } = "to";
    public string? IntroWho { get; set; }
    public string? IntroBy { get; set; }
    public string? IntroDate { get; set; }
    public string? IntroOutcome { get; set; }
    public string? IntroNote { get; set; }
}

/// <summary>The fields of the edit form.</summary>
public sealed class PersonEdit
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Company { get; set; }
    public string? Title { get; set; }
    public string? Industry { get; set; }
    public string? City { get; set; }
    public string? Country { get; set; }
    public string? Categories { get; set; }
    public string? Tags { get; set; }
    public string? Kind { get; set; }
    public string? Trust { get; set; }
    public string? LinkedIn { get; set; }
    public string? Birthday { get; set; }
    public string? Notes { get; set; }
    public int Version { get; set; }
}

/// <summary>A person: profile, timeline, ledger, life events, standing, warm paths, and the forms to log and edit.</summary>
[Caching.CachedPage]
public sealed class PersonModel(RapportDbContext db, TimeProvider clock, PlanCache cache, App.Insights.InsightsCache insights) : FormPage
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty] public PersonForms Form { get; set; } = new();
    [BindProperty] public PersonEdit Edit { get; set; } = new();

    public PersonProfile Profile { get; private set; } = null!;

    /// <summary>Strength, label, tier, next due and the why, from the nurture engine; null for a contact it has not seen yet.</summary>
    public ContactStanding? Standing { get; private set; }

    /// <summary>Warm introduction paths to this person: found at once in networks up to <see cref="AutoPathsUpTo"/> contacts, on request in bigger ones.</summary>
    public App.Insights.WarmPathsResult? Paths { get; private set; }

    [BindProperty(SupportsGet = true, Name = "paths")] public bool WantPaths { get; set; }

    public const int AutoPathsUpTo = 2000;

    /// <summary>Whom this person probably knows, inferred by Rapport (loaded with the warm paths, from the same network).</summary>
    public App.Insights.ProbablyKnows? Probable { get; private set; }

    /// <summary>How many of those the page lists.</summary>
    public const int ProbableShown = 10;
    public bool EditOpen { get; private set; }

    public static readonly IReadOnlyList<string> Directions = ["out", "in", "mutual"];
    public static readonly IReadOnlyList<string> Purposes = ["catch-up", "congratulate", "seasonal", "ask", "give", "introduction", "collaboration", "follow-up"];
    public static readonly IReadOnlyList<string> ExchangeKinds = ["advice", "introduction", "referral", "recommendation", "endorsement", "help", "knowledge", "favor"];
    public static readonly IReadOnlyList<string> LifeKinds = ["new-job", "promotion", "move", "birthday", "award", "custom"];
    public static readonly IReadOnlyList<string> Kinds = ["acquaintance", "alliance", "transactional"];
    public static readonly IReadOnlyList<string> LinkKinds = ["colleague", "friend", "family", "introduced", "other"];

    /// <summary>
    /// The person's part in an introduction: "to", they were introduced to the contact named (by you or by a third);
    /// "you", they introduced you to the contact named; "by", the contact named introduced you to them.
    /// </summary>
    public static readonly IReadOnlyList<string> IntroRoles = ["to", "you", "by"];

    /// <summary>Whether the introduction form is shown open: after it came back with errors.</summary>
    public bool IntroOpen { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(fillEdit: true, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostLogAsync(CancellationToken ct)
    {
        try
        {
            await new LogInteraction(db, clock).ExecuteAsync(new LogRequest(Id.ToString(CultureInfo.InvariantCulture), Form.Channel ?? "")
            {
                Direction = Input.TrimmedOrNull(Form.Direction), Date = Input.TrimmedOrNull(Form.Date), Purpose = Input.TrimmedOrNull(Form.Purpose), Note = Form.Note, Insight = Form.Insight,
            }, ct);
            Tell($"Logged a {Form.Channel}.");
            return Redirect($"/people/{Id}");
        }
        catch (InputException e)
        {
            Fail(e, "log", "channel", "direction", "date", "purpose", "note", "insight");
            return await ReloadAsync(ct);
        }
    }

    public async Task<IActionResult> OnPostExchangeAsync(CancellationToken ct)
    {
        try
        {
            var direction = Form.ExchangeDirection == "ask" ? ExchangeDirection.Ask : ExchangeDirection.Give;
            await new RecordExchange(db, clock).ExecuteAsync(new ExchangeRequest(Id.ToString(CultureInfo.InvariantCulture), direction, Form.ExchangeKind ?? "")
            {
                Note = Form.ExchangeNote, Date = Input.TrimmedOrNull(Form.ExchangeDate),
            }, ct);
            Tell(direction == ExchangeDirection.Give ? "Recorded what you gave." : "Recorded what you asked.");
            return Redirect($"/people/{Id}#ledger");
        }
        catch (InputException e)
        {
            Fail(e, "exchange", "kind", "date", "status");
            return await ReloadAsync(ct);
        }
    }

    public async Task<IActionResult> OnPostLifeEventAsync(CancellationToken ct)
    {
        try
        {
            await new AddLifeEvent(db, clock).ExecuteAsync(Id.ToString(CultureInfo.InvariantCulture), Form.LifeKind ?? "", Input.TrimmedOrNull(Form.LifeDate), Form.LifeNote, ct);
            Tell("Added the life event.");
            return Redirect($"/people/{Id}#life-events");
        }
        catch (InputException e)
        {
            Fail(e, "life", "kind", "date");
            return await ReloadAsync(ct);
        }
    }

    /// <summary>Records that this person knows another contact: the link the warm paths and structural holes read.</summary>
    public async Task<IActionResult> OnPostKnowsAsync(CancellationToken ct)
    {
        try
        {
            var who = Input.TrimmedOrNull(Form.KnowsWho) ?? throw new InputException("who", "who: type a name, email or id");
            var strength = ParseStrength(Form.KnowsStrength);
            var (link, isNew) = await InputException.RenamingAsync(() => new LinkContacts(db, clock).ExecuteAsync(Id.ToString(CultureInfo.InvariantCulture), who, Input.TrimmedOrNull(Form.KnowsKind), strength, ct),
                f => f is "second contact" or "link" ? "who" : f);
            var otherId = link.ContactAId == Id ? link.ContactBId : link.ContactAId;
            var names = await db.Contacts.Where(c => c.Id == Id || c.Id == otherId).ToDictionaryAsync(c => c.Id, c => c.DisplayName, ct);
            Tell(isNew
                ? $"Recorded that {names[Id]} knows {names[otherId]} ({Input.Kebab(link.Kind.ToString())})."
                : $"Updated how {names[Id]} knows {names[otherId]} ({Input.Kebab(link.Kind.ToString())}).");
            return Redirect($"/people/{Id}#knows");
        }
        catch (InputException e)
        {
            Fail(e, "knows", "who", "kind", "strength");
            return await ReloadAsync(ct);
        }
    }

    /// <summary>Logs an introduction this person took part in (see <see cref="IntroRoles"/>); the insights link those it names.</summary>
    public async Task<IActionResult> OnPostIntroductionAsync(CancellationToken ct)
    {
        try
        {
            var who = Input.TrimmedOrNull(Form.IntroWho) ?? throw new InputException("who", "who: type a name, email or id");
            var by = Input.TrimmedOrNull(Form.IntroBy);
            var self = Id.ToString(CultureInfo.InvariantCulture);
            if (Form.IntroRole is not "to" && by is not null)
                throw new InputException("by", "by: leave it empty: the introducer is already named above");
            // Where this person stands in the introduction; the use case names the fields it refuses by their place in it, the form by its inputs.
            (string A, string? B, string? By, Func<string, string> Rename) part = Form.IntroRole switch
            {
                "to" => (self, who, by, f => f is "second person" or "intro" ? "who" : f),
                "you" => (who, null, self, f => f is "first person" or "by" or "intro" ? "who" : f),
                "by" => (self, null, who, f => f is "by" or "intro" ? "who" : f),
                _ => throw new InputException("role", $"role: expected one of {string.Join(", ", IntroRoles)}, got '{Form.IntroRole}'"),
            };
            var (_, introducer, first, second) = await InputException.RenamingAsync(
                () => new LogIntroduction(db, clock).ExecuteAsync(part.A, part.B, part.By, Input.TrimmedOrNull(Form.IntroDate), Form.IntroOutcome, Form.IntroNote, ct), part.Rename);
            Tell($"Logged: {introducer ?? "you"} introduced {first} to {second ?? "you"}.");
            return Redirect($"/people/{Id}#knows");
        }
        catch (InputException e)
        {
            Fail(e, "intro", "role", "who", "by", "date", "outcome", "note");
            IntroOpen = true;
            return await ReloadAsync(ct);
        }
    }

    public async Task<IActionResult> OnPostEditAsync(CancellationToken ct)
    {
        try
        {
            int? trust = null;
            if (!string.IsNullOrWhiteSpace(Edit.Trust))
            {
                if (!int.TryParse(Edit.Trust, NumberStyles.Integer, CultureInfo.InvariantCulture, out var t)) throw new InputException("trust", "trust: expected 0, 1, 2 or 3");
                trust = t;
            }
            if (string.IsNullOrWhiteSpace(Edit.Name)) throw new InputException("name", "name: a contact needs a name");
            await new EditContact(db, clock).ExecuteAsync(Id.ToString(CultureInfo.InvariantCulture), new ContactChanges
            {
                Name = Edit.Name, Company = Edit.Company ?? "", Title = Edit.Title ?? "", Industry = Edit.Industry ?? "", City = Edit.City ?? "", Country = Edit.Country ?? "",
                Emails = List(Edit.Email), Phones = List(Edit.Phone), Categories = List(Edit.Categories), Tags = List(Edit.Tags),
                Kind = Input.TrimmedOrNull(Edit.Kind), Trust = trust, LinkedIn = Edit.LinkedIn ?? "", Notes = Edit.Notes ?? "",
                Birthday = string.IsNullOrWhiteSpace(Edit.Birthday) ? null : Edit.Birthday,
            }, Edit.Version, ct);
            Tell("Saved.");
            return Redirect($"/people/{Id}");
        }
        catch (InputException e)
        {
            Fail(e, "edit", "name", "email", "phone", "company", "title", "industry", "city", "country", "categories", "tags", "kind", "trust", "linkedin", "birthday", "notes", "version");
            EditOpen = true;
            return await ReloadAsync(ct);
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        try
        {
            var name = await new TrashBin(db, clock).DeleteAsync(TrashKind.Contact, Id, ct);
            Tell($"Moved {name} to the trash.", "contact", Id);
            return Redirect("/people");
        }
        catch (InputException)
        {
            return NotFound();
        }
    }

    /// <summary>Moves one interaction of this person's timeline to the trash, with an undo.</summary>
    public async Task<IActionResult> OnPostDeleteInteractionAsync(long interactionId, CancellationToken ct)
    {
        if (!await db.InteractionParticipants.AnyAsync(x => x.InteractionId == interactionId && x.ContactId == Id, ct)) return NotFound();
        try
        {
            var name = await new TrashBin(db, clock).DeleteAsync(TrashKind.Interaction, interactionId, ct);
            Tell($"Moved the {name} to the trash.", "interaction", interactionId);
            return Redirect($"/people/{Id}#timeline-title");
        }
        catch (InputException)
        {
            return NotFound();
        }
    }

    private async Task<IActionResult> ReloadAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await LoadAsync(fillEdit: false, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(bool fillEdit, CancellationToken ct)
    {
        var p = await PersonQuery.LoadAsync(db, Id, clock, 100, ct);
        if (p is null) return false;
        Profile = p;
        var plan = new PlanService(db, clock, cache);
        var standings = await plan.StandingsAsync(ct);
        Standing = await plan.StandingAsync(Id, ct);
        if (WantPaths || standings.Count <= AutoPathsUpTo)
        {
            var network = await App.Insights.InsightsCache.NetworkAsync(db, clock, insights, ct);
            Paths = App.Insights.WarmPaths.ToContact(network, Id);
            Probable = network.ProbablyKnowsOf(Id, ProbableShown);
        }
        if (fillEdit)
        {
            var c = p.Contact;
            Edit = new PersonEdit
            {
                Name = c.Name, Email = string.Join(", ", c.Emails), Phone = string.Join(", ", c.Phones), Company = c.Company, Title = c.Title, Industry = c.Industry,
                City = c.City, Country = c.Country, Categories = string.Join(", ", c.Categories), Tags = string.Join(", ", c.Tags), Kind = c.Kind,
                Trust = c.Trust.ToString(CultureInfo.InvariantCulture), LinkedIn = c.LinkedIn, Birthday = c.Birthday, Notes = c.Notes, Version = c.Version,
            };
        }
        return true;
    }

    /// <summary>A link's strength as typed: empty for none, else a number above 0 up to 1 (a decimal comma is read as a point).</summary>
    private static double? ParseStrength(string? text)
    {
        var t = Input.TrimmedOrNull(text)?.Replace(',', '.');
        if (t is null) return null;
        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) || !(s > 0 && s <= 1))
            throw new InputException("strength", $"strength: expected a number above 0 up to 1, like 0.8, got '{text!.Trim()}'");
        return s;
    }

    private static List<string> List(string? s) =>
        string.IsNullOrWhiteSpace(s) ? [] : s.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
