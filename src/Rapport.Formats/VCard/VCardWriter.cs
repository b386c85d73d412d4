using System.Globalization;
using System.Text;
using Rapport.Formats.Records;

namespace Rapport.Formats.VCard;

/// <summary>
/// Writes contacts as vCard 4.0 (UTF-8, CRLF), escaping text and folding lines at 75 octets without splitting
/// a UTF-8 sequence. Labels travel as <c>itemN.X-ABLabel</c>, other dates as <c>itemN.X-ABDATE</c>, the first-known
/// date as <c>X-RAPPORT-KNOWN-SINCE</c>, Rapport's own fields as <c>X-RAPPORT-CATEGORIES</c> (CATEGORIES already carries
/// the labels, which other applications know), <c>X-RAPPORT-KIND</c>, <c>X-RAPPORT-TRUST</c>, <c>X-RAPPORT-KEY-PLAYER</c>,
/// <c>X-RAPPORT-WANT-TO-MEET</c>, <c>X-RAPPORT-INDUSTRY</c>, <c>X-RAPPORT-FUNCTION</c>, <c>X-RAPPORT-SENIORITY</c>,
/// <c>X-RAPPORT-CLOSENESS</c>, <c>X-RAPPORT-TIER</c>, <c>X-RAPPORT-HOW-WE-MET</c> and <c>X-RAPPORT-INTRODUCED-BY</c> (the UID of
/// the introducer's card), so <see cref="VCardReader"/> reads back the same records.
/// </summary>
public static class VCardWriter
{
    /// <summary>Writes the contacts to a stream as UTF-8 without a BOM.</summary>
    public static void Write(IEnumerable<ImportedContact> contacts, Stream stream)
    {
        foreach (var contact in contacts)
        {
            var bytes = TextDecodingUtf8.GetBytes(ToVCard(contact));
            stream.Write(bytes);
        }
    }

    private static readonly UTF8Encoding TextDecodingUtf8 = new(false, false);

    /// <summary>The card for one contact, folded, with CRLF line ends.</summary>
    public static string ToVCard(ImportedContact c)
    {
        var sb = new StringBuilder();
        var item = 0;
        void Line(string text) => Fold(sb, text);
        string E(string? s) => VCardText.Escape(s ?? "");

        Line("BEGIN:VCARD");
        Line("VERSION:4.0");
        Line("FN:" + E(c.DisplayName));
        Line($"N:{E(c.FamilyName)};{E(c.GivenName)};;;");
        foreach (var email in c.Emails)
        {
            var group = email.Label is null ? "" : $"item{++item}.";
            Line($"{group}EMAIL{(email.IsPrimary ? ";PREF=1" : "")}:{E(email.Address)}");
            if (email.Label is not null) Line($"{group}X-ABLabel:{E(email.Label)}");
        }
        foreach (var phone in c.Phones)
        {
            var group = phone.Label is null ? "" : $"item{++item}.";
            Line($"{group}TEL;VALUE=text:{E(phone.Number)}");
            if (phone.Label is not null) Line($"{group}X-ABLabel:{E(phone.Label)}");
        }
        if (c.Company is not null || c.Department is not null) Line($"ORG:{E(c.Company)};{E(c.Department)}");
        if (c.Title is not null) Line("TITLE:" + E(c.Title));
        if (c.City is not null || c.Region is not null || c.Country is not null) Line($"ADR:;;;{E(c.City)};{E(c.Region)};;{E(c.Country)}");
        if (c.Birthday is { } b) Line("BDAY:" + Date(b));
        foreach (var date in c.OtherDates)
        {
            var group = $"item{++item}.";
            Line($"{group}X-ABDATE:{Date(date.Date)}");
            Line($"{group}X-ABLabel:{E(date.Label)}");
        }
        if (c.Notes is not null) Line("NOTE:" + E(c.Notes));
        if (c.LinkedInUrl is not null) Line("URL;TYPE=linkedin:" + E(c.LinkedInUrl));
        foreach (var profile in c.Profiles) Line($"URL;TYPE={profile.Kind.ToString().ToLowerInvariant()}:{E(profile.Url)}");
        if (c.Labels.Count > 0) Line("CATEGORIES:" + string.Join(",", c.Labels.Select(E)));
        if (c.KnownSince is { } since) Line("X-RAPPORT-KNOWN-SINCE:" + since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (c.Categories.Count > 0) Line("X-RAPPORT-CATEGORIES:" + string.Join(",", c.Categories.Select(E)));
        if (c.RelationshipKind is not null) Line("X-RAPPORT-KIND:" + E(c.RelationshipKind));
        if (c.Trust is { } trust) Line("X-RAPPORT-TRUST:" + trust.ToString(CultureInfo.InvariantCulture));
        if (c.KeyPlayer is { } keyPlayer) Line("X-RAPPORT-KEY-PLAYER:" + (keyPlayer ? "TRUE" : "FALSE"));
        if (c.WantToMeet is { } wantToMeet) Line("X-RAPPORT-WANT-TO-MEET:" + (wantToMeet ? "TRUE" : "FALSE"));
        if (c.Industry is not null) Line("X-RAPPORT-INDUSTRY:" + E(c.Industry));
        if (c.Function is not null) Line("X-RAPPORT-FUNCTION:" + E(c.Function));
        if (c.Seniority is not null) Line("X-RAPPORT-SENIORITY:" + E(c.Seniority));
        if (c.Closeness is { } closeness) Line("X-RAPPORT-CLOSENESS:" + closeness.ToString(CultureInfo.InvariantCulture));
        if (c.Tier is not null) Line("X-RAPPORT-TIER:" + E(c.Tier));
        if (c.HowWeMet is not null) Line("X-RAPPORT-HOW-WE-MET:" + E(c.HowWeMet));
        if (c.IntroducedBy is not null) Line("X-RAPPORT-INTRODUCED-BY:" + E(c.IntroducedBy));
        if (c.ExternalKey is not null) Line("UID:" + E(c.ExternalKey));
        Line("END:VCARD");
        return sb.ToString();
    }

    private static string Date(PartialDate d) => d.Year is { } y
        ? string.Create(CultureInfo.InvariantCulture, $"{y:0000}{d.Month:00}{d.Day:00}")
        : string.Create(CultureInfo.InvariantCulture, $"--{d.Month:00}{d.Day:00}");

    /// <summary>Appends a content line folded so that no physical line exceeds 75 octets of UTF-8.</summary>
    internal static void Fold(StringBuilder sb, string line)
    {
        var limit = 75;
        var octets = 0;
        for (var i = 0; i < line.Length; i++)
        {
            Rune.DecodeFromUtf16(line.AsSpan(i), out var rune, out var consumed);
            var width = rune.Utf8SequenceLength;
            if (octets + width > limit)
            {
                sb.Append("\r\n ");
                octets = 1;
            }
            sb.Append(line, i, consumed);
            octets += width;
            i += consumed - 1;
        }
        sb.Append("\r\n");
    }
}
