using Portal.Domain;
using Portal.Domain.Campaigns;

namespace Portal.Tests.Campaigns;

/// <summary>Art. 16.3: a residents' initiative needs at least 10% of the village's households and stands for 3 months.</summary>
public class InitiativeRuleTests
{
    private static readonly DateOnly Proposed = new(2026, 1, 15);

    [Theory]
    [InlineData(60, 6, true)]     // exactly 10%
    [InlineData(60, 5, false)]    // one short
    [InlineData(61, 7, true)]     // 7/61 = 11.5 %
    [InlineData(61, 6, false)]    // 6/61 = 9.8 %
    [InlineData(5, 1, true)]      // 1 of 5 is 20 %
    [InlineData(1, 1, true)]
    public void ShouldReachTheThresholdWithAtLeastOneTenthOfTheHouseholds(int households, int proposing, bool reaches)
    {
        var outcome = InitiativeRule.Evaluate(households, proposing, Proposed);

        Assert.Equal(reaches, outcome.Reaches);
        Assert.Equal(reaches, proposing >= outcome.Required);
    }

    [Fact]
    public void ShouldStandForThreeMonthsFromTheDayItWasProposedAndSaySoInBothLanguages()
    {
        var outcome = InitiativeRule.Evaluate(60, 6, Proposed);

        Assert.Equal(new DateOnly(2026, 4, 15), outcome.ValidUntil);
        Assert.Equal("Đủ: 6/60 hộ đề xuất (10%); cần ít nhất 10% số hộ, tức 6 hộ (Luật Thực hiện dân chủ ở cơ sở 2022, Điều 16 khoản 3). "
            + "Sáng kiến có giá trị đến hết ngày 15/04/2026.", outcome.ExplanationVi);
        Assert.StartsWith("Enough: 6 of 60 households propose it (10%)", outcome.ExplanationEn);
    }

    [Fact]
    public void ShouldExplainHowManyMoreHouseholdsAreNeededWhenOneShort()
    {
        var outcome = InitiativeRule.Evaluate(60, 5, Proposed);

        Assert.Equal(6, outcome.Required);
        Assert.Contains("Chưa đủ: 5/60 hộ đề xuất (8,3%); cần ít nhất 10% số hộ, tức 6 hộ", outcome.ExplanationVi);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(60, 0)]
    [InlineData(60, 61)]
    public void ShouldRefuseImpossibleCounts(int households, int proposing) =>
        Assert.Throws<DomainRuleException>(() => InitiativeRule.Evaluate(households, proposing, Proposed));
}
