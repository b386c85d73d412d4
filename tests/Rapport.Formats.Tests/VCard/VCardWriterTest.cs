using System.Text;
using Rapport.Formats.Records;
using Rapport.Formats.VCard;

namespace Rapport.Formats.Tests.VCard;

public class VCardWriterTest
{
    private static List<ImportedContact> WriteThenRead(IEnumerable<ImportedContact> contacts)
    {
        var ms = new MemoryStream();
        VCardWriter.Write(contacts, ms);
        ms.Position = 0;
        return VCardReader.Read(ms, "out.vcf").ToList();
    }

    [Fact]
    public void WriterThenReader_GivesTheSameContact()
    {
        var read = Assert.Single(WriteThenRead([Samples.FullContact]));
        Assert.Equal(Samples.FullContact, read with { SourceLine = 0 });
    }

    [Fact]
    public void LongLines_AreFoldedAt75Octets_WithoutSplittingUtf8()
    {
        var card = VCardWriter.ToVCard(Samples.FullContact with { Notes = string.Concat(Enumerable.Repeat("é日😀a", 60)) });
        foreach (var line in card.Split("\r\n"))
        {
            var bytes = Encoding.UTF8.GetBytes(line);
            Assert.True(bytes.Length <= 75, $"{bytes.Length} octets: {line}");
            Assert.True(Encoding.UTF8.GetString(bytes) == line && !line.Contains('\uFFFD', StringComparison.Ordinal));
        }
        Assert.StartsWith("BEGIN:VCARD\r\nVERSION:4.0\r\n", card, StringComparison.Ordinal);
    }

    [Fact]
    public void RapportsOwnFields_TravelAsXRapportProperties_AndLabelsStayCategories()
    {
        var card = VCardWriter.ToVCard(Samples.FullContact);
        Assert.Contains("\r\nCATEGORIES:Customers,Friends\\, old\r\n", card, StringComparison.Ordinal);
        Assert.Contains("\r\nX-RAPPORT-CATEGORIES:coworker,family\\, extended\r\n", card, StringComparison.Ordinal);
        Assert.Contains("\r\nX-RAPPORT-KIND:alliance\r\nX-RAPPORT-TRUST:3\r\nX-RAPPORT-KEY-PLAYER:TRUE\r\nX-RAPPORT-WANT-TO-MEET:FALSE\r\n", card, StringComparison.Ordinal);

        Assert.Contains("\r\nX-RAPPORT-INDUSTRY:fintech\r\nX-RAPPORT-FUNCTION:engineering\\; platform\r\nX-RAPPORT-SENIORITY:vice-president\r\n" +
            "X-RAPPORT-CLOSENESS:0.8\r\nX-RAPPORT-TIER:close\r\nX-RAPPORT-HOW-WE-MET:At PyCon 2019\\,\\nover coffee\r\nX-RAPPORT-INTRODUCED-BY:urn:uuid:5678\r\n",
            card, StringComparison.Ordinal);

        var plain = VCardWriter.ToVCard(new ImportedContact { DisplayName = "Ana" });
        Assert.DoesNotContain("X-RAPPORT", plain, StringComparison.Ordinal);
    }

    [Fact]
    public void BadXRapportValues_AreWarnings_NotValues()
    {
        var ms = new MemoryStream(Encoding.UTF8.GetBytes("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ana\r\nX-RAPPORT-TRUST:9\r\nX-RAPPORT-KEY-PLAYER:maybe\r\n" +
            "X-RAPPORT-CLOSENESS:2\r\nX-RAPPORT-SENIORITY:boss\r\nX-RAPPORT-TIER:best\r\nEND:VCARD\r\n"));
        var c = Assert.Single(VCardReader.Read(ms, "x.vcf"));
        Assert.Null(c.Trust);
        Assert.Null(c.KeyPlayer);
        Assert.Equal((null, null, null), (c.Closeness, c.Seniority, c.Tier));
        Assert.Equal(5, c.Warnings.Count);
    }

    [Fact]
    public void RoundTrip_HoldsForArbitraryUnicodeContacts() => Properties.ContactRoundTrip(WriteThenRead);
}
