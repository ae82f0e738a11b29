using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Notifications;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Notifications;

/// <summary>The digest's unsubscribe link over HTTP: no sign-in, a confirmation page, a plain POST and the RFC 8058
/// one-click POST (no antiforgery token) both stop digests, an unknown token is a clear 404.</summary>
public class UnsubscribeHttpTests(PortalWebFactory factory) : IClassFixture<PortalWebFactory>
{
    private readonly ConnectionFactory _dbs = new(factory.ConnectionString);

    private async Task<(string UserId, string Token)> DigestReader()
    {
        var id = await TestUsers.CreateAsync(_dbs, "Hoàng Thị Mai");
        var token = Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await using var ctx = _dbs.CreateDbContext();
        await ctx.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.UnsubscribeToken, token));
        ctx.NotificationPreferences.Add(new NotificationPreference(id, NotificationKinds.DeadlineReminder.Key, NotificationChannel.Digest));
        await ctx.SaveChangesAsync();
        return (id, token);
    }

    private async Task<NotificationChannel> ReminderChannel(string userId)
    {
        await using var ctx = _dbs.CreateDbContext();
        return await ctx.NotificationPreferences.Where(p => p.UserId == userId && p.Kind == NotificationKinds.DeadlineReminder.Key)
            .Select(p => p.Channel).SingleAsync();
    }

    private static async Task<string> Text(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task ShouldAskBeforeStoppingAndChangeNothingOnAGet()
    {
        var (id, token) = await DigestReader();

        var response = await factory.CreateClient().GetAsync($"/notifications/unsubscribe?token={token}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await Text(response);
        Assert.Contains("Ngừng nhận thư tổng hợp?", html);
        Assert.Contains("method=\"post\"", html);
        Assert.Equal(NotificationChannel.Digest, await ReminderChannel(id));
    }

    [Fact]
    public async Task ShouldStopDigestsWhenThePersonConfirms()
    {
        var (id, token) = await DigestReader();

        var response = await factory.CreateClient().PostAsync($"/notifications/unsubscribe?token={token}", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Bạn đã ngừng nhận thư tổng hợp hằng ngày", await Text(response));
        Assert.Equal(NotificationChannel.InAppOnly, await ReminderChannel(id));
    }

    [Fact]
    public async Task ShouldAcceptTheOneClickPostOfAMailClientWithoutAnAntiforgeryToken()
    {
        var (id, token) = await DigestReader();
        var oneClick = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);

        var response = await factory.CreateClient().PostAsync($"/notifications/unsubscribe?token={token}", oneClick);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(NotificationChannel.InAppOnly, await ReminderChannel(id));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task ShouldAnswerAnUnknownTokenWithAClear404(string method)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), "/notifications/unsubscribe?token=khong-co-that");
        if (method == "POST") request.Content = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Liên kết này không hợp lệ hoặc đã hết hiệu lực", await Text(response));
    }
}
