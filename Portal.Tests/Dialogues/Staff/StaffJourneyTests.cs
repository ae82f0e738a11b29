using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Domain.Accounts;
using Portal.Domain.Dialogues;
using Portal.Tests.Browser;
using Portal.Web.Dialogues.Staff;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Dialogues.Staff;

/// <summary>
/// The staff part of journey (a) in Chromium: a resident's question (asked through the service) is accepted by the
/// moderator, then the official of the agency it was routed to answers it with a commitment.
/// </summary>
public sealed class StaffJourneyTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private const string Password = "Mau-Son-2026";
    private readonly Dictionary<string, string> _emails = [];

    [Fact]
    public async Task ShouldLetTheModeratorAcceptAndTheRoutedOfficialAnswerWithACommitment()
    {
        var w = await StaffWorld.CreateAsync(site, TimeProvider.System, CreateUserAsync);
        var question = await w.AskAsync();

        var moderator = await SignInAsync(w.ModeratorA);
        await moderator.GotoAsync($"/quan-ly/hoi-nghi/{w.ConferenceA}/kiem-duyet");
        var card = moderator.Locator($".moderation-card[data-item='{question}']");
        await Expect(card.Locator(".moderation-text")).ToContainTextAsync("sạt lở");
        await Expect(card.Locator(".moderation-author")).ToContainTextAsync("Hoàng Thị Mai");
        await card.Locator("button.accept").ClickUntilAsync(moderator.Locator(".mud-dialog button.accept-confirm"));
        await Expect(moderator.Locator(".mud-dialog")).ToContainTextAsync("Theo quy tắc phân công của đơn vị.");
        await moderator.Locator(".mud-dialog button.accept-confirm").ClickAsync();
        await Expect(card).ToContainTextAsync("Đã thụ lý");
        await moderator.AssertAccessibleAsync("the moderation queue");

        var official = await SignInAsync(w.RoadsOfficial);
        await official.GotoAsync("/quan-ly/tra-loi");
        await Expect(official.Locator(".answer-counters")).ToContainTextAsync("1 chờ trả lời · 0 quá hạn · 0 đã trả lời");
        var item = official.Locator($".answer-card[data-question='{question}']");
        await Expect(item).ToContainTextAsync("Hạn");
        await item.Locator("button.answer-open").ClickUntilAsync(item.Locator(".answer-markdown textarea"));
        await item.Locator(".answer-markdown textarea").FillAsync("Xã đã bố trí **kinh phí** để gia cố taluy, thi công trong tháng tới.");
        await Expect(item.Locator(".answer-preview strong")).ToHaveTextAsync("kinh phí");
        await item.Locator("button.commitment-add").ClickAsync();
        await item.Locator(".commitment-what input").FillAsync("Gia cố 200 m taluy đường vào thôn Nà Sla");
        var due = VietnamTime.Today(TimeProvider.System).AddDays(45);
        await item.Locator(".commitment-due input").FillAsync(due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await item.Locator("button.answer-send").ClickAsync();

        await Expect(official.Locator(".answer-counters")).ToContainTextAsync("0 chờ trả lời · 0 quá hạn · 1 đã trả lời");
        await official.AssertAccessibleAsync("the answer desk");

        // The resident's public conference page is built elsewhere; what they will see is in the database.
        await using var db = site.CreateDbContext();
        var answered = await db.Questions.SingleAsync(q => q.Id == question);
        Assert.Equal((QuestionState.Answered, w.Roads, w.RoadsOfficial.UserId), (answered.State, answered.AgencyId, answered.AnsweredById));
        Assert.Contains("**kinh phí**", answered.AnswerMarkdown);
        var commitment = await db.Commitments.SingleAsync(c => c.QuestionId == question);
        Assert.Equal((w.Roads, due), (commitment.AgencyId, DateOnly.FromDateTime(VietnamTime.Local(commitment.DueAt))));
    }

    private async Task<string> CreateUserAsync(string name, int? home)
    {
        using var scope = site.Portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var email = $"{Guid.NewGuid():N}@test.example";
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, HomeUnitId = home, CreatedAt = DateTimeOffset.UtcNow };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        _emails[user.Id] = email;
        return user.Id;
    }

    private async Task<IPage> SignInAsync(Actor who)
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        var login = page.Locator("form:has(input[name='Input.Password'])");
        await login.Locator("input[name='Input.Email']").FillAsync(_emails[who.UserId!]);
        await login.Locator("input[name='Input.Password']").FillAsync(Password);
        await login.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"^(?!.*/Account/Login)", RegexOptions.IgnoreCase));
        return page;
    }
}
