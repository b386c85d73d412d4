using System.Text;

namespace Rapport.Formats.VCard;

/// <summary>vCard text escaping: <c>\\ \, \; \n</c> (and a lenient <c>\:</c>); structured values split on unescaped separators.</summary>
internal static class VCardText
{
    public static string Unescape(string s)
    {
        if (!s.Contains('\\', StringComparison.Ordinal)) return s;
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '\\' && i + 1 < s.Length)
            {
                var n = s[i + 1];
                switch (n)
                {
                    case '\\': case ',': case ';': case ':': sb.Append(n); i++; continue;
                    case 'n': case 'N': sb.Append('\n'); i++; continue;
                }
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Splits on a separator not preceded by a backslash escape, then unescapes each part.</summary>
    public static List<string> Split(string s, char separator)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\') { i++; continue; }
            if (s[i] == separator)
            {
                parts.Add(Unescape(s[start..i]));
                start = i + 1;
            }
        }
        parts.Add(Unescape(s[start..]));
        return parts;
    }

    public static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length + 8);
        foreach (var c in s.Replace("\r\n", "\n", StringComparison.Ordinal))
        {
            switch (c)
            {
                case '\\': sb.Append(@"\\"); break;
                case ',': sb.Append(@"\,"); break;
                case ';': sb.Append(@"\;"); break;
                case '\n': sb.Append(@"\n"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }
}
