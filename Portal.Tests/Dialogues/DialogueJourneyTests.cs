using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Domain.Accounts;
using Portal.Domain.Dialogues;
using Portal.Tests.Browser;
using Portal.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Dialogues;

/// <summary>
/// Journey (a) of issue 4 in Chromium, in one test: a resident asks before the conference (the text surviving a reload on
/// the way), the moderator accepts, time
/// passes the question window (the app's clock is moved and the window-close job runs), the routed official answers with
/// a commitment, the resident reads it and rates it not satisfied, and the commune's leader finds the notification.
/// </summary>
public sealed class DialogueJourneyTests(DialogueJourneyTests.Site site) : IClassFixture<DialogueJourneyTests.Site>
{
    private const string Password = "Mau-Son-Lang-Son-2026";
    private const string Text = "Cầu tràn suối Nà Sla ngập mỗi khi mưa lũ, học sinh không đi học được";

    /// <summary>A pre-moderated conference of commune A whose question window closes in two days; everyone can sign in.</summary>
    public sealed class Site : BrowserSite
    {
        public ShiftedClock Clock { get; } = new();
        public DialogueWorld World { get; private set; } = null!;
        public Actor Resident { get; private set; } = null!;
        public int Conference { get; private set; }
        public Dictionary<string, string> Emails { get; } = [];

        public Site() => Portal.Time = Clock;

