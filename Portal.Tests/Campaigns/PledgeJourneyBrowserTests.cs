using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Domain.Accounts;
using Portal.Domain.Campaigns;
using Portal.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Campaigns;

/// <summary>The campaign journey in Chromium: the commune's Front committee opens its campaign from the organiser pages, the
/// village head records the households' passed decision, a resident pledges labour and land for the household, the village
/// head confirms and records what was given, and the public campaign page shows the new totals and the honour board entry
/// under the household's name; axe-core clean on every campaign page visited.</summary>
public sealed class PledgeJourneyBrowserTests(PledgeJourneyBrowserTests.Site site) : IClassFixture<PledgeJourneyBrowserTests.Site>
{
    public const string Password = "Khau-Phay-2026";

    /// <summary>A draft campaign of Thất Khê with its goals; the organiser, the resident and the village head can sign in.</summary>
    public sealed class Site : BrowserSite
    {
        public CampaignWorld World { get; private set; } = null!;
        public string OrganiserEmail { get; private set; } = "";
        public string ResidentEmail { get; private set; } = "";
        public string HeadEmail { get; private set; } = "";

        protected override async Task ArrangeAsync()
        {
            World = await CampaignWorld.CreateAsync(this, TimeProvider.System);
            OrganiserEmail = await PasswordAsync(World.Organiser);
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
    public async Task ShouldTakeACampaignFromOpeningThroughTheVillagesDecisionToAHouseholdsContributionOnTheHonourBoard()
    {
        var w = site.World;
        var organiser = await site.NewPageAsync();
        await organiser.SignInAsync(site.OrganiserEmail, Password);
        await organiser.GotoAsync("/quan-ly/van-dong");
        await organiser.GetByRole(AriaRole.Link, new() { Name = "Bê tông hoá đường trục thôn" }).ClickAsync();
        await organiser.WaitForURLAsync($"**/quan-ly/van-dong/{w.Campaign}");
        var confirmOpen = organiser.Locator(".mud-dialog button").Filter(new() { HasText = "Mở" });
        await organiser.Locator("button.campaign-open").ClickUntilAsync(confirmOpen);
        await confirmOpen.ClickAsync();
        await Expect(organiser.Locator("button.campaign-close")).ToBeVisibleAsync();
        await organiser.AssertAccessibleAsync("the organiser's campaign page");

        var head = await site.NewPageAsync();
        await head.SignInAsync(site.HeadEmail, Password);
        await head.GotoAsync($"/van-dong/{w.Campaign}/thon/{w.Tree.VillageA1}");
        await Expect(head.Locator(".pledge-form[data-ready=true]")).ToBeVisibleAsync(); // the circuit runs the page's form
        var decision = head.Locator(".decision-form");
        await decision.Locator(".decision-households input").FillAsync("60");
        await decision.Locator(".decision-agreeing input").FillAsync("45");
        await decision.Locator(".decision-disagreeing input").FillAsync("10");
        await decision.Locator(".decision-not-voting input").FillAsync("5");
        await decision.Locator(".decision-date input").FillAsync(CampaignService.VietnamDate(DateTimeOffset.UtcNow).ToString("dd/MM/yyyy"));
        await decision.Locator(".decision-date input").PressAsync("Tab");
        await Expect(decision.Locator(".decision-preview")).ToContainTextAsync("Đạt: 45/60 hộ đồng ý (75%)");
        await decision.Locator("button.decision-submit").ClickAsync();
        await Expect(head.Locator(".village-decision-result")).ToContainTextAsync("Đạt: 45/60 hộ đồng ý");
        await Expect(head.Locator(".decision-form")).ToHaveCountAsync(0);
        var initiative = head.Locator(".initiative-form");
        await initiative.Locator(".initiative-proposal textarea").FillAsync("Làm thêm rãnh thoát nước dọc đường");
        await initiative.Locator(".initiative-households input").FillAsync("60");
        await initiative.Locator(".initiative-proposing input").FillAsync("6");
        await initiative.Locator(".initiative-date input").FillAsync(CampaignService.VietnamDate(DateTimeOffset.UtcNow).ToString("dd/MM/yyyy"));
        await initiative.Locator(".initiative-date input").PressAsync("Tab");
        await Expect(initiative.Locator(".initiative-preview")).ToContainTextAsync("Đủ: 6/60 hộ đề xuất (10%)");
        await initiative.Locator("button.initiative-submit").ClickAsync();
        await Expect(head.Locator(".initiative-summary .initiative-state")).ToContainTextAsync("Sáng kiến còn hiệu lực đến");
        await head.AssertAccessibleAsync("the village head's page with the decision and the initiative recorded");

        var resident = await site.NewPageAsync();
        await resident.SignInAsync(site.ResidentEmail, Password);
        await resident.GotoAsync($"/van-dong/{w.Campaign}");
        var form = resident.Locator(".pledge-form[data-ready=true]");
        await Expect(form).ToBeVisibleAsync();
        await form.Locator(".pledge-for").GetByText("Cho hộ gia đình").ClickAsync();
        await form.Locator(".pledge-household input").FillAsync("Hộ ông Hoàng Văn Pó");
        await form.Locator(".pledge-visibility").GetByText("Tên hộ").ClickAsync();
        await form.Locator($".pledge-amount-{w.Labour} input").FillAsync("3");
        await form.Locator($".pledge-amount-{w.Land} input").FillAsync("50");
        await form.Locator("button.pledge-submit").ClickAsync();
        await Expect(resident.Locator(".my-pledges")).ToContainTextAsync("Chờ xác nhận");
        await resident.AssertAccessibleAsync("the campaign page with the pledge form");

        await head.ReloadAsync();
        await Expect(head.Locator(".pledge-form[data-ready=true]")).ToBeVisibleAsync(); // the circuit runs the page's buttons
        var row = head.Locator(".pledge-table tr").Filter(new() { HasText = "Hoàng Thị Mai" });
        await row.Locator("button.pledge-confirm").ClickAsync();
        await head.Locator(".mud-dialog button").Filter(new() { HasText = "Xác nhận" }).ClickAsync();
        await Expect(row.Locator(".pledge-state")).ToContainTextAsync("Đã xác nhận");
        await row.Locator("button.pledge-fulfil").ClickAsync();
        await head.Locator($".mud-dialog .amount-line-{w.Land} input").FillAsync("45");
        await head.Locator(".mud-dialog button.amount-confirm").ClickAsync();
        await Expect(row.Locator(".pledge-state")).ToContainTextAsync("Đã đóng góp");
        await head.AssertAccessibleAsync("the village head's page");

        var visitor = await site.NewPageAsync();
        await visitor.GotoAsync($"/van-dong/{w.Campaign}");
        await Expect(visitor.Locator($".goal-progress[data-goal='{w.Land}'] .goal-figures")).ToContainTextAsync("Đã đóng góp 45 m² / chỉ tiêu 2.000 m² · Đã đăng ký 50 m²");
        await Expect(visitor.Locator($".goal-progress[data-goal='{w.Labour}'] .goal-figures")).ToContainTextAsync("Đã đóng góp 3 ngày công");
        await Expect(visitor.Locator(".honour-entry").First).ToContainTextAsync("Hộ ông Hoàng Văn Pó · Thôn Nà Sla");
        await Expect(visitor.Locator(".honour-board")).Not.ToContainTextAsync("Hoàng Thị Mai");
        await Expect(visitor.Locator($"tr[data-village='{w.Tree.VillageA1}'] .initiative-summary")).ToContainTextAsync("Làm thêm rãnh thoát nước dọc đường");
        await visitor.AssertAccessibleAsync("the public campaign page");
        await visitor.GotoAsync("/van-dong");
        await Expect(visitor.Locator(".campaign-card")).ToContainTextAsync("Bê tông hoá đường trục thôn");
        await visitor.AssertAccessibleAsync("the campaign list");

        await using var db = site.CreateDbContext();
        var pledge = await db.Pledges.Include(p => p.Lines).SingleAsync(p => p.CampaignId == w.Campaign);
        Assert.Equal(PledgeState.Fulfilled, pledge.State);
        Assert.Equal(45m, pledge.Lines.Single(l => l.GoalId == w.Land).Fulfilled);
        Assert.Equal(PledgeVisibility.Household, pledge.Visibility);
        Assert.True((await db.VillageDecisions.SingleAsync(d => d.CampaignId == w.Campaign)).Passed);
    }
}
