using System.Globalization;
using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Portal.Domain.Accounts;
using Portal.Domain.Units;
using Portal.Tests.Infrastructure;
using Portal.Web.Accounts;
using Portal.Web.Shell.Workspace;

namespace Portal.Tests.Shell.Workspace;

public class WorkspacePageTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task ShouldShowMyRolesMyAgenciesAndSayPlainlyThatNoWorkIsAssignedYet()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("vi-VN");
        var tree = await SmallTree.CreateAsync(db);
        var me = await TestUsers.CreateAsync(db, "Nông Văn Tuấn");
        await new AccountService(db, db.Clock).GrantAsync(Actor.System, me, tree.CommuneA, StaffRole.Official);
        var agencies = new AgencyService(db, db.Clock);
        var agency = await agencies.CreateAsync(Actor.System, "Văn phòng HĐND và UBND xã Thất Khê", AgencyKind.SpecialisedDepartment, tree.CommuneA, null);
        await agencies.AddMemberAsync(Actor.System, agency, me);
        await using var ctx = NewContext(me);

        var page = ctx.Render<WorkspacePage>();

        page.WaitForAssertion(() => Assert.Contains("Vai trò của tôi", page.Markup));
        var roles = page.FindComponent<MyRoles>();
        Assert.Contains("Cán bộ", roles.Markup);
        Assert.Contains("Thất Khê", roles.Markup);
        Assert.Contains("02/02/2026", roles.Markup); // granted at the fixture's clock, shown dd/MM/yyyy in Vietnam's time
        var mine = page.FindComponent<MyAgencies>();
        Assert.Contains("Văn phòng HĐND và UBND xã Thất Khê", mine.Markup);
        Assert.Contains("Cơ quan chuyên môn", mine.Markup);
        Assert.Contains("giao cho cơ quan của bạn sẽ được liệt kê tại đây", page.Markup);
    }

    [Fact]
    public async Task ShouldSayWhenIHoldNoRoleAndBelongToNoAgency()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("vi-VN");
        var me = await TestUsers.CreateAsync(db, "Người mới");
        await using var ctx = NewContext(me);

        var page = ctx.Render<WorkspacePage>();

        page.WaitForAssertion(() => Assert.Contains("Bạn chưa được cấp vai trò nào.", page.Markup));
        Assert.Contains("Bạn chưa là thành viên của cơ quan nào.", page.Markup);
    }

    private BunitContext NewContext(string userId)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization();
        ctx.Services.AddSingleton(new AccountService(db, db.Clock));
        ctx.Services.AddScoped<CurrentActor>();
        ctx.AddAuthorization().SetAuthorized("me").SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
        return ctx;
    }
}
