using Rapport.App.Common;
using Rapport.App.Contacts;
using Rapport.Data;
using Rapport.Domain.Insights;
using Rapport.Domain.Insights.Paths;

namespace Rapport.App.Insights;

/// <summary>One step of a warm path as shown: who, the strength of the tie used, and where that tie comes from.</summary>
/// <param name="Via">"you" for your own tie, "link" for an entered link, "introduced" for a logged introduction, "inferred" for an inferred one.</param>
/// <param name="Reason">Why Rapport believes the two know each other, for introduced and inferred links.</param>
public sealed record WarmHop(long ContactId, string Name, double Strength, string Via, bool Inferred, string? Reason);

/// <summary>A ranked warm path: hops from your first contact to the target, the path strength, and the message to send.</summary>
/// <param name="Opening">"ask" when the message may ask now, "reconnect-first" after a lapse, "first-contact" when you have never been in touch.</param>
/// <param name="ReconnectFirst">True when the message to the first hop does not ask yet (a reconnect or a first contact): ask later.</param>
/// <param name="Note">That in plain words; null when the message asks.</param>
public sealed record WarmPath(int Rank, double Strength, IReadOnlyList<WarmHop> Hops, IntroDraft Ask, string Opening, bool ReconnectFirst, string? Note);

/// <summary>The top warm paths to a person, a company or a role, with the summary sentence.</summary>
public sealed record WarmPathsResult(string TargetKind, string Target, int Matches, int MaxHops, IReadOnlyList<WarmPath> Paths, string Summary);

/// <summary>Which kind of target a search names; Auto picks a person, then a company, then a role.</summary>
public enum WarmPathTargetKind { Auto, Person, Company, Role }

/// <summary>
/// Finds warm introduction paths (SCIENCE.md H) over the account's network: your ties, the links entered, logged
/// introductions and links inferred from shared organizations, events and meetings (marked as inferred).
/// </summary>
public sealed class WarmPaths(RapportDbContext db, TimeProvider clock, InsightsCache? cache = null)
{
    /// <summary>The longest path a caller may ask for.</summary>
    public const int MaxHopsLimit = 6;

    /// <summary>The top paths to what <paramref name="target"/> names: a contact (id, email or name), a company, or a role.</summary>
    public async Task<WarmPathsResult> FindAsync(string target, WarmPathTargetKind kind = WarmPathTargetKind.Auto, int? maxHops = null, CancellationToken ct = default, int? top = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (string.IsNullOrWhiteSpace(target)) throw new InputException("target", "target: expected a person, a company or a role, got nothing");
        var hops = CheckHops(maxHops);
        var count = CheckTop(top);
        var network = await InsightsCache.NetworkAsync(db, clock, cache, ct);
        var introContacts = network.IntroContacts;
        var intro = await ResolveAsync(target.Trim(), kind, network, introContacts, ct);
        return Find(network, intro, hops, count);
    }

    /// <summary>The same search over a network already loaded (the Insights page loads it once for everything it shows).</summary>
    public async Task<WarmPathsResult> FindInAsync(InsightsNetwork network, string target, WarmPathTargetKind kind = WarmPathTargetKind.Auto, int? maxHops = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(target);
        if (string.IsNullOrWhiteSpace(target)) throw new InputException("target", "target: expected a person, a company or a role, got nothing");
        var hops = CheckHops(maxHops);
        var introContacts = network.IntroContacts;
        var intro = await ResolveAsync(target.Trim(), kind, network, introContacts, ct);
        return Find(network, intro, hops);
    }

    /// <summary>The top paths to one contact, for the Person page.</summary>
    public async Task<WarmPathsResult> ToContactAsync(long contactId, int? maxHops = null, CancellationToken ct = default)
    {
        var hops = CheckHops(maxHops);
        return ToContact(await InsightsCache.NetworkAsync(db, clock, cache, ct), contactId, hops);
    }

    /// <summary>The top paths to one contact over a network already loaded (the Person page reads more of it).</summary>
    public static WarmPathsResult ToContact(InsightsNetwork network, long contactId, int? maxHops = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        var hops = CheckHops(maxHops);
        if (!network.ById.TryGetValue(contactId, out var c)) throw new InputException("contact", $"contact: no contact has id {contactId}");
        return Find(network, IntroTarget.Person(c.Id, c.Name), hops);
    }

