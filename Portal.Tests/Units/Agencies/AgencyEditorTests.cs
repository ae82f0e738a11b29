using System.Globalization;
using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Portal.Domain.Accounts;
using Portal.Domain.Units;
using Portal.Tests.Infrastructure;
using Portal.Web.Accounts;
using Portal.Web.Units.Agencies;

namespace Portal.Tests.Units.Agencies;

public class AgencyEditorTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task ShouldShowFieldErrorsInVietnameseAndCreateNothingWhenTheFormIsIncomplete()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("vi-VN");
        var tree = await SmallTree.CreateAsync(db);
        var unit = new UnitChoice(tree.CommuneA, "Thất Khê", "Thất Khê", UnitLevel.Commune, "Lạng Sơn", null);
        await using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization();
        ctx.Services.AddSingleton(new AgencyService(db, db.Clock));
        ctx.Services.AddSingleton(new UnitService(db, db.Clock));
        ctx.Services.AddScoped<CurrentActor>();
        ctx.AddAuthorization().SetAuthorized("Quản trị").SetClaims(new Claim(ClaimTypes.NameIdentifier, "nobody"));
        var host = ctx.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
        });
        var dialogs = ctx.Services.GetRequiredService<IDialogService>();
        await host.InvokeAsync(() => dialogs.ShowAsync<AgencyEditor>("Thêm cơ quan",
            new DialogParameters<AgencyEditor> { { e => e.DefaultUnit, unit } }));

        var email = host.FindComponents<MudTextField<string>>().Last();
        await host.InvokeAsync(() => email.Instance.ValueChanged.InvokeAsync("khong-phai-email"));
        await host.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Lưu").ClickAsync(new MouseEventArgs());

        host.WaitForAssertion(() =>
        {
            Assert.Contains("Vui lòng nhập tên cơ quan.", host.Markup);
            Assert.Contains("Vui lòng chọn loại cơ quan.", host.Markup);
            Assert.Contains("Email không hợp lệ", host.Markup);
        });
        Assert.NotEmpty(host.FindAll(".mud-dialog")); // still open
        await using var check = db.CreateDbContext();
        Assert.False(await check.Agencies.AnyAsync(a => a.UnitId == tree.CommuneA));
    }
}
