using Rapport.Formats.Records;
using Rapport.Formats.Text;

namespace Rapport.Formats.Csv;

/// <summary>Column names of a CSV file, matched case-insensitively and ignoring surrounding spaces.</summary>
public sealed class CsvHeader
{
    private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Builds the header from its names.</summary>
    public CsvHeader(IReadOnlyList<string> names, long line)
    {
        Names = names.Select(n => n.Trim().Trim('\uFEFF').Trim()).ToArray();
        Line = line;
        for (var i = 0; i < Names.Count; i++) _index.TryAdd(Names[i], i);
    }

    /// <summary>The column names in order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The line of the header.</summary>
    public long Line { get; }

    /// <summary>The index of a column, or -1.</summary>
    public int IndexOf(string name) => _index.TryGetValue(name, out var i) ? i : -1;

    /// <summary>True when every given column is present.</summary>
    public bool HasAll(params string[] names) => names.All(n => _index.ContainsKey(n));
}

/// <summary>A CSV row read against its header: fields by column name, with the line and column for errors.</summary>
public sealed class CsvRow(CsvHeader header, CsvRecord record, string fileName)
{
    /// <summary>The header the row is read against.</summary>
    public CsvHeader Header => header;

    /// <summary>The raw record.</summary>
    public CsvRecord Record => record;

    /// <summary>The file the row comes from.</summary>
    public string FileName => fileName;

    /// <summary>The 1-based line the row starts on.</summary>
    public long Line => record.Line;

    /// <summary>The field in a column, untrimmed, or "" when the column or field is missing.</summary>
    public string this[string column] => record[header.IndexOf(column)];

    /// <summary>The trimmed field, or null when missing or blank.</summary>
    public string? Get(string column) => DisplayNames.Clean(this[column]);

    /// <summary>The first non-blank of several columns.</summary>
    public string? GetAny(params string[] columns)
    {
        foreach (var c in columns) if (Get(c) is { } v) return v;
        return null;
    }

    /// <summary>The error for a bad value in a column, pointing at its line and column.</summary>
    public ImportFormatException Error(string column, string expected) =>
        new(fileName, record.Line, record.ColumnOf(header.IndexOf(column)), $"{expected} in \"{column}\"", ImportFormatException.Quote(this[column]));
}

/// <summary>
/// A CSV file opened on its real header: BOM and encoding sniffed, a preamble (LinkedIn's "Notes:") skipped,
/// and rows an editor wrapped whole in quotes unwrapped. Rows stream one at a time.
/// </summary>
public sealed class CsvTable : IDisposable
{
    private readonly CsvReader _reader;
    private readonly bool _wrappedRows;
    private readonly ImportProgress _progress;

    private CsvTable(CsvReader reader, CsvHeader header, bool wrappedRows, ImportProgress progress)
    {
        _reader = reader;
        Header = header;
        _wrappedRows = wrappedRows;
        _progress = progress;
    }

    /// <summary>The header found.</summary>
    public CsvHeader Header { get; }

    /// <summary>The file name used in errors.</summary>
    public string FileName => _reader.FileName;

    /// <summary>
    /// Opens a stream, skipping up to <paramref name="maxPreamble"/> records until one that <paramref name="isHeader"/> accepts.
    /// Throws an <see cref="ImportFormatException"/> naming <paramref name="expected"/> when none is found, or when the
    /// file is a ZIP/XLSX or binary.
    /// </summary>
    public static CsvTable Open(Stream stream, string fileName, Func<CsvHeader, bool> isHeader, string expected, ImportProgress? progress = null, int maxPreamble = 12)
    {
        progress ??= new ImportProgress();
        var text = SniffedText.OpenText(new ProgressStream(stream, progress), fileName, expected);
        var reader = new CsvReader(text, fileName);
        try
        {
            CsvRecord? first = null;
            for (var i = 0; i <= maxPreamble; i++)
            {
                var record = reader.Read();
                if (record is null) break;
                if (record.IsBlank) continue;
                first ??= record;
                var header = new CsvHeader(record.Fields, record.Line);
                if (isHeader(header)) return new CsvTable(reader, header, false, progress);
                if (record.Fields.Count == 1 && record[0].Contains(',', StringComparison.Ordinal))
                {
                    var unwrapped = new CsvHeader(CsvReader.SplitLine(record[0], fileName), record.Line);
                    if (isHeader(unwrapped)) return new CsvTable(reader, unwrapped, true, progress);
                }
            }
            var got = first is null ? "an empty file" : ImportFormatException.Quote(string.Join(",", first.Fields));
            throw new ImportFormatException(fileName, first?.Line ?? 1, null, expected, got);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>The rows after the header, skipping blank lines.</summary>
    public IEnumerable<CsvRow> Rows()
    {
        while (_reader.Read() is { } record)
        {
            if (record.IsBlank) continue;
            _progress.AddRow();
            if (_wrappedRows && record.Fields.Count == 1 && record[0].Contains(',', StringComparison.Ordinal))
            {
                var fields = CsvReader.SplitLine(record[0], FileName);
                record = new CsvRecord(fields, [.. Enumerable.Repeat(record.ColumnOf(0) ?? 1, fields.Length)], record.Line);
            }
            yield return new CsvRow(Header, record, FileName);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _reader.Dispose();
}