    /// <summary>The top paths over a network already loaded, on its kept path graph.</summary>
    public static WarmPathsResult Find(InsightsNetwork network, IntroTarget target, int maxHops, int? top = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(target);
        var settings = top is { } k ? network.Settings with { TopPaths = k } : network.Settings;
        var result = IntroPathFinder.Find(network.PathGraph, target, settings, maxHops, opening: network.OpeningFor);
        var paths = result.Paths.Select(p => new WarmPath(p.Rank, Math.Round(p.Strength, 4), p.Hops.Select((h, i) =>
        {
            var strength = Math.Round(h.Strength, 4);
            if (i == 0) return new WarmHop(h.ContactId, h.Name, strength, "you", false, null);
            var link = network.Links.Find(p.Hops[i - 1].ContactId, h.ContactId);
            var via = link is null ? "link" : link.Inferred ? "inferred" : link.Kind == Domain.Contacts.LinkKind.Introduced ? "introduced" : "link";
            return new WarmHop(h.ContactId, h.Name, strength, via, link?.Inferred ?? false, link?.Reason);
        }).ToArray(), p.Ask, Wire(p.Opening), p.Opening != IntroOpening.Ask, p.Note)).ToArray();
        var kind = target.Kind.ToString().ToLowerInvariant();
        return new WarmPathsResult(kind, target.Label, target.ContactIds.Count, maxHops, paths, result.Summary);
    }

    private static string Wire(IntroOpening opening) => opening switch
    {
        IntroOpening.ReconnectFirst => "reconnect-first",
        IntroOpening.FirstContact => "first-contact",
        _ => "ask",
    };

    /// <summary>The most paths a caller may ask for.</summary>
    public const int TopLimit = 10;

    private static int? CheckTop(int? top) => top switch
    {
        null => null,
        { } k when k is >= 1 and <= TopLimit => k,
        { } k => throw new InputException("top", $"top: expected 1 to {TopLimit}, got {k}"),
    };

    private static int CheckHops(int? maxHops) => maxHops switch
    {
        null => InsightSettings.Default.MaxHops,
        { } h when h is >= 1 and <= MaxHopsLimit => h,
        { } h => throw new InputException("hops", $"hops: expected 1 to {MaxHopsLimit}, got {h}"),
    };

    private async Task<IntroTarget> ResolveAsync(string target, WarmPathTargetKind kind, InsightsNetwork network, IReadOnlyList<IntroContact> contacts, CancellationToken ct)
    {
        switch (kind)
        {
            case WarmPathTargetKind.Person:
                return await PersonAsync(target, ct);
            case WarmPathTargetKind.Company:
                return Matched(IntroTarget.Company(target, CompanyContacts(network, contacts)), "company", target);
            case WarmPathTargetKind.Role:
                return Matched(IntroTarget.Role(target, contacts), "role", target);
        }
        // Auto: an id (#205 as printed, or 205), an email or an exact name is a person; then an exact company; then a role;
        // then part of a name.
        if (ContactResolver.TryParseId(target, out _) || target.Contains('@', StringComparison.Ordinal)) return await PersonAsync(target, ct);
        var exact = network.Contacts.Where(c => string.Equals(c.Name.Trim(), target, StringComparison.OrdinalIgnoreCase)).ToArray();
        if (exact.Length == 1) return IntroTarget.Person(exact[0].Id, exact[0].Name);
        var company = IntroTarget.Company(target, CompanyContacts(network, contacts));
        if (company.ContactIds.Count > 0) return company with { ContactIds = company.ContactIds.Distinct().ToArray() };
        var role = IntroTarget.Role(target, contacts);
        if (role.ContactIds.Count > 0) return role;
        if (!network.Contacts.Any(c => c.Name.Contains(target, StringComparison.OrdinalIgnoreCase)))
            throw new InputException("target", $"target: no contact, company or role matches '{target}'");
        return await PersonAsync(target, ct);
    }

    private async Task<IntroTarget> PersonAsync(string target, CancellationToken ct)
    {
        var c = await ContactResolver.ResolveAsync(db, target, "target", ct);
        return IntroTarget.Person(c.Id, c.DisplayName);
    }

    /// <summary>Contacts whose company field names the company, plus current members of an organization by that name.</summary>
    private static IEnumerable<IntroContact> CompanyContacts(InsightsNetwork network, IReadOnlyList<IntroContact> contacts)
    {
        var today = DateOnly.FromDateTime(network.Now);
        var orgNames = network.Organizations.ToDictionary(o => o.Id, o => o.Name);
        var current = network.Memberships
            .Where(m => (m.Start is null || m.Start <= today) && (m.End is null || m.End >= today) && orgNames.ContainsKey(m.OrganizationId))
            .GroupBy(m => m.ContactId)
            .ToDictionary(g => g.Key, g => g.Select(m => orgNames[m.OrganizationId]).ToArray());
        foreach (var c in contacts)
        {
            yield return c;
            if (!current.TryGetValue(c.Id, out var names)) continue;
            foreach (var name in names)
            {
                if (!string.Equals(name, c.Company, StringComparison.OrdinalIgnoreCase)) yield return c with { Company = name };
            }
        }
    }

    private static IntroTarget Matched(IntroTarget target, string what, string text) =>
        target.ContactIds.Count > 0 ? target with { ContactIds = target.ContactIds.Distinct().ToArray() }
            : throw new InputException("target", $"target: no contact has the {what} '{text}'");
}
