using System.Globalization;
using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using MudBlazor.Services;
using Portal.Domain.Data;
using Portal.Domain.Notifications;
using Portal.Tests.Infrastructure;
using Portal.Web.Notifications;

namespace Portal.Tests.Notifications;

/// <summary>The bell in the app bar: the unread count, hidden at zero, kept live by BellSignals, a menu of the latest.</summary>
public class NotificationBellTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly BellSignals _signals = new(NullLogger<BellSignals>.Instance);

    private BunitContext NewContext(string userId)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("vi-VN");
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization();
        ctx.Services.AddSingleton<IDbContextFactory<PortalDb>>(db);
        ctx.Services.AddSingleton(new NotificationService(db, db.Clock));
        ctx.Services.AddSingleton(_signals);
        ctx.AddAuthorization().SetAuthorized("mai@test.example").SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
        ctx.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return ctx;
    }

    private async Task Notify(string userId, string title)
    {
        await using var ctx = db.CreateDbContext();
        await NotificationService.NotifyAsync(ctx, [userId], NotificationKinds.DeadlineReminder, "k:" + Guid.NewGuid(),
            title, title, "/items/1", "", "", "http://localhost", db.Clock.GetUtcNow());
        await ctx.SaveChangesAsync();
    }

    private async Task<string> PersonWith(int unread)
    {
        var id = await TestUsers.CreateAsync(db, "Hoàng Thị Mai");
        await new NotificationService(db, db.Clock).SetPreferenceAsync(id, NotificationKinds.DeadlineReminder.Key, NotificationChannel.InAppOnly);
        for (var i = 1; i <= unread; i++)
        {
            await Notify(id, $"Thông báo số {i}");
            db.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        return id;
    }

    private static string? Badge(IRenderedComponent<NotificationBell> bell) =>
        bell.FindAll(".mud-badge").FirstOrDefault()?.TextContent.Trim();

    [Fact]
    public async Task ShouldShowTheUnreadCount()
    {
        var id = await PersonWith(unread: 3);
        await using var ctx = NewContext(id);

        var bell = ctx.Render<NotificationBell>();

        bell.WaitForAssertion(() => Assert.Equal("3", Badge(bell)));
        Assert.Contains("Thông báo, 3 chưa đọc", bell.Find("button").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task ShouldHideTheCountWhenNothingIsUnread()
    {
        var id = await PersonWith(unread: 0);
        await using var ctx = NewContext(id);

        var bell = ctx.Render<NotificationBell>();

        bell.WaitForAssertion(() => Assert.NotEmpty(bell.FindAll("button[aria-label='Thông báo']")));
        Assert.Null(Badge(bell));
    }

    [Fact]
    public async Task ShouldUpdateTheCountWhenSignalledForThisPerson()
    {
        var id = await PersonWith(unread: 1);
        var other = await PersonWith(unread: 0);
        await using var ctx = NewContext(id);
        var bell = ctx.Render<NotificationBell>();
        bell.WaitForAssertion(() => Assert.Equal("1", Badge(bell)));

        await Notify(id, "Việc mới");
        await _signals.Signal(other);
        Assert.Equal("1", Badge(bell));
        await _signals.Signal(id);

        bell.WaitForAssertion(() => Assert.Equal("2", Badge(bell)));
    }

    [Fact]
    public async Task ShouldListTheLatestFiveAndMarkAllRead()
    {
        var id = await PersonWith(unread: 7);
        await using var ctx = NewContext(id);
        var popover = ctx.Render<MudPopoverProvider>();
        var bell = ctx.Render<NotificationBell>();
        bell.WaitForAssertion(() => Assert.Equal("7", Badge(bell)));

        await bell.Find("button").ClickAsync(new());
        popover.WaitForAssertion(() => Assert.Equal(5, popover.FindAll(".notification").Count));
        Assert.Contains("Thông báo số 7", popover.FindAll(".notification")[0].TextContent);
        Assert.NotEmpty(popover.FindAll("a[href='/notifications']"));

        await popover.Find(".bell-mark-all").ClickAsync(new());

        bell.WaitForAssertion(() => Assert.Null(Badge(bell)));
        Assert.Equal(0, await new NotificationService(db, db.Clock).UnreadCountAsync(id));
    }

    [Fact]
    public async Task ShouldStopListeningWhenTheBellGoesAway()
    {
        var id = await PersonWith(unread: 0);
        await using var ctx = NewContext(id);
        var bell = ctx.Render<NotificationBell>();
        bell.WaitForAssertion(() => Assert.Equal(1, _signals.Count));

        await ctx.DisposeComponentsAsync();

        Assert.Equal(0, _signals.Count);
    }
}
