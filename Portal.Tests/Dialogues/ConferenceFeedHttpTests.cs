using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Dialogues;

/// <summary>A locality's Atom feed over HTTP on the demo: new conferences and published results, linked from its list.</summary>
public class ConferenceFeedHttpTests(ConferenceFeedHttpTests.Factory factory) : IClassFixture<ConferenceFeedHttpTests.Factory>
{
    public sealed class Factory : PortalWebFactory
    {
        public Factory() => SeedDemoData = true;
    }

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task ShouldListTheLocalitysAnnouncementsAndPublishedResults()
    {
        var commune = await ThatKheAsync();

        var response = await factory.CreateClient().GetAsync($"/dia-phuong/{commune}/hoi-nghi/atom");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal("Hội nghị đối thoại tại Xã Thất Khê", feed.Element(Atom + "title")?.Value);
        var titles = feed.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value).ToList();
        Assert.Contains(titles, t => t.StartsWith("Công khai kết quả hội nghị:"));
        Assert.Equal(2, titles.Count(t => t.StartsWith("Thông báo hội nghị đối thoại:")));
        var results = feed.Elements(Atom + "entry").First(e => e.Element(Atom + "title")!.Value.StartsWith("Công khai"));
        Assert.EndsWith("/ket-qua", results.Element(Atom + "id")!.Value);
    }

    [Fact]
    public async Task ShouldLinkTheFeedFromTheLocalitysConferenceList()
    {
        var commune = await ThatKheAsync();

        var html = WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync($"/dia-phuong/{commune}/hoi-nghi"));

        Assert.Contains($"<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Hội nghị đối thoại tại Xã Thất Khê\" href=\"/dia-phuong/{commune}/hoi-nghi/atom\"", html);
        Assert.Contains("Nhận tin mới qua Atom", html);
    }

    [Fact]
    public async Task ShouldAnswerNotFoundForAUnitThatDoesNotExist()
    {
        _ = factory.Server;
        var response = await factory.CreateClient().GetAsync("/dia-phuong/99999999/hoi-nghi/atom");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<int> ThatKheAsync()
    {
        _ = factory.Server;
        await using var db = new ConnectionFactory(factory.ConnectionString).CreateDbContext();
        return await db.Units.Where(u => u.Code == "06040").Select(u => u.Id).SingleAsync();
    }
}
