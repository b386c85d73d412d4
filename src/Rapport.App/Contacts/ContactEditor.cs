using Microsoft.EntityFrameworkCore;
using Rapport.App.Common;
using Rapport.Data;
using Rapport.Domain;
using Rapport.Domain.Contacts;

namespace Rapport.App.Contacts;

/// <summary>Applies <see cref="ContactChanges"/> to a contact, checking each field; shared by create and edit.</summary>
internal static class ContactEditor
{
    public static async Task ApplyAsync(RapportDbContext db, Contact c, ContactChanges ch, CancellationToken ct)
    {
        try
        {
            if (ch.Name is not null) c.Rename(ch.Name);
            if (ch.GivenName is not null) c.GivenName = Input.TrimmedOrNull(ch.GivenName);
            if (ch.FamilyName is not null) c.FamilyName = Input.TrimmedOrNull(ch.FamilyName);
            if (ch.Company is not null) c.Company = Input.TrimmedOrNull(ch.Company);
            if (ch.Title is not null) c.Title = Input.TrimmedOrNull(ch.Title);
            if (ch.Industry is not null) c.Industry = Input.TrimmedOrNull(ch.Industry);
            if (ch.Function is not null) c.Function = Input.TrimmedOrNull(ch.Function);
            if (ch.City is not null) c.City = Input.TrimmedOrNull(ch.City);
            if (ch.Country is not null) c.Country = Input.TrimmedOrNull(ch.Country);
            if (ch.HowWeMet is not null) c.HowWeMet = Input.TrimmedOrNull(ch.HowWeMet);
            if (ch.Notes is not null) c.Notes = Input.TrimmedOrNull(ch.Notes);
            if (ch.PhotoUrl is not null) c.PhotoUrl = Input.TrimmedOrNull(ch.PhotoUrl);
            if (ch.Seniority is not null) c.Seniority = Input.ParseEnum<Seniority>("seniority", ch.Seniority);
            if (ch.Kind is not null) c.Kind = Input.ParseEnum<RelationshipKind>("kind", ch.Kind);
            if (ch.Tier is not null) c.TierPin = ch.Tier.Length == 0 || ch.Tier == "none" ? null : Input.ParseEnum<Tier>("tier", ch.Tier);
            if (ch.Trust is { } trust) c.SetTrust(trust);
            if (ch.Closeness is { } closeness) c.SetCloseness(closeness);
            if (ch.KeyPlayer is { } kp) c.KeyPlayer = kp;
            if (ch.WantToMeet is { } wm) c.WantToMeet = wm;
            if (ch.Categories is not null) c.SetCategories(ch.Categories);
            if (ch.Tags is not null) c.SetTags(ch.Tags);
            if (ch.LinkedIn is not null) c.SetProfile(ProfileNetwork.LinkedIn, NormalizeLinkedIn(ch.LinkedIn));
            if (ch.X is not null) c.SetProfile(ProfileNetwork.X, ch.X);
            if (ch.Facebook is not null) c.SetProfile(ProfileNetwork.Facebook, ch.Facebook);
            if (ch.GitHub is not null) c.SetProfile(ProfileNetwork.GitHub, ch.GitHub);
            if (ch.Website is not null) c.SetProfile(ProfileNetwork.Website, ch.Website);
            if (ch.KnownSince is not null) c.KnownSince = ch.KnownSince.Length == 0 ? null : Input.ParseDate("known-since", ch.KnownSince);
            if (ch.Birthday is not null) SetBirthday(c, ch.Birthday);
            if (ch.Phones is not null)
            {
                foreach (var p in c.Phones.ToList()) db.Remove(p);
                foreach (var p in ch.Phones) c.AddPhone(p);
            }
        }
        catch (DomainException e)
        {
            throw new InputException(e.Field, $"{e.Field}: {e.Message}");
        }

        if (ch.Emails is not null) await SetEmailsAsync(db, c, ch.Emails, ct);

        if (ch.MetAt is not null)
        {
            c.MetAtEventId = ch.MetAt.Length == 0 ? null : (await FindEventAsync(db, ch.MetAt, ct));
        }
        if (ch.IntroducedBy is not null)
        {
            if (ch.IntroducedBy.Length == 0) c.IntroducedById = null;
            else
            {
                var introducer = await ContactResolver.ResolveAsync(db, ch.IntroducedBy, "introduced-by", ct);
                if (introducer.Id == c.Id && c.Id != 0) throw new InputException("introduced-by", "introduced-by: a contact cannot introduce themselves");
                c.IntroducedById = introducer.Id;
            }
        }
    }

