using System.Text;

namespace Rapport.Formats.Text;

/// <summary>A parameter of a vCard/iCalendar content line; <see cref="Name"/> is empty for vCard 2.1 nameless ones (<c>TEL;CELL:</c>).</summary>
internal readonly record struct ContentParam(string Name, string Value);

/// <summary>One unfolded vCard/iCalendar content line: <c>group.NAME;param=value:value</c>, the value still raw bytes.</summary>
internal sealed class ContentLine
{
    public string? Group { get; init; }
    public required string Name { get; init; }
    public required List<ContentParam> Params { get; init; }
    public required byte[] RawValue { get; init; }
    public long Line { get; init; }

    /// <summary>The values of a parameter (comma lists split), and for TYPE also vCard 2.1 nameless parameters.</summary>
    public IEnumerable<string> ParamValues(string name)
    {
        foreach (var p in Params)
        {
            if (p.Name.Equals(name, StringComparison.OrdinalIgnoreCase) || name == "TYPE" && p.Name.Length == 0)
                foreach (var v in SplitOutsideQuotes(p.Value, ',')) yield return v;
        }
    }

    public string? Param(string name) => Params.FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    public bool HasType(string type) => ParamValues("TYPE").Any(t => t.Equals(type, StringComparison.OrdinalIgnoreCase));

    public bool IsQuotedPrintable =>
        Params.Any(p => (p.Name.Length == 0 || p.Name.Equals("ENCODING", StringComparison.OrdinalIgnoreCase)) && p.Value.Equals("QUOTED-PRINTABLE", StringComparison.OrdinalIgnoreCase));

    public bool IsBinary =>
        Params.Any(p => (p.Name.Length == 0 || p.Name.Equals("ENCODING", StringComparison.OrdinalIgnoreCase)) && p.Value.ToUpperInvariant() is "B" or "BASE64");

    /// <summary>The value as text: quoted-printable decoded, then the CHARSET (or UTF-8 / Windows-1252 sniffing) applied. Escapes are kept.</summary>
    public string Text()
    {
        var bytes = IsQuotedPrintable ? QuotedPrintable.Decode(RawValue) : RawValue;
        return TextDecoding.Decode(bytes, Param("CHARSET"));
    }

    internal static IEnumerable<string> SplitOutsideQuotes(string s, char separator)
    {
        var start = 0;
        var quoted = false;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '"') quoted = !quoted;
            else if (s[i] == separator && !quoted)
            {
                yield return Unquote(s[start..i]);
                start = i + 1;
            }
        }
        yield return Unquote(s[start..]);
    }

    internal static string Unquote(string s)
    {
        var t = s.Trim();
        return t.Length >= 2 && t[0] == '"' && t[^1] == '"' ? t[1..^1] : t;
    }

    /// <summary>
    /// Parses an unfolded line: name up to the first ';' or ':', parameters separated by ';', and the value after the
    /// first ':' outside double quotes (RFC 7256 parameters can hold quoted "mailto:" lists). Null when there is no ':'.
    /// </summary>
    public static ContentLine? Parse(ReadOnlySpan<byte> line, long lineNumber)
    {
        var quoted = false;
        var colon = -1;
        for (var i = 0; i < line.Length; i++)
        {
            var b = line[i];
            if (b == '"') quoted = !quoted;
            else if (b == ':' && !quoted) { colon = i; break; }
        }
        if (colon < 0)
        {
            // A stray quote must not hide the value: fall back to the first colon.
            colon = line.IndexOf((byte)':');
            if (colon < 0) return null;
        }
        var head = TextDecoding.Decode(line[..colon]);
        var parts = SplitParams(head);
        var fullName = parts[0].Trim();
        string? group = null;
        var dot = fullName.LastIndexOf('.');
        if (dot >= 0)
        {
            group = fullName[..dot];
            fullName = fullName[(dot + 1)..];
        }
        if (fullName.Length == 0) return null;
        var parameters = new List<ContentParam>(parts.Count - 1);
        for (var i = 1; i < parts.Count; i++)
        {
            var p = parts[i].Trim();
            if (p.Length == 0) continue;
            var eq = p.IndexOf('=', StringComparison.Ordinal);
            parameters.Add(eq < 0
                ? new ContentParam("", p)
                : new ContentParam(p[..eq].Trim().ToUpperInvariant(), Caret(p[(eq + 1)..].Trim())));
        }
        return new ContentLine
        {
            Group = group,
            Name = fullName.ToUpperInvariant(),
            Params = parameters,
            RawValue = line[(colon + 1)..].ToArray(),
            Line = lineNumber,
        };
    }

    private static List<string> SplitParams(string head)
    {
        var parts = new List<string>();
        var start = 0;
        var quoted = false;
        for (var i = 0; i < head.Length; i++)
        {
            if (head[i] == '"') quoted = !quoted;
            else if (head[i] == ';' && !quoted)
            {
                parts.Add(head[start..i]);
                start = i + 1;
            }
        }
        parts.Add(head[start..]);
        return parts;
    }

    /// <summary>RFC 6868: ^^ is ^, ^n is a newline, ^' is a double quote.</summary>
    private static string Caret(string value)
    {
        if (!value.Contains('^', StringComparison.Ordinal)) return value;
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '^' && i + 1 < value.Length)
            {
                var next = value[i + 1];
                if (next == '^') { sb.Append('^'); i++; continue; }
                if (next is 'n' or 'N') { sb.Append('\n'); i++; continue; }
                if (next == '\'') { sb.Append('"'); i++; continue; }
            }
            sb.Append(value[i]);
        }
        return sb.ToString();
    }
}

