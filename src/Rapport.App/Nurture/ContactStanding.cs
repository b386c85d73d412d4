using Rapport.App.Common;
using Rapport.Domain.Contacts;
using Rapport.Domain.Nurture;

namespace Rapport.App.Nurture;

/// <summary>
/// Where a contact stands: tie strength with its parts and plain-words why, label, tier, cadence and next due, reciprocity
/// and the give/ask balance (SCIENCE.md A, B, G). Printed by <c>contact show</c> and shown on the Person page.
/// </summary>
public sealed record ContactStanding
{
    public long ContactId { get; init; }
    public double Strength { get; init; }
    public double PeakStrength { get; init; }
    public required string Label { get; init; }
    public required string Tier { get; init; }
    public bool TierPinned { get; init; }
    public int? CadenceDays { get; init; }
    public DateTime? NextDue { get; init; }
    public double? Lapse { get; init; }
    public required string LapseState { get; init; }
    public DateTime? LastInteraction { get; init; }
    public double Reciprocity { get; init; }
    public double GiveAskBalance { get; init; }
    public int Gives { get; init; }
    public int Asks { get; init; }
    public bool GiveFirst { get; init; }
    public required StrengthParts Parts { get; init; }
    public IReadOnlyList<string> Why { get; init; } = [];
}

/// <summary>The parts of strength S (SCIENCE.md A).</summary>
public sealed record StrengthParts(double Frequency, double Reciprocity, double Duration, double Embeddedness, double? Closeness, double Intensity);

/// <summary>Standings of every contact in a snapshot: strength of each, then tiers by rank over the whole network.</summary>
public static class Standings
{
    public static IReadOnlyDictionary<long, ContactStanding> Compute(NetworkSnapshot snapshot)
    {
        var s = snapshot.Settings;
        var now = snapshot.Now;
        var contacts = snapshot.Input.Contacts;
        var results = new TieStrengthResult[contacts.Count];
        var candidates = new TierCandidate[contacts.Count];
        for (var i = 0; i < contacts.Count; i++)
        {
            var c = contacts[i];
            var stats = c.Stats ?? ContactStats.Empty(c.Id, s);
            results[i] = stats.Strength(now, s, c.Mutuals, c.Closeness, c.KnownSince);
            candidates[i] = new TierCandidate(c.Id, results[i].Strength, c.Pin, stats.TouchCount > 0);
        }
        var tiers = Tiers.Assign(candidates, s);

        var gives = new Dictionary<long, List<LedgerEntry>>();
        foreach (var e in snapshot.Input.Ledger)
            (gives.TryGetValue(e.ContactId, out var l) ? l : gives[e.ContactId] = []).Add(e);

        var map = new Dictionary<long, ContactStanding>(contacts.Count);
        for (var i = 0; i < contacts.Count; i++)
        {
            var c = contacts[i];
            var r = results[i];
            var status = Tiers.Status(r.LastInteraction, tiers[i], now, s);
            var ledger = GiveAskLedger.Compute(gives.GetValueOrDefault(c.Id) ?? [], snapshot.Today, s);
            var why = new List<string>(r.Why);
            why.Add(status.NextDue is { } due
                ? $"tier {NurtureSettings.TierName(tiers[i])}{(c.Pin is null ? "" : " (pinned)")}: every {status.CadenceDays} days, next due {due:yyyy-MM-dd} ({status.State.ToWire()})"
                : $"tier {NurtureSettings.TierName(tiers[i])}{(c.Pin is null ? "" : " (pinned)")}: no cadence; reached through events and triggers");
            why.Add(ledger.Why);
            map[c.Id] = new ContactStanding
            {
                ContactId = c.Id,
                Strength = Math.Round(r.Strength, 3),
                PeakStrength = Math.Round(r.PeakStrength, 3),
                Label = r.Label.ToWire(),
                Tier = Input.Kebab(tiers[i]),
                TierPinned = c.Pin is not null,
                CadenceDays = status.CadenceDays,
                NextDue = status.NextDue,
                Lapse = status.Lapse is { } lapse ? Math.Round(lapse, 2) : null,
                LapseState = status.State.ToWire(),
                LastInteraction = r.LastInteraction,
                Reciprocity = Math.Round(r.Reciprocity, 3),
                GiveAskBalance = Math.Round(ledger.Balance, 3),
                Gives = ledger.Gives,
                Asks = ledger.Asks,
                GiveFirst = ledger.GiveFirst,
                Parts = new StrengthParts(Math.Round(r.Frequency, 3), Math.Round(r.Reciprocity, 3), Math.Round(r.Duration, 3), Math.Round(r.Embeddedness, 3), r.Closeness, Math.Round(r.Intensity, 3)),
                Why = why,
            };
        }
        return map;
    }
}
