using Microsoft.EntityFrameworkCore;
using Portal.Domain.Drafts;
using Portal.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Drafts;

/// <summary>The demo's drafts on a phone-sized screen: the reading view and the table fit the width and pass axe-core.</summary>
public sealed class DraftOnPhoneTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task ShouldFitTheReadingViewAndTheTableOnAPhoneScreen()
    {
        int open, answered;
        await using (var db = site.CreateDbContext())
        {
            open = await db.Drafts.Where(d => d.State == DraftState.Open).Select(d => d.Id).SingleAsync();
            answered = await db.Drafts.Where(d => d.State == DraftState.Answered).Select(d => d.Id).SingleAsync();
        }
        var page = await site.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);

        await page.GotoAsync($"/du-thao/{open}");
        await Expect(page.Locator("section#muc-3-k2")).ToContainTextAsync("5 ngày công");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), "the reading view scrolls sideways on a phone");
        await page.AssertAccessibleAsync("the reading view on a phone");

        await page.GotoAsync($"/du-thao/{answered}/bang-tiep-thu");
        await Expect(page.Locator(".receipt-decision").First).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), "the table's page scrolls sideways on a phone");
        await page.AssertAccessibleAsync("the table of receipt and explanation on a phone");
    }
}
