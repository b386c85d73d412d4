using Rapport.Formats.Records;

namespace Rapport.Formats.Text;

/// <summary>A read-only pass-through stream that reports the bytes read to an <see cref="ImportProgress"/>.</summary>
internal sealed class ProgressStream(Stream inner, ImportProgress progress) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        progress.AddBytes(n);
        return n;
    }

    public static long? TryLength(Stream s)
    {
        try { return s.CanSeek ? s.Length - s.Position : null; }
        catch (NotSupportedException) { return null; }
    }
}
