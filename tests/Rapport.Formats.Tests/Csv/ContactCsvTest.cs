using Rapport.Formats.Csv;
using Rapport.Formats.Records;

namespace Rapport.Formats.Tests.Csv;

public class ContactCsvTest
{
    [Fact]
    public void Header_IsFixedAndDocumented()
    {
        var sw = new StringWriter();
        ContactCsv.Write([], sw);
        Assert.Equal(string.Join(",", ContactCsv.Header) + "\r\n", sw.ToString());
    }

    [Fact]
    public void WriterThenReader_GivesTheSameContacts()
    {
        var contact = Samples.FullContact;
        var sw = new StringWriter();
        ContactCsv.Write([contact], sw);
        var read = Assert.Single(ContactCsv.Read(TestStreams.Utf8(sw.ToString()), "out.csv"));
        Assert.Equal(contact, read with { SourceLine = 0 });
    }

    [Fact]
    public void RoundTrip_HoldsForArbitraryUnicodeContacts() =>
        Properties.ContactRoundTrip(contacts =>
        {
            var sw = new StringWriter();
            ContactCsv.Write(contacts, sw);
            return ContactCsv.Read(TestStreams.Utf8(sw.ToString()), "out.csv").ToList();
        });
}
