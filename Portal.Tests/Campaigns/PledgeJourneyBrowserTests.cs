using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Domain.Accounts;
using Portal.Domain.Campaigns;
using Portal.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Campaigns;

/// <summary>The campaign journey in Chromium: a resident pledges labour and land, the village head confirms and records what
/// was given, and the public campaign page shows the new totals and the honour board entry; axe-core clean.</summary>
public sealed class PledgeJourneyBrowserTests(PledgeJourneyBrowserTests.Site site) : IClassFixture<PledgeJourneyBrowserTests.Site>
{
    public const string Password = "Khau-Phay-2026";

    /// <summary>An open campaign of Thất Khê with Nà Sla's decision passed; the resident and the village head can sign in.</summary>
    public sealed class Site : BrowserSite
    {
        public CampaignWorld World { get; private set; } = null!;
        public string ResidentEmail { get; private set; } = "";
        public string HeadEmail { get; private set; } = "";

        protected override async Task ArrangeAsync()
        {
            World = await CampaignWorld.CreateAsync(this, TimeProvider.System);
            await World.OpenAsync();
            ResidentEmail = await PasswordAsync(World.Resident);
            HeadEmail = await PasswordAsync(World.HeadA1);
        }

        private async Task<string> PasswordAsync(Actor who)
        {
            await using var db = CreateDbContext();
            var user = await db.Users.SingleAsync(u => u.Id == who.UserId);
            user.PasswordHash = new PasswordHasher<PortalUser>().HashPassword(user, Password);
            await db.SaveChangesAsync();
            return user.Email!;
        }
    }

    [Fact]
    public async Task ShouldShowAResidentsPledgeOnThePublicPageOnceTheVillageHeadConfirmedAndRecordedIt()
    {
        var w = site.World;
        var resident = await site.NewPageAsync();
        await resident.SignInAsync(site.ResidentEmail, Password);
        await resident.GotoAsync($"/van-dong/{w.Campaign}");
        var form = resident.Locator(".pledge-form[data-ready=true]");
        await Expect(form).ToBeVisibleAsync();
        await form.Locator($".pledge-amount-{w.Labour} input").FillAsync("3");
        await form.Locator($".pledge-amount-{w.Land} input").FillAsync("50");
        await form.Locator("button.pledge-submit").ClickAsync();
        await Expect(resident.Locator(".my-pledges")).ToContainTextAsync("Chờ xác nhận");
        await AssertAccessibleAsync(resident, "the campaign page with the pledge form");

        var head = await site.NewPageAsync();
        await head.SignInAsync(site.HeadEmail, Password);
        await head.GotoAsync($"/van-dong/{w.Campaign}/thon/{w.Tree.VillageA1}");
        await Expect(head.Locator(".pledge-form[data-ready=true]")).ToBeVisibleAsync(); // the circuit runs the page's buttons
        var row = head.Locator(".pledge-table tr").Filter(new() { HasText = "Hoàng Thị Mai" });
        await row.Locator("button.pledge-confirm").ClickAsync();
        await head.Locator(".mud-dialog button").Filter(new() { HasText = "Xác nhận" }).ClickAsync();
        await Expect(row.Locator(".pledge-state")).ToContainTextAsync("Đã xác nhận");
        await row.Locator("button.pledge-fulfil").ClickAsync();
        await head.Locator($".mud-dialog .amount-line-{w.Land} input").FillAsync("45");
        await head.Locator(".mud-dialog button.amount-confirm").ClickAsync();
        await Expect(row.Locator(".pledge-state")).ToContainTextAsync("Đã đóng góp");
        await AssertAccessibleAsync(head, "the village head's page");

        var visitor = await site.NewPageAsync();
        await visitor.GotoAsync($"/van-dong/{w.Campaign}");
        await Expect(visitor.Locator($".goal-progress[data-goal='{w.Land}'] .goal-figures")).ToContainTextAsync("Đã đóng góp 45 m² / chỉ tiêu 2.000 m² · Đã đăng ký 50 m²");
        await Expect(visitor.Locator($".goal-progress[data-goal='{w.Labour}'] .goal-figures")).ToContainTextAsync("Đã đóng góp 3 ngày công");
        await Expect(visitor.Locator(".honour-entry").First).ToContainTextAsync("Hoàng Thị Mai · Thôn Nà Sla");
        await AssertAccessibleAsync(visitor, "the public campaign page");
        await visitor.GotoAsync("/van-dong");
        await Expect(visitor.Locator(".campaign-card")).ToContainTextAsync("Bê tông hoá đường trục thôn");
        await AssertAccessibleAsync(visitor, "the campaign list");

        await using var db = site.CreateDbContext();
        var pledge = await db.Pledges.Include(p => p.Lines).SingleAsync(p => p.CampaignId == w.Campaign);
        Assert.Equal(PledgeState.Fulfilled, pledge.State);
        Assert.Equal(45m, pledge.Lines.Single(l => l.GoalId == w.Land).Fulfilled);
    }

    private static async Task AssertAccessibleAsync(IPage page, string what)
    {
        // Snackbars fade in and out (axe measures a half-transparent one): check the page once they are gone.
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe-core on {what}:\n" + string.Join("\n",
            serious.Select(v => $"{v.Id}: {v.Help} {string.Join(" ", v.Nodes.Select(n => n.Html))}")));
    }
}
