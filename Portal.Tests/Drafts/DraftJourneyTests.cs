using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Domain.Accounts;
using Portal.Domain.Drafts;
using Portal.Domain.Units;
using Portal.Tests.Browser;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Drafts;

/// <summary>The portal on a clock the test moves (real time shifted, so the browser's timers keep running), with the small tree.</summary>
public sealed class DraftJourneySite : BrowserSite
{
    public ShiftedClock Clock { get; } = new();

    public DraftJourneySite() => Portal.Time = Clock;

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
        var now = site.Clock.GetUtcNow();
        var id = await drafts.PrepareAsync(new Actor(secretary.Id, secretary.Name), new DraftPlan(site.Tree.CommuneA, front, committee,
            "Quy chế quản lý đường giao thông nông thôn", DraftKind.Regulation, null, now, now.AddDays(21), DraftAudience.Residents), DraftSectionParserTests.Regulation);

        var desk = await SignedInAsync(secretary);
        await desk.GotoAsync($"/quan-ly/du-thao/{id}");
        await desk.Locator("button.draft-publish").ClickUntilAsync(desk.Locator(".mud-dialog"));
        await desk.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Công bố lấy ý kiến" }).ClickAsync();
        await Expect(desk.Locator(".draft-state")).ToContainTextAsync("Đang lấy ý kiến");

        var reader = await SignedInAsync(resident);
        await reader.GotoAsync($"/du-thao/{id}");
        var article = reader.Locator("section#dieu-3");
        await article.Locator("button.section-comments-toggle").ClickUntilAsync(article.Locator(".comment-form"));
        await article.Locator(".comment-stance-choice").GetByText("Không đồng ý").ClickAsync();
        await article.Locator(".propose-wording-switch input").ClickAsync();
        await article.Locator(".comment-wording-input textarea").FillAsync("Mỗi hộ hiến phần đất cần thiết để mở rộng mặt đường lên 3 m.");
        await article.Locator(".comment-text-input textarea").FillAsync("Mặt đường 3,5 m là quá rộng với đường thôn, nhiều hộ phải hiến quá nhiều đất.");
        await article.Locator("button.comment-submit").ClickAsync();
        var comment = article.Locator(".draft-comment");
        await Expect(comment.Locator(".comment-text")).ToContainTextAsync("quá rộng với đường thôn");
        await Expect(comment.Locator(".word-diff ins")).ToContainTextAsync("3");
        await Expect(comment.Locator(".word-diff del")).ToContainTextAsync("3,5");
        await reader.AssertAccessibleAsync("the draft's reading view");

        site.Clock.Advance(TimeSpan.FromDays(22));
        Assert.True(await drafts.CompileAsync(id)); // what the close job does at the instant

        var sender = await SignedInAsync(secretary);
        await sender.GotoAsync($"/quan-ly/du-thao/{id}");
        await Expect(sender.Locator(".recommendation-card")).ToContainTextAsync("Đề xuất sửa thành");
        await sender.Locator("button.report-send").ClickUntilAsync(sender.Locator(".mud-dialog"));
        await sender.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Gửi văn bản phản biện" }).ClickAsync();
        await Expect(sender.Locator(".draft-state")).ToContainTextAsync("Chờ cơ quan trả lời");

        var agency = await SignedInAsync(official);
        await agency.GotoAsync($"/quan-ly/du-thao/{id}/tra-loi");
        // A native radio checks itself even in the prerendered HTML: wait for the circuit before choosing.
        var card = agency.Locator(".answer-card[data-ready=true]").First;
        await card.Locator(".answer-decision").GetByText("Không tiếp thu").ClickAsync();
        await card.Locator(".answer-explanation textarea").FillAsync("Giữ 3,5 m để xe cứu thương, xe chữa cháy vào được thôn.");
        await card.Locator("button.answer-save").ClickAsync();
        await Expect(agency.Locator(".answer-progress")).ToContainTextAsync("Đã trả lời 1/1 kiến nghị.");

        var table = await SignedInAsync(resident);
        await table.GotoAsync($"/du-thao/{id}/bang-tiep-thu");
        var row = table.Locator(".receipt-row").First;
        await Expect(row).ToContainTextAsync("Điều 3. Mức hiến đất");
        await Expect(row.Locator(".receipt-decision")).ToHaveTextAsync("Không tiếp thu");
        await Expect(row).ToContainTextAsync("xe cứu thương");
        await table.AssertAccessibleAsync("the table of receipt and explanation");
        await using var check = site.CreateDbContext();
        Assert.True(await check.Notifications.AnyAsync(n => n.UserId == resident.Id && n.Key == $"draft:{id}:answered"));
    }

    private async Task<IPage> SignedInAsync(TestAccount account)
    {
        var page = await site.NewPageAsync();
        await page.SignInAsync(account.Email, account.Password);
        return page;
    }
}
