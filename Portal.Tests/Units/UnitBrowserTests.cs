using Bunit;
using MudBlazor;
using Portal.Domain.Accounts;
using Portal.Domain.Units;
using Portal.Tests.Infrastructure;
using Portal.Web.Units;

namespace Portal.Tests.Units;

// Clicks are wrapped in WaitForAssertion: an async re-render can replace a button between finding and clicking it.
public class UnitBrowserTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task ShouldStartWithTheProvincesUnderTheCountry()
    {
        var tree = await SmallTree.CreateAsync(db);
        await using var ctx = UnitsUi.Context(db);

        var browser = ctx.Render<UnitBrowser>();

        browser.WaitForAssertion(() => Assert.Contains("Lạng Sơn", browser.Markup));
        var link = browser.FindAll("a.unit-link").Single(a => a.TextContent == "Lạng Sơn");
        Assert.Equal($"/admin/units?unit={tree.Province}", link.GetAttribute("href"));
        Assert.DoesNotContain(browser.FindAll("button"), b => b.TextContent.Contains("Đổi tên"));
    }

    [Fact]
    public async Task ShouldShowTheChildrenOfAProvinceWithLevelCodeStateAndChildCount()
    {
        var tree = await SmallTree.CreateAsync(db);
        await using var ctx = UnitsUi.Context(db);

        var browser = ctx.Render<UnitBrowser>(p => p.Add(x => x.UnitId, tree.Province));

        browser.WaitForAssertion(() => Assert.Equal(2, browser.FindAll("tbody tr").Count));
        var thatKhe = browser.FindAll("tbody tr").Single(r => r.TextContent.Contains("Thất Khê"));
        var cells = thatKhe.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["Thất Khê", "Xã, phường, đặc khu", "06040", "Đang hoạt động", "2"], cells);
        Assert.Contains("Đông Kinh", browser.Markup);
        Assert.Contains("Việt Nam", browser.Find(".mud-breadcrumbs").TextContent);
    }

    [Fact]
    public async Task ShouldAskForANameAndThenAddAVillageThroughTheDialog()
    {
        var tree = await OwnTree.CreateAsync(db);
        var admin = await UnitsUi.NationwideAdminAsync(db);
        await using var ctx = UnitsUi.Context(db, admin);
        var dialogs = ctx.Render<MudDialogProvider>();
        var browser = ctx.Render<UnitBrowser>(p => p.Add(x => x.UnitId, tree.CommuneB));
        browser.WaitForAssertion(() => Assert.Contains("Chưa có thôn, tổ dân phố nào", browser.Markup));

        browser.WaitForAssertion(() => browser.FindAll("button").Single(b => b.TextContent.Contains("Thêm thôn, tổ dân phố")).Click());
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll(".mud-dialog input")));
        dialogs.WaitForAssertion(() => dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Thêm").Click());
        dialogs.WaitForAssertion(() => Assert.Contains("Vui lòng nhập tên đơn vị.", dialogs.Markup));

        dialogs.Find(".mud-dialog input").Change("Tổ dân phố 12");
        dialogs.WaitForAssertion(() => dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Thêm").Click());

        browser.WaitForAssertion(() => Assert.Contains("Tổ dân phố 12", browser.Find("tbody").TextContent));
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")));
        var children = await new UnitService(db, db.Clock).ChildrenAsync(tree.CommuneB);
        Assert.Equal("Tổ dân phố 12", Assert.Single(children).Name);
    }

    [Fact]
    public async Task ShouldExplainWhyACommuneWithActiveVillagesCannotBeRetired()
    {
        var tree = await OwnTree.CreateAsync(db);
        var admin = await UnitsUi.NationwideAdminAsync(db);
        await using var ctx = UnitsUi.Context(db, admin);
        var dialogs = ctx.Render<MudDialogProvider>();
        var snackbars = ctx.Render<MudSnackbarProvider>();
        var browser = ctx.Render<UnitBrowser>(p => p.Add(x => x.UnitId, tree.CommuneA));
        browser.WaitForAssertion(() => Assert.Contains("Thôn Một", browser.Markup));

        browser.WaitForAssertion(() => browser.FindAll("button").Single(b => b.TextContent.Contains("Ngừng hoạt động")).Click());
        dialogs.WaitForAssertion(() => Assert.Contains("Cho Xã A", dialogs.Markup));
        dialogs.WaitForAssertion(() => dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Contains("Ngừng hoạt động")).Click());

        snackbars.WaitForAssertion(() => Assert.Contains("Hãy cho các đơn vị trực thuộc ngừng hoạt động trước.", snackbars.Markup));
        Assert.True((await new UnitService(db, db.Clock).NodeAsync(tree.CommuneA))!.IsActive);
    }

    [Fact]
    public async Task ShouldRefuseAnAdministratorOfAnotherCommuneWithAMessageInTheDialog()
    {
        var tree = await OwnTree.CreateAsync(db);
        var otherAdmin = await TestUsers.CreateAsync(db, "Quản trị xã B");
        await new AccountService(db, TimeProvider.System).GrantAsync(Actor.System, otherAdmin, tree.CommuneB, StaffRole.Admin);
        await using var ctx = UnitsUi.Context(db, otherAdmin);
        var dialogs = ctx.Render<MudDialogProvider>();
        var browser = ctx.Render<UnitBrowser>(p => p.Add(x => x.UnitId, tree.VillageA1));
        browser.WaitForAssertion(() => Assert.Contains("Thôn Một", browser.Markup));

        browser.WaitForAssertion(() => browser.FindAll("button").Single(b => b.TextContent.Contains("Đổi tên")).Click());
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll(".mud-dialog input")));
        dialogs.FindAll(".mud-dialog input")[0].Change("Thôn Một Mới");
        dialogs.WaitForAssertion(() => dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Lưu").Click());

        dialogs.WaitForAssertion(() => Assert.Contains("Bạn không có quyền thực hiện việc này tại đơn vị này.", dialogs.Markup));
        Assert.Equal("Thôn Một", (await new UnitService(db, db.Clock).NodeAsync(tree.VillageA1))!.Name);
    }
}
