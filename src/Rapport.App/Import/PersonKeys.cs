using System.Globalization;
using System.Text;

namespace Rapport.App.Import;

/// <summary>
/// Normalized keys that let the same person or company written differently be matched: case, accents, punctuation,
/// emoji, word order ("Mustermann, Heiko"), credentials ("MBA") and legal suffixes ("Inc.") do not count.
/// </summary>
public static class PersonKeys
{
    private static readonly HashSet<string> NameNoise = new(StringComparer.Ordinal)
    {
        "mba", "phd", "md", "cpa", "pmp", "cfa", "jr", "sr", "ii", "iii", "iv", "dr", "mr", "mrs", "ms", "prof", "msc", "bsc", "ma", "ba", "esq", "herr", "frau",
    };

    private static readonly HashSet<string> CompanyNoise = new(StringComparer.Ordinal)
    {
        "inc", "llc", "ltd", "limited", "gmbh", "corp", "corporation", "co", "company", "sa", "ag", "plc", "bv", "nv", "srl", "sas", "spa", "the", "kg", "se", "oy", "ab", "as", "pty", "lp", "llp",
    };

    /// <summary>The name as sorted lower-case words without accents, punctuation or credentials; empty when nothing is left.</summary>
    public static string Name(string? name) => Key(name, NameNoise);

    /// <summary>The company as lower-case words without accents, punctuation or legal suffixes; empty when nothing is left.</summary>
    public static string Company(string? company) => Key(company, CompanyNoise, sort: false);

    /// <summary>
    /// The last nine digits of a phone number, so that "+49 30 1234567" and "030 1234567" meet; empty when it has
    /// fewer than 7 digits to be told apart.
    /// </summary>
    public static string Phone(string? number)
    {
        if (string.IsNullOrWhiteSpace(number)) return "";
        var digits = new string(number.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length < 7) return "";
        return digits.Length > 9 ? digits[^9..] : digits;
    }

    /// <summary>A LinkedIn profile URL in one form, lower case, without trailing slash, or empty.</summary>
    public static string LinkedIn(string? url)
    {
        var n = Formats.Records.ProfileUrls.NormalizeLinkedIn(url);
        if (n is null) return "";
        var unescaped = Uri.UnescapeDataString(n);
        // Most profile URLs are ASCII, and lower-casing ASCII needs no culture data.
        return Ascii.IsValid(unescaped) ? string.Create(unescaped.Length, unescaped, static (span, s) => Ascii.ToLower(s, span, out _)) : unescaped.ToLowerInvariant();
    }

    private static string Key(string? text, HashSet<string> noise, bool sort = true)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        // ASCII text is its own canonical decomposition: only other text needs the (costly) Unicode normalization.
        var decomposed = Ascii.IsValid(text) ? text : text.Normalize(NormalizationForm.FormD);
        Span<char> buffer = decomposed.Length <= 256 ? stackalloc char[decomposed.Length] : new char[decomposed.Length];
        var length = 0;
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            buffer[length++] = char.IsLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : ' ';
        }
        var isNoise = noise.GetAlternateLookup<ReadOnlySpan<char>>();
        var words = new List<string>(4);
        foreach (var range in buffer[..length].Split(' '))
        {
            var word = buffer[..length][range];
            if (word.Length > 0 && !isNoise.Contains(word)) words.Add(word.ToString());
        }
        if (words.Count == 1) return words[0];
        if (sort && words.Count == 2 && string.CompareOrdinal(words[0], words[1]) > 0) return string.Concat(words[1], " ", words[0]);
        if (sort && words.Count > 2) words.Sort(string.CompareOrdinal);
        return string.Join(' ', words);
    }

    /// <summary>Jaro-Winkler similarity of two keys, 0 (nothing alike) to 1 (equal).</summary>
    public static double Similarity(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0) return 0;
        if (a == b) return 1;
        var range = Math.Max(0, Math.Max(a.Length, b.Length) / 2 - 1);
        var aMatched = new bool[a.Length];
        var bMatched = new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var from = Math.Max(0, i - range);
            var to = Math.Min(b.Length - 1, i + range);
            for (var j = from; j <= to; j++)
            {
                if (bMatched[j] || a[i] != b[j]) continue;
                aMatched[i] = bMatched[j] = true;
                matches++;
                break;
            }
        }
        if (matches == 0) return 0;
        var transpositions = 0;
        for (int i = 0, k = 0; i < a.Length; i++)
        {
            if (!aMatched[i]) continue;
            while (!bMatched[k]) k++;
            if (a[i] != b[k]) transpositions++;
            k++;
        }
        var m = (double)matches;
        var jaro = (m / a.Length + m / b.Length + (m - transpositions / 2.0) / m) / 3;
        var prefix = 0;
        while (prefix < Math.Min(4, Math.Min(a.Length, b.Length)) && a[prefix] == b[prefix]) prefix++;
        return jaro + prefix * 0.1 * (1 - jaro);
    }
}
