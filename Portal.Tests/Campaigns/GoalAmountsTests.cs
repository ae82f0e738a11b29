using Portal.Domain;
using Portal.Domain.Campaigns;

namespace Portal.Tests.Campaigns;

/// <summary>Amounts of each kind: positive, in the kind's precision, within a sane bound.</summary>
public class GoalAmountsTests
{
    [Theory]
    [InlineData(GoalKind.Money, "500000")]
    [InlineData(GoalKind.Money, "5000000000")]
    [InlineData(GoalKind.LabourDays, "2.5")]
    [InlineData(GoalKind.Materials, "1.125")]
    [InlineData(GoalKind.Land, "120.5")]
    public void ShouldAcceptAmountsInTheKindsPrecisionAndBound(GoalKind kind, string amount)
    {
        Assert.Equal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture),
            GoalAmounts.CheckPledge(kind, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(GoalKind.Money, "0", "pledge.amount.not-positive")]
    [InlineData(GoalKind.Money, "-100000", "pledge.amount.not-positive")]
    [InlineData(GoalKind.Money, "100000.5", "pledge.amount.whole-dong")]
    [InlineData(GoalKind.Money, "5000000001", "pledge.amount.too-large.money")]
    [InlineData(GoalKind.LabourDays, "2.3", "pledge.amount.half-days")]
    [InlineData(GoalKind.LabourDays, "1000.5", "pledge.amount.too-large.labour")]
    [InlineData(GoalKind.Materials, "1.0005", "pledge.amount.precision")]
    [InlineData(GoalKind.Land, "50000.5", "pledge.amount.too-large.land")]
    public void ShouldRefuseAmountsOutsideTheKindsRulesWithTheirOwnMessage(GoalKind kind, string amount, string key)
    {
        var error = Assert.Throws<DomainRuleException>(() => GoalAmounts.CheckPledge(kind, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(key, error.Key);
    }

    [Fact]
    public void ShouldAllowNothingContributedButNotANegativeContribution()
    {
        Assert.Equal(0, GoalAmounts.CheckFulfilled(GoalKind.Money, 0));
        Assert.Equal("pledge.amount.negative", Assert.Throws<DomainRuleException>(() => GoalAmounts.CheckFulfilled(GoalKind.Money, -1)).Key);
    }

    [Fact]
    public void ShouldNotLoseADongWhenSummingManyPledges()
    {
        var total = Enumerable.Repeat(333_333m, 3_000).Sum();

        Assert.Equal(999_999_000m, total);
    }
}
