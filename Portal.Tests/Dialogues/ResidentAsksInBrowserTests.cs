using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Domain.Accounts;
using Portal.Domain.Dialogues;
using Portal.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Dialogues;

/// <summary>The resident's part of journey (a) in Chromium: log in, open the conference, ask, find the question in the list.</summary>
public sealed class ResidentAsksInBrowserTests(ResidentAsksInBrowserTests.Site site) : IClassFixture<ResidentAsksInBrowserTests.Site>
{
    public const string Password = "Nui-Mau-Son-2026";

    /// <summary>A pre-moderated conference of Thất Khê taking questions now (held in 30 days), and a resident of Nà Sla.</summary>
    public sealed class Site : BrowserSite
    {
        public int Conference { get; private set; }
        public string Email { get; private set; } = "";

        protected override async Task ArrangeAsync()
        {
            var world = await DialogueWorld.CreateAsync(this, TimeProvider.System);
            Conference = await world.OpenConferenceAsync(ModerationMode.PreModeration, "Hội nghị đối thoại xã Thất Khê quý II");
            var resident = await world.PersonAsync("Hoàng Thị Mai");
            await using var db = CreateDbContext();
            var user = await db.Users.SingleAsync(u => u.Id == resident.UserId);
            user.PasswordHash = new PasswordHasher<PortalUser>().HashPassword(user, Password);
            await db.SaveChangesAsync();
            Email = user.Email!;
        }
    }

    [Fact]
    public async Task ShouldLetAResidentAskAndSeeTheirQuestionAsReceived()
    {
        var page = await site.NewPageAsync();
        const string text = "Đường vào thôn Nà Sla bị sạt lở sau mưa lớn, xe máy không qua được";

        await page.GotoAsync($"/Account/Login?returnUrl=/hoi-nghi/{site.Conference}");
        var login = page.Locator("form:has(input[name='Input.Password'])");
        await login.Locator("input[name='Input.Email']").FillAsync(site.Email);
        await login.Locator("input[name='Input.Password']").FillAsync(Password);
        await login.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync($"**/hoi-nghi/{site.Conference}");

        var form = page.Locator(".ask-question-form[data-ready=true]");
        await Expect(form).ToBeVisibleAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Hội nghị đối thoại xã Thất Khê quý II");
        await form.GetByRole(AriaRole.Combobox, new() { Name = "Chủ đề" }).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Giao thông" }).ClickAsync();
        await Expect(form.Locator(".ask-village input")).ToHaveValueAsync("Thôn Nà Sla");
        await form.Locator(".ask-text textarea").FillAsync(text);
        await form.Locator("button.ask-submit").ClickAsync();

        var card = page.Locator("article.question-card").Filter(new() { HasText = text });
        await Expect(card).ToBeVisibleAsync();
        await Expect(card.Locator(".question-state")).ToHaveTextAsync("Đã tiếp nhận");
        await Expect(card).ToContainTextAsync("Ý kiến của bạn");
        Assert.Contains("cua-toi=1", page.Url);
        await Expect(form.Locator(".ask-text textarea")).ToHaveValueAsync("");

        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, "axe-core on the conference page:\n" + string.Join("\n",
            serious.Select(v => $"{v.Id}: {v.Help} {string.Join(" ", v.Nodes.Select(n => n.Html))}")));
        await using var db = site.CreateDbContext();
        var question = await db.Questions.SingleAsync(q => q.ConferenceId == site.Conference);
        Assert.Equal((QuestionState.Received, "Giao thông"), (question.State, question.Topic));
    }

    [Fact]
    public async Task ShouldKeepTheSignedInAppBarOnOneLineOnAPhone()
    {
        var page = await site.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.SignInAsync(site.Email, Password);
        await page.GotoAsync($"/hoi-nghi/{site.Conference}");

        var bar = await BoxAsync(page.Locator(".mud-appbar"));
        foreach (var part in new[] { ".brand", ".user-name button", "a[hreflang=en]" })
        {
            var box = await BoxAsync(page.Locator(part));
            Assert.True(box.Y >= bar.Y && box.Y + box.Height <= bar.Y + bar.Height, $"{part} ({box.Y}+{box.Height}) outside the app bar ({bar.Y}+{bar.Height})");
        }
        await Expect(page.Locator(".brand")).ToHaveAccessibleNameAsync("Cổng đối thoại");
        Assert.Equal(390, await page.EvaluateAsync<int>("document.documentElement.scrollWidth"));
    }

    /// <summary>The circuit's first render replaces the prerendered app bar, and a box read from a replaced element is
    /// null: wait until the element is on the page, and read again if it was replaced in between.</summary>
    private static async Task<LocatorBoundingBoxResult> BoxAsync(ILocator element)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await Expect(element).ToBeVisibleAsync();
            if (await element.BoundingBoxAsync() is { } box) return box;
        }
        throw new Xunit.Sdk.XunitException($"{element} has no box on the page");
    }
}
