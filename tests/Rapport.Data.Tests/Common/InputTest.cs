using Rapport.App.Common;
using Rapport.Domain.Contacts;

namespace Rapport.Data.Tests.Common;

public class InputTest
{
    [Theory]
    [InlineData("vice-president", true, Seniority.VicePresident)]
    [InlineData("VicePresident", true, Seniority.VicePresident)]
    [InlineData(" director ", true, Seniority.Director)]
    [InlineData("3", false, Seniority.Unknown)]
    [InlineData("Director,Founder", false, Seniority.Unknown)]
    [InlineData("chief", false, Seniority.Unknown)]
    [InlineData("", false, Seniority.Unknown)]
    [InlineData(null, false, Seniority.Unknown)]
    public void TryParseEnum_TakesOneNameInAnyCaseOrDashes_AndNothingElse(string? value, bool ok, Seniority expected)
    {
        Assert.Equal(ok, Input.TryParseEnum<Seniority>(value, out var parsed));
        Assert.Equal(expected, parsed);
    }

    [Fact]
    public void ParseEnum_RefusesNamesJoinedByCommas_NamingTheChoices()
    {
        var e = Assert.Throws<InputException>(() => Input.ParseEnum<Tier>("tier", "inner,close"));
        Assert.Contains("expected one of inner, close, active, network, acquaintance", e.Message, StringComparison.Ordinal);
    }
}
