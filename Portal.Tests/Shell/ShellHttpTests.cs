using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Shell;

public class ShellHttpTests(ShellHttpTests.Factory factory) : IClassFixture<ShellHttpTests.Factory>
{
    public sealed class Factory : PortalWebFactory
    {
        public SmallTree Tree { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Tree = await SmallTree.CreateAsync(new ConnectionFactory(ConnectionString));
        }
    }

    [Fact]
    public async Task ShouldPrerenderTheVietnameseHomePageWithItsProvinces()
    {
        var html = await factory.CreateClient().GetStringAsync("/");

        Assert.Contains("Đối thoại với chính quyền nơi bạn sống", WebUtility.HtmlDecode(html));
        Assert.Contains("Lạng Sơn", WebUtility.HtmlDecode(html));
        Assert.Contains("lang=\"vi\"", html);
        Assert.Contains("Lạng Sơn", html); // as letters, not entities
    }

    [Fact]
    public async Task ShouldShowTheHomePageInEnglishWhenAsked()
    {
        var client = factory.CreateClient();
        var response = await client.GetAsync("/culture?lang=en&returnUrl=/");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains("Talk with the government where you live", html);
    }

    [Fact]
    public async Task ShouldListTheVillagesOfACommuneOnItsLocalityPage()
    {
        var html = WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync($"/dia-phuong/{factory.Tree.CommuneA}"));

        Assert.Contains("Thôn Nà Sla", html);
        Assert.Contains("Thôn Pò Mã", html);
        Assert.DoesNotContain("Tổ dân phố 1", html);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task ShouldReportHealthy(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ShouldAnswerAnUnknownPageWith404InVietnamese()
    {
        var response = await factory.CreateClient().GetAsync("/khong-co-trang-nay");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy trang", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("/hoi-nghi/987654")]
    [InlineData("/du-thao/987654")]
    [InlineData("/van-dong/987654")]
    public async Task ShouldEndAnUnknownItemOnARealNotFound(string path)
    {
        var response = await factory.CreateClient().GetAsync(path); // the page sends the browser to /not-found

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy trang", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }
}
