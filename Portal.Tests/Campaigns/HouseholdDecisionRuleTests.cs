using Portal.Domain;
using Portal.Domain.Campaigns;

namespace Portal.Tests.Campaigns;

/// <summary>Art. 21.1: at least two thirds of the village's households agree.</summary>
public class HouseholdDecisionRuleTests
{
    [Theory]
    [InlineData(60, 40, true)]    // exactly 2/3
    [InlineData(60, 39, false)]   // one short
    [InlineData(61, 41, true)]    // 41/61 = 67.2 %
    [InlineData(61, 40, false)]   // 40/61 = 65.6 %
    [InlineData(3, 2, true)]
    [InlineData(1, 1, true)]
    [InlineData(1, 0, false)]
    public void ShouldPassWithAtLeastTwoThirdsOfHouseholdsAgreeing(int households, int agreeing, bool passes)
    {
        var outcome = HouseholdDecisionRule.Evaluate(households, agreeing);

        Assert.Equal(passes, outcome.Passed);
        Assert.Equal(passes, agreeing >= outcome.Required);
    }

    [Fact]
    public void ShouldExplainTheResultWithTheRuleAndTheHouseholdsNeeded()
    {
        var outcome = HouseholdDecisionRule.Evaluate(150, 90);

        Assert.False(outcome.Passed);
        Assert.Equal(100, outcome.Required);
        Assert.Equal("Không đạt: 90/150 hộ đồng ý (60%); cần ít nhất 2/3 số hộ, tức 100 hộ (Luật Thực hiện dân chủ ở cơ sở 2022, Điều 21 khoản 1).", outcome.ExplanationVi);
        Assert.Contains("at least two thirds, i.e. 100 households", outcome.ExplanationEn);
    }

    [Fact]
    public void ShouldCountHouseholdsThatDidNotVoteAgainstTheTwoThirds()
    {
        var decision = new VillageDecision(1, new DecisionRecord(7, DecisionMethod.Meeting, 90, 55, 5, 30, new DateOnly(2026, 1, 10)), null,
            DateTimeOffset.UnixEpoch, new DateOnly(2026, 1, 12));

        Assert.False(decision.Passed); // 55 of 90 agree: most of those present, but short of 60
    }

    [Fact]
    public void ShouldRefuseCountsThatDoNotAddUpToTheHouseholds()
    {
        var error = Assert.Throws<DomainRuleException>(() => new VillageDecision(1,
            new DecisionRecord(7, DecisionMethod.HouseholdBallot, 90, 60, 5, 20, new DateOnly(2026, 1, 10)), null, DateTimeOffset.UnixEpoch, new DateOnly(2026, 1, 12)));

        Assert.Equal("decision.counts.invalid", error.Key);
    }

    [Fact]
    public void ShouldRefuseADecisionDatedInTheFuture()
    {
        var error = Assert.Throws<DomainRuleException>(() => new VillageDecision(1,
            new DecisionRecord(7, DecisionMethod.Meeting, 90, 60, 10, 20, new DateOnly(2026, 1, 13)), null, DateTimeOffset.UnixEpoch, new DateOnly(2026, 1, 12)));

        Assert.Equal("decision.date.future", error.Key);
    }
}
