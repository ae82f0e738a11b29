using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Portal.Domain.Campaigns;
using Portal.Web.Campaigns;

namespace Portal.Tests.Campaigns;

/// <summary>The progress panel: contributed and pledged against each target, with an accessible bar.</summary>
public class GoalProgressPanelTests
{
    private static IRenderedComponent<GoalProgressPanel> Render(BunitContext ctx, params GoalProgress[] goals)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("vi-VN");
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization();
        return ctx.Render<GoalProgressPanel>(p => p.Add(x => x.Goals, goals));
    }

    [Fact]
    public async Task ShouldShowWhatWasContributedAndPledgedAgainstEachTargetInVietnameseNumbers()
    {
        await using var ctx = new BunitContext();

        var panel = Render(ctx,
            new GoalProgress(1, GoalKind.Money, "Tiền mặt", "đồng", 300_000_000m, 120_500_000m, 75_000_000m, 0),
            new GoalProgress(2, GoalKind.Materials, "Xi măng", "tấn xi măng", 180m, 2m, 1.5m, 0));

        var money = panel.Find(".goal-progress[data-goal='1']");
        Assert.Contains("Đã đóng góp 75.000.000 ₫ / chỉ tiêu 300.000.000 ₫ · Đã đăng ký 120.500.000 ₫", money.TextContent);
        Assert.Contains("25%", money.QuerySelector(".goal-percent")!.TextContent);
        var bar = money.QuerySelector("[role=progressbar]")!;
        Assert.Equal("Tiền mặt: đạt 25% chỉ tiêu", bar.GetAttribute("aria-label"));
        Assert.Equal("25", bar.GetAttribute("aria-valuenow"));
        Assert.Contains("Đã đóng góp 1,5 tấn xi măng / chỉ tiêu 180 tấn xi măng · Đã đăng ký 2 tấn xi măng",
            panel.Find(".goal-progress[data-goal='2']").TextContent);
    }

    [Fact]
    public async Task ShouldShowKilometresBuiltAndKeepTheBarFullWhenATargetIsPassed()
    {
        await using var ctx = new BunitContext();

        var panel = Render(ctx,
            new GoalProgress(3, GoalKind.Length, "Đường tuần tra", "km", 19.3m, 0, 0, 19.28m),
            new GoalProgress(4, GoalKind.LabourDays, "Ngày công", "ngày công", 100m, 130m, 125m, 0));

        Assert.Contains("Đã hoàn thành 19,28 km / chỉ tiêu 19,3 km", panel.Find(".goal-progress[data-goal='3']").TextContent);
        var labour = panel.Find(".goal-progress[data-goal='4']");
        Assert.Contains("125%", labour.QuerySelector(".goal-percent")!.TextContent);
        Assert.Equal("100", labour.QuerySelector("[role=progressbar]")!.GetAttribute("aria-valuenow"));
    }

    [Fact]
    public async Task ShouldSayWhenTheCampaignHasNoGoals()
    {
        await using var ctx = new BunitContext();

        var panel = Render(ctx);

        Assert.Contains("Cuộc vận động chưa có mục tiêu.", panel.Find(".goal-progress-empty").TextContent);
    }

    [Fact]
    public async Task ShouldChartEachVillageAgainstTheLargestAndSwitchGoals()
    {
        await using var ctx = new BunitContext();
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("vi-VN");
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization();
        GoalProgress money = new(1, GoalKind.Money, "Tiền mặt", "đồng", 1_000_000m, 3_000_000m, 1_000_000m, 0);
        GoalProgress land = new(2, GoalKind.Land, "Hiến đất", "m²", 500m, 80m, 80m, 0);
        var campaign = new CampaignDetails(9, 1, "Xã Thất Khê", 1, "MTTQ", "Đường thôn", "", "", new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 1),
            CampaignState.Open, [money, land],
            [new VillageProgress(5, "Thôn Nà Sla", null, 2, [new VillageGoal(1, null, 2_000_000m, 1_000_000m), new VillageGoal(2, null, 80m, 80m)]),
             new VillageProgress(6, "Thôn Pò Mã", null, 1, [new VillageGoal(1, null, 1_000_000m, 0m), new VillageGoal(2, null, 0m, 0m)])], null);

        var chart = ctx.Render<VillageChart>(p => p.Add(x => x.Campaign, campaign));

        var naSla = chart.Find(".village-bar-row[data-village='5']");
        Assert.Contains("1.000.000 ₫ đã góp / 2.000.000 ₫ đăng ký", naSla.TextContent);
        Assert.Equal("width:100%", naSla.QuerySelector(".village-bar-pledged")!.GetAttribute("style"));
        Assert.Equal("width:50%", naSla.QuerySelector(".village-bar-fulfilled")!.GetAttribute("style"));
        Assert.Equal("width:50%", chart.Find(".village-bar-row[data-village='6'] .village-bar-pledged").GetAttribute("style"));
        await chart.FindAll(".mud-chip").Single(c => c.TextContent.Contains("Hiến đất")).ClickAsync(new());
        chart.WaitForAssertion(() => Assert.Contains("80 m² đã góp / 80 m² đăng ký", chart.Find(".village-bar-row[data-village='5']").TextContent));
    }
}
