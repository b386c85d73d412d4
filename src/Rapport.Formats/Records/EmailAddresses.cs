namespace Rapport.Formats.Records;

/// <summary>Tells an email address from other text, leniently enough for real exports (RFC 6532 non-ASCII local parts).</summary>
public static class EmailAddresses
{
    /// <summary>
    /// Extracts the address from a raw value (<c>mailto:x@y</c>, <c>"Name" &lt;x@y&gt;</c>, surrounding spaces or quotes)
    /// and returns it when it looks like an address: one <c>@</c>, no spaces or specials, a dotted domain.
    /// </summary>
    public static bool TryNormalize(string? raw, out string address)
    {
        address = "";
        if (string.IsNullOrWhiteSpace(raw)) return false;
        var s = raw.Trim();
        var lt = s.LastIndexOf('<');
        var gt = s.LastIndexOf('>');
        if (lt >= 0 && gt > lt) s = s[(lt + 1)..gt].Trim();
        if (s.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) s = s[7..].Trim();
        s = s.Trim('\'', '"', ' ', '\t');
        if (!IsPlausible(s)) return false;
        address = s;
        return true;
    }

    /// <summary>True when the text is a plausible addr-spec (dot-atom local part of letters, digits and atext symbols; dotted domain).</summary>
    public static bool IsPlausible(string s)
    {
        var at = s.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != s.LastIndexOf('@') || at == s.Length - 1 || s.Length > 320) return false;
        var local = s.AsSpan(0, at);
        var domain = s.AsSpan(at + 1);
        if (local[0] == '.' || local[^1] == '.') return false;
        foreach (var c in local)
        {
            if (char.IsLetterOrDigit(c) || c > 0x7F && !char.IsWhiteSpace(c) && !char.IsControl(c)) continue;
            if ("!#$%&'*+-/=?^_`{|}~.".Contains(c, StringComparison.Ordinal)) continue;
            return false;
        }
        if (!domain.Contains('.') || domain[0] == '.' || domain[^1] == '.' || domain.Contains("..", StringComparison.Ordinal)) return false;
        foreach (var c in domain)
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '.') continue;
            return false;
        }
        return true;
    }
}
