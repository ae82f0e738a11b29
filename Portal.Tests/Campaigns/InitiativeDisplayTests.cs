using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using Portal.Domain.Campaigns;
using Portal.Web.Campaigns;

namespace Portal.Tests.Campaigns;

/// <summary>The campaign's village row shows the village's residents' initiative, whether it reached 10% and until when it stands.</summary>
public class InitiativeDisplayTests
{
    private static readonly GoalProgress Money = new(1, GoalKind.Money, "Tiền mặt", "đồng", 1_000_000m, 0m, 0m, 0);

    private static IRenderedComponent<VillageTable> Render(BunitContext ctx, DateOnly today, InitiativeView? initiative)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("vi-VN");
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization();
        ctx.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(today.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero)));
        var campaign = new CampaignDetails(9, 1, "Xã Thất Khê", 1, "MTTQ", "Đường thôn", "", "", new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 1),
            CampaignState.Open, [Money],
            [new VillageProgress(5, "Thôn Nà Sla", null, 0, [new VillageGoal(1, null, 0m, 0m)], initiative),
             new VillageProgress(6, "Thôn Pò Mã", null, 0, [new VillageGoal(1, null, 0m, 0m)])], null);
        return ctx.Render<VillageTable>(p => p.Add(x => x.Campaign, campaign));
    }

    private static InitiativeView Initiative(int proposing)
    {
        var outcome = InitiativeRule.Evaluate(60, proposing, new DateOnly(2026, 1, 15));
        return new InitiativeView(3, "Làm thêm rãnh thoát nước", 60, proposing, new DateOnly(2026, 1, 15), outcome.Reaches, outcome.ValidUntil,
            outcome.ExplanationVi, outcome.ExplanationEn);
    }

    [Fact]
    public async Task ShouldShowAStandingInitiativeOnItsVillageRowWithTheRuleExplained()
    {
        await using var ctx = new BunitContext();

        var table = Render(ctx, new DateOnly(2026, 2, 1), Initiative(6));

        var row = table.Find("tr[data-village='5'] .initiative-summary");
        Assert.Contains("Sáng kiến còn hiệu lực đến 15/04/2026", row.QuerySelector(".initiative-state")!.TextContent);
        Assert.Contains("Làm thêm rãnh thoát nước", row.TextContent);
        Assert.Contains("Đủ: 6/60 hộ đề xuất (10%)", row.QuerySelector(".initiative-explanation")!.TextContent);
        Assert.Empty(table.FindAll("tr[data-village='6'] .initiative-summary"));
    }

    [Fact]
    public async Task ShouldSayWhenAnInitiativeLapsedOrFellShortOfTenPercent()
    {
        await using var lapsedCtx = new BunitContext();
        var lapsed = Render(lapsedCtx, new DateOnly(2026, 4, 16), Initiative(6));
        Assert.Contains("Sáng kiến đã hết hiệu lực", lapsed.Find(".initiative-state").TextContent);

        await using var shortCtx = new BunitContext();
        var tooFew = Render(shortCtx, new DateOnly(2026, 2, 1), Initiative(5));
        Assert.Contains("Sáng kiến chưa đủ 10% số hộ", tooFew.Find(".initiative-state").TextContent);
        Assert.Contains("Chưa đủ: 5/60 hộ đề xuất", tooFew.Find(".initiative-explanation").TextContent);
    }
}
