using System.Text.Json;
using Rapport.Domain.Contacts;

namespace Rapport.Domain.Insights.Diversity;

/// <summary>The ways a network can be diverse (SCIENCE.md F).</summary>
public enum DiversityDimension { Industry, Function, Seniority, Geography, Category }

/// <summary>A contact as the diversity view needs it: strength S, its label, and the attributes compared.</summary>
public sealed record DiversityContact(
    long Id, double Strength, TieBand Band, string? Industry, string? Function, Seniority Seniority,
    string? City, string? Country, IReadOnlyList<string> Categories, string? Company = null);

/// <summary>A value you would like your network to include (from a goal, say), so its absence can be named.</summary>
public sealed record WantedValue(DiversityDimension Dimension, string Value);

/// <summary>Blau index 1 − Σp² and Shannon evenness H / ln K over K categories present.</summary>
public readonly record struct DiversityScore(double Blau, double Evenness, int Categories);

/// <summary>
/// One value of a dimension: how many contacts hold it, its weight (a contact with k values counts 1/k in each, so
/// the weights of a dimension add up to its known contacts), its share by weight and by strength, and how many
/// of its contacts are active.
/// </summary>
public sealed record ValueShare(string Value, int Contacts, double Weight, double ReachShare, double ActiveShare, int ActiveContacts);

/// <summary>Diversity of one dimension, by count ("reach") and by strength ("active"), with the shares behind it.</summary>
public sealed record DimensionDiversity(DiversityDimension Dimension, DiversityScore Reach, DiversityScore Active, IReadOnlyList<ValueShare> Shares, int UnknownContacts);

/// <summary>A gap worth acting on, said in plain words, with a severity in [0, 1] to rank by.</summary>
public sealed record DiversityGap(string? Dimension, string Value, string Text, double Severity);

/// <summary>Diversity per dimension and the largest gaps, to be shown beside strength, never alone.</summary>
public sealed record DiversityReport(IReadOnlyList<DimensionDiversity> Dimensions, IReadOnlyList<DiversityGap> Gaps);

