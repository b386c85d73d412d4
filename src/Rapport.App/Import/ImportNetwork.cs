using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rapport.App.Common;
using Rapport.Data;
using Rapport.Data.Storage;
using Rapport.Domain.Contacts;
using Rapport.Domain.Exchanges;
using Rapport.Domain.Interactions;
using Rapport.Domain.Organizations;
using Rapport.Domain.Settings;
using Rapport.Formats.LinkedIn;
using Rapport.Formats.Records;
using FormatChannel = Rapport.Formats.Records.InteractionChannel;
using FormatDirection = Rapport.Formats.Records.InteractionDirection;

namespace Rapport.App.Import;

/// <summary>
/// Brings a network in from what people already have: a LinkedIn archive, Google or Outlook CSV, vCard, iCalendar,
/// mbox or Rapport's own CSV. Contacts are matched by source key, LinkedIn URL, email, phone, then normalized name
/// with company; interactions by their source key, their people by email, profile URL, then a unique name. The whole
/// input is read before anything is written, and everything is written in one transaction: a bad file or a killed
/// process leaves the database as it was. Re-importing the same file changes nothing; a changed company or title
/// records a life event.
/// </summary>
public sealed class ImportNetwork(RapportDbContext db, TimeProvider clock)
{
    private const int MaxReasons = 10;
    private static readonly IReadOnlyList<string> NoDetails = [];

    private readonly Dictionary<(string Source, string Key), ContactDraft> _bySource = [];
    // What each stored source key's source gave for company and title when last imported (schema 4 on; none before).
    private readonly Dictionary<(string Source, string Key), (string? Company, string? Title)> _seen = [];
    // Stored source keys whose source now gives another company or title (or none was kept yet): written with the import.
    private readonly List<(string Source, string Key, string? Company, string? Title)> _snapshots = [];
    private readonly Dictionary<string, ContactDraft> _byLinkedIn = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ContactDraft> _byEmail = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ContactDraft> _byPhone = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ContactDraft> _byNameCompany = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ContactDraft?> _byName = new(StringComparer.Ordinal);
    private readonly List<ContactDraft> _drafts = [];
    private readonly List<ImportRow> _contactRows = [];
    private readonly List<ImportRow> _interactionRows = [];
    private readonly List<ImportRow> _otherRows = [];

    // The details of the contact row being matched; Combine copies them into the row.
    private readonly List<string> _details = [];

    private bool _used;

    /// <summary>Runs one import (an instance keeps the matching state of its run: use a new one for each import).</summary>
    public async Task<ImportResult> ExecuteAsync(ImportRequest request, CancellationToken ct = default)
    {
        if (_used) throw new InvalidOperationException("an ImportNetwork runs one import; create a new one for the next");
        _used = true;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var options = new ImportOptions { SkipBadRows = request.SkipBadRows, Progress = request.Progress, Clock = clock };

        // Only mail and calendars need your own addresses to be read. The file is read on a pool thread while the existing
        // contacts load (the first query of a command also waits for EF Core to be ready).
        if (request.Kind is ImportSourceKind.Auto or ImportSourceKind.Mbox or ImportSourceKind.Ics)
            options = options with { OwnEmails = await OwnEmailsAsync(ct) };
        var reading = Task.Run(() => ImportReader.Read(request, options), ct);
        // Both are awaited whatever happens, so that a failure of one never leaves the other running unobserved.
        await Task.WhenAll(reading, LoadContactsAsync(ct));
        var batch = await reading;
        var source = batch.Source;

        var employers = ReadPositions(batch);
        // Each row's key first: which of them are the source's own, and which the input gives more than once.
        var incoming = new (IncomingContact Row, string Key)[batch.Contacts.Count];
        var once = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < incoming.Length; i++)
        {
            var c = batch.Contacts[i];
            var row = new IncomingContact(c);
            var key = FitKey(c.ExternalKey ?? SynthesizedKey(row));
            incoming[i] = (row, key);
            if (c.ExternalKey is not null && !IsSynthesized(key)) _inputKeys.Add((source, key));
            if (!once.Add(key)) _repeatedKeys.Add(key);
        }
        foreach (var (row, key) in incoming) MatchContact(source, row.Contact.SourceFile ?? batch.File, row, key);
        LinkIntroducers(source);
        MarkCoworkers(batch, employers);
        SettleCompanyAndTitle();

        var interactions = await MatchInteractionsAsync(batch, ct);
        var positions = await PlanPositionsAsync(batch, ct);

        var lifeEvents = _drafts.Where(d => !d.IsNew).Sum(d => d.NewLifeEvents.Count);
        var exchanges = interactions.Where(p => p.ExistingId is null).Sum(p => p.GivenExchange is null ? 0 : p.Participants.Count);
        if (!request.DryRun && await WriteAsync(batch, interactions, positions, options.Progress, now, today, ct))
        {
            // What the insights start from is brought up to date now, while the import is known to be slow, instead of
            // leaving the next insights, plan or Person page to read every table (an import of more than a few thousand
            // rows is past what a load patches from).
            options.Progress.BeginPreparingInsights();
            await Insights.InsightsNetwork.PrepareInputsAsync(db, now, ct);
        }

        foreach (var error in options.Progress.Rejected)
        {
            var row = new ImportRow(error.File, error.Line ?? 0, batch.Contacts.Count > 0 || batch.Interactions.Count == 0 ? "contact" : "interaction", "", ImportOutcome.Rejected, null, [error.Message]);
            (row.Record == "contact" ? _contactRows : _interactionRows).Add(row);
        }

        // What a reader left out on purpose and said why (an iTIP reply without a time): listed with the skipped rows.
        foreach (var skip in options.Progress.SkipReasons)
            _interactionRows.Add(new ImportRow(skip.File, skip.Line, "interaction", "", ImportOutcome.Skipped, null, [skip.Reason]));

