using System.Text;

namespace Rapport.Formats.Text;

/// <summary>Turns bytes into text without ever throwing: named charsets looked up leniently, UTF-8 when valid, else Windows-1252.</summary>
internal static class TextDecoding
{
    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>UTF-8 that replaces bad sequences instead of throwing.</summary>
    public static readonly Encoding Utf8Lenient = new UTF8Encoding(false, false);

    /// <summary>Windows-1252, the usual encoding of files from Western Windows software.</summary>
    public static Encoding Windows1252 { get; } = Lookup("windows-1252") ?? Encoding.Latin1;

    /// <summary>Finds an encoding by a possibly mislabelled charset name, or null.</summary>
    public static Encoding? Lookup(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset)) return null;
        var name = charset.Trim().Trim('"', '\'').ToLowerInvariant();
        var star = name.IndexOf('*', StringComparison.Ordinal); // RFC 2231 language suffix
        if (star >= 0) name = name[..star];
        name = name switch
        {
            "gb2312" or "gb_2312-80" or "x-gbk" or "cp936" => "gbk",
            "unknown-8bit" or "x-unknown" or "8bit" or "ansi" or "latin1" or "latin-1" or "iso-8859-1" or "iso8859-1" or "us-ascii" or "ascii" or "cp1252" => "windows-1252",
            "utf8" or "x-utf8" => "utf-8",
            "sjis" or "x-sjis" or "shift-jis" => "shift_jis",
            "ks_c_5601-1987" => "euc-kr",
            _ => name,
        };
        if (name == "utf-8") return Utf8Lenient;
        try
        {
            return Encoding.GetEncoding(name, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Decodes with the named charset if it is known and the bytes are not simply valid UTF-8 mislabelled; else UTF-8 when valid; else Windows-1252.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string? charset = null)
    {
        if (bytes.IsEmpty) return "";
        var named = Lookup(charset);
        var ascii = System.Text.Ascii.IsValid(bytes);
        if (ascii) return Encoding.ASCII.GetString(bytes);
        if (named is not null && named.CodePage != Encoding.UTF8.CodePage) return named.GetString(bytes);
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return Utf8Lenient.GetString(bytes);
        return Windows1252.GetString(bytes);
    }

    /// <summary>True when the bytes are well-formed UTF-8.</summary>
    public static bool IsValidUtf8(ReadOnlySpan<byte> bytes) => System.Text.Unicode.Utf8.IsValid(bytes);

    /// <summary>True when the bytes are valid UTF-8 except perhaps for a sequence cut off at the end (a buffer boundary).</summary>
    public static bool IsValidUtf8Prefix(ReadOnlySpan<byte> bytes)
    {
        if (IsValidUtf8(bytes)) return true;
        for (var cut = 1; cut <= 3 && cut < bytes.Length; cut++)
            if ((bytes[^cut] & 0xC0) == 0xC0) return IsValidUtf8(bytes[..^cut]);
        return false;
    }
}
