using System.Net;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Data;
using Portal.Domain.Notifications;
using Portal.Jobs.Notifications;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Notifications;

/// <summary>The digest as the portal runs it: scheduled at 07:00 Vietnam time, queued by the job, sent by the dispatcher
/// with List-Unsubscribe headers whose link works with a one-click POST.</summary>
public class DailyDigestJobTests(DailyDigestJobTests.Factory factory) : IClassFixture<DailyDigestJobTests.Factory>
{
    public sealed class Factory : PortalWebFactory
    {
        // 07:00 in Hanoi on 3 February 2026 (a clock in UTC, as TimeProvider.System is).
        public Factory() => Clock = new FakeTimeProvider(new DateTimeOffset(2026, 2, 3, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void ShouldScheduleTheDigestAtSevenInTheMorningVietnamTime()
    {
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();

        var digest = Assert.Single(connection.GetRecurringJobs(), j => j.Id == "daily-digest");

        Assert.Equal("0 7 * * *", digest.Cron);
        Assert.Equal("Asia/Ho_Chi_Minh", digest.TimeZoneId);
    }

    [Fact]
    public async Task ShouldEmailTheDigestWithAWorkingOneClickUnsubscribe()
    {
        var dbs = factory.Services.GetRequiredService<IDbContextFactory<PortalDb>>();
        var mai = await TestUsers.CreateAsync(dbs, "Hoàng Thị Mai");
        await factory.Services.GetRequiredService<NotificationService>()
            .SetPreferenceAsync(mai, NotificationKinds.DeadlineReminder.Key, NotificationChannel.Digest);
        await using (var db = await dbs.CreateDbContextAsync())
        {
            await NotificationService.NotifyAsync(db, [mai], NotificationKinds.DeadlineReminder, "k:" + Guid.NewGuid(),
                "Kiến nghị sắp đến hạn trả lời", "Request due soon", "/items/9", "", "", "http://localhost:5080", factory.Clock!.GetUtcNow());
            await db.SaveChangesAsync();
        }

        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DailyDigestJob>().Run(CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<DailyDigestJob>().Run(CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchDueAsync();
        }

        var email = Assert.Single(factory.Emails(), e => e.Contains("List-Unsubscribe:"));
        var link = System.Text.RegularExpressions.Regex.Match(email, @"List-Unsubscribe: <http://localhost:5080(/notifications/unsubscribe\?token=[A-Za-z0-9_-]+)>").Groups[1].Value;
        Assert.NotEmpty(link);
        Assert.Contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click", email);

        var response = await factory.CreateClient().PostAsync(link, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(NotificationChannel.InAppOnly, (await factory.Services.GetRequiredService<NotificationService>().PreferencesAsync(mai))[NotificationKinds.DeadlineReminder.Key]);
    }
}
