using System.Globalization;
using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Portal.Domain.Accounts;
using Portal.Domain.Deadlines;
using Portal.Domain.Units;
using Portal.Tests.Infrastructure;
using Portal.Web.Accounts;
using Portal.Web.Deadlines;
using Portal.Web.Shell.Workspace;

namespace Portal.Tests.Shell.Workspace;

public class WorkspacePageTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task ShouldShowMyRolesMyAgenciesAndSayPlainlyThatNothingIsWaiting()
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
        Assert.Contains("Không có việc nào đang chờ cơ quan của bạn xử lý.", page.FindComponent<MyDeadlines>().Markup);
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

    [Fact]
    public async Task ShouldCountMyAgencysDeadlinesByStateShowTheirBadgesAndFilter()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("vi-VN");
        var tree = await SmallTree.CreateAsync(db);
        var me = await TestUsers.CreateAsync(db, "Lương Thị Hoa");
        await new AccountService(db, db.Clock).GrantAsync(Actor.System, me, tree.CommuneA, StaffRole.Official);
        var agencies = new AgencyService(db, db.Clock);
        var mine = await agencies.CreateAsync(Actor.System, "Công chức Địa chính xã Thất Khê", AgencyKind.SpecialisedDepartment, tree.CommuneA, null);
        var other = await agencies.CreateAsync(Actor.System, "Công an xã Đông Kinh", AgencyKind.SpecialisedDepartment, tree.CommuneB, null);
        await agencies.AddMemberAsync(Actor.System, mine, me);
        // The fixture's clock reads 02/02/2026 09:00 in Vietnam.
        await TrackAsync(DeadlineKind.AnnounceConference, "Họp dân thôn Nà Sla", tree.VillageA1, mine, new DateTime(2026, 1, 10), "/hoi-dap/1");
        await TrackAsync(DeadlineKind.AnnounceConference, "Lịch tiếp dân tháng 2", tree.CommuneA, mine, new DateTime(2026, 1, 27), null);
        await TrackAsync(DeadlineKind.AnswerQuestion, "Đường thôn Nà Sla sạt lở", tree.VillageA1, mine, new DateTime(2026, 4, 1), null);
        await TrackAsync(DeadlineKind.AnswerQuestion, "Việc của cơ quan khác", tree.CommuneB, other, new DateTime(2026, 1, 27), null);
        await using var ctx = NewContext(me);

        var page = ctx.Render<WorkspacePage>();

        page.WaitForAssertion(() => Assert.Contains("Đường thôn Nà Sla sạt lở", page.Markup));
        var list = page.FindComponent<MyDeadlines>();
        Assert.Contains("Tất cả (3)", list.Markup);
        Assert.Contains("Quá hạn (1)", list.Markup);
        Assert.Contains("Sắp đến hạn (1)", list.Markup);
        Assert.Contains("Đúng hạn (1)", list.Markup);
        Assert.DoesNotContain("Việc của cơ quan khác", list.Markup);
        Assert.Equal(3, list.FindComponents<DeadlineBadge>().Count);
        Assert.Contains("Hạn 22/04/2026", list.Markup);
        Assert.Contains("15 ngày làm việc kể từ 01/04/2026", list.FindAll(".mud-chip").Select(c => c.GetAttribute("aria-label")).First(a => a!.Contains("22/04/2026")));
        Assert.Equal("/hoi-dap/1", list.FindAll("a").Single(a => a.TextContent.Contains("Họp dân thôn Nà Sla")).GetAttribute("href"));
        Assert.Contains("Thôn Nà Sla", list.Markup);
        Assert.Contains("Công chức Địa chính xã Thất Khê", list.Markup);

        await list.FindAll("button").Single(b => b.TextContent.Contains("Quá hạn (1)")).ClickAsync(new());

        list.WaitForAssertion(() => Assert.DoesNotContain("Đường thôn Nà Sla sạt lở", list.Markup));
        Assert.Contains("Họp dân thôn Nà Sla", list.Markup);
        Assert.DoesNotContain("Lịch tiếp dân tháng 2", list.Markup);
        Assert.Equal("true", list.FindAll("button").Single(b => b.TextContent.Contains("Quá hạn (1)")).GetAttribute("aria-pressed"));
    }

    [Fact]
    public async Task ShouldFilterMyDeadlinesByKindOfWorkAcrossPillars()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("vi-VN");
        var tree = await SmallTree.CreateAsync(db);
        var me = await TestUsers.CreateAsync(db, "Hoàng Văn Nam");
        await new AccountService(db, db.Clock).GrantAsync(Actor.System, me, tree.CommuneA, StaffRole.Official);
        var agencies = new AgencyService(db, db.Clock);
        var mine = await agencies.CreateAsync(Actor.System, "Ban Văn hóa xã Thất Khê", AgencyKind.SpecialisedDepartment, tree.CommuneA, null);
        await agencies.AddMemberAsync(Actor.System, mine, me);
        await TrackAsync(DeadlineKind.AnswerQuestion, "Sân bóng thôn Pò Mã xuống cấp", tree.VillageA2, mine, new DateTime(2026, 1, 27), null);
        await TrackAsync(DeadlineKind.AnswerCriticism, "Văn bản phản biện dự thảo quy hoạch chợ", tree.CommuneA, mine, new DateTime(2026, 1, 27), null);
        await using var ctx = NewContext(me);

        var page = ctx.Render<WorkspacePage>();

        page.WaitForAssertion(() => Assert.Contains("Sân bóng thôn Pò Mã xuống cấp", page.Markup));
        var list = page.FindComponent<MyDeadlines>();
        Assert.Contains("Trả lời văn bản phản biện (1)", list.Find("select").TextContent);
        await list.Find("select").ChangeAsync(new() { Value = nameof(DeadlineKind.AnswerCriticism) });

        list.WaitForAssertion(() => Assert.DoesNotContain("Sân bóng thôn Pò Mã xuống cấp", list.Markup));
        Assert.Contains("Văn bản phản biện dự thảo quy hoạch chợ", list.Markup);
        Assert.Contains("Tất cả (1)", list.Markup);
    }

    private async Task TrackAsync(DeadlineKind kind, string title, int unit, int agency, DateTime startDay, string? link)
    {
        await using var ctx = db.CreateDbContext();
        var start = new DateTimeOffset(startDay.AddHours(9), TimeSpan.FromHours(7));
        await DeadlineService.TrackAsync(ctx, kind, "question", Guid.NewGuid().ToString("N"), title, unit, agency, link, start);
        await ctx.SaveChangesAsync();
    }

    private BunitContext NewContext(string userId)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization();
        ctx.Services.AddSingleton(new AccountService(db, db.Clock));
        ctx.Services.AddSingleton(new DeadlineService(db, db.Clock));
        ctx.Services.AddSingleton<TimeProvider>(db.Clock);
        ctx.Services.AddScoped<CurrentActor>();
        ctx.AddAuthorization().SetAuthorized("me").SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
        return ctx;
    }
}
