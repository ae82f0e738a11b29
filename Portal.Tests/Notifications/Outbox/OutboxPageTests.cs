using System.Globalization;
using System.Security.Claims;
using Bunit;
using Bunit.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Portal.Domain.Accounts;
using Portal.Domain.Notifications;
using Portal.Domain.Units;
using Portal.Tests.Infrastructure;
using Portal.Web.Accounts;
using Portal.Web.Notifications.Outbox;

namespace Portal.Tests.Notifications.Outbox;

public class OutboxPageTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task ShouldListADeadLetteredEmailWithItsErrorAndSendItAgainAfterConfirmation()
    {
        var admin = await NationalAdminAsync();
        var subject = "Xác nhận tài khoản " + Guid.NewGuid().ToString("N")[..6];
        var id = await DeadLetterAsync(subject, "Chào **chị Mai**.");
        var (ctx, host) = Render(admin);
        await using var _ = ctx;

        host.WaitForAssertion(() => Assert.Contains(host.FindAll(".mud-tab"), t => t.TextContent.Contains("Lỗi, không gửi được (")));
        await ShowTabAsync(host, "Lỗi, không gửi được (");
        host.WaitForAssertion(() => Assert.Contains(subject, host.Markup));
        Assert.Contains("SendGrid 503: Service Unavailable", host.Markup);
        Assert.Contains($"{OutboxMessage.MaxAttempts}/{OutboxMessage.MaxAttempts}", host.Markup);
        // The click's handler waits for the confirmation, so it completes only after the dialog is answered.
        // Found and clicked on the renderer's dispatcher (no re-render in between); the handler's task is kept, not awaited.
        Task Click()
        {
            Task handler = Task.CompletedTask;
            host.InvokeAsync(() => { handler = host.FindAll("button").Single(b => b.GetAttribute("aria-label")?.Contains(subject) == true && b.TextContent.Contains("Gửi lại")).ClickAsync(new()); }).GetAwaiter().GetResult();
            return handler;
        }
        var retrying = Click();

        host.WaitForAssertion(() =>
        {
            if (retrying.IsFaulted) retrying = Click(); // a re-render replaced the button between finding and clicking it
            Assert.Contains($"Gửi lại \"{subject}\" tới mai@tinh.test?", host.Markup);
        });
        await host.InvokeAsync(() => host.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Gửi lại").ClickAsync(new()));
        await retrying.WaitAsync(TimeSpan.FromSeconds(10));

        await using var check = db.CreateDbContext();
        var message = await check.Outbox.SingleAsync(m => m.Id == id);
        Assert.True(message.IsPending);
        Assert.True(await check.AuditEntries.AnyAsync(a => a.Action == "outbox.retry" && a.ItemId == id.ToString() && a.ActorId == admin.UserId));
        host.WaitForAssertion(() => Assert.Contains("Đã đưa email vào hàng chờ gửi lại.", host.Markup));
        Assert.DoesNotContain(subject, host.FindComponent<OutboxTable>().Markup);
    }

    [Fact]
    public async Task ShouldShowTheBodyInASandboxedFrameWithTheMarkupOfTheMessageEscaped()
    {
        var admin = await NationalAdminAsync();
        var subject = "Nhắc hạn " + Guid.NewGuid().ToString("N")[..6];
        await DeadLetterAsync(subject, "Chào **chị Mai**. <script>alert('x')</script>");
        var (ctx, host) = Render(admin);
        await using var _ = ctx;
        host.WaitForAssertion(() => Assert.Contains(host.FindAll(".mud-tab"), t => t.TextContent.Contains("Lỗi, không gửi được (")));
        await ShowTabAsync(host, "Lỗi, không gửi được (");
        host.WaitForAssertion(() => Assert.Contains(subject, host.Markup));

        await host.InvokeAsync(() => host.FindAll("button").Single(b => b.GetAttribute("aria-label") == $"Xem email {subject}").ClickAsync(new()));

        host.WaitForAssertion(() => Assert.Single(host.FindAll(".mud-dialog iframe")));
        var frame = host.Find(".mud-dialog iframe");
        Assert.Equal("", frame.GetAttribute("sandbox"));
        var html = frame.GetAttribute("srcdoc")!;
        Assert.Contains("<strong>chị Mai</strong>", html);
        Assert.DoesNotContain("<script>", html);
    }

    [Fact]
    public async Task ShouldTellACommuneAdminThatTheOutboxIsNotTheirs()
    {
        var tree = await SmallTree.CreateAsync(db);
        var communeAdmin = await StaffAsync("Quản trị xã Thất Khê", tree.CommuneA);
        var (ctx, host) = Render(communeAdmin);
        await using var _ = ctx;

        host.WaitForAssertion(() => Assert.Contains("Bạn không có quyền thực hiện việc này", host.Markup));
        Assert.Empty(host.FindAll("table"));
    }

    /// <summary>Finds and clicks the tab in one go on the renderer's thread (the tabs re-render after their first render).</summary>
    private static Task ShowTabAsync(IRenderedComponent<ContainerFragment> host, string text) =>
        host.InvokeAsync(() => host.FindAll(".mud-tab").Single(t => t.TextContent.Contains(text)).ClickAsync(new()));

    private (BunitContext, IRenderedComponent<ContainerFragment>) Render(Actor actor)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("vi-VN");
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization();
        ctx.Services.AddSingleton(new OutboxService(db, db.Clock));
        ctx.Services.AddScoped<CurrentActor>();
        ctx.AddAuthorization().SetAuthorized(actor.Name).SetClaims(new Claim(ClaimTypes.NameIdentifier, actor.UserId!));
        var host = ctx.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<MudSnackbarProvider>(2);
            builder.CloseComponent();
            builder.OpenComponent<OutboxPage>(3);
            builder.CloseComponent();
        });
        return (ctx, host);
    }

    private async Task<Actor> NationalAdminAsync()
    {
        await SmallTree.CreateAsync(db);
        await using var ctx = db.CreateDbContext();
        var country = await ctx.Units.Where(u => u.Level == UnitLevel.Country).Select(u => u.Id).SingleAsync();
        return await StaffAsync("Quản trị toàn quốc", country);
    }

    private async Task<Actor> StaffAsync(string name, int unit)
    {
        var id = await TestUsers.CreateAsync(db, name);
        await new AccountService(db, db.Clock).GrantAsync(Actor.System, id, unit, StaffRole.Admin);
        return new Actor(id, name);
    }

    private async Task<long> DeadLetterAsync(string subject, string body)
    {
        await using var ctx = db.CreateDbContext();
        var now = db.Clock.GetUtcNow();
        var message = new OutboxMessage("test:" + Guid.NewGuid(), "identity.confirm", "mai@tinh.test", "Hoàng Thị Mai", "vi", subject, body, now);
        await ctx.EnqueueAsync(message);
        for (var i = 0; i < OutboxMessage.MaxAttempts; i++) message.AttemptFailed("SendGrid 503: Service Unavailable", now, null);
        await ctx.SaveChangesAsync();
        return message.Id;
    }
}
