using Portal.Domain;
using Portal.Domain.Campaigns;

namespace Portal.Tests.Campaigns;

/// <summary>The pledge's states: pledged → confirmed → fulfilled, or cancelled with a reason.</summary>
public class PledgeStateTests
{
    private static readonly CampaignGoal Money = Goal(GoalKind.Money, 1);
    private static readonly CampaignGoal Labour = Goal(GoalKind.LabourDays, 2);

    private static CampaignGoal Goal(GoalKind kind, int id)
    {
        var campaign = Campaign.Create(new CampaignPlan(1, 1, "Bê tông hoá đường thôn", "", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), [5]), null, DateTimeOffset.UnixEpoch);
        var goal = campaign.AddGoal(kind, kind.ToString(), "tấn", 1000);
        typeof(CampaignGoal).GetProperty(nameof(CampaignGoal.Id))!.SetValue(goal, id);
        return goal;
    }

    private static Pledge APledge() => new(1, 5, "u1", null, new PledgerInfo("Hoàng Thị Mai", true, "Hộ ông Hoàng Văn Pó", PledgeVisibility.Household, null),
        [(Money, 500_000m), (Labour, 3m)], Guid.NewGuid(), DateTimeOffset.UnixEpoch);

    [Fact]
    public void ShouldGoFromPledgedThroughConfirmedToFulfilledWithWhatWasActuallyGiven()
    {
        var pledge = APledge();

        pledge.Confirm("head", DateTimeOffset.UnixEpoch);
        pledge.Fulfil(new Dictionary<int, decimal> { [1] = 400_000m }, new Dictionary<int, GoalKind> { [1] = GoalKind.Money, [2] = GoalKind.LabourDays }, DateTimeOffset.UnixEpoch);

        Assert.Equal(PledgeState.Fulfilled, pledge.State);
        Assert.Equal(400_000m, pledge.Lines.Single(l => l.GoalId == 1).Fulfilled);
        Assert.Equal(3m, pledge.Lines.Single(l => l.GoalId == 2).Fulfilled);
    }

    [Fact]
    public void ShouldNotFulfilAPledgeThatWasNotConfirmed()
    {
        var pledge = APledge();

        var error = Assert.Throws<DomainRuleException>(() => pledge.Fulfil(new Dictionary<int, decimal>(), new Dictionary<int, GoalKind>(), DateTimeOffset.UnixEpoch));

        Assert.Equal("pledge.fulfil.not-confirmed", error.Key);
    }

    [Fact]
    public void ShouldNotLetAConfirmedPledgeBeAmendedOnlyCorrectedWithAReason()
    {
        var pledge = APledge();
        pledge.Confirm("head", DateTimeOffset.UnixEpoch);

        Assert.Equal("pledge.amend.not-pledged", Assert.Throws<DomainRuleException>(() =>
            pledge.Amend(new PledgerInfo("Hoàng Thị Mai", false, null, PledgeVisibility.Name, null), [(Money, 1_000_000m)])).Key);
        Assert.Equal("pledge.reason.invalid", Assert.Throws<DomainRuleException>(() => pledge.Correct([(Money, 1_000_000m)], "")).Key);

        pledge.Correct([(Money, 1_000_000m)], "Hộ gia đình báo tăng số tiền");
        Assert.Equal(1_000_000m, pledge.Lines.Single().Amount);
        Assert.Equal(PledgeState.Confirmed, pledge.State);
    }

    [Fact]
    public void ShouldCancelOnlyWithAReasonAndNeverAfterFulfilment()
    {
        var pledge = APledge();
        Assert.Equal("pledge.reason.invalid", Assert.Throws<DomainRuleException>(() => pledge.Cancel(" ", DateTimeOffset.UnixEpoch)).Key);

        pledge.Cancel("Gia đình chuyển đi nơi khác", DateTimeOffset.UnixEpoch);

        Assert.Equal(PledgeState.Cancelled, pledge.State);
        Assert.Equal("pledge.confirm.not-pledged", Assert.Throws<DomainRuleException>(() => pledge.Confirm("head", DateTimeOffset.UnixEpoch)).Key);
    }

    [Fact]
    public void ShouldNotShowAHouseholdNameForAPersonalPledge()
    {
        var error = Assert.Throws<DomainRuleException>(() => new Pledge(1, 5, "u1", null,
            new PledgerInfo("Hoàng Thị Mai", false, null, PledgeVisibility.Household, null), [(Money, 1m)], Guid.NewGuid(), DateTimeOffset.UnixEpoch));

        Assert.Equal("pledge.visibility.no-household", error.Key);
    }
}
