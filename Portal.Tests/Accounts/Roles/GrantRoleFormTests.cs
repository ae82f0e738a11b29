using System.Globalization;
using System.Security.Claims;
using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Portal.Domain.Accounts;
using Portal.Domain.Units;
using Portal.Tests.Infrastructure;
using Portal.Web.Accounts;
using Portal.Web.Accounts.Roles;
using Portal.Web.Units;

namespace Portal.Tests.Accounts.Roles;

public class GrantRoleFormTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task ShouldRefuseToSubmitWithoutAUnit()
    {
        var (ctx, host, _) = await RenderAsync();
        await using var _ctx = ctx;
        var person = await TestUsers.CreateAsync(db, "Nguyễn Văn Chưa Chọn");

        await ChoosePersonAsync(host, "nguyen van chua", "Nguyễn Văn Chưa Chọn");
        await ChooseRoleAsync(host, StaffRole.Official);
        await host.Find("button.grant-submit").ClickAsync(new()).WaitAsync(TimeSpan.FromSeconds(10));

        host.WaitForAssertion(() => Assert.Contains("Vui lòng chọn đơn vị.", host.Markup));
        Assert.Empty(host.FindAll(".mud-dialog"));
        await using var check = db.CreateDbContext();
        Assert.False(await check.UnitRoles.AnyAsync(r => r.UserId == person));
    }

    [Fact]
    public async Task ShouldAskForConfirmationNamingRolePersonAndUnitThenGrant()
    {
        var (ctx, host, tree) = await RenderAsync();
        await using var _ctx = ctx;
        var person = await TestUsers.CreateAsync(db, "Hoàng Văn Thành");

        await ChoosePersonAsync(host, "hoang van thanh", "Hoàng Văn Thành");
        await ChooseRoleAsync(host, StaffRole.Leader);
        var unitPicker = host.FindComponent<UnitPicker>();
        await host.InvokeAsync(() => unitPicker.Instance.ValueChanged.InvokeAsync(new UnitChoice(tree.CommuneA, "Thất Khê", "Thất Khê", UnitLevel.Commune, "Lạng Sơn", null)));
        // The click's handler waits for the confirmation, so it completes only after the dialog is answered.
        var submitting = host.Find("button.grant-submit").ClickAsync(new());

        host.WaitForAssertion(() => Assert.Contains("Cấp quyền Lãnh đạo cho Hoàng Văn Thành tại Thất Khê (và toàn bộ đơn vị trực thuộc)?", host.Markup));
        await host.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Cấp quyền").ClickAsync(new());

        await submitting.WaitAsync(TimeSpan.FromSeconds(10));

        await using var check = db.CreateDbContext();
        Assert.True(await check.UnitRoles.AnyAsync(r => r.UserId == person && r.UnitId == tree.CommuneA && r.Role == StaffRole.Leader));
        host.WaitForAssertion(() => Assert.Contains("Đã cấp quyền Lãnh đạo cho Hoàng Văn Thành tại Thất Khê.", host.Markup));
    }

    private async Task<(BunitContext Ctx, IRenderedComponent<ContainerFragment> Host, SmallTree Tree)> RenderAsync()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("vi-VN");
        var tree = await SmallTree.CreateAsync(db);
        var admin = await TestUsers.CreateAsync(db, "Quản trị tỉnh");
        await new AccountService(db, db.Clock).GrantAsync(Actor.System, admin, tree.Province, StaffRole.Admin);

        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization();
        ctx.Services.AddSingleton(new AccountService(db, db.Clock));
        ctx.Services.AddSingleton(new UnitService(db, db.Clock));
        ctx.Services.AddScoped<CurrentActor>();
        ctx.AddAuthorization().SetAuthorized("Quản trị tỉnh").SetClaims(new Claim(ClaimTypes.NameIdentifier, admin));
        var host = ctx.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<MudSnackbarProvider>(2);
            builder.CloseComponent();
            builder.OpenComponent<GrantRoleForm>(3);
            builder.CloseComponent();
        });
        return (ctx, host, tree);
    }

    /// <summary>Types into the person box (without diacritics) and picks the match from the list, as a person would.</summary>
    private static async Task ChoosePersonAsync(IRenderedComponent<ContainerFragment> host, string typed, string name)
    {
        var picker = host.FindComponent<PersonPicker>();
        await picker.Find("input").InputAsync(new ChangeEventArgs { Value = typed });
        host.WaitForAssertion(() => Assert.Contains(host.FindAll(".mud-popover .mud-list-item"), i => i.TextContent.Contains(name)));
        await host.FindAll(".mud-popover .mud-list-item").First(i => i.TextContent.Contains(name)).ClickAsync(new());
        host.WaitForAssertion(() => Assert.Equal(name, picker.Instance.Value?.DisplayName));
    }

    private static async Task ChooseRoleAsync(IRenderedComponent<ContainerFragment> host, StaffRole role)
    {
        var select = host.FindComponent<MudSelect<StaffRole?>>();
        await host.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(role));
    }
}
