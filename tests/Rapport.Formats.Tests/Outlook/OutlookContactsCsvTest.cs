using Rapport.Formats.Outlook;

namespace Rapport.Formats.Tests.Outlook;

public class OutlookContactsCsvTest
{
    [Theory]
    [InlineData("Business Country/Region")]
    [InlineData("Business Country")]
    public void BothHeaderVariants_AreRead_AndExchangeNamesAreNotEmails(string countryColumn)
    {
        var csv = $"Title,First Name,Middle Name,Last Name,Suffix,Company,Department,Job Title,Business City,{countryColumn},Mobile Phone,Birthday,Categories,E-mail Address,E-mail Type,E-mail Display Name,E-mail 2 Address,E-mail 2 Type,Notes,Web Page\n" +
            "Mr.,John,Q,Doe,Jr.,Contoso,Sales,Manager,Seattle,USA,+1 206,4/1/1980,VIP;Clients,/o=Contoso/ou=Exchange/cn=Recipients/cn=jdoe,EX,John Doe,john@contoso.example,SMTP,Note,https://github.com/jdoe\n";
        var c = Assert.Single(OutlookContactsCsv.Read(TestStreams.Utf8(csv), "o.csv"));
        Assert.Equal("John Q Doe Jr.", c.DisplayName);
        Assert.Equal("john@contoso.example", Assert.Single(c.Emails).Address);
        Assert.Contains(c.Warnings, w => w.Contains("Exchange", StringComparison.Ordinal));
        Assert.Equal(("Seattle", "USA"), (c.City, c.Country));
        Assert.Equal(["VIP", "Clients"], c.Labels);
        Assert.Equal(new Records.PartialDate(4, 1, 1980), c.Birthday);
        Assert.Equal(Records.ProfileKind.GitHub, Assert.Single(c.Profiles).Kind);
    }
}
