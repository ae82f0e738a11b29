using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Tests.Browser;

namespace Portal.Tests.Reports;

/// <summary>The demo portal in Chromium: a resident searches from the app bar without diacritics, and a journalist
/// drills down the dashboard from Lạng Sơn to Xã Thất Khê and back; axe-core finds no serious violation on either page.</summary>
public sealed class AccountabilityBrowserTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task ShouldFindDemoContentTypedWithoutDiacriticsFromTheAppBar()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/", new() { WaitUntil = WaitUntilState.NetworkIdle });

        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Tìm kiếm trên cổng" }).First.FillAsync("sat lo taluy");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Tìm kiếm trên cổng" }).First.PressAsync("Enter");
        await page.WaitForURLAsync("**/tim-kiem?q=sat+lo+taluy");

        var first = page.Locator(".search-result").First;
        await Assertions.Expect(first).ToContainTextAsync("Đường từ thôn Nà Sla ra trung tâm xã bị sạt lở taluy");
        await Assertions.Expect(first.Locator("mark").First).ToHaveTextAsync("sạt");
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task ShouldDrillDownFromTheProvinceToACommuneAndBackUp()
    {
        int province;
        await using (var db = site.CreateDbContext())
            province = await db.Units.Where(u => u.Code == "20").Select(u => u.Id).SingleAsync();
        var page = await site.NewPageAsync();
        await page.GotoAsync($"/thong-ke/{province}", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Trách nhiệm giải trình: Tỉnh Lạng Sơn");
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Region, new() { Name = "Hội nghị đối thoại" }).GetByRole(AriaRole.Table, new() { Name = "Theo đơn vị trực thuộc" }).GetByRole(AriaRole.Link, new() { Name = "Xã Thất Khê" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Thất Khê");
        var received = page.Locator(".figure-card").Filter(new() { HasText = "Ý kiến tiếp nhận" });
        await Assertions.Expect(received.Locator(".figure-value")).Not.ToHaveTextAsync("0");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Cấp đơn vị" }).GetByRole(AriaRole.Link, new() { Name = "Tỉnh Lạng Sơn" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Trách nhiệm giải trình: Tỉnh Lạng Sơn");
    }

    [Theory]
    [InlineData("/quyen-rieng-tu")]
    [InlineData("/du-lieu-mo")]
    [InlineData("/tim-kiem")]
    public async Task ShouldHaveNoSeriousViolationOnTheOtherAccountabilityPages(string path)
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
        await AssertAccessibleAsync(page);
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        AxeResult result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe-core on {page.Url}:\n" + string.Join("\n",
            serious.Select(v => $"[{v.Impact}] {v.Id}: {v.Help}\n" + string.Join("\n", v.Nodes.Select(n => $"    {n.Target}  {n.Html}")))));
    }
}
