using System.Net;
using Portal.Domain.Dialogues;
using Portal.Tests.Dialogues;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Reports;

/// <summary>The dashboard over HTTP: figures, chart tables and the drill-down in the first response; each figure
/// links to its items; bad months get a message, not an error.</summary>
public class DashboardPageHttpTests(DashboardPageHttpTests.Site site) : IClassFixture<DashboardPageHttpTests.Site>
{
    public sealed class Site : PortalWebFactory
    {
        public DialogueWorld World { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            World = await DialogueWorld.CreateAsync(new ConnectionFactory(ConnectionString), TimeProvider.System);
            var conference = await World.OpenConferenceAsync(ModerationMode.PostModeration);
            var answered = await World.AskAsync(conference, await World.PersonAsync("Hoàng Thị Mai"), "Đường vào thôn Nà Sla bị sạt lở sau mưa lớn");
            await World.Service.AcceptAsync(World.Moderator, answered, World.Roads);
            await World.Service.AnswerAsync(World.Official, answered, "Xã đã cử máy xúc dọn đất đá.", []);
            await World.AskAsync(conference, await World.PersonAsync("Lộc Văn Sáng"), "Trạm bơm nước thôn Pò Mã hỏng đã hai tháng");
        }
    }

    [Fact]
    public async Task ShouldShowTheProvinceFiguresWithItsCommunesToDrillInto()
    {
        var html = WebUtility.HtmlDecode(await site.CreateClient().GetStringAsync($"/thong-ke/{site.World.Tree.Province}"));
        Assert.Contains("Trách nhiệm giải trình: Lạng Sơn", html);
        Assert.Contains("Ý kiến tiếp nhận", html);
        Assert.Contains("Xếp hạng cơ quan theo tỷ lệ trả lời đúng hạn", html);
        Assert.Contains("<caption>Theo tháng</caption>", html);
        Assert.Matches($"href=\"/thong-ke/{site.World.Tree.CommuneA}\\?tu=\\d{{4}}-\\d{{2}}&den=\\d{{4}}-\\d{{2}}\">Thất Khê</a>", html);
        Assert.Contains($"/thong-ke/{site.World.Tree.Province}/danh-sach/dialogue.received?", html);
    }

    [Fact]
    public async Task ShouldShowTheWayBackUpFromACommune()
    {
        var html = WebUtility.HtmlDecode(await site.CreateClient().GetStringAsync($"/thong-ke/{site.World.Tree.CommuneA}"));
        Assert.Contains($"href=\"/thong-ke/{site.World.Tree.Province}?", html);
        Assert.Contains("aria-current=\"page\">Thất Khê</span>", html);
        Assert.Contains("2", html);
    }

    [Fact]
    public async Task ShouldListTheItemsBehindTheReceivedFigure()
    {
        var html = WebUtility.HtmlDecode(await site.CreateClient().GetStringAsync($"/thong-ke/{site.World.Tree.CommuneA}/danh-sach/dialogue.received"));
        Assert.Contains("Đường vào thôn Nà Sla bị sạt lở sau mưa lớn", html);
        Assert.Contains("Trạm bơm nước thôn Pò Mã hỏng đã hai tháng", html);
        Assert.Contains("2 mục", html);
    }

    [Theory]
    [InlineData("?tu=2026-13", "Tháng không hợp lệ")]
    [InlineData("?den=0001-01", "Tháng không hợp lệ")]
    [InlineData("?tu=2026-05&den=2026-01", "Tháng bắt đầu phải trước hoặc bằng tháng kết thúc")]
    [InlineData("?tu=2020-01&den=2026-01", "Kỳ xem dài nhất là 36 tháng")]
    public async Task ShouldExplainABadPeriod(string query, string message)
    {
        var response = await site.CreateClient().GetAsync($"/thong-ke/{site.World.Tree.CommuneA}{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("?trang=0")]
    [InlineData("?trang=2147483647")]
    [InlineData("?tu=2026-05&den=2026-01")]
    public async Task ShouldExplainABadPageOrPeriodOfAList(string query)
    {
        var response = await site.CreateClient().GetAsync($"/thong-ke/{site.World.Tree.CommuneA}/danh-sach/dialogue.received{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kỳ hoặc trang không hợp lệ", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task ShouldAnswerNotFoundForAnUnknownFigureOrUnit()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateClient().GetAsync($"/thong-ke/{site.World.Tree.CommuneA}/danh-sach/no.such")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateClient().GetAsync("/thong-ke/987654")).StatusCode);
    }
}
