using Microsoft.EntityFrameworkCore;
using Portal.Domain.Notifications;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Notifications;

/// <summary>NotificationService.NotifyAsync against PostgreSQL: one notification per occasion, and an email only for
/// those who want this kind by email at once.</summary>
public class NotifyTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private const string BaseUrl = "https://congdoithoai.test";
    private NotificationService Service => new(db, db.Clock);

    private async Task<int> Notify(string userId, string key)
    {
        await using var ctx = db.CreateDbContext();
        var added = await NotificationService.NotifyAsync(ctx, [userId], NotificationKinds.DeadlineReminder, key,
            "Sắp đến hạn trả lời", "Reply due soon", "/items/7", "Còn 3 ngày làm việc.", "3 working days left.", BaseUrl, db.Clock.GetUtcNow());
        await ctx.SaveChangesAsync();
        return added;
    }

    private async Task<List<OutboxMessage>> OutboxFor(string userId)
    {
        await using var ctx = db.CreateDbContext();
        return await ctx.Outbox.AsNoTracking().Where(m => m.Key.EndsWith(":" + userId)).ToListAsync();
    }

    [Fact]
    public async Task ShouldNotifyOncePerOccasion()
    {
        var mai = await TestUsers.CreateAsync(db, "Hoàng Thị Mai");
        var key = "deadline.reminder:item-7:3:" + Guid.NewGuid();

        Assert.Equal(1, await Notify(mai, key));
        Assert.Equal(0, await Notify(mai, key));

        Assert.Equal(1, await Service.UnreadCountAsync(mai));
        Assert.Single(await OutboxFor(mai));
    }

    [Fact]
    public async Task ShouldQueueAnEmailAtOnceForThoseWhoWantIt()
    {
        var mai = await TestUsers.CreateAsync(db, "Hoàng Thị Mai");

        await Notify(mai, "k:" + Guid.NewGuid());

        var email = Assert.Single(await OutboxFor(mai));
        Assert.Equal("Sắp đến hạn trả lời", email.Subject);
        Assert.Contains($"{BaseUrl}/items/7", email.BodyMarkdown);
        Assert.Null(email.UnsubscribeUrl);
    }

    [Theory]
    [InlineData(NotificationChannel.InAppOnly)]
    [InlineData(NotificationChannel.Digest)]
    public async Task ShouldOnlyShowTheBellToThoseWhoDidNotChooseEmailsAtOnce(NotificationChannel channel)
    {
        var nam = await TestUsers.CreateAsync(db, "Lò Văn Nam");
        await Service.SetPreferenceAsync(nam, NotificationKinds.DeadlineReminder.Key, channel);

        Assert.Equal(1, await Notify(nam, "k:" + Guid.NewGuid()));

        Assert.Empty(await OutboxFor(nam));
        Assert.Equal(1, await Service.UnreadCountAsync(nam));
    }
}
