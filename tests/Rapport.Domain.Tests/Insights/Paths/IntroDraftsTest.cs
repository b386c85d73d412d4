using Rapport.Domain.Insights.Paths;

namespace Rapport.Domain.Tests.Insights.Paths;

public class IntroDraftsTest
{
    private static readonly IntroHop[] ToGina = [new(1, "Gina Gold", 0.7)];
    private static readonly IntroHop[] ViaGina = [new(1, "Gina Gold", 0.7), new(2, "Tess Target", 0.5)];

    [Theory]
    [InlineData(1, "1 day")]
    [InlineData(12, "12 days")]
    [InlineData(36, "5 weeks")]
    [InlineData(100, "3 months")]
    [InlineData(670, "22 months")]
    [InlineData(731, "2 years")]
    [InlineData(1200, "over 3 years")]
    public void Span_SaysDaysInTheUnitAPersonWouldUse(int days, string expected) =>
        Assert.Equal(expected, IntroDrafts.Span(days));

    [Fact]
    public void AReconnectPastTheCadence_SaysHowLongItHasBeen_AndAgainstWhatRhythm_NotALongWhile()
    {
        var note = IntroDrafts.Note(ViaGina, new IntroOpener(IntroOpening.ReconnectFirst, 36, 7));

        Assert.Equal("Reconnect first: you have not been in touch with Gina Gold for 5 weeks, more than twice your rhythm of a touch every 7 days, " +
            "so this message only catches up; ask for the introduction to Tess Target once you are back in touch.", note);
        Assert.Contains("It has been a few weeks and I would love to catch up.",
            IntroDrafts.For(ViaGina, IntroTarget.Person(2, "Tess Target"), new IntroOpener(IntroOpening.ReconnectFirst, 36, 7)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public void ADormantTie_IsReconnectedWith_SayingHowLongItHasBeen()
    {
        var opener = new IntroOpener(IntroOpening.ReconnectFirst, 670);

        Assert.Equal("Reconnect first: you have not been in touch with Gina Gold for 22 months, so this message only catches up.", IntroDrafts.Note(ToGina, opener));
        var body = IntroDrafts.For(ToGina, IntroTarget.Person(1, "Gina Gold"), opener).Body;
        Assert.Contains("It has been about 2 years and I would love to catch up.", body, StringComparison.Ordinal);
    }

    [Fact]
    public void AContactYouMayAsk_GetsNoNote_AndAPlainCatchUpWhenTheyAreTheTarget()
    {
        Assert.Null(IntroDrafts.Note(ToGina, new IntroOpener(IntroOpening.Ask, 3)));
        Assert.StartsWith("Hi Gina,\n\nI would love to catch up.", IntroDrafts.For(ToGina, IntroTarget.Person(1, "Gina Gold"), new IntroOpener(IntroOpening.Ask, 3)).Body, StringComparison.Ordinal);
    }
}