        var contactCounts = ImportCounts.Of(_contactRows);
        var interactionCounts = ImportCounts.Of(_interactionRows);
        var extraRejected = (int)Math.Max(0, options.Progress.RejectedCount - options.Progress.Rejected.Count);
        if (extraRejected > 0)
        {
            if (batch.Contacts.Count > 0 || batch.Interactions.Count == 0) contactCounts = contactCounts with { Rejected = contactCounts.Rejected + extraRejected };
            else interactionCounts = interactionCounts with { Rejected = interactionCounts.Rejected + extraRejected };
        }
        var all = _otherRows.Concat(_contactRows).Concat(_interactionRows).ToList();
        return new ImportResult
        {
            Format = source,
            File = batch.File,
            DryRun = request.DryRun,
            Contacts = contactCounts,
            Interactions = interactionCounts,
            LifeEvents = lifeEvents,
            Exchanges = exchanges,
            Positions = positions.Count(p => p.Membership is not null),
            IgnoredFiles = batch.IgnoredFiles,
            Warnings = source is "mbox" or "ics" && batch.Interactions.Count > 0 && options.OwnEmails.Count == 0
                ? [$"your own addresses are not set, so the {(source == "mbox" ? "mail you sent" : "meetings you organized")} could not be told apart: " +
                   "each is taken as reaching you, not as you reaching out. Set them (`rapport settings own.emails you@example.org`) and import again to correct it."]
                : [],
            FirstReasons = all.Where(r => r.Outcome is ImportOutcome.Rejected or ImportOutcome.Skipped)
                .OrderBy(r => r.Line)
                .Take(MaxReasons)
                .Select(r => r.Outcome == ImportOutcome.Rejected ? r.Details[0] : $"{r.File}:{r.Line}: skipped {(r.Label.Length > 0 ? r.Label + ": " : "")}{r.Details.FirstOrDefault()}")
                .ToList(),
            Rows = all,
        };
    }

    private async Task<IReadOnlyCollection<string>> OwnEmailsAsync(CancellationToken ct)
    {
        var value = await db.Settings.AsNoTracking().Where(s => s.Key == "own.emails").Select(s => s.Value).FirstOrDefaultAsync(ct);
        return value is null ? [] : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    // ---------------------------------------------------------------- existing contacts

    // Plain SQL rather than EF Core queries: a command imports once, and would pay the first compilation of each query.
    // In the order they were added: where a row could match two contacts (a name and company, a phone, a profile URL
    // they share), the first added keeps it, whatever index the database reads them through.
    private async Task LoadContactsAsync(CancellationToken ct)
    {
        var byId = _byId;
        await AccountRows.ScanAsync(db, """
            SELECT "Id", "DisplayName", "GivenName", "FamilyName", "Company", "Title", "City", "Country", "Notes", "KnownSince", "DeletedAt" IS NOT NULL
            FROM "Contacts" WHERE "AccountId" = @account ORDER BY "Id"
            """, r =>
        {
            var d = new ContactDraft
            {
                Id = r.GetInt64(0), DisplayName = r.GetString(1), GivenName = r.GetStringOrNull(2), FamilyName = r.GetStringOrNull(3), Company = r.GetStringOrNull(4),
                Title = r.GetStringOrNull(5), City = r.GetStringOrNull(6), Country = r.GetStringOrNull(7), Notes = r.GetStringOrNull(8),
                KnownSince = r.GetDateOnlyOrNull(9), Deleted = r.GetBoolean(10),
            };
            d.StoredCompany = d.Company;
            d.StoredTitle = d.Title;
            byId[d.Id] = d;
            _drafts.Add(d);
        }, ct);
        if (byId.Count == 0) return;
        await AccountRows.ScanAsync(db, """SELECT "ContactId", "Address" FROM "ContactEmails" WHERE "AccountId" = @account""", r =>
        {
            if (!byId.TryGetValue(r.GetInt64(0), out var d)) return;
            var address = r.GetString(1);
            d.Emails.Add(address);
            _byEmail.TryAdd(address, d);
        }, ct);
        await AccountRows.ScanAsync(db, """SELECT "ContactId", "Number" FROM "ContactPhones" WHERE "AccountId" = @account ORDER BY "Id" """, r =>
        {
            if (!byId.TryGetValue(r.GetInt64(0), out var d)) return;
            var number = r.GetString(1);
            var key = PersonKeys.Phone(number);
            d.Phones.Add(key.Length > 0 ? key : number.Trim());
            if (key.Length > 0 && !d.Deleted) _byPhone.TryAdd(key, d);
        }, ct);
        await AccountRows.ScanAsync(db, """SELECT "ContactId", "Network", "Url" FROM "ContactProfiles" WHERE "AccountId" = @account ORDER BY "Id" """, r =>
        {
            if (!byId.TryGetValue(r.GetInt64(0), out var d)) return;
            var network = r.GetEnum<ProfileNetwork>(1);
            d.Networks.Add(network);
            if (network == ProfileNetwork.LinkedIn && PersonKeys.LinkedIn(r.GetString(2)) is { Length: > 0 } key) _byLinkedIn.TryAdd(key, d);
        }, ct);
        await AccountRows.ScanAsync(db, """SELECT "ContactId", "Source", "ExternalKey", "SeenCompany", "SeenTitle" FROM "ContactSources" WHERE "AccountId" = @account""", r =>
        {
            if (!byId.TryGetValue(r.GetInt64(0), out var d)) return;
            var (source, key) = (r.GetString(1), r.GetString(2));
            _bySource.TryAdd((source, key), d);
            if ((r.GetStringOrNull(3), r.GetStringOrNull(4)) is var seen && (seen.Item1 is not null || seen.Item2 is not null)) _seen.TryAdd((source, key), seen);
            if (!IsSynthesized(key)) d.OwnKeys.Add((source, key));
        }, ct);
        await AccountRows.ScanAsync(db, """SELECT "ContactId", "Tag" FROM "ContactTags" WHERE "AccountId" = @account""", r =>
        {
            if (byId.TryGetValue(r.GetInt64(0), out var d)) d.Tags.Add(r.GetString(1));
        }, ct);
        await AccountRows.ScanAsync(db, """SELECT "ContactId", "Category" FROM "ContactCategories" WHERE "AccountId" = @account""", r =>
        {
            if (byId.TryGetValue(r.GetInt64(0), out var d)) d.Categories.Add(r.GetString(1));
        }, ct);
        await AccountRows.ScanAsync(db, """SELECT "ContactId", "Kind", "Label" FROM "ContactDates" WHERE "AccountId" = @account""", r =>
        {
            if (!byId.TryGetValue(r.GetInt64(0), out var d)) return;
            if (r.GetEnum<ImportantDateKind>(1) == ImportantDateKind.Birthday) d.HasBirthday = true;
            else if (r.GetStringOrNull(2) is { } label) d.DateLabels.Add(label);
        }, ct);
        foreach (var d in _drafts)
        {
            if (!d.Deleted) IndexNames(d);
        }
    }

    private void IndexNames(ContactDraft d)
    {
        var name = d.NameKey;
        if (name.Length == 0) return;
        if (d.CompanyKey is { Length: > 0 } company) _byNameCompany.TryAdd(name + "|" + company, d);
        if (_byName.TryGetValue(name, out var other)) { if (!ReferenceEquals(other, d)) _byName[name] = null; }
        else _byName[name] = d;
    }

    // ---------------------------------------------------------------- contacts

    // The contacts of the database by id, for a row of Rapport's own export.
    private readonly Dictionary<long, ContactDraft> _byId = [];

    /// <summary>The contact of this database that a key of Rapport's own export names (<see cref="Export.ExportContacts.Key"/>), if any.</summary>
    private ContactDraft? ByExportKey(string key) =>
        Export.ExportContacts.TryParseKey(key, out var id) ? _byId.GetValueOrDefault(id) : null;

    /// <summary>The contact a row of Rapport's own export names by id, when it came from this database: the id is there and the name agrees.</summary>
    private ContactDraft? OwnExportMatch(string key, IncomingContact row) =>
        ByExportKey(key) is { } d && row.NameKey.Length > 0 && SameName(row.NameKey, d.NameKey) ? d : null;

    private ContactDraft? Find(string source, string key, IncomingContact row, out bool bySourceKey)
    {
        bySourceKey = false;
        if (_bySource.TryGetValue((source, key), out var d)) { bySourceKey = true; return d; }
        // Your own export read back: the contact it was written from (another database's export numbers other people,
        // whose names will not agree). It counts as matched by its key: the same record of the same source.
        if (OwnExportMatch(key, row) is { } own) { bySourceKey = true; return own; }
        if (row.LinkedInKey is { Length: > 0 } li && _byLinkedIn.TryGetValue(li, out d)) return d;
        foreach (var address in row.EmailKeys)
        {
            if (_byEmail.TryGetValue(address, out d)) return d;
        }
        // A phone, or a name with a company, is shared by different people more often than an address or a profile: an
        // office line, a namesake at a big company. Such a match needs the names to agree, and is refused when the row and
        // the contact are two records this very input keeps apart under keys of its own (two rows of one export).
        // Refused matches stay listed by `rapport contact duplicates`, for you to merge.
        var keyed = row.Contact.ExternalKey is not null;
        foreach (var p in row.Contact.Phones)
        {
            if (PersonKeys.Phone(p.Number) is { Length: > 0 } pk && _byPhone.TryGetValue(pk, out d)
                && SameName(row.NameKey, d.NameKey) && !(keyed && KeptApart(d, source))) return d;
        }
        if (row.NameKey is { Length: > 0 } name && row.CompanyKey is { Length: > 0 } company
            && _byNameCompany.TryGetValue(name + "|" + company, out d) && !(keyed && KeptApart(d, source))) return d;
        return null;
    }

    /// <summary>Whether the contact has a key of this source's own that this input also holds: another of its records.</summary>
    private bool KeptApart(ContactDraft d, string source)
    {
        foreach (var k in d.OwnKeys)
        {
            if (k.Source == source && _inputKeys.Contains(k)) return true;
        }
        return false;
    }

    // The source's own keys of every contact row of this input, and the keys it gives to more than one row.
    private readonly HashSet<(string Source, string Key)> _inputKeys = [];
    private readonly HashSet<string> _repeatedKeys = new(StringComparer.Ordinal);

    /// <summary>Names that may be one person's: alike as keys (Jaro-Winkler ≥ <see cref="SameNameSimilarity"/>), or one of them unknown.</summary>
    private static bool SameName(string a, string b) =>
        a.Length == 0 || b.Length == 0 || PersonKeys.Similarity(a, b) >= SameNameSimilarity || WordsWithin(a, b) || WordsWithin(b, a);

    /// <summary>Whether every word of one name key is in the other ("ana" and "ana silva").</summary>
    private static bool WordsWithin(string few, string many)
    {
        var words = many.Split(' ');
        foreach (var w in few.Split(' '))
        {
            if (Array.IndexOf(words, w) < 0) return false;
        }
        return true;
    }

    /// <summary>How alike two name keys must be for a shared phone to make them one contact.</summary>
    internal const double SameNameSimilarity = 0.85;

    /// <summary>Whether a source key was made up by Rapport from an email or a name (<see cref="SynthesizedKey(IncomingContact)"/>).</summary>
    private static bool IsSynthesized(string key) =>
        key.StartsWith("email:", StringComparison.Ordinal) || key.StartsWith("name:", StringComparison.Ordinal) || key.StartsWith("linkedin-name:", StringComparison.Ordinal);

    private void MatchContact(string source, string file, IncomingContact row, string key)
    {
        var c = row.Contact;
        var match = Find(source, key, row, out var bySourceKey);
        if (match is { Deleted: true })
        {
            _contactRows.Add(new ImportRow(file, c.SourceLine, "contact", c.DisplayName, ImportOutcome.Skipped, match.Id, ["in the trash: restore it to update it"]));
            return;
        }
        if (match is null)
        {
            var details = _details;
            details.Clear();
            // Each value fitted to its column, saying so where it had to be cut.
            string? Fitted(string field, string? value, int max)
            {
                var fitted = Fit(value, max);
                if (fitted is not null && value!.Trim().Length > max) details.Add($"{field} cut to its first {max:N0} characters (it had {value.Trim().Length:N0})");
                return fitted;
            }
            var draft = new ContactDraft
            {
                IsNew = true, DisplayName = Fitted("name", c.DisplayName, 200)!, GivenName = Fitted("given name", c.GivenName, 100), FamilyName = Fitted("family name", c.FamilyName, 100),
                Company = Fitted("company", c.Company, 200), Title = Fitted("title", c.Title, 200), City = Fitted("city", c.City, 100), Country = Fitted("country", c.Country, 100),
                Notes = Fitted("notes", c.Notes, 20000), KnownSince = c.KnownSince,
                Kind = Input.TryParseEnum<RelationshipKind>(c.RelationshipKind, out var kind) ? kind : null,
                Trust = c.Trust is >= 0 and <= 3 ? c.Trust : null, KeyPlayer = c.KeyPlayer, WantToMeet = c.WantToMeet,
                Industry = Fitted("industry", c.Industry, 100), Function = Fitted("function", c.Function, 100), HowWeMet = Fitted("how we met", c.HowWeMet, 1000),
                Seniority = Input.TryParseEnum<Seniority>(c.Seniority, out var seniority) ? seniority : null,
                TierPin = Input.TryParseEnum<Tier>(c.Tier, out var tier) ? tier : null,
                Closeness = c.Closeness is >= 0 and <= 1 ? c.Closeness : null,
                IntroducedByKey = c.IntroducedBy,
            };
            draft.ShareKeys(row);
            _drafts.Add(draft);
            MergeChildren(draft, row, source, key, c.ExternalKey is not null, details);
            IndexNames(draft);
            draft.Rows.Add(_contactRows.Count);
            _contactRows.Add(new ImportRow(file, c.SourceLine, "contact", draft.DisplayName, ImportOutcome.New, null, Combine(details, c.Warnings)));
            return;
        }

        var changes = _details;
        changes.Clear();
        // The same record of the same source, giving the company and title it gave last time: the source has not changed,
        // so a different company or title on the contact is your own edit, and it stays.
        // (A key the input gives more than once, like two cards of one address, says two things at once: compared as before.)
        var single = !_repeatedKeys.Contains(key);
        var gives = (Company: Fit(c.Company, 200), Title: Fit(c.Title, 200));
        var known = _seen.TryGetValue((source, key), out var seen);
        var sourceUnchanged = bySourceKey && single && known
            && PersonKeys.Company(seen.Company) == row.CompanyKey
            && string.Equals(seen.Title?.Trim(), gives.Title, StringComparison.OrdinalIgnoreCase);
        MergeFields(match, row, changes, keepCompanyAndTitle: sourceUnchanged);
        // What the source gives now is kept with its key, whether or not the contact itself changes.
        if (bySourceKey && single && !match.IsNew && (!known || seen != gives)) _snapshots.Add((source, key, gives.Company, gives.Title));
        MergeChildren(match, row, source, key, c.ExternalKey is not null, changes);
        match.Rows.Add(_contactRows.Count);
        var outcome = changes.Count == 0 ? ImportOutcome.Unchanged
            : match.IsNew || !bySourceKey ? ImportOutcome.Merged
            : ImportOutcome.Updated;
        if (match.IsNew && changes.Count == 0) outcome = ImportOutcome.Merged;
        _contactRows.Add(new ImportRow(file, c.SourceLine, "contact", c.DisplayName, outcome, match.IsNew ? null : match.Id, Combine(changes, c.Warnings)));
    }

    /// <summary>
    /// A new contact's introducer, named by its key in the same source (Rapport's exports write the introducer's own
    /// rapport:17): a contact of this import or one already held under that key, or, for your own export read back, the
    /// contact of that id. One that cannot be found is said so on the row.
    /// </summary>
    private void LinkIntroducers(string source)
    {
        foreach (var d in _drafts)
        {
            if (!d.IsNew || d.IntroducedByKey is not { } key) continue;
            var introducer = _bySource.GetValueOrDefault((source, key)) ?? ByExportKey(key);
            if (introducer is not null && !ReferenceEquals(introducer, d) && !introducer.Deleted) d.IntroducedBy = introducer;
            else
            {
                var at = d.Rows[0];
                _contactRows[at] = _contactRows[at] with { Details = [.. _contactRows[at].Details, $"introduced by {key}: not in this file or your network"] };
            }
        }
    }

    private static IReadOnlyList<string> Combine(List<string> details, IReadOnlyList<string> warnings) =>
        details.Count == 0 && warnings.Count == 0 ? NoDetails : [.. details, .. warnings];

    private static string SynthesizedKey(IncomingContact row)
    {
        var c = row.Contact;
        if (c.Emails.Count > 0) return "email:" + c.Emails[0].Address.ToLowerInvariant();
        return "name:" + row.NameKey + "|" + row.CompanyKey;
    }

    private static void MergeFields(ContactDraft d, IncomingContact row, List<string> changes, bool keepCompanyAndTitle = false)
    {
        var c = row.Contact;
        void Fill(string field, string? current, string? incoming, int max, Action<string?> set)
        {
            if (current is not null || Fit(incoming, max) is not { } v) return;
            set(v);
            d.ChangedFields.Add(field);
            changes.Add($"{field}: {v}");
        }
        Fill("givenName", d.GivenName, c.GivenName, 100, v => d.GivenName = v);
        Fill("familyName", d.FamilyName, c.FamilyName, 100, v => d.FamilyName = v);
        Fill("city", d.City, c.City, 100, v => d.City = v);
        Fill("country", d.Country, c.Country, 100, v => d.Country = v);
        Fill("notes", d.Notes, c.Notes, 20000, v => d.Notes = v);

        var company = keepCompanyAndTitle ? null : Fit(c.Company, 200);
        var title = keepCompanyAndTitle ? null : Fit(c.Title, 200);
        var companyChanged = company is not null && (ReferenceEquals(company, c.Company) ? row.CompanyKey : PersonKeys.Company(company)) != d.CompanyKey;
        var titleChanged = title is not null && !string.Equals(title.Trim(), d.Title?.Trim(), StringComparison.OrdinalIgnoreCase);
        if (companyChanged || titleChanged)
        {
            var (oldCompany, oldTitle) = (d.Company, d.Title);
            if (companyChanged)
            {
                d.Company = company;
                d.ChangedFields.Add("company");
                changes.Add(oldCompany is null ? $"company: {company}" : $"company: {oldCompany} → {company}");
            }
            if (titleChanged)
            {
                d.Title = title;
                d.ChangedFields.Add("title");
                changes.Add(oldTitle is null ? $"title: {title}" : $"title: {oldTitle} → {title}");
            }
        }

        if (c.KnownSince is { } since && (d.KnownSince is null || since < d.KnownSince))
        {
            d.KnownSince = since;
            d.ChangedFields.Add("knownSince");
            changes.Add($"known since: {since:yyyy-MM-dd}");
        }
    }

    /// <summary>
    /// Compares each existing contact's company and title with what was stored before this import, once every row is in,
    /// and records the life event then: rows of one file that change a contact and change it back (two cards of one
    /// person) leave it as it was, record nothing, and are reported unchanged.
    /// </summary>
    private void SettleCompanyAndTitle()
    {
        foreach (var d in _drafts)
        {
            if (d.IsNew || d.Deleted || !d.ChangedFields.Contains("company") && !d.ChangedFields.Contains("title")) continue;
            var companyChanged = PersonKeys.Company(d.Company) != PersonKeys.Company(d.StoredCompany);
            var titleChanged = !string.Equals(d.Title?.Trim(), d.StoredTitle?.Trim(), StringComparison.OrdinalIgnoreCase);
            var revertedCompany = !companyChanged && d.ChangedFields.Remove("company");
            var revertedTitle = !titleChanged && d.ChangedFields.Remove("title");
            if (revertedCompany) d.Company = d.StoredCompany;
            if (revertedTitle) d.Title = d.StoredTitle;
            if (companyChanged && d.StoredCompany is not null)
                d.NewLifeEvents.Add((LifeEventKind.NewJob, Fit($"New job: {Role(d.Title, d.Company)} (was {Role(d.StoredTitle, d.StoredCompany)})", 2000)!));
            else if (!companyChanged && titleChanged && d.StoredTitle is not null)
                d.NewLifeEvents.Add((LifeEventKind.Promotion, Fit($"New role: {Role(d.Title, d.Company)} (was {d.StoredTitle})", 2000)!));
            if (!revertedCompany && !revertedTitle) continue;
            // What rows changed and another row changed back is not reported; a row left with nothing else is unchanged.
            foreach (var i in d.Rows)
            {
                var r = _contactRows[i];
                if (r.Outcome is not (ImportOutcome.Updated or ImportOutcome.Merged)) continue;
                var rest = r.Details.Where(x => !(revertedCompany && x.StartsWith("company: ", StringComparison.Ordinal)) && !(revertedTitle && x.StartsWith("title: ", StringComparison.Ordinal))).ToList();
                _contactRows[i] = r with { Outcome = rest.Count == 0 ? ImportOutcome.Unchanged : r.Outcome, Details = rest.Count == 0 ? NoDetails : rest };
            }
        }
    }

    private static string Role(string? title, string? company) =>
        title is null ? company ?? "?" : company is null ? title : $"{title} at {company}";

    private void MergeChildren(ContactDraft d, IncomingContact row, string source, string key, bool keyed, List<string> changes)
    {
        var c = row.Contact;
        for (var i = 0; i < c.Emails.Count; i++)
        {
            var e = c.Emails[i];
            var address = row.EmailKeys[i];
            if (d.Emails.Contains(address)) continue;
            if (address.Length > 320 || !IsStorableEmail(address)) { changes.Add($"email {e.Address} left out: not an address"); continue; }
            if (_byEmail.TryGetValue(address, out var owner) && !ReferenceEquals(owner, d))
            {
                changes.Add($"email {address} left out: it belongs to {owner.DisplayName}");
                continue;
            }
            d.Emails.Add(address);
            d.NewEmails.Add(e with { Address = address, Label = Fit(e.Label, 50) });
            _byEmail[address] = d;
            if (!d.IsNew) changes.Add($"email: +{address}");
        }
        foreach (var p in c.Phones)
        {
            var number = Fit(p.Number.Trim(), 50);
            if (number is null) continue;
            var pk = PersonKeys.Phone(number);
            var stored = pk.Length > 0 ? pk : number;
            if (d.Phones.Contains(stored)) continue;
            d.Phones.Add(stored);
            d.NewPhones.Add(new ImportedPhone(number, Fit(p.Label, 50)));
            if (pk.Length > 0) _byPhone.TryAdd(pk, d);
            if (!d.IsNew) changes.Add($"phone: +{number}");
        }
        if (c.LinkedInUrl is { } url && !d.Networks.Contains(ProfileNetwork.LinkedIn) && Fit(url, 500) is { } li)
        {
            d.Networks.Add(ProfileNetwork.LinkedIn);
            d.NewProfiles.Add((ProfileNetwork.LinkedIn, li));
            if ((ReferenceEquals(li, url) ? row.LinkedInKey : PersonKeys.LinkedIn(li)) is { Length: > 0 } lk) _byLinkedIn.TryAdd(lk, d);
            if (!d.IsNew) changes.Add($"linkedin: {li}");
        }
        foreach (var p in c.Profiles)
        {
            var network = p.Kind switch
            {
                ProfileKind.X => ProfileNetwork.X,
                ProfileKind.Facebook => ProfileNetwork.Facebook,
                ProfileKind.GitHub => ProfileNetwork.GitHub,
                ProfileKind.Website => ProfileNetwork.Website,
                _ => ProfileNetwork.Other,
            };
            if (d.Networks.Contains(network) || Fit(p.Url, 500) is not { } purl) continue;
            d.Networks.Add(network);
            d.NewProfiles.Add((network, purl));
            if (!d.IsNew) changes.Add($"{Common.Input.Kebab(network)}: {purl}");
        }
        foreach (var raw in c.Categories)
        {
            var category = raw.Trim().ToLowerInvariant();
            if (category.Length == 0 || category.Length > 50 || d.Categories.Contains(category)) continue;
            d.Categories.Add(category);
            d.NewCategories.Add(category);
            if (!d.IsNew) changes.Add($"category: +{category}");
        }
        foreach (var label in c.Labels)
        {
            if (Fit(label, 100) is not { } tag || d.Tags.Contains(tag)) continue;
            d.Tags.Add(tag);
            d.NewTags.Add(tag);
            if (!d.IsNew) changes.Add($"tag: +{tag}");
        }
        if (c.Birthday is { } b && !d.HasBirthday)
        {
            d.HasBirthday = true;
            d.NewBirthday = b;
            if (!d.IsNew) changes.Add($"birthday: {b}");
        }
        foreach (var date in c.OtherDates)
        {
            var label = Fit(date.Label, 100) ?? "date";
            if (!d.DateLabels.Add(label)) continue;
            d.NewDates.Add(date with { Label = label });
            if (!d.IsNew) changes.Add($"{label}: {date.Date}");
        }
        // A row of your own export matched to the contact it came from needs no key of its own: its id names it already.
        if (!_bySource.ContainsKey((source, key)) && !(!d.IsNew && key == Export.ExportContacts.Key(d.Id)))
        {
            _bySource[(source, key)] = d;
            d.NewSources.Add((source, key, Fit(row.Contact.Company, 200), Fit(row.Contact.Title, 200)));
            if (keyed && !IsSynthesized(key)) d.OwnKeys.Add((source, key));
            if (!d.IsNew) changes.Add($"source: {source}");
        }
    }

    private static bool IsStorableEmail(string address)
    {
        try
        {
            _ = ContactEmail.Normalize(address);
            return true;
        }
        catch (Domain.DomainException)
        {
            return false;
        }
    }

    // ---------------------------------------------------------------- your own history (LinkedIn Positions and Profile)

    private Dictionary<string, (string Company, bool Current)> ReadPositions(ImportBatch batch)
    {
        var employers = new Dictionary<string, (string, bool)>(StringComparer.Ordinal);
        foreach (var p in batch.Positions)
        {
            var key = PersonKeys.Company(p.Company);
            if (key.Length == 0) continue;
            employers[key] = employers.TryGetValue(key, out var e) ? (e.Item1, e.Item2 || p.IsCurrent) : (p.Company, p.IsCurrent);
        }
        return employers;
    }

    private void MarkCoworkers(ImportBatch batch, Dictionary<string, (string Company, bool Current)> employers)
    {
        if (employers.Count == 0) return;
        foreach (var d in _drafts)
        {
            if (d.Deleted || !employers.TryGetValue(d.CompanyKey, out var employer)) continue;
            var category = employer.Current ? "coworker" : "past-coworker";
            if (d.Categories.Contains(category)) continue;
            d.Categories.Add(category);
            d.NewCategories.Add(category);
            if (!d.IsNew)
                _contactRows.Add(new ImportRow(batch.File, 0, "contact", d.DisplayName, ImportOutcome.Updated, d.Id,
                    [$"category: +{category} ({(employer.Current ? "you work" : "you worked")} at {employer.Company})"]));
        }
    }

    private sealed record PositionPlan(LinkedInPosition Position, Organization? NewOrganization, long? OrganizationId, Membership? Membership);

    private async Task<List<PositionPlan>> PlanPositionsAsync(ImportBatch batch, CancellationToken ct)
    {
        var plans = new List<PositionPlan>();
        if (batch.Profile is { Industry: { } industry })
        {
            var has = await db.Settings.AnyAsync(s => s.Key == "own.industry", ct);
            _otherRows.Add(new ImportRow(batch.File, 0, "profile", batch.Profile.FullName, has ? ImportOutcome.Unchanged : ImportOutcome.New, null,
                has ? NoDetails : [$"your industry: {industry}"]));
            if (!has) _ownIndustry = Fit(industry, 400);
        }
        if (batch.Positions.Count == 0) return plans;
        var orgs = await db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Company).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        var orgByKey = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var o in orgs) orgByKey.TryAdd(PersonKeys.Company(o.Name), o.Id);
        var mine = await db.Memberships.AsNoTracking().Where(m => m.ContactId == null).Select(m => new { m.OrganizationId, m.StartedOn }).ToListAsync(ct);
        var newOrgs = new Dictionary<string, Organization>(StringComparer.Ordinal);
        foreach (var p in batch.Positions)
        {
            var key = PersonKeys.Company(p.Company);
            if (key.Length == 0) continue;
            if (orgByKey.TryGetValue(key, out var orgId))
            {
                if (mine.Any(m => m.OrganizationId == orgId && m.StartedOn == p.StartedOn))
                {
                    _otherRows.Add(new ImportRow(p.SourceFile ?? batch.File, p.SourceLine, "position", $"{p.Title} at {p.Company}", ImportOutcome.Unchanged, null, NoDetails));
                    plans.Add(new PositionPlan(p, null, orgId, null));
                    continue;
                }
                plans.Add(new PositionPlan(p, null, orgId, NewMembership(p)));
            }
            else
            {
                if (!newOrgs.TryGetValue(key, out var org))
                {
                    org = new Organization(Fit(p.Company, 400)!, OrganizationKind.Company);
                    newOrgs[key] = org;
                    plans.Add(new PositionPlan(p, org, null, NewMembership(p)));
                }
                else plans.Add(new PositionPlan(p, org, null, NewMembership(p)));
            }
            _otherRows.Add(new ImportRow(p.SourceFile ?? batch.File, p.SourceLine, "position", $"{p.Title} at {p.Company}", ImportOutcome.New, null,
                [$"your {(p.IsCurrent ? "current" : "past")} position, {p.StartedOn:yyyy-MM}–{(p.FinishedOn is { } f ? f.ToString("yyyy-MM", CultureInfo.InvariantCulture) : "now")}"]));
        }
        return plans;
    }

    private static Membership NewMembership(LinkedInPosition p)
    {
        var ended = p.FinishedOn is { } f && p.StartedOn is { } s && f < s ? s : p.FinishedOn;
        return new Membership(0, null, MembershipRole.Employee, p.StartedOn, ended) { Title = Fit(p.Title, 400) };
    }

    private string? _ownIndustry;

    // ---------------------------------------------------------------- interactions

    private sealed class InteractionPlan
    {
        public required ImportedInteraction Source { get; init; }
        public required string Key { get; init; }
        public required List<ContactDraft> Participants { get; init; }
        public long? ExistingId { get; init; }
        public bool Changed { get; init; }
        public ExchangeKind? GivenExchange { get; init; }

        /// <summary>The calendar now says the meeting was cancelled: the interaction logged from it goes to the trash.</summary>
        public bool Cancel { get; init; }
    }

    private async Task<List<InteractionPlan>> MatchInteractionsAsync(ImportBatch batch, CancellationToken ct)
    {
        var plans = new List<InteractionPlan>();
        if (batch.Interactions.Count == 0) return plans;
        var now = clock.GetUtcNow().UtcDateTime;
        var keyed = batch.Interactions.Select(i => (Interaction: i, Key: FitKey(i.ExternalKey ?? SynthesizedKey(batch.Source, i)))).ToList();
        var keys = keyed.Select(k => k.Key).Distinct(StringComparer.Ordinal).ToList();
        var existing = new Dictionary<string, (long Id, DateTime At, Channel Channel, Direction Direction, string? Notes, bool Deleted, List<long> People)>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i += 2000)
        {
            var chunk = keys.Skip(i).Take(2000).ToList();
            var rows = await db.Interactions.IgnoreQueryFilters([RapportDbContext.TrashFilter]).AsNoTracking()
                .Where(x => x.ExternalKey != null && chunk.Contains(x.ExternalKey))
                .Select(x => new { x.Id, x.ExternalKey, x.OccurredAt, x.Channel, x.Direction, x.Notes, Deleted = x.DeletedAt != null, People = x.Participants.Select(p => p.ContactId).ToList() })
                .ToListAsync(ct);
            foreach (var r in rows) existing.TryAdd(r.ExternalKey!, (r.Id, r.OccurredAt, r.Channel, r.Direction, r.Notes, r.Deleted, r.People));
        }

        // Several versions of one event in a file (iTIP requests, replies and updates share a UID): the highest revision
        // (SEQUENCE) holds, the last of equal ones, with everyone who appears in any of them.
        var groups = new Dictionary<string, (ImportedInteraction Latest, List<ImportedParticipant> People, long FirstLine)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (i, key) in keyed)
        {
            if (groups.TryGetValue(key, out var g))
            {
                var people = g.People;
                foreach (var p in i.Participants)
                {
                    if (!people.Any(q => SameParticipant(p, q))) people.Add(p);
                }
                var older = i.Sequence < g.Latest.Sequence;
                groups[key] = (older ? g.Latest with { Participants = people } : i with { Participants = people }, people, g.FirstLine);
                var label0 = Label(i);
                _interactionRows.Add(InteractionRow(batch, i, label0, ImportOutcome.Merged, null,
                    [older ? $"an older version (revision {i.Sequence}) of line {g.FirstLine}, whose revision {g.Latest.Sequence} holds" : $"another version of line {g.FirstLine}"]));
                continue;
            }
            groups[key] = (i, [.. i.Participants], i.SourceLine);
            order.Add(key);
        }

        foreach (var key in order)
        {
            var (latest, _, firstLine) = groups[key];
            var i = latest with { SourceLine = firstLine };
            var label = Label(i);
            if (i.Cancelled)
            {
                // Cancelled after it was imported (or taken out of its series): what was logged from it did not happen either.
                var why = i.CancelReason ?? "cancelled";
                if (existing.TryGetValue(key, out var logged) && !logged.Deleted)
                {
                    plans.Add(new InteractionPlan { Source = i, Key = key, Participants = [], ExistingId = logged.Id, Changed = true, Cancel = true });
                    _interactionRows.Add(InteractionRow(batch, i, label, ImportOutcome.Updated, null,
                        [$"{why}: the interaction logged from it is moved to the trash"]));
                }
                else _interactionRows.Add(InteractionRow(batch, i, label, ImportOutcome.Skipped, null, [$"{why}: it did not happen"]));
                continue;
            }
            // A calendar holds meetings still to come; a message or an invitation dated ahead is a sender's clock.
            if (batch.Source == "ics" && DateTime.SpecifyKind(i.OccurredAtUtc, DateTimeKind.Utc) > now)
            {
                _interactionRows.Add(InteractionRow(batch, i, label, ImportOutcome.Skipped, null,
                    [$"on {i.OccurredAtUtc:yyyy-MM-dd}, in the future: it has not happened yet (import the calendar again afterwards)"]));
                continue;
            }
            var participants = new List<ContactDraft>();
            var unknown = new List<string>();
            foreach (var p in i.Participants)
            {
                var d = Resolve(p);
                if (d is null) unknown.Add(IsAmbiguous(p) ? $"{p.Name} (several contacts have this name)" : p.Email ?? p.Name ?? p.ProfileUrl ?? "?");
                else if (!participants.Contains(d)) participants.Add(d);
            }
            if (participants.Count == 0)
            {
                _interactionRows.Add(InteractionRow(batch, i, label, ImportOutcome.Skipped, null,
                    [unknown.Count == 0 ? "no other person in it" : $"no contact matches {string.Join(", ", unknown.Take(5))}"]));
                continue;
            }
            var details = unknown.Count == 0 ? new List<string>() : [$"not matched: {string.Join(", ", unknown.Take(5))}"];
            details.AddRange(i.Warnings);
            var (channel, direction) = Map(i, participants.Count);
            var notes = Notes(i);
            var at = DateTime.SpecifyKind(i.OccurredAtUtc, DateTimeKind.Utc);
            var who = string.Join(", ", participants.Take(3).Select(p => p.DisplayName)) + (participants.Count > 3 ? ", ..." : "");
            if (existing.TryGetValue(key, out var old))
            {
                if (old.Deleted)
                {
                    _interactionRows.Add(InteractionRow(batch, i, label, ImportOutcome.Skipped, null, ["in the trash: restore it to update it"]));
                    continue;
                }
                // Participants are compared once every one of them has an id: new contacts of this import are still unwritten.
                var samePeople = participants.All(p => !p.IsNew) && old.People.Order().SequenceEqual(participants.Select(p => p.Id).Order());
                var changed = old.At != at || old.Channel != channel || old.Direction != direction || old.Notes != notes || !samePeople;
                if (changed && old.At != at) details.Insert(0, $"time: {old.At:yyyy-MM-dd HH:mm} → {at:yyyy-MM-dd HH:mm}");
                if (changed && old.Notes != notes) details.Insert(0, "notes changed");
                if (!samePeople) details.Insert(0, $"people: {who}");
                plans.Add(new InteractionPlan { Source = i, Key = key, Participants = participants, ExistingId = old.Id, Changed = changed });
                _interactionRows.Add(InteractionRow(batch, i, $"{label} with {who}", changed ? ImportOutcome.Updated : ImportOutcome.Unchanged,
                    null, details.Count == 0 ? NoDetails : details));
                continue;
            }
            ExchangeKind? given = i.Direction == FormatDirection.Out && i.Kind is InteractionKind.Endorsement or InteractionKind.Recommendation
                ? (i.Kind == InteractionKind.Endorsement ? ExchangeKind.Endorsement : ExchangeKind.Recommendation)
                : null;
            plans.Add(new InteractionPlan { Source = i, Key = key, Participants = participants, GivenExchange = given });
            _interactionRows.Add(InteractionRow(batch, i, $"{label} with {who}", ImportOutcome.New, null, details.Count == 0 ? NoDetails : details));
        }
        return plans;
    }

    /// <summary>What a row of the report calls an interaction: its subject (with the day, for one occurrence of a recurring meeting), else its kind and day.</summary>
    private static string Label(ImportedInteraction i) =>
        Fit(i.Subject, 80) is { } subject
            ? i.Occurrence ? string.Create(CultureInfo.InvariantCulture, $"{subject} on {i.OccurredAtUtc:yyyy-MM-dd}") : subject
            : string.Create(CultureInfo.InvariantCulture, $"{i.Kind} on {i.OccurredAtUtc:yyyy-MM-dd}").ToLowerInvariant();

    /// <summary>A row of the report for an interaction, named by the file it was read from (an archive's entry, or the file imported).</summary>
    private static ImportRow InteractionRow(ImportBatch batch, ImportedInteraction i, string label, ImportOutcome outcome, long? contactId, IReadOnlyList<string> details) =>
        new(i.SourceFile ?? batch.File, i.SourceLine, "interaction", label, outcome, contactId, details);

    private static bool SameParticipant(ImportedParticipant a, ImportedParticipant b) =>
        a.Email is not null && string.Equals(a.Email, b.Email, StringComparison.OrdinalIgnoreCase)
        || a.Email is null && b.Email is null && string.Equals(a.ProfileUrl ?? a.Name, b.ProfileUrl ?? b.Name, StringComparison.OrdinalIgnoreCase);

    private ContactDraft? Resolve(ImportedParticipant p)
    {
        ContactDraft? d;
        if (p.Email is { } email && _byEmail.TryGetValue(email.Trim().ToLowerInvariant(), out d) && !d.Deleted) return d;
        if (PersonKeys.LinkedIn(p.ProfileUrl) is { Length: > 0 } li && _byLinkedIn.TryGetValue(li, out d) && !d.Deleted) return d;
        if (PersonKeys.Name(p.Name) is { Length: > 0 } name && _byName.TryGetValue(name, out d) && d is { Deleted: false }) return d;
        return null;
    }

    /// <summary>Whether a participant known only by name goes unmatched because several contacts have that name.</summary>
    private bool IsAmbiguous(ImportedParticipant p) =>
        p.Email is null && PersonKeys.Name(p.Name) is { Length: > 0 } name && _byName.TryGetValue(name, out var d) && d is null;

    private static string SynthesizedKey(string source, ImportedInteraction i)
    {
        var who = string.Join(",", i.Participants.Select(p => (p.Email ?? p.ProfileUrl ?? p.Name ?? "").ToLowerInvariant()).Order(StringComparer.Ordinal));
        return string.Create(CultureInfo.InvariantCulture, $"{source}:{i.Kind}|{i.OccurredAtUtc:O}|{who}|{i.Subject}");
    }

    private static (Channel, Direction) Map(ImportedInteraction i, int people)
    {
        var channel = i.Channel switch
        {
            FormatChannel.Email => Channel.Email,
            FormatChannel.Message => Channel.Message,
            FormatChannel.Video => Channel.Video,
            FormatChannel.Call => Channel.Call,
            FormatChannel.Social => Channel.Social,
            _ => people > 1 ? Channel.Group : Channel.InPerson,
        };
        var direction = i.Direction switch { FormatDirection.Out => Direction.Out, FormatDirection.In => Direction.In, _ => Direction.Mutual };
        return (channel, direction);
    }

    private static string? Notes(ImportedInteraction i)
    {
        var subject = DisplayNamesClean(i.Subject);
        var note = DisplayNamesClean(i.Note);
        var text = subject is null ? note : note is null ? subject : subject + "\n\n" + note;
        return Fit(text, 20000);
    }

    private static string? DisplayNamesClean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    // ---------------------------------------------------------------- writing

    // Whether anything was written.
    private async Task<bool> WriteAsync(ImportBatch batch, List<InteractionPlan> interactions, List<PositionPlan> positions, ImportProgress progress, DateTime now, DateOnly today, CancellationToken ct)
    {
        var newDrafts = _drafts.Where(d => d.IsNew).ToList();
        var changedDrafts = _drafts.Where(d => !d.IsNew && !d.Deleted && d.Dirty).ToList();
        var changedInteractions = interactions.Where(p => p.ExistingId is not null && p.Changed).ToList();
        var newInteractions = interactions.Where(p => p.ExistingId is null).ToList();
        if (newDrafts.Count == 0 && changedDrafts.Count == 0 && newInteractions.Count == 0 && changedInteractions.Count == 0
            && positions.All(p => p.Membership is null) && _ownIndustry is null && _snapshots.Count == 0) return false;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var bulk = new BulkWriter(db, progress.AddWritten);
        var contacts = new List<Contact>(newDrafts.Count);
        foreach (var d in newDrafts) contacts.Add(d.ToNewContact(now));
        progress.BeginWriting(bulk.CountRows(contacts) + newInteractions.Sum(p => 1 + p.Participants.Count));

        // New contacts, with their emails, phones, profiles, sources and dates, in bulk.
        if (newDrafts.Count > 0)
        {
            await bulk.InsertAsync(contacts, ct);
            for (var k = 0; k < newDrafts.Count; k++)
            {
                var d = newDrafts[k];
                d.Id = contacts[k].Id;
                foreach (var row in d.Rows) _contactRows[row] = _contactRows[row] with { ContactId = d.Id };
            }
            // Introducers that were new themselves have their ids now.
            foreach (var d in newDrafts)
            {
                if (d.IntroducedBy is not { IsNew: true } introducer) continue;
                await db.Contacts.Where(c => c.Id == d.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.IntroducedById, introducer.Id), ct);
            }
        }

        // Existing contacts that changed: loaded, changed and saved through the model, with the life events found.
        var lifeEvents = new List<LifeEvent>();
        foreach (var chunk in changedDrafts.Chunk(500))
        {
            var ids = chunk.Select(d => d.Id).ToList();
            var loaded = await db.Contacts.Where(c => ids.Contains(c.Id))
                .Include(c => c.Emails).Include(c => c.Phones).Include(c => c.Profiles).Include(c => c.Sources)
                .Include(c => c.Tags).Include(c => c.Categories).Include(c => c.Dates)
                .AsSplitQuery().ToDictionaryAsync(c => c.Id, ct);
            foreach (var d in chunk)
            {
                if (!loaded.TryGetValue(d.Id, out var c)) continue;
                d.ApplyTo(c, now);
                foreach (var (kind, note) in d.NewLifeEvents) lifeEvents.Add(new LifeEvent(d.Id, kind, today, detected: true) { Note = note });
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        // Your own positions and industry, and the life events found. (Saved only when there are any: an import of
        // new contacts alone would otherwise pay for readying EF Core's update pipeline to save nothing.)
        if (_ownIndustry is not null || positions.Count > 0 || lifeEvents.Count > 0)
        {
            if (_ownIndustry is not null) db.Settings.Add(new AccountSetting("own.industry", _ownIndustry));
            foreach (var org in positions.Where(p => p.NewOrganization is not null).Select(p => p.NewOrganization!).Distinct()) db.Organizations.Add(org);
            await db.SaveChangesAsync(ct);
            foreach (var p in positions.Where(p => p.Membership is not null))
            {
                var orgId = p.OrganizationId ?? p.NewOrganization!.Id;
                var m = p.Membership!;
                db.Memberships.Add(new Membership(orgId, null, m.Role, m.StartedOn, m.EndedOn) { Title = m.Title });
            }
            db.LifeEvents.AddRange(lifeEvents);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        // Interactions: new ones in bulk, re-imported ones that changed through the model.
        var touched = new HashSet<long>();
        if (newInteractions.Count > 0)
        {
            var source = batch.Source == "ics" ? InteractionSource.Calendar : InteractionSource.Import;
            var entities = new List<Interaction>(newInteractions.Count);
            foreach (var p in newInteractions)
            {
                var (channel, direction) = Map(p.Source, p.Participants.Count);
                var ids = p.Participants.Select(d => d.Id).ToList();
                touched.UnionWith(ids);
                entities.Add(new Interaction(DateTime.SpecifyKind(p.Source.OccurredAtUtc, DateTimeKind.Utc), channel, direction, source, ids)
                {
                    Notes = Notes(p.Source),
                    ExternalKey = p.Key,
                    Purpose = p.Source.Kind switch
                    {
                        InteractionKind.Endorsement or InteractionKind.Recommendation => p.Source.Direction == FormatDirection.Out ? Purpose.Give : null,
                        _ => null,
                    },
                });
            }
            await bulk.InsertAsync(entities, ct);
            var exchanges = new List<Exchange>();
            for (var k = 0; k < newInteractions.Count; k++)
            {
                if (newInteractions[k].GivenExchange is not { } kind) continue;
                foreach (var d in newInteractions[k].Participants)
                {
                    exchanges.Add(new Exchange(d.Id, ExchangeDirection.Give, kind, ExchangeStatus.Done, DateOnly.FromDateTime(entities[k].OccurredAt))
                    {
                        InteractionId = entities[k].Id,
                        Note = Fit(newInteractions[k].Source.Note, 4000),
                    });
                }
            }
            db.Exchanges.AddRange(exchanges);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        foreach (var chunk in changedInteractions.Chunk(500))
        {
            var ids = chunk.Select(p => p.ExistingId!.Value).ToList();
            var loaded = await db.Interactions.Where(x => ids.Contains(x.Id)).Include(x => x.Participants).ToDictionaryAsync(x => x.Id, ct);
            foreach (var p in chunk)
            {
                if (!loaded.TryGetValue(p.ExistingId!.Value, out var x)) continue;
                touched.UnionWith(x.Participants.Select(q => q.ContactId));
                if (p.Cancel)
                {
                    x.DeletedAt = now;
                    continue;
                }
                x.SetParticipants(p.Participants.Select(d => d.Id));
                var (channel, direction) = Map(p.Source, p.Participants.Count);
                x.OccurredAt = DateTime.SpecifyKind(p.Source.OccurredAtUtc, DateTimeKind.Utc);
                x.Channel = channel;
                x.Direction = direction;
                x.Notes = Notes(p.Source);
                touched.UnionWith(x.Participants.Select(q => q.ContactId));
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        // A bulk write refreshes the planner's statistics before the rebuild joins what it wrote (PostgreSQL would
        // otherwise plan those tables as nearly empty).
        if (newDrafts.Count + newInteractions.Count >= 1000) await RapportStore.AnalyzeAsync(db, ct);
        if (touched.Count > 0) await Nurture.ContactStatsRefresher.RebuildAsync(db, touched, ct);
        await WriteSnapshotsAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Keeps with each stored source key the company and title its source gives now (one prepared statement).</summary>
    private async Task WriteSnapshotsAsync(CancellationToken ct)
    {
        if (_snapshots.Count == 0) return;
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.Transaction = Microsoft.EntityFrameworkCore.Storage.DbContextTransactionExtensions.GetDbTransaction(db.Database.CurrentTransaction!);
        cmd.CommandText = """UPDATE "ContactSources" SET "SeenCompany" = @company, "SeenTitle" = @title WHERE "AccountId" = @account AND "Source" = @source AND "ExternalKey" = @key""";
        var company = Parameter(cmd, "company");
        var title = Parameter(cmd, "title");
        Parameter(cmd, "account").Value = db.AccountId;
        var sourceParameter = Parameter(cmd, "source");
        var keyParameter = Parameter(cmd, "key");
        foreach (var (source, key, c, t) in _snapshots)
        {
            company.Value = (object?)c ?? DBNull.Value;
            title.Value = (object?)t ?? DBNull.Value;
            sourceParameter.Value = source;
            keyParameter.Value = key;
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    private static System.Data.Common.DbParameter Parameter(System.Data.Common.DbCommand cmd, string name)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = "@" + name;
        cmd.Parameters.Add(p);
        return p;
    }

    // ---------------------------------------------------------------- helpers

    internal static string? Fit(string? s, int max)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        var t = s.Trim();
        if (t.Length <= max) return t;
        var cut = max;
        if (char.IsHighSurrogate(t[cut - 1])) cut--;
        return t[..cut];
    }

    /// <summary>Source keys fit their column: a longer key keeps its start and a hash of the whole.</summary>
    private static string FitKey(string key)
    {
        if (key.Length <= 500) return key;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        return key[..400] + "#" + hash;
    }
}
