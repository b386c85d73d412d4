using Rapport.App.Import;

namespace Rapport.Data.Tests.Import;

public class PersonKeysTest
{
    [Theory]
    [InlineData("Ana Silva", "ana silva")]
    [InlineData("  Silva,   Ana  ", "ana silva")]
    [InlineData("Dr. Ana Silva, MBA", "ana silva")]
    [InlineData("Zoë Ångström", "angstrom zoe")]
    [InlineData("José Álvarez-Núñez", "alvarez jose nunez")]
    [InlineData("Ｚｏｅ", "ｚｏｅ")]
    [InlineData("Heiko 🚀 Mustermann", "heiko mustermann")]
    [InlineData("MBA", "")]
    [InlineData("   ", "")]
    [InlineData(null, "")]
    public void Name_IsSortedLowerCaseWordsWithoutAccentsPunctuationOrCredentials(string? name, string expected) =>
        Assert.Equal(expected, PersonKeys.Name(name));

    [Theory]
    [InlineData("Acme, Inc.", "acme")]
    [InlineData("The Stark Industries Corp", "stark industries")]
    [InlineData("Société Générale SA", "societe generale")]
    [InlineData("Wayne Enterprises", "wayne enterprises")]
    public void Company_KeepsWordOrder_WithoutLegalSuffixes(string company, string expected) =>
        Assert.Equal(expected, PersonKeys.Company(company));

    [Fact]
    public void Name_OfALongName_IsTheSameAsOfItsWords()
    {
        var words = Enumerable.Range(0, 60).Select(i => $"Word{i:D2}").ToList();
        var expected = string.Join(' ', words.Select(w => w.ToLowerInvariant()).Order(StringComparer.Ordinal));
        Assert.Equal(expected, PersonKeys.Name(string.Join(", ", words.AsEnumerable().Reverse())));
    }
}
