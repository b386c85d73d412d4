namespace Rapport.Formats.Csv;

/// <summary>Writes RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote, newline or edge spaces.</summary>
public sealed class CsvWriter(TextWriter writer)
{
    /// <summary>Writes one record.</summary>
    public void WriteRow(IEnumerable<string?> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first) writer.Write(',');
            first = false;
            WriteField(field ?? "");
        }
        writer.Write("\r\n");
    }

    private void WriteField(string value)
    {
        var needsQuotes = value.Length > 0 && (value[0] is ' ' or '\t' || value[^1] is ' ' or '\t')
            || value.AsSpan().IndexOfAny(",\"\r\n") >= 0;
        if (!needsQuotes)
        {
            writer.Write(value);
            return;
        }
        writer.Write('"');
        writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }
}
