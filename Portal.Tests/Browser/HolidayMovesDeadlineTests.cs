using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Domain.Accounts;
using Portal.Domain.Deadlines;
using Portal.Domain.Units;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Browser;

/// <summary>An administrator records an extra day off and sees the due date and explanation of their agency's item move.</summary>
public sealed class HolidayMovesDeadlineTests(SmallTreeSite site) : IClassFixture<SmallTreeSite>
{
    private const string DayOff = "Nghỉ theo quyết định của tỉnh";

    [Fact]
    public async Task ShouldMoveAnItemsDueDateWhenTheAdminAddsADayOff()
    {
        var admin = await NationalAdminInAnAgencyWithAnOpenQuestionAsync();
        var page = await site.NewPageAsync();
        await page.SignInAsync(admin.Email, admin.Password);

        await page.GotoAsync("/workspace");
        var item = page.Locator(".mud-list-item").Filter(new() { HasText = "Đường thôn Nà Sla sạt lở" });
        // Due 22/04/2026 (15 working days from 01/04); the badge's words depend on today, the date does not.
        await Expect(item.Locator(".mud-chip")).ToContainTextAsync("22/04/2026");

        await page.GotoAsync("/admin/holidays");
        await ShowYearAsync(page, 2026);
        var dialog = page.Locator(".mud-dialog");
        await ClickUntilAsync(page.GetByRole(AriaRole.Button, new() { Name = "Thêm ngày" }), dialog);
        var date = dialog.Locator("input").Nth(0);
        await date.FillAsync("15/04/2026");
        await date.PressAsync("Tab");
        await dialog.Locator("input").Nth(1).FillAsync(DayOff);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.Locator("table")).ToContainTextAsync(DayOff);

        await page.GotoAsync("/workspace");
        var badge = page.Locator(".mud-list-item").Filter(new() { HasText = "Đường thôn Nà Sla sạt lở" }).Locator(".mud-chip");
        await Expect(badge).ToContainTextAsync("23/04/2026");
        await Expect(badge).ToHaveAttributeAsync("aria-label", new Regex($"{DayOff} 15/04/2026.*→ hạn 23/04/2026"));
    }

    /// <summary>An Admin on the country root, member of an agency of Thất Khê which holds a question received on 01/04/2026.</summary>
    private async Task<TestAccount> NationalAdminInAnAgencyWithAnOpenQuestionAsync()
    {
        await using var db = site.CreateDbContext();
        var country = await db.Units.Where(u => u.Level == UnitLevel.Country).Select(u => u.Id).SingleAsync();
        var admin = await site.Portal.CreateAccountAsync("Quản trị toàn quốc", country, StaffRole.Admin);
        var agencies = site.Portal.Services.GetRequiredService<AgencyService>();
        var agency = await agencies.CreateAsync(Actor.System, "Văn phòng HĐND và UBND xã Thất Khê", AgencyKind.SpecialisedDepartment, site.Tree.CommuneA, null);
        await agencies.AddMemberAsync(Actor.System, agency, admin.Id);
        var start = new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.FromHours(7));
        await DeadlineService.TrackAsync(db, DeadlineKind.AnswerQuestion, "question", "q-1", "Đường thôn Nà Sla sạt lở", site.Tree.VillageA1, agency, null, start);
        await db.SaveChangesAsync();
        return admin;
    }

    /// <summary>Steps through the years with the page's arrows until <paramref name="year"/> is shown.</summary>
    private static async Task ShowYearAsync(IPage page, int year)
    {
        var heading = page.Locator("h2").Filter(new() { HasTextRegex = new Regex(@"^\s*\d{4}\s*$") });
        for (var steps = 0; steps < 20; steps++)
        {
            var shown = int.Parse((await heading.InnerTextAsync()).Trim());
            if (shown == year) return;
            var arrow = page.GetByRole(AriaRole.Button, new() { Name = shown > year ? "Năm trước" : "Năm sau" });
            await arrow.ClickAsync();
            // Before the circuit is up a click does nothing; afterwards the heading changes.
            try { await Expect(heading).Not.ToHaveTextAsync(shown.ToString(), new() { Timeout = 2_000 }); }
            catch (PlaywrightException) { }
        }
        Assert.Fail($"The holiday page never showed {year}.");
    }

    /// <summary>Clicks until <paramref name="appears"/> shows: a prerendered button does nothing until the circuit is up.</summary>
    private static async Task ClickUntilAsync(ILocator button, ILocator appears)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            await button.ClickAsync();
            try
            {
                await Expect(appears).ToBeVisibleAsync(new() { Timeout = 2_000 });
                return;
            }
            catch (PlaywrightException) { }
        }
        Assert.Fail("Nothing appeared after clicking the button.");
    }
}
