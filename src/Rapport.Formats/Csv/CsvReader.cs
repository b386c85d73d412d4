using System.Runtime.CompilerServices;

namespace Rapport.Formats.Csv;

/// <summary>One CSV record: its fields, the line it starts on and the column each field starts at.</summary>
public sealed class CsvRecord
{
    internal CsvRecord(string[] fields, int[] columns, long line)
    {
        Fields = fields;
        Columns = columns;
        Line = line;
    }

    /// <summary>The fields, unquoted.</summary>
    public IReadOnlyList<string> Fields { get; }

    internal int[] Columns { get; }

    /// <summary>The 1-based physical line the record starts on.</summary>
    public long Line { get; }

    /// <summary>The field at an index, or "" when the record is shorter.</summary>
    public string this[int index] => index >= 0 && index < Fields.Count ? Fields[index] : "";

    /// <summary>The 1-based column where a field starts, or null when the record is shorter.</summary>
    public int? ColumnOf(int index) => index >= 0 && index < Columns.Length ? Columns[index] : null;

    /// <summary>True for a blank line or a record of empty fields.</summary>
    public bool IsBlank
    {
        get
        {
            foreach (var f in Fields) if (!string.IsNullOrWhiteSpace(f)) return false;
            return true;
        }
    }
}

/// <summary>
/// A streaming RFC 4180 reader: comma-separated, quoted fields with doubled quotes and embedded
/// newlines, CRLF or LF, and each record's first line number for error messages. It allocates
/// one string per field and nothing per character.
/// </summary>
public sealed class CsvReader : IDisposable
{
    private readonly TextReader _reader;
    private readonly char[] _buffer = new char[32 * 1024];
    private int _pos;
    private int _len;
    private char[] _field = new char[256];
    private int _fieldLen;
    private long _line = 1;
    private int _col = 1;
    private readonly List<string> _fields = new(16);
    private readonly List<int> _columns = new(16);

    /// <summary>Reads from a text reader; <paramref name="fileName"/> names the file in errors.</summary>
    public CsvReader(TextReader reader, string fileName)
    {
        _reader = reader;
        FileName = fileName;
    }

    /// <summary>The file name used in error messages.</summary>
    public string FileName { get; }

    /// <summary>The 1-based line the reader is on.</summary>
    public long Line => _line;

    /// <summary>Reads the next record, or null at the end of the input.</summary>
    public CsvRecord? Read()
    {
        if (!Fill()) return null;
        _fields.Clear();
        _columns.Clear();
        var recordLine = _line;
        while (true)
        {
            _fieldLen = 0;
            var fieldLine = _line;
            var fieldCol = _col;
            _columns.Add(fieldCol);
            int c = Peek();
            if (c == '"')
            {
                Advance();
                while (true)
                {
                    if (!Fill())
                        throw new ImportFormatException(FileName, fieldLine, fieldCol, "a closing quote for the field that starts here", "the end of the file");
                    var span = _buffer.AsSpan(_pos, _len - _pos);
                    var quote = span.IndexOf('"');
                    var chunk = quote < 0 ? span : span[..quote];
                    AppendQuoted(chunk);
                    _pos += chunk.Length;
                    if (quote < 0) continue;
                    Advance(); // the quote
                    if (Peek() == '"') { Advance(); Append('"'); continue; }
                    break;
                }
                // Lenient: text after the closing quote belongs to the field ("a"b -> ab).
                ScanUnquoted();
            }
            else
            {
                ScanUnquoted();
            }
            _fields.Add(_fieldLen == 0 ? "" : new string(_field, 0, _fieldLen));
            c = Peek();
            if (c == ',') { Advance(); continue; }
            if (c == '\r') { Advance(); if (Peek() == '\n') Advance(); NewLine(); }
            else if (c == '\n') { Advance(); NewLine(); }
            break;
        }
        return new CsvRecord(_fields.ToArray(), _columns.ToArray(), recordLine);
    }

    /// <summary>Appends characters up to the next comma or line end, in bulk.</summary>
    private void ScanUnquoted()
    {
        while (Fill())
        {
            var span = _buffer.AsSpan(_pos, _len - _pos);
            var stop = span.IndexOfAny(',', '\r', '\n');
            var chunk = stop < 0 ? span : span[..stop];
            AppendSpan(chunk);
            _pos += chunk.Length;
            _col += chunk.Length;
            if (stop >= 0) return;
        }
    }

    /// <summary>Appends quoted text, counting the line ends inside it.</summary>
    private void AppendQuoted(ReadOnlySpan<char> chunk)
    {
        AppendSpan(chunk);
        var lastBreak = chunk.LastIndexOfAny('\r', '\n');
        if (lastBreak < 0)
        {
            _col += chunk.Length;
            return;
        }
        for (var i = 0; i < chunk.Length; i++)
        {
            if (chunk[i] == '\n') _line++;
            else if (chunk[i] == '\r' && (i + 1 >= chunk.Length ? PeekAfter(chunk.Length) != '\n' : chunk[i + 1] != '\n')) _line++;
        }
        _col = chunk.Length - lastBreak;
    }

    private int PeekAfter(int offset) => _pos + offset < _len ? _buffer[_pos + offset] : -1;

    private void AppendSpan(ReadOnlySpan<char> chunk)
    {
        if (chunk.IsEmpty) return;
        if (_fieldLen + chunk.Length > _field.Length) Array.Resize(ref _field, Math.Max(_field.Length * 2, _fieldLen + chunk.Length));
        chunk.CopyTo(_field.AsSpan(_fieldLen));
        _fieldLen += chunk.Length;
    }

    /// <summary>Parses one line of CSV text into fields (used for rows an editor wrapped whole in quotes).</summary>
    public static string[] SplitLine(string text, string fileName)
    {
        using var reader = new CsvReader(new StringReader(text), fileName);
        return reader.Read() is { } r ? [.. r.Fields] : [];
    }

    /// <inheritdoc />
    public void Dispose() => _reader.Dispose();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void NewLine()
    {
        _line++;
        _col = 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Append(char c)
    {
        if (_fieldLen == _field.Length) Array.Resize(ref _field, _field.Length * 2);
        _field[_fieldLen++] = c;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Peek() => _pos < _len || Fill() ? _buffer[_pos] : -1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Advance()
    {
        _pos++;
        _col++;
    }

    private bool Fill()
    {
        if (_pos < _len) return true;
        _len = _reader.Read(_buffer, 0, _buffer.Length);
        _pos = 0;
        return _len > 0;
    }
}
