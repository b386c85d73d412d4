using System.Text;
using System.Text.RegularExpressions;
using Rapport.Formats.Text;

namespace Rapport.Formats.Mbox;

/// <summary>
/// RFC 2047 encoded-words (<c>=?charset?B|Q?text?=</c>), decoded leniently: adjacent words separated only by
/// whitespace are joined, <c>_</c> is a space in Q, unknown or mislabelled charsets fall back to UTF-8 or
/// Windows-1252, and broken words are left as written.
/// </summary>
public static partial class EncodedWords
{
    [GeneratedRegex(@"=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=")]
    private static partial Regex Word();

    /// <summary>Decodes every encoded-word in a header phrase.</summary>
    public static string Decode(string text)
    {
        if (!text.Contains("=?", StringComparison.Ordinal)) return text;
        var sb = new StringBuilder(text.Length);
        var last = 0;
        var previousWasWord = false;
        foreach (Match m in Word().Matches(text))
        {
            var gap = text[last..m.Index];
            if (!(previousWasWord && string.IsNullOrWhiteSpace(gap))) sb.Append(gap);
            var decoded = DecodeWord(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value);
            sb.Append(decoded ?? m.Value);
            previousWasWord = decoded is not null;
            last = m.Index + m.Length;
        }
        sb.Append(text[last..]);
        return sb.ToString();
    }

    private static string? DecodeWord(string charset, string encoding, string payload)
    {
        byte[] bytes;
        if (encoding is "B" or "b")
        {
            var clean = payload.TrimEnd('=');
            clean = clean.PadRight(clean.Length + (4 - clean.Length % 4) % 4, '=');
            try { bytes = Convert.FromBase64String(clean); }
            catch (FormatException) { return null; }
        }
        else
        {
            var buffer = new List<byte>(payload.Length);
            for (var i = 0; i < payload.Length; i++)
            {
                var c = payload[i];
                if (c == '_') buffer.Add((byte)' ');
                else if (c == '=' && i + 2 < payload.Length && IsHex(payload[i + 1]) && IsHex(payload[i + 2]))
                {
                    buffer.Add(Convert.ToByte(payload.Substring(i + 1, 2), 16));
                    i += 2;
                }
                else buffer.Add(c < 256 ? (byte)c : (byte)'?');
            }
            bytes = buffer.ToArray();
        }
        return TextDecoding.Decode(bytes, charset);
    }

    private static bool IsHex(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F';
}
