using Rapport.Domain.Contacts;
using Rapport.Domain.Nurture;
using static Rapport.Domain.Tests.Nurture.NurtureTestData;

namespace Rapport.Domain.Tests.Nurture;

public class ReconnectAndJobLeadTest
{
    [Theory]
    [InlineData(0.6, 2, 0, false, 0.489636167648567)]  // 0.5·0.6 + 0.3·(1 − e^−1)
    [InlineData(0.6, 2, 0, true, 0.589636167648567)]   // + 0.1 seniority bonus
    [InlineData(0.6, 2, 1, false, 0.689636167648567)]  // + 0.2·G
    [InlineData(0.4, 0, 0.5, false, 0.3)]              // 0.2 + 0 + 0.1
    [InlineData(1, 100, 1, true, 1)]                   // capped at 1
    public void Reconnect_FollowsScienceMdC(double peak, double years, double goal, bool senior, double expected)
    {
        var r = ReconnectPriority.Compute(peak, years, goal, senior, S);
        Assert.Equal(expected, r.Priority, 12);
        Assert.Equal(senior ? 0.1 : 0, r.SeniorityBonus, 12);
        Assert.NotEmpty(r.Why);
    }

    [Fact]
    public void MoreSenior_NeedsBothSenioritiesKnown()
    {
        Assert.True(ReconnectPriority.IsMoreSenior(Seniority.Director, Seniority.Manager));
        Assert.False(ReconnectPriority.IsMoreSenior(Seniority.Manager, Seniority.Director));
        Assert.False(ReconnectPriority.IsMoreSenior(Seniority.Director, Seniority.Unknown));
    }

    [Fact]
    public void ReconnectCandidates_AreSilentForAYear_WithAPeakOf030()
    {
        Assert.True(ReconnectPriority.IsCandidate(365, 0.30, S));
        Assert.False(ReconnectPriority.IsCandidate(364, 0.90, S));
        Assert.False(ReconnectPriority.IsCandidate(2000, 0.29, S));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(5, 0.824360635350064)]   // 0.5·e^0.5
    [InlineData(10, 1)]
    [InlineData(20, 0.735758882342885)]  // 2·e^−1
    public void JobLeadMutuality_IsAnInvertedU(int m, double expected) =>
        Assert.Equal(expected, JobLead.Mutuality(m, S), 12);

    [Fact]
    public void JobLead_PeaksAtTenMutuals_AndNeedsReciprocity()
    {
        for (var m = 0; m <= 100; m++) Assert.True(JobLead.Mutuality(m, S) <= JobLead.Mutuality(10, S));
        Assert.Equal(0.8, JobLead.Score(10, 0.2, 0.5, S), 12);
        Assert.Equal(0.824360635350064 * 0.5, JobLead.Score(5, 0.5, 1, S), 12);
        Assert.Equal(0, JobLead.Score(10, 0.2, 0, S));
    }
}