        protected override async Task ArrangeAsync()
        {
            World = await DialogueWorld.CreateAsync(this, Clock);
            var now = Clock.GetUtcNow();
            Conference = await World.AnnouncedAsync(World.Plan(now.AddDays(20), now.AddHours(-1), now.AddDays(2), title: "Đối thoại về cầu, đường thôn Nà Sla"));
            Resident = await World.PersonAsync("Hoàng Thị Mai");
            await using var db = CreateDbContext();
            db.RoutingRules.Add(new RoutingRule(World.Tree.CommuneA, "Giao thông", World.Roads));
            var ids = new[] { Resident, World.Moderator, World.Official, World.Leader }.Select(a => a.UserId!).ToList();
            foreach (var user in await db.Users.Where(u => ids.Contains(u.Id)).ToListAsync())
            {
                user.PasswordHash = new PasswordHasher<PortalUser>().HashPassword(user, Password);
                Emails[user.Id] = user.Email!;
            }
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task ShouldTakeAQuestionFromTheResidentToAnAnswerWithACommitmentAndTellTheLeaderItDidNotSatisfy()
    {
        // 1. The resident asks.
        var resident = await SignInAsync(site.Resident, $"/hoi-nghi/{site.Conference}");
        var form = resident.Locator(".ask-question-form[data-ready=true]");
        await form.Locator(".ask-text textarea").FillAsync(Text);
        // The connection drops and the page is loaded again: the browser kept what was typed.
        await resident.ReloadAsync();
        await Expect(form.Locator(".ask-text textarea")).ToHaveValueAsync(Text);
        await Expect(form.Locator(".ask-restored")).ToContainTextAsync("Nội dung bạn đã nhập trước đó được khôi phục.");
        await form.GetByRole(AriaRole.Combobox, new() { Name = "Chủ đề" }).ClickAsync();
        await resident.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Giao thông" }).ClickAsync();
        await form.Locator("button.ask-submit").ClickAsync();
        var card = resident.Locator("article.question-card").Filter(new() { HasText = Text });
        await Expect(card.Locator(".question-state")).ToHaveTextAsync("Đã tiếp nhận");
        await resident.AssertAccessibleAsync("the conference page with the ask form");
        long question;
        await using (var db = site.CreateDbContext())
            question = await db.Questions.Where(q => q.ConferenceId == site.Conference).Select(q => q.Id).SingleAsync();

        // 2. The moderator accepts; the routing rule sends it to the roads board.
        var moderator = await SignInAsync(site.World.Moderator, $"/quan-ly/hoi-nghi/{site.Conference}/kiem-duyet");
        var item = moderator.Locator($".moderation-card[data-item='{question}']");
        await item.Locator("button.accept").ClickUntilAsync(moderator.Locator(".mud-dialog button.accept-confirm"));
        await moderator.Locator(".mud-dialog button.accept-confirm").ClickAsync();
        await Expect(item).ToContainTextAsync("Đã thụ lý");

        // 3. Time passes the question window; the window-close job compiles the conference.
        site.Clock.Advance(TimeSpan.FromDays(3));
        await site.Portal.Services.GetRequiredService<WindowCloser>().RunAsync();

        // 4. The official of the roads board answers with a commitment.
        var official = await SignInAsync(site.World.Official, "/quan-ly/tra-loi");
        var desk = official.Locator($".answer-card[data-question='{question}']");
        await desk.Locator("button.answer-open").ClickUntilAsync(desk.Locator(".answer-markdown textarea"));
        await desk.Locator(".answer-markdown textarea").FillAsync("Xã sẽ **nâng cấp cầu tràn** Nà Sla bằng nguồn vốn nông thôn mới.");
        await Expect(desk.Locator(".answer-preview strong")).ToHaveTextAsync("nâng cấp cầu tràn");
        await desk.Locator("button.commitment-add").ClickAsync();
        await desk.Locator(".commitment-what input").FillAsync("Nâng cấp cầu tràn suối Nà Sla");
        var due = Portal.Web.Dialogues.Staff.VietnamTime.Today(site.Clock).AddDays(60);
        await desk.Locator(".commitment-due input").FillAsync(due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await desk.Locator("button.answer-send").ClickAsync();
        await Expect(official.Locator(".answer-counters")).ToContainTextAsync("1 đã trả lời");

        // 5. The resident sees the answer and its commitment, and is not satisfied.
        await resident.GotoAsync($"/hoi-nghi/{site.Conference}");
        card = resident.Locator("article.question-card").Filter(new() { HasText = Text });
        await Expect(card.Locator(".answer-body strong")).ToHaveTextAsync("nâng cấp cầu tràn");
        await Expect(card.Locator(".commitments")).ToContainTextAsync("Nâng cấp cầu tràn suối Nà Sla");
        await card.Locator("button.rate-not-satisfied").ClickUntilAsync(resident.Locator(".mud-dialog .rate-reason textarea"));
        await resident.Locator(".mud-dialog .rate-reason textarea").FillAsync("Cần làm ngay trước mùa mưa, không thể chờ vốn nông thôn mới.");
        await resident.Locator(".mud-dialog button.rate-confirm").ClickAsync();
        await Expect(resident.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await Expect(card).ToContainTextAsync("đang được trả lời lại");
        await resident.AssertAccessibleAsync("the conference page after rating");
        await resident.GotoAsync($"/hoi-nghi/{site.Conference}/cam-ket");
        await Expect(resident.Locator(".commitment")).ToContainTextAsync("Nâng cấp cầu tràn suối Nà Sla");
        await resident.AssertAccessibleAsync("the conference's commitments page");

        // 6. The commune's leader is told.
        var leader = await SignInAsync(site.World.Leader, "/notifications");
        await Expect(leader.Locator("main")).ToContainTextAsync("Người dân chưa hài lòng với câu trả lời");
        await using var check = site.CreateDbContext();
        var reopened = await check.Questions.SingleAsync(q => q.Id == question);
        Assert.Equal((QuestionState.Accepted, Satisfaction.NotSatisfied, 1), (reopened.State, reopened.Rating, reopened.TimesReopened));
    }

    private async Task<IPage> SignInAsync(Actor who, string then)
    {
        var page = await site.NewPageAsync();
        await page.SignInAsync(site.Emails[who.UserId!], Password);
        await page.GotoAsync(then);
        return page;
    }
}
