using System.Net;
using System.Text;
using Portal.Domain.Dialogues;
using Portal.Tests.Dialogues;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Search;

/// <summary>The search page over HTTP: results in the first (prerendered) response, words marked safely, bad input
/// answered with a message, and the privacy page linked from every page's footer.</summary>
public class SearchPageHttpTests(SearchPageHttpTests.Site site) : IClassFixture<SearchPageHttpTests.Site>
{
    public sealed class Site : PortalWebFactory
    {
        public int Conference { get; private set; }
        public long Question { get; private set; }
        public const string Refused = "Quảng cáo thuốc chữa bách bệnh giá rẻ, liên hệ ngay";

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var world = await DialogueWorld.CreateAsync(new ConnectionFactory(ConnectionString), TimeProvider.System);
            Conference = await world.OpenConferenceAsync(ModerationMode.PostModeration, "Đối thoại về đường sá Thất Khê");
            Question = await world.AskAsync(Conference, await world.PersonAsync("Hoàng Thị Mai"),
                "Đường vào thôn Nà Sla bị sạt lở <script>alert(1)</script> sau mưa lớn");
            var refused = await world.AskAsync(Conference, await world.PersonAsync("Người quảng cáo"), Refused);
            await world.Service.RefuseAsync(world.Moderator, refused, "Nội dung quảng cáo, không phải ý kiến.");
        }
    }

    [Fact]
    public async Task ShouldPrerenderMarkedResultsForAQueryWithoutAccents()
    {
        var response = await site.CreateClient().GetAsync("/tim-kiem?q=sat+lo");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<mark>sạt</mark> <mark>lở</mark>", html);
        Assert.Contains($"href=\"/hoi-nghi/{site.Conference}#y-kien-{site.Question}\"", html);
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    [Fact]
    public async Task ShouldFindTheSameForAQueryTypedInDecomposedUnicode()
    {
        var nfd = Uri.EscapeDataString("đường sạt lở".Normalize(NormalizationForm.FormD));
        var html = await site.CreateClient().GetStringAsync($"/tim-kiem?q={nfd}");
        Assert.Contains($"#y-kien-{site.Question}", html);
    }

    [Fact]
    public async Task ShouldNotShowARefusedQuestion()
    {
        var html = WebUtility.HtmlDecode(await site.CreateClient().GetStringAsync("/tim-kiem?q=quang+cao+thuoc+bach+benh"));
        Assert.DoesNotContain("bách bệnh", html);
        Assert.Contains("Không tìm thấy kết quả nào", html);
    }

    [Theory]
    [InlineData("/tim-kiem?q=a", "Hãy gõ ít nhất 2 ký tự")]
    [InlineData("/tim-kiem?q=sat+lo&trang=99", "Chỉ xem được tới trang 50")]
    [InlineData("/tim-kiem?q=sat+lo&dv=999999", "Không có địa phương này")]
    public async Task ShouldAnswerBadInputWithAMessage(string url, string message)
    {
        var response = await site.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task ShouldLinkThePrivacyPageAndTheSearchBoxFromEveryPage()
    {
        var home = await site.CreateClient().GetStringAsync("/");
        Assert.Contains("href=\"/quyen-rieng-tu\"", home);
        Assert.Contains("action=\"/tim-kiem\"", home);
        var privacy = WebUtility.HtmlDecode(await site.CreateClient().GetStringAsync("/quyen-rieng-tu"));
        Assert.Contains("Nghị định 13/2023/NĐ-CP", privacy);
        Assert.Contains("Luật Bảo vệ dữ liệu cá nhân năm 2025", privacy);
    }
}
