using System.Text;
using Rapport.Formats.Records;
using Rapport.Formats.VCard;

namespace Rapport.Formats.Tests.VCard;

public class VCardReaderTest
{
    private static List<ImportedContact> Read(byte[] bytes, ImportOptions? options = null) => VCardReader.Read(new MemoryStream(bytes), "t.vcf", options).ToList();
    private static List<ImportedContact> Read(string text) => Read(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void AFoldThatSplitsAUtf8Character_IsJoinedBeforeDecoding()
    {
        var name = Encoding.UTF8.GetBytes("FN:Jos\u00e9 Garc\u00eda");
        var split = Array.IndexOf(name, (byte)0xA9); // second byte of é
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.ASCII.GetBytes("BEGIN:VCARD\r\nVERSION:3.0\r\n"));
        bytes.AddRange(name[..split]);
        bytes.AddRange("\r\n "u8.ToArray());
        bytes.AddRange(name[split..]);
        bytes.AddRange(Encoding.ASCII.GetBytes("\r\nEND:VCARD\r\n"));
        Assert.Equal("Jos\u00e9 Garc\u00eda", Assert.Single(Read(bytes.ToArray())).DisplayName);
    }

    [Fact]
    public void QuotedPrintable_WithSoftBreaksAndCharset_IsDecoded()
    {
        var c = Assert.Single(Read("BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Michael Br=C3=\n=BCning\nEND:VCARD\n"));
        Assert.Equal("Michael Brüning", c.DisplayName);
    }

    [Fact]
    public void Windows1252WithoutCharset_IsDecoded_WhenTheBytesAreNotUtf8()
    {
        var bytes = Encoding.ASCII.GetBytes("BEGIN:VCARD\r\nVERSION:2.1\r\nFN:S\u0001ren\r\nEND:VCARD\r\n");
        bytes[Array.IndexOf(bytes, (byte)1)] = 0xF6; // ö in Windows-1252
        Assert.Equal("Sören", Assert.Single(Read(bytes)).DisplayName);
    }

    [Fact]
    public void Utf16WithBom_IsRead()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Außenstelle\r\nEND:VCARD\r\n")).ToArray();
        Assert.Equal("Außenstelle", Assert.Single(Read(bytes)).DisplayName);
    }

    [Fact]
    public void GroupsNamelessParamsMixedCaseAndEscapes_AreUnderstood()
    {
        const string card = "begin:vCard\nversion:3.0\nFN:Doe\\, John\\; Jr.\nN:Doe;John;;;\nitem1.EMAIL;type=INTERNET:john@example.com\nitem1.X-ABLabel:_$!<Other>!$_\n" +
            "TEL;CELL:+1 555\nEMAIL;TYPE=WORK;TYPE=pref:j.doe@work.example\nNOTE:one\\ntwo\\, three\nCATEGORIES:Friends,Work\\, old\nend:vcard\n";
        var c = Assert.Single(Read(card));
        Assert.Equal("Doe, John; Jr.", c.DisplayName);
        Assert.Equal(new ImportedEmail("john@example.com", "Other", false), c.Emails[0]);
        Assert.Equal(new ImportedEmail("j.doe@work.example", "work", true), c.Emails[1]);
        Assert.Equal(new ImportedPhone("+1 555", "cell"), Assert.Single(c.Phones));
        Assert.Equal("one\ntwo, three", c.Notes);
        Assert.Equal(["Friends", "Work, old"], c.Labels);
    }

    [Theory]
    [InlineData("N:Silva;Ana;;;\nORG:Acme\nEMAIL:ana@example.org", "Ana Silva")]
    [InlineData("FN:\nN:;;;;\nORG:Acme Corp;Sales\nEMAIL:ana@example.org", "Acme Corp")]
    [InlineData("FN\nEMAIL;INTERNET:ana@example.org", "ana@example.org")]
    public void AMissingOrEmptyFn_IsDerivedFromNThenOrgThenEmail(string properties, string expected) =>
        Assert.Equal(expected, Assert.Single(Read($"BEGIN:VCARD\nVERSION:2.1\n{properties}\nEND:VCARD\n")).DisplayName);

    [Fact]
    public void CaretEscapesInParameters_AndBirthdaysWithoutYear_AreRead()
    {
        var c = Assert.Single(Read("BEGIN:VCARD\nVERSION:4.0\nFN:A\nBDAY:--1201\nADR;LABEL=\"Street^n^'Home^'\":;;Main St;Lima;;;Peru\nEND:VCARD\n"));
        Assert.Equal(new PartialDate(12, 1), c.Birthday);
        Assert.Equal("Lima", c.City);
        Assert.Equal("Peru", c.Country);
    }

    [Fact]
    public void AnEmailThatIsNotAnAddress_IsLeftOutWithAWarning()
    {
        var c = Assert.Single(Read("BEGIN:VCARD\nVERSION:3.0\nFN:A\nEMAIL:not an address\nEND:VCARD\n"));
        Assert.Empty(c.Emails);
        Assert.Contains(c.Warnings, w => w.Contains("not an address", StringComparison.Ordinal));
    }

    [Fact]
    public void AFileWithoutCards_IsAFormatError()
    {
        var e = Assert.Throws<ImportFormatException>(() => Read("hello\nworld\n"));
        Assert.Equal("t.vcf:1: expected a vCard (BEGIN:VCARD), got \"hello\"", e.Message);
    }

    [Fact]
    public void ACardCutOffByTheEndOfTheFile_IsAFormatErrorAtItsStart()
    {
        var e = Assert.Throws<ImportFormatException>(() => Read("BEGIN:VCARD\nFN:A\nEND:VCARD\nBEGIN:VCARD\nFN:B\n"));
        Assert.Equal(4, e.Line);
    }
}
