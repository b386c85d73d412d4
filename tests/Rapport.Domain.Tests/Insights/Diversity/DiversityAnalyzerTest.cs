using FsCheck;
using FsCheck.Fluent;
using Rapport.Domain.Contacts;
using Rapport.Domain.Insights;
using Rapport.Domain.Insights.Diversity;

namespace Rapport.Domain.Tests.Insights.Diversity;

public class DiversityAnalyzerTest
{
    private static DiversityContact Person(long id, double s, TieBand band, string? industry = null, string? function = null,
        string? city = null, string? company = null, params string[] categories) =>
        new(id, s, band, industry, function, Seniority.Unknown, city, null, categories, company);

    [Fact]
    public void Blau_OfAFiftyFiftySplit_IsOneHalf_AndEvennessIsOne()
    {
        var score = DiversityAnalyzer.Score([5, 5], 10);

        Assert.Equal(0.5, score.Blau, 12);
        Assert.Equal(1.0, score.Evenness, 12);
        Assert.Equal(2, score.Categories);
    }

    [Fact]
    public void OneCategory_HasNoDiversity()
    {
        var score = DiversityAnalyzer.Score([7], 7);

        Assert.Equal(0, score.Blau);
        Assert.Equal(0, score.Evenness);
    }

    [Fact]
    public void Shannon_IsNormalizedByTheLogOfCategoriesPresent()
    {
        // p = (0.5, 0.25, 0.25): H = 1.5 ln 2, K = 3; Blau = 1 − (0.25 + 0.0625 + 0.0625) = 0.625.
        var score = DiversityAnalyzer.Score([2, 1, 1], 4);

        Assert.Equal(1.5 * Math.Log(2) / Math.Log(3), score.Evenness, 12);
        Assert.Equal(0.625, score.Blau, 12);
    }

    [Fact]
    public void Categories_AreCappedAtTheNumberOfContacts()
    {
        // One contact split over four categories: K is capped at 1, so evenness is 0.
        Assert.Equal(1, DiversityAnalyzer.Score([0.25, 0.25, 0.25, 0.25], 1).Categories);
        Assert.Equal(0, DiversityAnalyzer.Score([0.25, 0.25, 0.25, 0.25], 1).Evenness);
    }

