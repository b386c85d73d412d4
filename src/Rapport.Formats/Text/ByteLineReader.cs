namespace Rapport.Formats.Text;

/// <summary>Reads physical lines of bytes (LF, CRLF or lone CR endings) from a stream; the current line is valid until the next call.</summary>
internal sealed class ByteLineReader(Stream stream)
{
    private byte[] _buf = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _eof;
    private int _lineStart;
    private int _lineLength;

    /// <summary>The 1-based number of the current line.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Bytes consumed so far, including line ends.</summary>
    public long BytesConsumed { get; private set; }

    /// <summary>The current line without its ending.</summary>
    public ReadOnlySpan<byte> Current => _buf.AsSpan(_lineStart, _lineLength);

    /// <summary>Moves to the next line; false at the end of the stream.</summary>
    public bool MoveNext()
    {
        var scanFrom = _start;
        while (true)
        {
            var span = _buf.AsSpan(scanFrom, _end - scanFrom);
            var i = span.IndexOfAny((byte)'\n', (byte)'\r');
            if (i >= 0)
            {
                var at = scanFrom + i;
                if (_buf[at] == '\r' && at + 1 == _end && !_eof)
                {
                    scanFrom = at;
                    if (!FillMore(ref scanFrom)) continue;
                    continue;
                }
                var ending = _buf[at] == '\r' && at + 1 < _end && _buf[at + 1] == '\n' ? 2 : 1;
                _lineStart = _start;
                _lineLength = at - _start;
                _start = at + ending;
                BytesConsumed += _lineLength + ending;
                LineNumber++;
                return true;
            }
            if (_eof)
            {
                if (_start == _end) return false;
                _lineStart = _start;
                _lineLength = _end - _start;
                BytesConsumed += _lineLength;
                _start = _end;
                LineNumber++;
                return true;
            }
            scanFrom = _end;
            FillMore(ref scanFrom);
        }
    }

    /// <summary>Reads more bytes, compacting or growing the buffer; adjusts a scan position. Returns false at end of stream.</summary>
    private bool FillMore(ref int scanFrom)
    {
        if (_start > 0)
        {
            var keep = _end - _start;
            Buffer.BlockCopy(_buf, _start, _buf, 0, keep);
            scanFrom -= _start;
            _end = keep;
            _start = 0;
        }
        if (_end == _buf.Length) Array.Resize(ref _buf, _buf.Length * 2);
        var n = stream.Read(_buf, _end, _buf.Length - _end);
        if (n == 0)
        {
            _eof = true;
            return false;
        }
        _end += n;
        return true;
    }
}
