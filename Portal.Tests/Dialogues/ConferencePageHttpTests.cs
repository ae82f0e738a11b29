using System.Net;
using Portal.Domain.Dialogues;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Dialogues;

/// <summary>The public conference pages over HTTP: complete, prerendered HTML in the first response.</summary>
public class ConferencePageHttpTests(ConferencePageHttpTests.Site site) : IClassFixture<ConferencePageHttpTests.Site>
{
    public sealed class Site : PortalWebFactory
    {
        public DialogueWorld World { get; private set; } = null!;
        public int Conference { get; private set; }
        public string Accepted { get; } = "Đường vào thôn Nà Sla bị sạt lở sau mưa lớn, xe máy không qua được";
        public string Received { get; } = "Xin lắp đèn chiếu sáng ở ngã ba Pò Mã vì buổi tối rất tối";

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            World = await DialogueWorld.CreateAsync(new ConnectionFactory(ConnectionString), TimeProvider.System);
            Conference = await World.OpenConferenceAsync(ModerationMode.PreModeration, "Đối thoại về đường sá Thất Khê 2026");
            var accepted = await World.AskAsync(Conference, await World.PersonAsync("Hoàng Thị Mai"), Accepted, AuthorVisibility.InitialsAndVillage);
            await World.Service.AcceptAsync(World.Moderator, accepted);
            await World.AskAsync(Conference, await World.PersonAsync("Lộc Văn Sáng"), Received);
        }
    }

    [Fact]
    public async Task ShouldPrerenderTheConferenceAndItsPublicQuestionsInTheFirstResponse()
    {
        var html = WebUtility.HtmlDecode(await site.CreateClient().GetStringAsync($"/hoi-nghi/{site.Conference}"));

        Assert.Contains("Đối thoại về đường sá Thất Khê 2026", html);
        Assert.Contains(site.Accepted, html);
        Assert.Contains("H.T.M., Thôn Nà Sla", html);
        Assert.Contains($"id=\"y-kien-", html);
        Assert.Contains("Đang nhận ý kiến", html);
        Assert.Contains("Đăng nhập để gửi ý kiến", html);
        Assert.DoesNotContain(site.Received, html); // pre-moderation: only its author sees it
        Assert.DoesNotContain("Hoàng Thị Mai", html);
    }

    [Fact]
    public async Task ShouldListTheConferenceOnItsCommuneAndOnTheConferencesPage()
    {
        var client = site.CreateClient();

        var locality = WebUtility.HtmlDecode(await client.GetStringAsync($"/dia-phuong/{site.World.Tree.CommuneA}"));
        var list = WebUtility.HtmlDecode(await client.GetStringAsync($"/dia-phuong/{site.World.Tree.CommuneA}/hoi-nghi"));
        var elsewhere = WebUtility.HtmlDecode(await client.GetStringAsync($"/dia-phuong/{site.World.Tree.CommuneB}"));

        Assert.Contains("Đối thoại về đường sá Thất Khê 2026", locality);
        Assert.Contains("Đối thoại về đường sá Thất Khê 2026", list);
        Assert.Contains("Đang nhận ý kiến", list);
        Assert.DoesNotContain("Đối thoại về đường sá Thất Khê 2026", elsewhere);
        Assert.Contains("Chưa có hội nghị đối thoại, dự thảo lấy ý kiến hay cuộc vận động nào tại", elsewhere);
    }

    [Fact]
    public async Task ShouldAnswerNotFoundForAnUnknownConference()
    {
        var response = await site.CreateClient().GetAsync("/hoi-nghi/987654");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.DoesNotContain("Đối thoại về đường sá", html);
        Assert.True(response.StatusCode is HttpStatusCode.NotFound || html.Contains("không tồn tại"), $"{response.StatusCode}: {html[..Math.Min(300, html.Length)]}");
    }
}
