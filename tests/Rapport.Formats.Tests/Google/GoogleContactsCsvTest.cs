using Rapport.Formats.Google;
using Rapport.Formats.Records;

namespace Rapport.Formats.Tests.Google;

public class GoogleContactsCsvTest
{
    [Fact]
    public void NewHeader_ReadsMultiValuesPrimaryMarkersLabelsAndYearlessBirthdays()
    {
        const string csv = "First Name,Middle Name,Last Name,Organization Name,Organization Title,Organization Department,Birthday,Notes,Labels,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value,Address 1 - City,Address 1 - Country,Website 1 - Label,Website 1 - Value,Event 1 - Label,Event 1 - Value\n" +
            "Ana,,Silva,Acme,CTO,R&D,--12-01,Hi,* myContacts ::: Customers,* Work,ana@work.example ::: ana2@work.example,Home,ana@home.example,Mobile,+1 555,Lima,Peru,Profile,https://www.linkedin.com/in/ana/,Anniversary,2010-06-15\n";
        var c = Assert.Single(GoogleContactsCsv.Read(TestStreams.Utf8(csv), "g.csv"));
        Assert.Equal("Ana Silva", c.DisplayName);
        Assert.Equal([new ImportedEmail("ana@work.example", "Work", true), new ImportedEmail("ana2@work.example", "Work", false), new ImportedEmail("ana@home.example", "Home", false)], c.Emails);
        Assert.Equal(new PartialDate(12, 1), c.Birthday);
        Assert.Equal(["Customers"], c.Labels);
        Assert.Equal("https://www.linkedin.com/in/ana", c.LinkedInUrl);
        Assert.Equal(new ImportedDate("Anniversary", new PartialDate(6, 15, 2010)), Assert.Single(c.OtherDates));
        Assert.Equal(("Lima", "Peru", "R&D"), (c.City, c.Country, c.Department));
    }

    [Fact]
    public void OldHeader_ReadsGroupMembershipAndOrganization()
    {
        const string csv = "Name,Given Name,Additional Name,Family Name,Birthday,Notes,Group Membership,E-mail 1 - Type,E-mail 1 - Value,Organization 1 - Type,Organization 1 - Name,Organization 1 - Title\n" +
            "Bo Li,Bo,,Li,1988-06-15,,Family ::: * myContacts,* Home,bo@example.com,,Initech,Dev\n";
        var c = Assert.Single(GoogleContactsCsv.Read(TestStreams.Utf8(csv), "g.csv"));
        Assert.Equal(("Bo Li", "Initech", "Dev"), (c.DisplayName, c.Company, c.Title));
        Assert.Equal(["Family"], c.Labels);
        Assert.Equal(new PartialDate(6, 15, 1988), c.Birthday);
        Assert.True(Assert.Single(c.Emails).IsPrimary);
    }
}
