namespace Rapport.Formats.Records;

/// <summary>Chooses a display name when the source gives none: from the name parts, then the company, then the email.</summary>
internal static class DisplayNames
{
    public static string? Clean(string? s)
    {
        if (s is null) return null;
        var t = s.Trim();
        return t.Length == 0 ? null : t;
    }

    public static string Derive(string? displayName, string? given, string? family, string? fileAs, string? company, string? email, string fallback = "(no name)")
    {
        if (Clean(displayName) is { } d) return d;
        var joined = string.Join(' ', new[] { Clean(given), Clean(family) }.Where(x => x is not null));
        if (joined.Length > 0) return joined;
        if (Clean(fileAs) is { } f) return f;
        if (Clean(company) is { } c) return c;
        if (Clean(email) is { } e) return e;
        return fallback;
    }
}
