using System.Text;
using Rapport.Formats.Csv;
using Rapport.Formats.LinkedIn;
using Rapport.Formats.Records;

namespace Rapport.Formats.Tests.Csv;

public class CsvReaderTest
{
    private static List<CsvRecord> ReadAll(string text)
    {
        using var reader = new CsvReader(new StringReader(text), "t.csv");
        var records = new List<CsvRecord>();
        while (reader.Read() is { } r) records.Add(r);
        return records;
    }

    [Fact]
    public void QuotedFields_KeepCommasDoubledQuotesAndNewlines_AndRecordsKnowTheirFirstLine()
    {
        var records = ReadAll("a,\"b,\"\"c\"\"\r\nd\",e\r\nf,g,h\n");
        Assert.Equal(["a", "b,\"c\"\r\nd", "e"], records[0].Fields);
        Assert.Equal(1, records[0].Line);
        Assert.Equal(["f", "g", "h"], records[1].Fields);
        Assert.Equal(3, records[1].Line);
    }

    [Fact]
    public void LfAndCrlfAndNoFinalNewline_AreAllRead()
    {
        var records = ReadAll("a,b\nc,d\r\ne,");
        Assert.Equal(3, records.Count);
        Assert.Equal(["e", ""], records[2].Fields);
    }

    [Fact]
    public void AnUnclosedQuote_IsAFormatErrorAtTheFieldStart()
    {
        var e = Assert.Throws<ImportFormatException>(() => ReadAll("a,b\nc,\"open\n"));
        Assert.Equal("t.csv:2:3: expected a closing quote for the field that starts here, got the end of the file", e.Message);
    }

    [Fact]
    public void ShortAndLongRows_AreTolerated_ByName()
    {
        var options = new ImportOptions();
        using var table = CsvTable.Open(TestStreams.Utf8("x,y\n1\n2,3,4\n"), "t.csv", h => h.HasAll("x", "y"), "x,y", options.Progress);
        var rows = table.Rows().ToList();
        Assert.Equal("", rows[0]["y"]);
        Assert.Equal("3", rows[1]["y"]);
    }

    [Fact]
    public void Windows1252Bytes_AreDecoded_WhenTheFileIsNotUtf8()
    {
        var bytes = new byte[] { (byte)'x', (byte)'\n', (byte)'M', 0xFC, (byte)'l', (byte)'l', (byte)'e', (byte)'r', (byte)'\n' };
        using var table = CsvTable.Open(new MemoryStream(bytes), "t.csv", h => h.HasAll("x"), "x");
        Assert.Equal("Müller", Assert.Single(table.Rows())["x"]);
    }

    [Fact]
    public void Writer_QuotesOnlyWhatNeedsIt_AndReaderReadsItBack()
    {
        var sw = new StringWriter();
        var fields = new[] { "plain", "a,b", "say \"hi\"", "two\nlines", " edge ", "" };
        new CsvWriter(sw).WriteRow(fields);
        Assert.Equal("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" edge \",\r\n", sw.ToString());
        Assert.Equal(fields, ReadAll(sw.ToString())[0].Fields);
    }
}
