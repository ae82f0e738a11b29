using Microsoft.EntityFrameworkCore;
using Portal.Domain.Notifications;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Notifications;

/// <summary>The daily digest against PostgreSQL: one email per person and day, only for those who chose it, listing
/// their unread notifications once, with an unsubscribe link.</summary>
public class DigestServiceTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private const string BaseUrl = "https://congdoithoai.test/";
    // 07:00 in Hanoi on Tuesday 3 February 2026 is still the 2nd in UTC.
    private static readonly DateTimeOffset SevenAm = new(2026, 2, 3, 7, 0, 0, TimeSpan.FromHours(7));

    private NotificationService Notifications => new(db, db.Clock);
    private DigestService Digests => new(db);

    private async Task<string> Person(string name, NotificationChannel? channel, string language = "vi")
    {
        var id = await TestUsers.CreateAsync(db, name);
        await using (var ctx = db.CreateDbContext())
            await ctx.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredLanguage, language));
        if (channel is { } chosen) await Notifications.SetPreferenceAsync(id, NotificationKinds.DeadlineReminder.Key, chosen);
        return id;
    }

    private async Task Notify(string userId, string titleVi, string titleEn, DateTimeOffset at)
    {
        await using var ctx = db.CreateDbContext();
        await NotificationService.NotifyAsync(ctx, [userId], NotificationKinds.DeadlineReminder, "k:" + Guid.NewGuid(),
            titleVi, titleEn, "/items/" + Guid.NewGuid().ToString("N")[..6], "nội dung", "body", BaseUrl, at);
        await ctx.SaveChangesAsync();
    }

    private async Task<List<OutboxMessage>> DigestsOf(string userId)
    {
        await using var ctx = db.CreateDbContext();
        return await ctx.Outbox.AsNoTracking().Where(m => m.Kind == DigestService.Kind && m.Key.StartsWith($"digest:{userId}:")).ToListAsync();
    }

    [Fact]
    public async Task ShouldSendExactlyOneDigestWithAnUnsubscribeLinkEvenWhenRunTwice()
    {
        var mai = await Person("Hoàng Thị Mai", NotificationChannel.Digest);
        await Notify(mai, "Sắp đến hạn: kiến nghị về đường thôn", "Due soon: village road", SevenAm.AddHours(-20));
        await Notify(mai, "Sắp đến hạn: [khẩn] cấp nước", "Due soon: water", SevenAm.AddHours(-2));

        await Digests.RunAsync(SevenAm, BaseUrl);
        await Digests.RunAsync(SevenAm.AddMinutes(5), BaseUrl);

        var digest = Assert.Single(await DigestsOf(mai));
        Assert.Equal($"digest:{mai}:2026-02-03", digest.Key);
        Assert.Equal("Tổng hợp thông báo ngày 03/02/2026", digest.Subject);
        Assert.Contains("Sắp đến hạn: kiến nghị về đường thôn", digest.BodyMarkdown);
        Assert.Contains(@"\[khẩn\]", digest.BodyMarkdown);
        Assert.Contains("(https://congdoithoai.test/items/", digest.BodyMarkdown);
        Assert.Matches(@"^https://congdoithoai\.test/notifications/unsubscribe\?token=[A-Za-z0-9_-]{43}$", digest.UnsubscribeUrl);
        await using var ctx = db.CreateDbContext();
        Assert.Equal(digest.UnsubscribeUrl!.Split("token=")[1], await ctx.Users.Where(u => u.Id == mai).Select(u => u.UnsubscribeToken).SingleAsync());
        Assert.All(await ctx.Notifications.Where(n => n.UserId == mai).ToListAsync(), n => Assert.Equal(SevenAm, n.DigestedAt));
    }

    [Fact]
    public async Task ShouldSendNoDigestToSomeoneWhoWantsEmailsAtOnceOrOnlyTheBell()
    {
        var nam = await Person("Lò Văn Nam", null);       // deadline reminders default to email at once
        var lan = await Person("Vi Thị Lan", NotificationChannel.InAppOnly);
        await Notify(nam, "Sắp đến hạn", "Due soon", SevenAm.AddHours(-3));
        await Notify(lan, "Sắp đến hạn", "Due soon", SevenAm.AddHours(-3));

        await Digests.RunAsync(SevenAm, BaseUrl);

        Assert.Empty(await DigestsOf(nam));
        Assert.Empty(await DigestsOf(lan));
    }

    [Fact]
    public async Task ShouldLeaveOutWhatWasAlreadyReadAndSendNothingWhenAllIsRead()
    {
        var mai = await Person("Hoàng Thị Mai", NotificationChannel.Digest);
        await Notify(mai, "Đã đọc rồi", "Read already", SevenAm.AddHours(-3));
        await Notifications.MarkAllReadAsync(mai);

        await Digests.RunAsync(SevenAm, BaseUrl);

        Assert.Empty(await DigestsOf(mai));
    }

    [Fact]
    public async Task ShouldCarryOnlyNewNotificationsInTheNextDaysDigest()
    {
        var mai = await Person("Hoàng Thị Mai", NotificationChannel.Digest);
        await Notify(mai, "Hôm qua", "Yesterday", SevenAm.AddHours(-3));
        await Digests.RunAsync(SevenAm, BaseUrl);
        await Notify(mai, "Hôm nay", "Today", SevenAm.AddHours(3));

        await Digests.RunAsync(SevenAm.AddDays(1), BaseUrl);

        var digests = (await DigestsOf(mai)).OrderBy(m => m.Key).ToList();
        Assert.Equal(2, digests.Count);
        Assert.EndsWith(":2026-02-04", digests[1].Key);
        Assert.Contains("Hôm nay", digests[1].BodyMarkdown);
        Assert.DoesNotContain("Hôm qua", digests[1].BodyMarkdown);
        Assert.Equal(digests[0].UnsubscribeUrl, digests[1].UnsubscribeUrl);
    }

    [Fact]
    public async Task ShouldWriteTheDigestInThePersonsLanguage()
    {
        var john = await Person("John Smith", NotificationChannel.Digest, language: "en");
        await Notify(john, "Sắp đến hạn", "Reply due soon", SevenAm.AddHours(-3));

        await Digests.RunAsync(SevenAm, BaseUrl);

        var digest = Assert.Single(await DigestsOf(john));
        Assert.Equal("en", digest.Language);
        Assert.Equal("Your notifications for 3 February 2026", digest.Subject);
        Assert.Contains("Reply due soon", digest.BodyMarkdown);
        Assert.DoesNotContain("Sắp đến hạn", digest.BodyMarkdown);
    }

    [Fact]
    public async Task ShouldTurnEveryDigestChoiceIntoBellOnlyWhenUnsubscribing()
    {
        var mai = await Person("Hoàng Thị Mai", NotificationChannel.Digest);
        await Notifications.SetPreferenceAsync(mai, NotificationKinds.DeadlineOverdue.Key, NotificationChannel.EmailNow);
        await Notify(mai, "Sắp đến hạn", "Due soon", SevenAm.AddHours(-3));
        await Digests.RunAsync(SevenAm, BaseUrl);
        var token = (await DigestsOf(mai)).Single().UnsubscribeUrl!.Split("token=")[1];

        Assert.True(await Digests.UnsubscribeAsync(token));
        Assert.True(await Digests.UnsubscribeAsync(token));

        var preferences = await Notifications.PreferencesAsync(mai);
        Assert.Equal(NotificationChannel.InAppOnly, preferences[NotificationKinds.DeadlineReminder.Key]);
        Assert.Equal(NotificationChannel.EmailNow, preferences[NotificationKinds.DeadlineOverdue.Key]);
        Assert.False(await Digests.UnsubscribeAsync("not-a-token"));
        Assert.False(await Digests.IsKnownTokenAsync(""));
    }
}
