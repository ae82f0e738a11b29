using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Domain.Notifications;
using Portal.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Notifications;

/// <summary>In Chromium, end to end: a notification committed elsewhere lights the signed-in resident's bell and list
/// without a reload (NOTIFY → listener → bell), and "mark all read" puts it out.</summary>
public sealed class NotificationsBrowserTests(DemoSite site) : IClassFixture<DemoSite>
{
    [Fact]
    public async Task ShouldLightTheBellLiveAndPutItOutWhenAllIsRead()
    {
        // The demo history may already have notified this resident: start from a read list.
        await using (var db = site.CreateDbContext())
            await db.Notifications.Where(n => n.ReadAt == null && db.Users.Any(u => u.Id == n.UserId && u.Email == "dan@demo.test"))
                .ExecuteUpdateAsync(x => x.SetProperty(n => n.ReadAt, DateTimeOffset.UtcNow));
        var page = await site.NewPageAsync();
        await page.SignInAsync("dan@demo.test", "Demo@2026");
        await page.GotoAsync("/notifications");
        await Expect(page.Locator("main .notification.unread")).ToHaveCountAsync(0);
        var bell = page.Locator("header .notification-bell");
        await Expect(bell.Locator("button")).ToBeVisibleAsync();   // the circuit has taken over from the prerendered link

        await NotifyAsync("dan@demo.test", "Kiến nghị của bạn sắp đến hạn trả lời");

        await Expect(bell.Locator(".mud-badge")).ToHaveTextAsync("1");
        await Expect(page.Locator("main .notification.unread")).ToContainTextAsync("Kiến nghị của bạn sắp đến hạn trả lời");
        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, "axe-core on /notifications:\n" + string.Join("\n", serious.Select(v => $"{v.Id}: {v.Help} {string.Join(" ", v.Nodes.Select(n => n.Html))}")));

        await bell.Locator("button").ClickAsync();
        await page.Locator(".bell-mark-all").ClickAsync();

        await Expect(bell.Locator(".mud-badge")).ToHaveCountAsync(0);
        await Expect(page.Locator("main .notification.unread")).ToHaveCountAsync(0);
    }

    private async Task NotifyAsync(string email, string title)
    {
        await using var db = site.CreateDbContext();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await NotificationService.NotifyAsync(db, [userId], NotificationKinds.DeadlineReminder, "browser:" + Guid.NewGuid(),
            title, "Your request is due soon", "/notifications", "", "", site.BaseAddress, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        await NotificationService.SignalAsync(db, [userId]);
        await transaction.CommitAsync();
    }
}
