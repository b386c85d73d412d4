using System.Text.Json.Serialization;
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
    /// <summary>The label; <see cref="Label"/> is its wire name.</summary>
    [JsonIgnore]
    public TieLabel TieLabel { get; init; }

    /// <summary>strong, medium, weak, dormant or long-dormant.</summary>
    public string Label => TieLabel.ToWire();
    public required string Tier { get; init; }
    public bool TierPinned { get; init; }
    public int? CadenceDays { get; init; }
    public DateTime? NextDue { get; init; }
    public double? Lapse { get; init; }
    /// <summary>Where the contact stands against the cadence; <see cref="LapseState"/> is its wire name.</summary>
    [JsonIgnore]
    public Domain.Nurture.LapseState State { get; init; }

    /// <summary>ok, due, cooling or going-dormant.</summary>
    public string LapseState => State.ToWire();
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

/// <summary>
/// Standings of every contact in a snapshot: strength of each (the cheap measure, no words), then tiers by rank over the
/// whole network. The plain-words why is written only for the contacts shown (<see cref="Explain"/>).
/// </summary>
public static class Standings
{
    public static IReadOnlyDictionary<long, ContactStanding> Compute(NetworkSnapshot snapshot)
    {
        var s = snapshot.Settings;
        var now = snapshot.Now;
        var contacts = snapshot.Input.Contacts;
        var measures = new TieMeasure[contacts.Count];
        var candidates = new TierCandidate[contacts.Count];
        for (var i = 0; i < contacts.Count; i++)
        {
            var c = contacts[i];
            var stats = c.Stats ?? ContactStats.Empty(c.Id, s);
            measures[i] = stats.Measure(now, s, c.Mutuals, c.Closeness, c.KnownSince);
            candidates[i] = new TierCandidate(c.Id, measures[i].Strength, c.Pin, stats.TouchCount > 0);
        }
        var tiers = Tiers.Assign(candidates, s);

        var ledgers = new Dictionary<long, (int Gives, int Asks)>();
        foreach (var e in snapshot.Input.Ledger)
        {
            if (!GiveAskLedger.Counts(e) || !GiveAskLedger.InWindow(e.On, snapshot.Today, s)) continue;
            var (g, a) = ledgers.GetValueOrDefault(e.ContactId);
            ledgers[e.ContactId] = e.Direction == Domain.Exchanges.ExchangeDirection.Give ? (g + 1, a) : (g, a + 1);
        }

        var map = new Dictionary<long, ContactStanding>(contacts.Count);
        for (var i = 0; i < contacts.Count; i++)
        {
            var c = contacts[i];
            var m = measures[i];
            var last = c.Stats?.LastTouchAt;
            var status = Tiers.Status(last, tiers[i], now, s);
            var (gives, asks) = ledgers.GetValueOrDefault(c.Id);
            map[c.Id] = new ContactStanding
            {
                ContactId = c.Id,
                Strength = Math.Round(m.Strength, 3),
                PeakStrength = Math.Round(m.Peak, 3),
                TieLabel = m.Label,
                Tier = tiers[i].ToWire(),
                TierPinned = c.Pin is not null,
                CadenceDays = status.CadenceDays,
                NextDue = status.NextDue,
                Lapse = status.Lapse is { } lapse ? Math.Round(lapse, 2) : null,
                State = status.State,
                LastInteraction = last,
                Reciprocity = Math.Round(m.Reciprocity, 3),
                GiveAskBalance = Math.Round(GiveAskLedger.Balance(gives, asks), 3),
                Gives = gives,
                Asks = asks,
                GiveFirst = GiveAskLedger.GiveFirst(gives, asks, s),
                Parts = new StrengthParts(Math.Round(m.Frequency, 3), Math.Round(m.Reciprocity, 3), Math.Round(m.Duration, 3), Math.Round(m.Embeddedness, 3), c.Closeness, Math.Round(m.Intensity, 3)),
            };
        }
        return map;
    }

    /// <summary>The standing with its why in plain words: each part of strength, the tier and cadence, and the ledger.</summary>
    public static ContactStanding Explain(NetworkSnapshot snapshot, ContactStanding standing)
    {
        var index = snapshot.IndexOf(standing.ContactId);
        if (index < 0) return standing;
        var s = snapshot.Settings;
        var c = snapshot.Input.Contacts[index];
        var r = (c.Stats ?? ContactStats.Empty(c.Id, s)).Strength(snapshot.Now, s, c.Mutuals, c.Closeness, c.KnownSince);
        var why = new List<string>(r.Why)
        {
            standing.NextDue is { } due
                ? $"tier {standing.Tier}{(standing.TierPinned ? " (pinned)" : "")}: every {standing.CadenceDays} days, next due {due:yyyy-MM-dd} ({standing.LapseState})"
                : $"tier {standing.Tier}{(standing.TierPinned ? " (pinned)" : "")}: no cadence; reached through events and triggers",
            GiveAskLedger.Of(standing.Gives, standing.Asks, s).Why,
        };
        return standing with { Why = why };
    }
}