    [Fact]
    public void Blau_StaysWithinZeroAndOneMinusOneOverK()
    {
        Prop.ForAll(Arb.From(Gen.ArrayOf(Gen.Choose(0, 1000))), weights =>
        {
            var score = DiversityAnalyzer.Score(weights.Select(w => (double)w), weights.Length);
            var k = weights.Count(w => w > 0);
            Assert.InRange(score.Blau, 0, k == 0 ? 0 : 1 - 1.0 / k + 1e-12);
            Assert.InRange(score.Evenness, 0, 1);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Reach_CountsPeople_AndActive_WeighsThemByStrength()
    {
        var contacts = new[]
        {
            Person(1, 0.9, TieBand.Strong, "software"), Person(2, 0.1, TieBand.Weak, "design"),
            Person(3, 0.0, TieBand.Dormant, "design"), Person(4, 0.5, TieBand.Medium, null),
        };

        var industry = DiversityAnalyzer.Analyze(contacts).Dimensions.Single(d => d.Dimension == DiversityDimension.Industry);

        Assert.Equal(1, industry.UnknownContacts);
        Assert.Equal(1 - (1.0 / 9 + 4.0 / 9), industry.Reach.Blau, 12); // counts 1 and 2 of 3
        Assert.Equal(1 - (0.81 + 0.01), industry.Active.Blau, 12);      // strengths .9 and .1 of 1.0
        var design = industry.Shares.Single(s => s.Value == "design");
        Assert.Equal(2.0 / 3, design.ReachShare, 12);
        Assert.Equal(0.1, design.ActiveShare, 12);
    }

    [Fact]
    public void AValueWithContactsButNoActiveTies_IsNamedAsAGap()
    {
        var contacts = new[]
        {
            Person(1, 0.9, TieBand.Strong, function: "engineering"), Person(2, 0.5, TieBand.Medium, function: "engineering"),
            Person(3, 0.1, TieBand.Weak, function: "Design"), Person(4, 0.2, TieBand.Dormant, function: "design"),
        };

        var gaps = DiversityAnalyzer.Analyze(contacts).Gaps;

        Assert.Contains(gaps, g => g.Text == "No active ties in Design (2 contacts, none strong or medium).");
    }

    [Fact]
    public void StrongTiesAtOneCompany_AreNamedWithTheirShare()
    {
        var contacts = new[]
        {
            Person(1, 0.9, TieBand.Strong, company: "Acme"), Person(2, 0.8, TieBand.Strong, company: "acme"),
            Person(3, 0.7, TieBand.Strong, company: "Acme"), Person(4, 0.7, TieBand.Strong, company: "Acme"),
            Person(5, 0.6, TieBand.Strong, company: "Globex"), Person(6, 0.2, TieBand.Weak, company: "Initech"),
        };

        var gaps = DiversityAnalyzer.Analyze(contacts).Gaps;

        Assert.Equal("80% of your strong ties work at Acme.", gaps[0].Text);
    }

    [Fact]
    public void AWantedValueWithNoContacts_IsNamed()
    {
        var contacts = new[] { Person(1, 0.9, TieBand.Strong, "software") };

        var gaps = DiversityAnalyzer.Analyze(contacts, wanted: [new WantedValue(DiversityDimension.Industry, "healthcare")]).Gaps;

        Assert.Contains(gaps, g => g.Text == "No contacts in healthcare yet.");
    }

    [Fact]
    public void Geography_UsesTheCity_OrTheCountryWhenNoCityIsGiven()
    {
        var a = new DiversityContact(1, 0.5, TieBand.Medium, null, null, Seniority.Mid, "Lisbon", "Portugal", []);
        var b = a with { City = null };

        Assert.Equal(["Lisbon"], DiversityAnalyzer.ValuesOf(a, DiversityDimension.Geography));
        Assert.Equal(["Portugal"], DiversityAnalyzer.ValuesOf(b, DiversityDimension.Geography));
        Assert.Equal(["Singapore"], DiversityAnalyzer.ValuesOf(a with { City = "Singapore", Country = "Singapore" }, DiversityDimension.Geography));

        // A city written with and without its country is one place, not two.
        var berlin = DiversityAnalyzer.Analyze([a with { City = "Berlin", Country = "Germany" }, a with { Id = 2, City = "Berlin", Country = null }])
            .Dimensions.Single(d => d.Dimension == DiversityDimension.Geography);
        Assert.Equal(["Berlin"], berlin.Shares.Select(v => v.Value));
        Assert.Equal(["mid"], DiversityAnalyzer.ValuesOf(a, DiversityDimension.Seniority));
        Assert.Equal(["vice-president"], DiversityAnalyzer.ValuesOf(a with { Seniority = Seniority.VicePresident }, DiversityDimension.Seniority));
    }

    [Fact]
    public void AContactWithSeveralCategories_CountsOnceInTotal()
    {
        var contacts = new[] { Person(1, 0.5, TieBand.Medium, categories: ["friend", "coworker"]), Person(2, 0.5, TieBand.Medium, categories: ["friend"]) };

        var category = DiversityAnalyzer.Analyze(contacts).Dimensions.Single(d => d.Dimension == DiversityDimension.Category);

        var friend = category.Shares.Single(s => s.Value == "friend");
        var coworker = category.Shares.Single(s => s.Value == "coworker");
        Assert.Equal((2, 1), (friend.Contacts, coworker.Contacts)); // people holding the value: a count
        Assert.Equal(1.5, friend.Weight, 12);
        Assert.Equal(0.5, coworker.Weight, 12);
        Assert.Equal(1 - (0.75 * 0.75 + 0.25 * 0.25), category.Reach.Blau, 12);
    }
}
