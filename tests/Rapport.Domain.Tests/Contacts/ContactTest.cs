using Rapport.Domain;
using Rapport.Domain.Contacts;

namespace Rapport.Domain.Tests.Contacts;

public class ContactTest
{
    private static readonly DateTime Now = new(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Email_IsStoredLowerCase_AndNotTwice()
    {
        var c = new Contact("Ana Silva", Now);
        c.AddEmail(" Ana@Example.ORG ");
        c.AddEmail("ana@example.org");
        Assert.Equal(["ana@example.org"], c.Emails.Select(e => e.Address));
        Assert.True(c.Emails[0].IsPrimary);
    }

    [Theory]
    [InlineData("no-at-sign")]
    [InlineData("a@b")]
    [InlineData("two@@x.org")]
    [InlineData("sp ace@x.org")]
    public void Email_ThatIsNotAnAddress_IsRefused(string bad)
    {
        var c = new Contact("Ana", Now);
        var e = Assert.Throws<DomainException>(() => c.AddEmail(bad));
        Assert.Equal("email", e.Field);
    }

    [Fact]
    public void Trust_OutsideZeroToThree_IsRefused()
    {
        var c = new Contact("Ana", Now);
        Assert.Throws<DomainException>(() => c.SetTrust(4));
        c.SetTrust(0);
        Assert.Equal(0, c.Trust);
    }

    [Fact]
    public void ImpossibleDate_IsRefused()
    {
        var c = new Contact("Ana", Now);
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => c.SetDate(ImportantDateKind.Birthday, 2, 30, null));
    }

    [Fact]
    public void LeapDayBirthday_FallsOnFebruary28_InOrdinaryYears()
    {
        var c = new Contact("Ana", Now);
        c.SetDate(ImportantDateKind.Birthday, 2, 29, 1996);
        Assert.Equal(new DateOnly(2027, 2, 28), c.Birthday(2027));
        Assert.Equal(new DateOnly(2028, 2, 29), c.Birthday(2028));
    }

    [Fact]
    public void BlankName_IsRefused()
    {
        Assert.Throws<DomainException>(() => new Contact("   ", Now));
    }
}
