namespace Rapport.Formats;

/// <summary>
/// The one error a format parser raises on bad input: it names the file, the line (and column
/// where it applies), what was expected and what was found, like
/// <c>Connections.csv:12:5: expected a date like "22 Dec 2025" in "Connected On", got "32 Foo 2025"</c>.
/// </summary>
public sealed class ImportFormatException : Exception
{
    /// <summary>Creates the error; <paramref name="got"/> is already formatted (quote values with <see cref="Quote"/>).</summary>
    public ImportFormatException(string file, long? line, int? column, string expected, string? got = null, Exception? inner = null)
        : base(Format(file, line, column, expected, got), inner)
    {
        File = file;
        Line = line;
        Column = column;
        Expected = expected;
        Got = got;
    }

    private ImportFormatException(string file, string expected, string got, string message) : base(message)
    {
        File = file;
        Expected = expected;
        Got = got;
    }

    /// <summary>
    /// A folder or archive that holds nothing a reader can use, like
    /// <c>nothing importable found in export.zip: expected a LinkedIn export holding Connections.csv, ...; found 2 files, none of them one of these</c>.
    /// </summary>
    public static ImportFormatException NothingImportable(string input, string expected, string found) =>
        new(input, expected, found, $"nothing importable found in {input}: expected {expected}; found {found}");

    /// <summary>The file (or archive entry) name the problem was found in.</summary>
    public string File { get; }

    /// <summary>The 1-based line of the problem, when known.</summary>
    public long? Line { get; }

    /// <summary>The 1-based column of the problem, when it applies.</summary>
    public int? Column { get; }

    /// <summary>What the parser expected at that place, in words.</summary>
    public string Expected { get; }

    /// <summary>What was found instead, already quoted when it is a value.</summary>
    public string? Got { get; }

    /// <summary>Quotes a found value for the message, shortening very long ones and showing control characters.</summary>
    public static string Quote(string? value)
    {
        if (value is null) return "nothing";
        var v = value.Length > 80 ? value[..77] + "..." : value;
        v = v.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);
        return "\"" + v + "\"";
    }

    private static string Format(string file, long? line, int? column, string expected, string? got)
    {
        var where = file;
        if (line is { } l) where += ":" + l.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (line is not null && column is { } c) where += ":" + c.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return got is null ? $"{where}: expected {expected}" : $"{where}: expected {expected}, got {got}";
    }
}