    private static async Task SetEmailsAsync(RapportDbContext db, Contact c, IReadOnlyList<string> emails, CancellationToken ct)
    {
        var normalized = new List<string>();
        foreach (var e in emails)
        {
            try { normalized.Add(ContactEmail.Normalize(e)); }
            catch (DomainException ex) { throw new InputException("email", $"email: {ex.Message}"); }
        }
        normalized = normalized.Distinct().ToList();
        var taken = await db.ContactEmails.Where(e => normalized.Contains(e.Address) && e.ContactId != c.Id)
            .Join(db.Contacts, e => e.ContactId, x => x.Id, (e, x) => new { e.Address, x.DisplayName, x.Id })
            .FirstOrDefaultAsync(ct);
        if (taken is not null)
            throw new InputException("email", $"email: {taken.Address} already belongs to {taken.DisplayName} (#{taken.Id})");
        foreach (var old in c.Emails.ToList().Where(o => !normalized.Contains(o.Address))) db.Remove(old);
        if (c.Id == 0) foreach (var e in normalized) c.AddEmail(e);
        else
        {
            var kept = c.Emails.Where(o => normalized.Contains(o.Address)).Select(o => o.Address).ToHashSet();
            foreach (var e in normalized.Where(n => !kept.Contains(n))) c.AddEmail(e);
        }
    }

    private static void SetBirthday(Contact c, string value)
    {
        var v = value.Trim();
        if (v.StartsWith("--", StringComparison.Ordinal) && v.Length == 7
            && int.TryParse(v.AsSpan(2, 2), out var m) && int.TryParse(v.AsSpan(5, 2), out var d) && v[4] == '-')
        {
            if (m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(2000, m))
                throw new InputException("birthday", $"birthday: {v} is not a day of the year");
            c.SetDate(ImportantDateKind.Birthday, m, d, null);
            return;
        }
        var date = Input.ParseDate("birthday", v);
        c.SetDate(ImportantDateKind.Birthday, date.Month, date.Day, date.Year);
    }

    private static async Task<long> FindEventAsync(RapportDbContext db, string eventRef, CancellationToken ct)
    {
        if (long.TryParse(eventRef, out var id) && await db.Events.AnyAsync(e => e.Id == id, ct)) return id;
        var lower = eventRef.Trim().ToLowerInvariant();
        var found = await db.Events.Where(e => e.Name.ToLower() == lower).Select(e => (long?)e.Id).FirstOrDefaultAsync(ct)
            ?? await db.Events.Where(e => e.Name.ToLower().Contains(lower)).OrderByDescending(e => e.StartsAt).Select(e => (long?)e.Id).FirstOrDefaultAsync(ct);
        return found ?? throw new InputException("met-at", $"met-at: no event is named '{eventRef}' (add it with 'rapport event add')");
    }


    /// <summary>Profile URLs compare equal however they were written: scheme, www, trailing slash and case.</summary>
    public static string NormalizeLinkedIn(string url)
    {
        var u = url.Trim();
        if (u.Length == 0) return u;
        if (!u.Contains("linkedin.com", StringComparison.OrdinalIgnoreCase))
        {
            if (u.Contains('/') || u.Contains(' ')) throw new InputException("linkedin", $"linkedin: expected a profile URL like https://www.linkedin.com/in/name, got '{url}'");
            u = "linkedin.com/in/" + u;
        }
        var i = u.IndexOf("linkedin.com", StringComparison.OrdinalIgnoreCase);
        var path = u[(i + "linkedin.com".Length)..].TrimEnd('/');
        var q = path.IndexOfAny(['?', '#']);
        if (q >= 0) path = path[..q];
        return "https://www.linkedin.com" + Uri.UnescapeDataString(path).ToLowerInvariant();
    }
}
