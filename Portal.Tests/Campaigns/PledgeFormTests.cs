using System.Globalization;
using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Portal.Domain.Campaigns;
using Portal.Tests.Infrastructure;
using Portal.Web.Campaigns;

namespace Portal.Tests.Campaigns;

/// <summary>The pledge form in bUnit, on the real services and PostgreSQL.</summary>
public class PledgeFormTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ShouldShowVietnameseMessagesOnEachFieldAndCreateNothing()
    {
        var (ctx, host, w) = await RenderAsync();
        await using var _ = ctx;

        await host.Find("button.pledge-submit").ClickAsync(new());
        host.WaitForAssertion(() => Assert.Contains("Vui lòng ghi ít nhất một khoản đóng góp.", host.Find(".pledge-amounts-error").TextContent), Wait);

        await TypeAsync(host, w.Money, "100000,5");
        await TypeAsync(host, w.Labour, "2.3");
        await TypeAsync(host, w.Land, "nhiều");
        await host.Find("button.pledge-submit").ClickAsync(new());

        host.WaitForAssertion(() =>
        {
            Assert.Contains("Số tiền tính bằng đồng, không có phần lẻ.", host.Find($".pledge-amount-{w.Money}").TextContent);
            Assert.Contains("Ngày công tính theo nửa ngày (ví dụ 1 hoặc 1,5).", host.Find($".pledge-amount-{w.Labour}").TextContent);
            Assert.Contains("Vui lòng nhập một con số, ví dụ 500.000 hoặc 1,5.", host.Find($".pledge-amount-{w.Land}").TextContent);
        }, Wait);
        await TypeAsync(host, w.Money, "6.000.000.000");
        await host.Find("button.pledge-submit").ClickAsync(new());
        // The renderer's thread may format with another culture than the test's: the digits, whatever the separator.
        host.WaitForAssertion(() => Assert.Matches(@"Số tiền một lần đăng ký tối đa 5[.,]000[.,]000[.,]000 đồng", host.Find($".pledge-amount-{w.Money}").TextContent), Wait);
        Assert.Equal(0, await PledgesAsync(w));
    }

    [Fact]
    public async Task ShouldAskBeforeUpdatingTheHouseholdsEarlierPledge()
    {
        var (ctx, host, w) = await RenderAsync();
        await using var _ = ctx;
        await host.InvokeAsync(() => host.FindComponent<PledgerChoice>().Instance.ForHouseholdChanged.InvokeAsync(true));
        await host.Find(".pledge-household input").ChangeAsync(new ChangeEventArgs { Value = "Hộ ông Hoàng Văn Pó" });
        await TypeAsync(host, w.Money, "500.000");
        await host.Find("button.pledge-submit").ClickAsync(new());
        host.WaitForAssertion(() => Assert.Contains("Đã gửi đăng ký.", host.Markup), Wait);
        Assert.Equal(1, await PledgesAsync(w));

        await TypeAsync(host, w.Money, "800.000");
        var submitting = host.Find("button.pledge-submit").ClickAsync(new()); // waits for the answer to the question below
        host.WaitForAssertion(() => Assert.Contains("Hộ này đã đăng ký cho mục tiêu này. Cập nhật đăng ký cũ bằng số mới?", host.Markup), Wait);
        await host.FindAll(".mud-dialog button").Single(b => b.TextContent.Contains("Cập nhật")).ClickAsync(new());
        await submitting.WaitAsync(Wait);

        host.WaitForAssertion(() => Assert.Contains("Đã cập nhật đăng ký.", host.Markup), Wait);
        await using var check = db.CreateDbContext();
        var line = await check.PledgeLines.SingleAsync(l => l.GoalId == w.Money);
        Assert.Equal(800_000m, line.Amount);
    }

    [Fact]
    public async Task ShouldCreateOnePledgeWhenSubmitIsDoubleClicked()
    {
        var (ctx, host, w) = await RenderAsync();
        await using var _ = ctx;
        await TypeAsync(host, w.Labour, "1,5");

        var button = host.Find("button.pledge-submit");
        await Task.WhenAll(button.ClickAsync(new()), button.ClickAsync(new())).WaitAsync(Wait);

        host.WaitForAssertion(() => Assert.Contains("Đã gửi đăng ký.", host.Markup), Wait);
        Assert.Equal(1, await PledgesAsync(w));
    }

    private static async Task TypeAsync(IRenderedComponent<ContainerFragment> host, int goal, string text) =>
        await host.Find($".pledge-amount-{goal} input").ChangeAsync(new ChangeEventArgs { Value = text });

    private async Task<int> PledgesAsync(CampaignWorld w)
    {
        await using var check = db.CreateDbContext();
        return await check.Pledges.CountAsync(p => p.CampaignId == w.Campaign);
    }

    private async Task<(BunitContext, IRenderedComponent<ContainerFragment>, CampaignWorld)> RenderAsync()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("vi-VN");
        var w = await CampaignWorld.CreateAsync(db, TimeProvider.System);
        await w.OpenAsync();
        var details = (await w.Reader.DetailsAsync(w.Campaign))!;

        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization();
        ctx.Services.AddSingleton(w.Service);
        ctx.Services.AddSingleton(w.Reader);
        var host = ctx.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<MudSnackbarProvider>(2);
            builder.CloseComponent();
            builder.OpenComponent<PledgeForm>(3);
            builder.AddAttribute(4, nameof(PledgeForm.Campaign), details);
            builder.AddAttribute(5, nameof(PledgeForm.Viewer), w.Resident);
            builder.AddAttribute(6, nameof(PledgeForm.HomeVillage), w.Tree.VillageA1);
            builder.CloseComponent();
        });
        return (ctx, host, w);
    }
}
