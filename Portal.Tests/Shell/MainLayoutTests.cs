using System.Globalization;
using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor.Services;
using Portal.Domain.Notifications;
using Portal.Tests.Infrastructure;
using Portal.Web.Accounts;
using Portal.Web.Notifications;
using Portal.Web.Shell;

namespace Portal.Tests.Shell;

public sealed class MainLayoutTests
{
    private static BunitContext NewContext()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("vi-VN");
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization();
        // The notification bell in the app bar (tested in Notifications/): these signed-in users carry no user id, so it stays empty.
        ctx.Services.AddSingleton(new NotificationService(new ConnectionFactory("Host=bell.invalid"), TimeProvider.System));
        ctx.Services.AddSingleton(new BellSignals(NullLogger<BellSignals>.Instance));
        return ctx;
    }

    private static IRenderedComponent<MainLayout> RenderLayout(BunitContext ctx) =>
        ctx.Render<MainLayout>(p => p.Add(l => l.Body, "<p id=\"page-body\">Nội dung trang</p>"));

    [Fact]
    public async Task ShouldShowTheBrandTheLoginLinkAndThePageToAnAnonymousVisitor()
    {
        await using var ctx = NewContext();
        ctx.AddAuthorization();

        var layout = RenderLayout(ctx);

        Assert.Contains("Cổng đối thoại", layout.Find("header .brand").TextContent);
        Assert.NotEmpty(layout.FindAll("header a[href='/Account/Login']"));
        Assert.NotEmpty(layout.FindAll("main #page-body"));
        Assert.Empty(layout.FindAll(".user-name"));
    }

    [Fact]
    public async Task ShouldShowTheSignedInResidentsDisplayNameInsteadOfTheLoginLink()
    {
        await using var ctx = NewContext();
        ctx.AddAuthorization().SetAuthorized("dan@demo.test").SetClaims(new Claim(PortalClaims.DisplayName, "Hoàng Thị Mai"));

        var layout = RenderLayout(ctx);

        Assert.Contains("Hoàng Thị Mai", layout.Find("header .user-name").TextContent);
        Assert.Empty(layout.FindAll("header a[href='/Account/Login']"));
        Assert.Empty(layout.FindAll("a[href='/workspace']"));
    }

    [Fact]
    public async Task ShouldShowTheWorkspaceLinkOnlyToStaff()
    {
        await using var ctx = NewContext();
        ctx.AddAuthorization().SetAuthorized("canbo@demo.test").SetPolicies(Policies.Staff);

        var layout = RenderLayout(ctx);

        Assert.NotEmpty(layout.FindAll("a[href='/workspace']"));
        Assert.Empty(layout.FindAll("a[href='/admin/units']"));
    }
}
