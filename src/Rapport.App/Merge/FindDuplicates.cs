using Microsoft.EntityFrameworkCore;
using Rapport.App.Import;
using Rapport.Data;
using Rapport.Domain.Contacts;

namespace Rapport.App.Merge;

/// <summary>Two contacts that are likely the same person, how sure that is (0 to 1) and why.</summary>
public sealed record DuplicateCandidate(long KeepId, string KeepName, long MergeId, string MergeName, double Confidence, IReadOnlyList<string> Reasons);

/// <summary>
/// Lists likely duplicates with a confidence: the same LinkedIn profile or phone number, the same email user name,
/// the same or a close name (Jaro-Winkler on normalized names) at the same company, or the same name alone. Several
/// reasons for one pair add up (1 − Π(1 − cᵢ)); two different LinkedIn profiles take most of it away. The older contact
/// is proposed as the one to keep.
/// </summary>
public sealed class FindDuplicates(RapportDbContext db)
{
    private const int MaxGroup = 3000;

    /// <summary>What is left of a pair's confidence when each has a LinkedIn profile of their own (below the default 0.5 bar).</summary>
    private const double DifferentProfiles = 0.25;

    public async Task<IReadOnlyList<DuplicateCandidate>> ExecuteAsync(double minConfidence = 0.5, int limit = 100, CancellationToken ct = default)
    {
        if (minConfidence is < 0 or > 1 || double.IsNaN(minConfidence)) throw new Common.InputException("min", "min: expected a confidence between 0 and 1");
        if (limit < 1) throw new Common.InputException("limit", "limit: expected at least 1");
        var contacts = await db.Contacts.AsNoTracking().Select(c => new { c.Id, c.DisplayName, c.Company }).ToListAsync(ct);
        var names = contacts.ToDictionary(c => c.Id, c => c.DisplayName);
        var evidence = new Dictionary<(long, long), List<(double Confidence, string Reason)>>();
        void Add(long a, long b, double confidence, string reason)
        {
            if (a == b) return;
            var key = a < b ? (a, b) : (b, a);
            if (!evidence.TryGetValue(key, out var list)) evidence[key] = list = [];
            if (!list.Any(x => x.Reason == reason)) list.Add((confidence, reason));
        }

        var profiles = await db.ContactProfiles.AsNoTracking().Where(p => p.Network == ProfileNetwork.LinkedIn).Select(p => new { p.ContactId, p.Url }).ToListAsync(ct);
        foreach (var g in profiles.Where(p => names.ContainsKey(p.ContactId)).GroupBy(p => PersonKeys.LinkedIn(p.Url)).Where(g => g.Key.Length > 0))
            Pairs(g.Select(p => p.ContactId), (a, b) => Add(a, b, 0.99, "the same LinkedIn profile"));
        // Each contact's LinkedIn profiles: two people with a profile each, and no profile in common, are two people
        // whatever else they share (namesakes at one company).
        var linkedIn = new Dictionary<long, HashSet<string>>();
        foreach (var p in profiles)
        {
            if (PersonKeys.LinkedIn(p.Url) is not { Length: > 0 } key) continue;
            if (!linkedIn.TryGetValue(p.ContactId, out var set)) linkedIn[p.ContactId] = set = [];
            set.Add(key);
        }

        var phones = await db.ContactPhones.AsNoTracking().Select(p => new { p.ContactId, p.Number }).ToListAsync(ct);
        foreach (var g in phones.Where(p => names.ContainsKey(p.ContactId)).GroupBy(p => PersonKeys.Phone(p.Number)).Where(g => g.Key.Length > 0))
            Pairs(g.Select(p => p.ContactId), (a, b) => Add(a, b, 0.9, $"the same phone ({g.First().Number})"));

        var emails = await db.ContactEmails.AsNoTracking().Select(e => new { e.ContactId, e.Address }).ToListAsync(ct);
        foreach (var g in emails.Where(e => names.ContainsKey(e.ContactId)).GroupBy(e => e.Address[..e.Address.IndexOf('@', StringComparison.Ordinal)]).Where(g => g.Key.Length >= 5))
        {
            Pairs(g.Select(e => e.ContactId), (a, b) =>
            {
                if (PersonKeys.Similarity(PersonKeys.Name(names[a]), PersonKeys.Name(names[b])) >= 0.85) Add(a, b, 0.7, $"the same email user name ({g.Key}@…) and a close name");
            });
        }

        var keyed = contacts.Select(c => (c.Id, Name: PersonKeys.Name(c.DisplayName), Company: PersonKeys.Company(c.Company), c.Company)).Where(c => c.Name.Length > 0).ToList();
        foreach (var g in keyed.Where(c => c.Company.Length > 0).GroupBy(c => c.Company))
        {
            var list = g.ToList();
            if (list.Count > MaxGroup) continue;
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count; j++)
                {
                    var sim = PersonKeys.Similarity(list[i].Name, list[j].Name);
                    if (sim >= 0.999) Add(list[i].Id, list[j].Id, 0.9, $"the same name at {list[i].Company}");
                    else if (sim >= 0.88) Add(list[i].Id, list[j].Id, 0.5 + (sim - 0.88) * 3, $"a close name at {list[i].Company} ({sim:0.00})");
                }
            }
        }
        foreach (var g in keyed.GroupBy(c => c.Name).Where(g => g.Count() > 1 && g.Count() <= MaxGroup))
            Pairs(g.Select(c => c.Id), (a, b) => Add(a, b, 0.5, "the same name"));

        return evidence
            .Select(e =>
            {
                var confidence = 1 - e.Value.Aggregate(1.0, (p, x) => p * (1 - x.Confidence));
                var (keep, merge) = e.Key;
                var reasons = e.Value.OrderByDescending(x => x.Confidence).Select(x => x.Reason).ToList();
                if (linkedIn.TryGetValue(keep, out var mine) && linkedIn.TryGetValue(merge, out var theirs) && !mine.Overlaps(theirs))
                {
                    confidence *= DifferentProfiles;
                    reasons.Add("but two different LinkedIn profiles");
                }
                return new DuplicateCandidate(keep, names[keep], merge, names[merge], Math.Round(confidence, 3), reasons);
            })
            .Where(c => c.Confidence >= minConfidence)
            .OrderByDescending(c => c.Confidence).ThenBy(c => c.KeepId).ThenBy(c => c.MergeId)
            .Take(limit)
            .ToList();
    }

    private static void Pairs(IEnumerable<long> ids, Action<long, long> pair)
    {
        var list = ids.Distinct().Order().ToList();
        if (list.Count > MaxGroup) return;
        for (var i = 0; i < list.Count; i++)
            for (var j = i + 1; j < list.Count; j++) pair(list[i], list[j]);
    }
}