/// <summary>
/// Computes diversity (SCIENCE.md F). Contacts with an unknown value are left out of that dimension; a
/// contact with several categories counts 1/k in each, so every contact weighs the same in total.
/// </summary>
public static class DiversityAnalyzer
{
    /// <summary>
    /// Blau and normalized Shannon over category weights. K counts the categories with weight, capped at
    /// <paramref name="contacts"/> (you cannot spread 2 people over 5 groups); evenness is clamped to 1.
    /// </summary>
    public static DiversityScore Score(IEnumerable<double> weights, int contacts)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var w = weights.Where(x => x > 0 && double.IsFinite(x)).ToArray();
        var total = w.Sum();
        if (total <= 0) return new DiversityScore(0, 0, 0);
        double sumSquares = 0, entropy = 0;
        foreach (var x in w)
        {
            var p = x / total;
            sumSquares += p * p;
            entropy -= p * Math.Log(p);
        }
        var k = Math.Min(w.Length, Math.Max(contacts, 0));
        var evenness = k <= 1 ? 0 : Math.Min(1, entropy / Math.Log(k));
        return new DiversityScore(Math.Max(0, 1 - sumSquares), evenness, k);
    }

    /// <summary>Diversity over every dimension, and the largest gaps in plain words.</summary>
    public static DiversityReport Analyze(IReadOnlyList<DiversityContact> contacts, InsightSettings? settings = null, IEnumerable<WantedValue>? wanted = null)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        settings ??= InsightSettings.Default;
        var wantedList = wanted?.ToArray() ?? [];
        var dimensions = new List<DimensionDiversity>();
        var gaps = new List<DiversityGap>();
        foreach (var dimension in Enum.GetValues<DiversityDimension>())
        {
            var result = AnalyzeDimension(contacts, dimension);
            dimensions.Add(result);
            gaps.AddRange(DimensionGaps(result, contacts, settings, wantedList));
        }
        var company = Concentration(contacts, c => Single(c.Company), settings);
        if (company is { } top)
            gaps.Add(new DiversityGap("company", top.Value, $"{InsightText.Percent(top.Share)} of your strong ties work at {top.Value}.", top.Share));

        var ranked = gaps
            .OrderByDescending(g => g.Severity)
            .ThenBy(g => g.Text, StringComparer.Ordinal)
            .Take(settings.TopGaps)
            .ToArray();
        return new DiversityReport(dimensions, ranked);
    }

    private static DimensionDiversity AnalyzeDimension(IReadOnlyList<DiversityContact> contacts, DiversityDimension dimension)
    {
        var byValue = new Dictionary<string, (string Display, double Count, double Strength, int Active, int People)>(StringComparer.OrdinalIgnoreCase);
        var known = 0;
        var unknown = 0;
        var values = new List<string>(4);
        foreach (var c in contacts)
        {
            FillValues(c, dimension, values);
            if (values.Count == 0) { unknown++; continue; }
            known++;
            var share = 1.0 / values.Count;
            var strength = Math.Clamp(double.IsNaN(c.Strength) ? 0 : c.Strength, 0, 1);
            var active = c.Band.IsActive() ? 1 : 0;
            foreach (var v in values)
            {
                ref var entry = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(byValue, v, out var exists);
                if (!exists) entry.Display = v;
                entry.Count += share;
                entry.Strength += share * strength;
                entry.Active += active;
                entry.People++;
            }
        }
        var totalCount = byValue.Values.Sum(v => v.Count);
        var totalStrength = byValue.Values.Sum(v => v.Strength);
        var shares = byValue.Values
            .Select(v => new ValueShare(v.Display, v.People, v.Count, totalCount > 0 ? v.Count / totalCount : 0, totalStrength > 0 ? v.Strength / totalStrength : 0, v.Active))
            .OrderByDescending(s => s.Weight)
            .ThenByDescending(s => s.Contacts)
            .ThenBy(s => s.Value, StringComparer.OrdinalIgnoreCase)
            .ToArray();
        return new DimensionDiversity(
            dimension,
            Score(byValue.Values.Select(v => v.Count), known),
            Score(byValue.Values.Select(v => v.Strength), known),
            shares,
            unknown);
    }

    private static IEnumerable<DiversityGap> DimensionGaps(DimensionDiversity d, IReadOnlyList<DiversityContact> contacts, InsightSettings settings, WantedValue[] wanted)
    {
        var concentration = Concentration(contacts, c => ValuesOf(c, d.Dimension) is [var only] ? only : null, settings);
        if (concentration is { } top)
            yield return new DiversityGap(Name(d.Dimension), top.Value, $"{InsightText.Percent(top.Share)} of your strong ties are {Where(d.Dimension, top.Value)}.", top.Share);

        foreach (var s in d.Shares)
        {
            var isWanted = wanted.Any(w => w.Dimension == d.Dimension && string.Equals(w.Value.Trim(), s.Value, StringComparison.OrdinalIgnoreCase));
            if (s.ActiveContacts > 0 || (s.Contacts < settings.MinReachForActiveGap && !isWanted)) continue;
            var people = s.Contacts == 1 ? "1 contact" : $"{s.Contacts} contacts";
            yield return new DiversityGap(Name(d.Dimension), s.Value,
                $"No active ties {Where(d.Dimension, s.Value)} ({people}, none strong or medium).",
                (isWanted ? 0.8 : 0.4) + 0.02 * Math.Min(s.Contacts, 10));
        }
        foreach (var w in wanted.Where(w => w.Dimension == d.Dimension))
        {
            if (d.Shares.Any(s => string.Equals(s.Value, w.Value.Trim(), StringComparison.OrdinalIgnoreCase))) continue;
            yield return new DiversityGap(Name(d.Dimension), w.Value.Trim(), $"No contacts {Where(d.Dimension, w.Value.Trim())} yet.", 0.9);
        }
        if (concentration is null && d.Active.Categories >= 2 && d.Active.Evenness < settings.LowEvenness)
        {
            var largest = d.Shares.MaxBy(s => s.ActiveShare)!;
            yield return new DiversityGap(Name(d.Dimension), largest.Value,
                $"Your active ties are lopsided by {Name(d.Dimension)}: {InsightText.Percent(largest.ActiveShare)} of their strength is {Where(d.Dimension, largest.Value)}.",
                0.5 * (1 - d.Active.Evenness));
        }
    }

    private static (string Value, double Share)? Concentration(IReadOnlyList<DiversityContact> contacts, Func<DiversityContact, string?> valueOf, InsightSettings settings)
    {
        var strong = contacts.Where(c => c.Band == TieBand.Strong).Select(valueOf).Where(v => v is not null).Select(v => v!).ToArray();
        if (strong.Length < settings.MinStrongTiesForConcentration) return null;
        var top = strong.GroupBy(v => v, StringComparer.OrdinalIgnoreCase)
            .Select(g => (Value: g.First(), Count: g.Count()))
            .OrderByDescending(g => g.Count)
            .ThenBy(g => g.Value, StringComparer.OrdinalIgnoreCase)
            .First();
        var share = (double)top.Count / strong.Length;
        return share >= settings.ConcentrationShare ? (top.Value, share) : null;
    }

    /// <summary>The values a contact holds in a dimension; empty when unknown.</summary>
    public static IReadOnlyList<string> ValuesOf(DiversityContact contact, DiversityDimension dimension)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var values = new List<string>(1);
        FillValues(contact, dimension, values);
        return values;
    }

    /// <summary>Fills <paramref name="values"/> (cleared first) with the contact's values on the dimension, without allocating for single values.</summary>
    private static void FillValues(DiversityContact contact, DiversityDimension dimension, List<string> values)
    {
        values.Clear();
        switch (dimension)
        {
            case DiversityDimension.Industry:
                if (Single(contact.Industry) is { } i) values.Add(i);
                break;
            case DiversityDimension.Function:
                if (Single(contact.Function) is { } f) values.Add(f);
                break;
            case DiversityDimension.Seniority:
                if (contact.Seniority != Seniority.Unknown) values.Add(SeniorityNames[(int)contact.Seniority]);
                break;
            case DiversityDimension.Geography:
                if (Place(contact) is { } p) values.Add(p);
                break;
            case DiversityDimension.Category:
                foreach (var raw in contact.Categories)
                {
                    if (Single(raw) is not { } c) continue;
                    var seen = false;
                    foreach (var v in values) seen |= string.Equals(v, c, StringComparison.OrdinalIgnoreCase);
                    if (!seen) values.Add(c);
                }
                break;
        }
    }

    /// <summary>Seniority values in the command line's words: "mid", "vice-president".</summary>
    private static readonly string[] SeniorityNames = BuildSeniorityNames();

    private static string[] BuildSeniorityNames()
    {
        var all = Enum.GetValues<Seniority>();
        var names = new string[all.Max(v => (int)v) + 1];
        foreach (var v in all) names[(int)v] = JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString());
        return names;
    }

    private static string? Single(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        return char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]) ? value.Trim() : value;
    }

    private static string? Place(DiversityContact c)
    {
        var city = Single(c.City);
        var country = Single(c.Country);
        // The city alone when it is known: "Berlin" and "Berlin, Germany" are one place, and a city-state is not
        // "Singapore, Singapore". The country stands for the place only when no city is given.
        return city ?? country;
    }

    private static string Name(DiversityDimension d) => d.ToString().ToLowerInvariant();

    private static string Where(DiversityDimension d, string value) => d switch
    {
        DiversityDimension.Seniority => $"at {value} level",
        DiversityDimension.Category => $"among your {value} contacts",
        _ => $"in {value}",
    };
}
