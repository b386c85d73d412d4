using System.Text;
using Rapport.Formats.Records;

namespace Rapport.Formats.Text;

/// <summary>Opens a byte stream as text: BOM first, then UTF-8 when the start is valid UTF-8, else Windows-1252; refuses ZIP and binary data.</summary>
internal static class SniffedText
{
    private const int SniffSize = 64 * 1024;

    /// <summary>Reads the first bytes of a stream and returns them with a stream that replays them before the rest.</summary>
    public static (byte[] Head, Stream Replay) Peek(Stream stream, int size = SniffSize)
    {
        var head = new byte[size];
        var n = 0;
        while (n < size)
        {
            var r = stream.Read(head, n, size - n);
            if (r == 0) break;
            n += r;
        }
        Array.Resize(ref head, n);
        return (head, new PrefixStream(head, stream));
    }

    public static bool IsZip(ReadOnlySpan<byte> head) => head.Length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] is 3 or 5 && head[3] is 4 or 6;

    /// <summary>Opens the stream as a text reader, or throws when it is a ZIP (an XLSX workbook) or binary data.</summary>
    public static TextReader OpenText(Stream stream, string fileName, string expected)
    {
        var (head, replay) = Peek(stream);
        if (IsZip(head))
            throw new ImportFormatException(fileName, null, null, expected, "a ZIP archive (an Excel .xlsx workbook saved with a .csv name?)");
        var encoding = Detect(head, out var bomLength);
        if (bomLength == 0 && head.AsSpan(0, Math.Min(head.Length, 8192)).Contains((byte)0))
            throw new ImportFormatException(fileName, null, null, expected, "binary data");
        for (var i = 0; i < bomLength; i++) replay.ReadByte();
        return new StreamReader(replay, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024);
    }

    public static Encoding Detect(ReadOnlySpan<byte> head, out int bomLength)
    {
        bomLength = 0;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) { bomLength = 3; return TextDecoding.Utf8Lenient; }
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) { bomLength = 2; return new UnicodeEncoding(false, false, false); }
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) { bomLength = 2; return new UnicodeEncoding(true, false, false); }
        return TextDecoding.IsValidUtf8Prefix(head) ? TextDecoding.Utf8Lenient : TextDecoding.Windows1252;
    }

    /// <summary>Replays a prefix of bytes, then the rest of the inner stream.</summary>
    private sealed class PrefixStream(byte[] prefix, Stream inner) : ForwardReadStream
    {
        private int _pos;

        public override int Read(Span<byte> buffer)
        {
            if (_pos < prefix.Length)
            {
                var n = Math.Min(buffer.Length, prefix.Length - _pos);
                prefix.AsSpan(_pos, n).CopyTo(buffer);
                _pos += n;
                return n;
            }
            return inner.Read(buffer);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
