using System.Globalization;
using Rapport.App.Contacts;

namespace Rapport.Cli.Commands;

/// <summary>Plain-text renderings of contacts for the terminal.</summary>
internal static class ContactText
{
    public static async Task WriteAsync(TextWriter o, ContactView v)
    {
        await o.WriteLineAsync($"{v.Name}  #{v.Id}");
        var role = string.Join(" at ", new[] { v.Title, v.Company }.Where(x => !string.IsNullOrEmpty(x)));
        if (role.Length > 0) await o.WriteLineAsync($"  {role}");
        await Line(o, "Emails", string.Join(", ", v.Emails));
        await Line(o, "Phones", string.Join(", ", v.Phones));
        await Line(o, "Industry", v.Industry);
        await Line(o, "Function", v.Function);
        await Line(o, "Seniority", v.Seniority);
        await Line(o, "Place", string.Join(", ", new[] { v.City, v.Country }.Where(x => !string.IsNullOrEmpty(x))));
        await Line(o, "Categories", string.Join(", ", v.Categories));
        await Line(o, "Tags", string.Join(", ", v.Tags));
        await Line(o, "Kind", $"{v.Kind}, trust {v.Trust}{(v.Closeness is { } c ? $", closeness {c:0.##}" : "")}{(v.KeyPlayer ? ", key player" : "")}{(v.WantToMeet ? ", want to meet" : "")}");
        await Line(o, "How we met", v.HowWeMet);
        await Line(o, "Known since", v.KnownSince);
        await Line(o, "Birthday", v.Birthday);
        foreach (var (network, url) in v.Profiles) await Line(o, network, url);
        await Line(o, "Last contact", v.LastInteraction is { } l ? CliContext.Date(l) : "never");
        await Line(o, "Notes", v.Notes);
        if (v.Standing is { } st)
        {
            await o.WriteLineAsync();
            await Line(o, "Strength", string.Create(CultureInfo.InvariantCulture, $"{st.Strength:0.00} ({st.Label}; peak {st.PeakStrength:0.00})"));
            await Line(o, "Tier", $"{st.Tier}{(st.TierPinned ? " (pinned)" : "")}{(st.CadenceDays is { } cd ? $", every {cd} days" : "")}");
            await Line(o, "Next due", st.NextDue is { } due ? string.Create(CultureInfo.InvariantCulture, $"{due:yyyy-MM-dd} ({st.LapseState}{(st.Lapse is { } lp ? $", lapse {lp:0.0}" : "")})") : "no cadence");
            await Line(o, "Reciprocity", string.Create(CultureInfo.InvariantCulture, $"{st.Reciprocity:0.00}"));
            await Line(o, "Give/ask", string.Create(CultureInfo.InvariantCulture, $"{st.GiveAskBalance:+0.00;-0.00;0.00} ({st.Gives} given, {st.Asks} asked{(st.GiveFirst ? "; give before you ask again" : "")})"));
            await o.WriteLineAsync("  Why:");
            foreach (var w in st.Why) await o.WriteLineAsync($"    - {w}");
        }
    }

    private static async Task Line(TextWriter o, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) await o.WriteLineAsync($"  {label + ":",-14} {value}");
    }

    public static async Task WriteListAsync(TextWriter o, IReadOnlyList<ContactView> rows)
    {
        if (rows.Count == 0)
        {
            await o.WriteLineAsync("No contacts match.");
            return;
        }
        foreach (var v in rows)
        {
            var role = string.Join(" at ", new[] { v.Title, v.Company }.Where(x => !string.IsNullOrEmpty(x)));
            var standing = v.Strength is { } st ? string.Create(CultureInfo.InvariantCulture, $"{st:0.00} {v.Label,-12} {v.Tier,-12}") : "";
            await o.WriteLineAsync($"#{v.Id,-6} {Cut(v.Name, 28),-28} {Cut(role, 40),-40} {Cut(v.City ?? "", 14),-14} {standing} {CliContext.Date(v.LastInteraction)}");
        }
        await o.WriteLineAsync($"{rows.Count} contact{(rows.Count == 1 ? "" : "s")}");
    }

    private static string Cut(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";
}
