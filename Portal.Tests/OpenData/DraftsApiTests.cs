using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Drafts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.OpenData;

/// <summary>The drafts endpoints of the open-data API over HTTP on the demo data (an answered regulation, an open roads
/// plan): paging and filters, sections, the sent report and the table of receipt and explanation, ETag and 304, problem
/// details, and no commenter's name or email anywhere.</summary>
public class DraftsApiTests(DraftsApiTests.Site site) : IClassFixture<DraftsApiTests.Site>
{
    public sealed class Site : PortalWebFactory
    {
        public Site() => SeedDemoData = true;
    }

    private async Task<(int Unit, int Open, int Answered)> DemoAsync()
    {
        _ = site.Server;
        await using var db = new ConnectionFactory(site.ConnectionString).CreateDbContext();
        var drafts = await db.Drafts.Select(d => new { d.Id, d.State, d.UnitId }).ToListAsync();
        return (drafts[0].UnitId, drafts.Single(d => d.State == DraftState.Open).Id, drafts.Single(d => d.State == DraftState.Answered).Id);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task ShouldPageDraftsFilteredByUnitAndOpeningDate()
    {
        var (unit, open, _) = await DemoAsync();
        var client = site.CreateClient();
        var first = await Json(await client.GetAsync($"/api/v1/drafts?unit={unit}&pageSize=1"));
        Assert.Equal((2, 2, 1), (first.GetProperty("total").GetInt32(), first.GetProperty("pageCount").GetInt32(), first.GetProperty("items").GetArrayLength()));
        var newest = first.GetProperty("items")[0];
        Assert.Equal((open, $"/du-thao/{open}", "Open"), (newest.GetProperty("id").GetInt32(), newest.GetProperty("link").GetString(), newest.GetProperty("state").GetString()));

        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7));
        var recent = await Json(await client.GetAsync($"/api/v1/drafts?unit={unit}&from={today.AddDays(-10):yyyy-MM-dd}"));
        Assert.Equal(open, Assert.Single(recent.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt32());
        var future = await Json(await client.GetAsync($"/api/v1/drafts?from={today.AddDays(1):yyyy-MM-dd}"));
        Assert.Equal(0, future.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ShouldGiveAnAnsweredDraftWithSectionsReportAndTableButNoCommenter()
    {
        var (_, _, answered) = await DemoAsync();
        var body = await (await site.CreateClient().GetAsync($"/api/v1/drafts/{answered}")).Content.ReadAsStringAsync();
        var draft = JsonDocument.Parse(body).RootElement;

        Assert.Contains(draft.GetProperty("sections").EnumerateArray(), s => s.GetProperty("anchor").GetString() == "dieu-3-k1");
        var report = draft.GetProperty("report");
        Assert.Contains(report.GetProperty("recommendations").EnumerateArray(), r => r.GetProperty("decision").GetString() == "PartlyAccepted");
        var row = Assert.Single(draft.GetProperty("receiptTable").EnumerateArray(), r => r.GetProperty("decision").GetString() == "PartlyAccepted");
        Assert.Contains("Giữ mức 200.000 đồng", row.GetProperty("explanation").GetString());
        Assert.Contains(row.GetProperty("examples").EnumerateArray(), e => e.GetString()!.StartsWith("Mức 300.000 đồng", StringComparison.Ordinal));

        await using var db = new ConnectionFactory(site.ConnectionString).CreateDbContext();
        var authors = await db.DraftComments.Where(c => c.DraftId == answered)
            .Join(db.Users, c => c.AuthorId, u => u.Id, (c, u) => new { u.Id, u.DisplayName, u.Email }).Distinct().ToListAsync();
        Assert.NotEmpty(authors);
        foreach (var a in authors)
        {
            Assert.DoesNotContain(a.DisplayName, body);
            Assert.DoesNotContain(a.Email!, body);
            Assert.DoesNotContain(a.Id, body);
        }
    }

    [Fact]
    public async Task ShouldGiveAnOpenDraftWithoutReportOrTableAndNotFoundForAnUnknownOne()
    {
        var (_, open, _) = await DemoAsync();
        var client = site.CreateClient();
        var draft = await Json(await client.GetAsync($"/api/v1/drafts/{open}"));
        Assert.Equal(JsonValueKind.Null, draft.GetProperty("report").ValueKind);
        Assert.Equal(JsonValueKind.Null, draft.GetProperty("receiptTable").ValueKind);
        Assert.NotEqual(0, draft.GetProperty("sections").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/drafts/999999")).StatusCode);
    }

    [Fact]
    public async Task ShouldAnswerNotModifiedWhenTheClientHasTheSameETag()
    {
        var (_, _, answered) = await DemoAsync();
        var client = site.CreateClient();
        var etag = (await client.GetAsync($"/api/v1/drafts/{answered}")).Headers.ETag;
        Assert.NotNull(etag);
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/drafts/{answered}");
        request.Headers.IfNoneMatch.Add(etag);
        var again = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        var other = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/drafts/{answered}");
        other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(other)).StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/drafts?state=open", "state")]
    [InlineData("/api/v1/drafts?pageSize=101", "pageSize")]
    [InlineData("/api/v1/drafts?from=2026-13-01", "from")]
    [InlineData("/api/v1/drafts/1?unit=1", "unit")]
    public async Task ShouldRefuseAnUnknownFilterOrBadValueWithProblemDetails(string url, string parameter)
    {
        var response = await site.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task ShouldListTheDraftEndpointsInTheOpenApiDocument()
    {
        var document = await Json(await site.CreateClient().GetAsync("/openapi/v1.json"));
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/drafts", out _));
        Assert.True(paths.TryGetProperty("/api/v1/drafts/{id}", out _));
    }
}
