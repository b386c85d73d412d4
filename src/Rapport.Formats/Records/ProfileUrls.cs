namespace Rapport.Formats.Records;

/// <summary>Recognizes and normalizes profile URLs (LinkedIn, X, Facebook, GitHub, websites).</summary>
public static class ProfileUrls
{
    /// <summary>
    /// Normalizes a LinkedIn profile URL or scheme-less <c>www.linkedin.com/in/slug</c> to
    /// <c>https://www.linkedin.com/in/slug</c> (no trailing slash, query or fragment); null if it is not one.
    /// </summary>
    public static string? NormalizeLinkedIn(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var s = raw.AsSpan().Trim();
        var idx = s.IndexOf("linkedin.com/", StringComparison.OrdinalIgnoreCase);
        if (idx < 0) return null;
        var path = s[(idx + "linkedin.com/".Length)..];
        var cut = path.IndexOfAny('?', '#');
        if (cut >= 0) path = path[..cut];
        path = path.TrimEnd('/');
        if (path.Length == 0) return null;
        const string prefix = "https://www.linkedin.com/";
        // Already normalized: keep the string.
        if (s.Length == prefix.Length + path.Length && s.StartsWith(prefix, StringComparison.Ordinal)) return raw.Length == s.Length ? raw : s.ToString();
        return string.Concat(prefix, path);
    }

    /// <summary>Classifies a URL by its host: X/Twitter, Facebook, GitHub, else a website.</summary>
    public static ProfileKind Classify(string url)
    {
        var s = url.ToLowerInvariant();
        static bool Host(string s, string host) =>
            s.Contains("://" + host, StringComparison.Ordinal) || s.Contains("://www." + host, StringComparison.Ordinal)
            || s.StartsWith(host, StringComparison.Ordinal) || s.StartsWith("www." + host, StringComparison.Ordinal);
        if (Host(s, "twitter.com/") || Host(s, "x.com/")) return ProfileKind.X;
        if (Host(s, "facebook.com/") || Host(s, "fb.com/")) return ProfileKind.Facebook;
        if (Host(s, "github.com/")) return ProfileKind.GitHub;
        return ProfileKind.Website;
    }
}
