using Portal.Domain.Campaigns;
using Portal.Domain.Reports;
using Portal.Tests.Campaigns;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Reports;

/// <summary>
/// The campaign figures equal a hand count on a prepared campaign of commune A, February–March 2026, "now" 20 March:
/// a campaign with money (300 million), labour-day (1,500) and land goals opened on 3 Feb (a second one stays a draft);
/// Nà Sla's households agree, Pò Mã's do not; on 5 Feb P1 (300 million and 800 days), P2 (1 million) and P3 (500,000,
/// cancelled on 6 Feb) are pledged; P1 confirmed 10 Feb; on 2 Mar P1 fulfilled in full and P2 confirmed; the campaign
/// is closed and completed on 5 Mar.
/// By hand: goals 3 (the draft's never count), reached 1 of 3 assessed (money; 800 of 1,500 days; no land), pledges 3,
/// confirmed 2 (Feb 1, Mar 1), fulfilled 1 (Mar), decisions passed 1 of 2; the organiser fulfilled 1 of 3 pledges.
/// </summary>
public sealed class CampaignFiguresTests(CampaignFiguresTests.World world) : IClassFixture<CampaignFiguresTests.World>
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private static readonly DateOnly February = new(2026, 2, 1);
    private static readonly DateOnly March = new(2026, 3, 1);

    public sealed class World : DatabaseFixture
    {
        public CampaignWorld Campaigns { get; private set; } = null!;
        public StatisticsService Statistics { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Clock.SetUtcNow(new DateTimeOffset(2026, 2, 2, 9, 0, 0, Vietnam));
            var w = Campaigns = await CampaignWorld.CreateAsync(this, Clock);
            Statistics = new StatisticsService(this, Clock, [new CampaignFigures()]);
            var draft = await w.Service.CreateAsync(w.Organiser, w.Plan(new DateOnly(2026, 2, 2), "Xây nhà văn hoá thôn Pò Mã"));
            await w.Service.AddGoalAsync(w.Organiser, draft, new GoalPlan(GoalKind.Money, "Tiền mặt", null, 90_000_000m));

            Clock.SetUtcNow(new DateTimeOffset(2026, 2, 3, 9, 0, 0, Vietnam));
            await w.OpenAsync();
            Clock.SetUtcNow(new DateTimeOffset(2026, 2, 5, 9, 0, 0, Vietnam));
            var p1 = await w.PledgeAsync(w.Resident, new PledgeAmount(w.Money, 300_000_000m), new PledgeAmount(w.Labour, 800m));
            var p2 = await w.PledgeAsync(await w.PersonAsync("Lý Thị Hoa"), new PledgeAmount(w.Money, 1_000_000m));
            var p3 = await w.PledgeAsync(await w.PersonAsync("Nông Văn Tú"), new PledgeAmount(w.Money, 500_000m));
            Clock.SetUtcNow(new DateTimeOffset(2026, 2, 6, 9, 0, 0, Vietnam));
            await w.Service.CancelAsync(w.HeadA1, p3.PledgeId, "Gia đình chuyển đi nơi khác");
            Clock.SetUtcNow(new DateTimeOffset(2026, 2, 10, 9, 0, 0, Vietnam));
            await w.Service.ConfirmAsync(w.HeadA1, p1.PledgeId);
            Clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 9, 0, 0, Vietnam));
            await w.Service.FulfilAsync(w.HeadA1, p1.PledgeId, new Dictionary<int, decimal> { [w.Money] = 300_000_000m, [w.Labour] = 800m });
            await w.Service.ConfirmAsync(w.HeadA1, p2.PledgeId);
            Clock.SetUtcNow(new DateTimeOffset(2026, 3, 5, 9, 0, 0, Vietnam));
            await w.Service.CloseAsync(w.Organiser, w.Campaign);
            await w.Service.CompleteAsync(w.Organiser, w.Campaign);
            Clock.SetUtcNow(new DateTimeOffset(2026, 3, 20, 9, 0, 0, Vietnam));
        }
    }

    private async Task<PillarDashboard> Commune() =>
        (await world.Statistics.DashboardAsync(world.Campaigns.Tree.CommuneA, null, February, March))!.Pillars.Single(p => p.Pillar == "campaigns");

    private static double? Figure(PillarDashboard pillar, string code) => pillar.Figures.Single(f => f.Code == code).Value;

    [Fact]
    public async Task ShouldCountTheCampaignsOfTheCommuneAsByHand()
    {
        var campaigns = await Commune();
        Assert.Equal(3, Figure(campaigns, CampaignFigures.Goals));
        Assert.Equal(1, Figure(campaigns, CampaignFigures.GoalsReached));
        Assert.Equal(1.0 / 3, Figure(campaigns, CampaignFigures.ReachedShare)!.Value, 6);
        Assert.Equal(3, Figure(campaigns, CampaignFigures.Pledges));
        Assert.Equal(2, Figure(campaigns, CampaignFigures.PledgesConfirmed));
        Assert.Equal(1, Figure(campaigns, CampaignFigures.PledgesFulfilled));
        Assert.Equal(1, Figure(campaigns, CampaignFigures.DecisionsPassed));
    }

    [Fact]
    public async Task ShouldDrawPledgesByMonthAndRankTheOrganiser()
    {
        var campaigns = await Commune();
        Assert.Equal([February, March], campaigns.Trend.Select(t => t.Month));
        Assert.Equal(3, campaigns.Trend[0].Values[CampaignFigures.Pledges]);
        Assert.Equal(1, campaigns.Trend[0].Values[CampaignFigures.PledgesConfirmed]);
        Assert.Equal(0, campaigns.Trend[0].Values[CampaignFigures.PledgesFulfilled]);
        Assert.Equal(1, campaigns.Trend[1].Values[CampaignFigures.PledgesConfirmed]);
        Assert.Equal(1, campaigns.Trend[1].Values[CampaignFigures.PledgesFulfilled]);
        var rank = Assert.Single(campaigns.Ranking);
        Assert.Equal(world.Campaigns.Front, rank.AgencyId);
        Assert.Equal(1.0 / 3, rank.Rate, 6);
    }

    [Fact]
    public async Task ShouldGiveTheSameFiguresFromTheSnapshot()
    {
        var live = (await Commune()).Figures;
        await world.Statistics.SnapshotAsync();
        Assert.Equal(live, (await Commune()).Figures);
        var communeB = (await world.Statistics.DashboardAsync(world.Campaigns.Tree.CommuneB, null, February, March))!.Pillars.Single();
        Assert.Equal(0, Figure(communeB, CampaignFigures.Pledges));
    }

    [Fact]
    public async Task ShouldListPledgesWithoutPledgersAndCountTheCancelledOneAsNotPublic()
    {
        var pledges = (await world.Statistics.ItemsAsync(CampaignFigures.Pledges, world.Campaigns.Tree.CommuneA, null, February, March, 1))!;
        Assert.Equal(2, pledges.Total);
        Assert.Equal(1, pledges.Hidden);
        Assert.All(pledges.Items, i => Assert.Equal($"/van-dong/{world.Campaigns.Campaign}", i.Link));
        Assert.DoesNotContain(pledges.Items, i => i.Text.Contains("Hoàng Thị Mai") || i.Detail!.Contains("Hoàng Thị Mai"));
        var reached = (await world.Statistics.ItemsAsync(CampaignFigures.GoalsReached, world.Campaigns.Tree.CommuneA, null, February, March, 1))!;
        Assert.Equal("Tiền mặt", Assert.Single(reached.Items).Text);
        var passed = (await world.Statistics.ItemsAsync(CampaignFigures.DecisionsPassed, world.Campaigns.Tree.CommuneA, null, February, March, 1))!;
        Assert.Single(passed.Items);
    }
}