/// <summary>Quoted-printable decoding to bytes (soft line breaks are joined earlier, when lines are read).</summary>
internal static class QuotedPrintable
{
    public static byte[] Decode(ReadOnlySpan<byte> input)
    {
        var output = new byte[input.Length];
        var n = 0;
        for (var i = 0; i < input.Length; i++)
        {
            var b = input[i];
            if (b == '=' && i + 2 < input.Length && Hex(input[i + 1]) is var h && h >= 0 && Hex(input[i + 2]) is var l && l >= 0)
            {
                output[n++] = (byte)(h * 16 + l);
                i += 2;
            }
            else if (b == '=' && i == input.Length - 1)
            {
                // A trailing soft break.
            }
            else output[n++] = b;
        }
        return output.AsSpan(0, n).ToArray();
    }

    private static int Hex(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        _ => -1,
    };
}

/// <summary>
/// Turns physical lines into logical content lines: a line starting with a space or TAB continues the previous one
/// (bytes are joined before decoding, so folds may split UTF-8 sequences); for quoted-printable values a trailing
/// '=' also joins the next line (vCard 2.1 soft line breaks).
/// </summary>
internal sealed class ContentLineReader(Stream stream, bool joinQuotedPrintable)
{
    private readonly ByteLineReader _lines = new(stream);
    private byte[]? _peeked;
    private long _peekedNumber;
    private bool _done;

    public long BytesConsumed => _lines.BytesConsumed;

    /// <summary>The first physical line of the file, for error messages.</summary>
    public string? FirstLine { get; private set; }

    public IEnumerable<(byte[] Line, long Number)> LogicalLines()
    {
        while (NextPhysical() is { } first)
        {
            var number = _peekedNumber;
            _peeked = null;
            var logical = new List<byte>(first.Length + 16);
            logical.AddRange(first);
            bool? qp = null;
            while (true)
            {
                var next = NextPhysical();
                if (next is { Length: > 0 } && next[0] is (byte)' ' or (byte)'\t')
                {
                    _peeked = null;
                    for (var i = 1; i < next.Length; i++) logical.Add(next[i]);
                    continue;
                }
                if (joinQuotedPrintable && logical.Count > 0 && logical[^1] == '=' && next is not null && !StartsWithEnd(next))
                {
                    qp ??= IsQuotedPrintable(logical);
                    if (qp == true)
                    {
                        _peeked = null;
                        logical.RemoveAt(logical.Count - 1);
                        logical.AddRange(next);
                        continue;
                    }
                }
                break;
            }
            yield return (logical.ToArray(), number);
        }
    }

    private byte[]? NextPhysical()
    {
        if (_peeked is not null) return _peeked;
        if (_done || !_lines.MoveNext())
        {
            _done = true;
            return null;
        }
        _peeked = _lines.Current.ToArray();
        _peekedNumber = _lines.LineNumber;
        FirstLine ??= TextDecoding.Decode(_peeked);
        return _peeked;
    }

    private static bool StartsWithEnd(byte[] line) =>
        line.Length >= 4 && (line[0] | 0x20) == 'e' && (line[1] | 0x20) == 'n' && (line[2] | 0x20) == 'd' && line[3] == ':';

    private static bool IsQuotedPrintable(List<byte> line)
    {
        var colon = line.IndexOf((byte)':');
        if (colon < 0) return false;
        var head = Encoding.ASCII.GetString(line.GetRange(0, colon).ToArray());
        return head.Contains("QUOTED-PRINTABLE", StringComparison.OrdinalIgnoreCase);
    }
}
