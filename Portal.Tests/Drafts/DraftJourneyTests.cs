using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Portal.Domain.Accounts;
using Portal.Domain.Drafts;
using Portal.Domain.Units;
using Portal.Tests.Browser;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Drafts;

/// <summary>The portal on a clock the test moves, with the small tree.</summary>
public sealed class DraftJourneySite : BrowserSite
{
    public DraftJourneySite() => Portal.Clock = new FakeTimeProvider(DraftWorld.Start);

    public SmallTree Tree { get; private set; } = null!;

    protected override async Task ArrangeAsync() => Tree = await SmallTree.CreateAsync(this);
}

/// <summary>
/// The pillar's journey in Chromium: the committee publishes → a resident comments with a proposed wording → the window
/// closes (time moved, the close job runs) → the committee sends the criticism document → the agency's official answers →
/// the resident reads the table of receipt and explanation with their recommendation's fate. axe-core on the public pages.
/// </summary>
public sealed class DraftJourneyTests(DraftJourneySite site) : IClassFixture<DraftJourneySite>
{
    [Fact]
    public async Task ShouldTakeAResidentsProposedWordingToTheAgencysAnswerInTheTable()
    {
        var services = site.Portal.Services;
        var agencies = services.GetRequiredService<AgencyService>();
        var front = await agencies.CreateAsync(Actor.System, "Ủy ban MTTQ xã Thất Khê", AgencyKind.FrontCommittee, site.Tree.CommuneA, null);
        var committee = await agencies.CreateAsync(Actor.System, "UBND xã Thất Khê", AgencyKind.PeoplesCommittee, site.Tree.CommuneA, "ubnd.thatkhe@xa.test");
        var secretary = await site.Portal.CreateAccountAsync("Lương Thị Hằng", site.Tree.CommuneA, StaffRole.FrontCommittee);
        var official = await site.Portal.CreateAccountAsync("Nông Văn Tuấn", site.Tree.CommuneA, StaffRole.Official);
        await agencies.AddMemberAsync(Actor.System, committee, official.Id);
        var resident = await site.Portal.CreateAccountAsync("Hoàng Thị Mai");
        await using (var db = site.CreateDbContext())
            await db.Users.Where(u => u.Id == resident.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.HomeUnitId, site.Tree.VillageA1));
        var drafts = services.GetRequiredService<DraftService>();
        var now = site.Portal.Clock!.GetUtcNow();
        var id = await drafts.PrepareAsync(new Actor(secretary.Id, secretary.Name), new DraftPlan(site.Tree.CommuneA, front, committee,
            "Quy chế quản lý đường giao thông nông thôn", DraftKind.Regulation, null, now, now.AddDays(21), DraftAudience.Residents), DraftSectionParserTests.Regulation);

        var desk = await SignedInAsync(secretary);
        await desk.GotoAsync($"/quan-ly/du-thao/{id}");
        await ClickUntilAsync(desk.Locator("button.draft-publish"), desk.Locator(".mud-dialog"));
        await desk.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Công bố lấy ý kiến" }).ClickAsync();
        await Expect(desk.Locator(".draft-state")).ToContainTextAsync("Đang lấy ý kiến");

        var reader = await SignedInAsync(resident);
        await reader.GotoAsync($"/du-thao/{id}");
        var article = reader.Locator("section#dieu-3");
        await ClickUntilAsync(article.Locator("button.section-comments-toggle"), article.Locator(".comment-form"));
        await article.Locator(".comment-stance-choice").GetByText("Không đồng ý").ClickAsync();
        await article.Locator(".propose-wording-switch input").ClickAsync();
        await article.Locator(".comment-wording-input textarea").FillAsync("Mỗi hộ hiến phần đất cần thiết để mở rộng mặt đường lên 3 m.");
        await article.Locator(".comment-text-input textarea").FillAsync("Mặt đường 3,5 m là quá rộng với đường thôn, nhiều hộ phải hiến quá nhiều đất.");
        await article.Locator("button.comment-submit").ClickAsync();
        var comment = article.Locator(".draft-comment");
        await Expect(comment.Locator(".comment-text")).ToContainTextAsync("quá rộng với đường thôn");
        await Expect(comment.Locator(".word-diff ins")).ToContainTextAsync("3");
        await Expect(comment.Locator(".word-diff del")).ToContainTextAsync("3,5");
        await AssertAccessibleAsync(reader, "the draft's reading view");

        site.Portal.Clock.Advance(TimeSpan.FromDays(22));
        Assert.True(await drafts.CompileAsync(id)); // what the close job does at the instant

        var sender = await SignedInAsync(secretary);
        await sender.GotoAsync($"/quan-ly/du-thao/{id}");
        await Expect(sender.Locator(".recommendation-card")).ToContainTextAsync("Đề xuất sửa thành");
        await ClickUntilAsync(sender.Locator("button.report-send"), sender.Locator(".mud-dialog"));
        await sender.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Gửi văn bản phản biện" }).ClickAsync();
        await Expect(sender.Locator(".draft-state")).ToContainTextAsync("Chờ cơ quan trả lời");

        var agency = await SignedInAsync(official);
        await agency.GotoAsync($"/quan-ly/du-thao/{id}/tra-loi");
        var card = agency.Locator(".answer-card").First;
        await ClickUntilAsync(card.Locator(".answer-decision").GetByText("Không tiếp thu"), card.Locator(".answer-decision input[type=radio]:checked"));
        await card.Locator(".answer-explanation textarea").FillAsync("Giữ 3,5 m để xe cứu thương, xe chữa cháy vào được thôn.");
        await card.Locator("button.answer-save").ClickAsync();
        await Expect(agency.Locator(".answer-progress")).ToContainTextAsync("Đã trả lời 1/1 kiến nghị.");

        var table = await SignedInAsync(resident);
        await table.GotoAsync($"/du-thao/{id}/bang-tiep-thu");
        var row = table.Locator(".receipt-row").First;
        await Expect(row).ToContainTextAsync("Điều 3. Mức hiến đất");
        await Expect(row.Locator(".receipt-decision")).ToHaveTextAsync("Không tiếp thu");
        await Expect(row).ToContainTextAsync("xe cứu thương");
        await AssertAccessibleAsync(table, "the table of receipt and explanation");
        await using var check = site.CreateDbContext();
        Assert.True(await check.Notifications.AnyAsync(n => n.UserId == resident.Id && n.Key == $"draft:{id}:answered"));
    }

    private async Task<IPage> SignedInAsync(TestAccount account)
    {
        var page = await site.NewPageAsync();
        await page.SignInAsync(account.Email, account.Password);
        return page;
    }

    private static async Task AssertAccessibleAsync(IPage page, string what)
    {
        // A confirmation fades in (axe would measure its contrast mid-animation), and on this site's frozen clock it never fades
        // out: take it off the page (the page is not used afterwards), then check the page.
        await page.EvaluateAsync("document.querySelectorAll('.mud-snackbar').forEach(e => e.remove())");
        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe-core on {what}:\n" + string.Join("\n", serious.Select(v => $"{v.Id}: {v.Help} {string.Join(" ", v.Nodes.Select(n => n.Html))}")));
    }

    /// <summary>The page is prerendered before its circuit connects; a click before that does nothing, so click until it shows.</summary>
    private static async Task ClickUntilAsync(ILocator button, ILocator shows)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            await button.ClickAsync();
            try
            {
                await shows.First.WaitForAsync(new() { Timeout = 1_000 });
                return;
            }
            catch (TimeoutException)
            {
            }
        }
        Assert.Fail($"Clicking {button} never showed {shows}.");
    }
}
