using Rapport.Formats.Records;

namespace Rapport.Formats.Text;

/// <summary>A read-only pass-through stream that reports the bytes read to an <see cref="ImportProgress"/>.</summary>
internal sealed class ProgressStream(Stream inner, ImportProgress progress) : ForwardReadStream
{
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
