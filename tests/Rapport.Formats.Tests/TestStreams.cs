using System.Text;

namespace Rapport.Formats.Tests;

internal static class TestStreams
{
    public static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));
}
