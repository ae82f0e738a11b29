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
}
