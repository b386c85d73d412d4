namespace Rapport.Formats.Tests;

public class ImportFormatSnifferTest
{
    [Theory]
    [InlineData("Display Name,Emails\r\nAna Silva,ana@example.org\r\n")]
    [InlineData("Display Name\r\nAna Silva\r\n")]
    [InlineData("Display Name,Given Name,Emails,Nickname\r\nAna Silva,Ana,ana@example.org,Annie\r\n")]
    public void ARapportCsvWithSomeOfItsColumns_IsARapportCsv(string csv) =>
        Assert.Equal(ImportFormat.RapportCsv, ImportFormatSniffer.Detect(TestStreams.Utf8(csv), "x.csv"));

    [Fact]
    public void AnotherAddressBooksCsvWithADisplayNameColumn_IsNotTakenForARapportCsv()
    {
        // Thunderbird's address book export: its emails are under columns Rapport's reader does not know.
        const string csv = "First Name,Last Name,Display Name,Nickname,Primary Email,Secondary Email,Work Phone,Home Phone,Job Title,Department,Organization,Notes\r\n" +
            "Ana,Silva,Ana Silva,,ana@example.org,,,,,,,\r\n";
        Assert.Equal(ImportFormat.Unknown, ImportFormatSniffer.Detect(TestStreams.Utf8(csv), "x.csv"));
    }
}
