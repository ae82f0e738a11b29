using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Portal.Domain.Dialogues;
using Portal.Tests.Dialogues;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.OpenData;

/// <summary>The open-data API over HTTP: paging and filters, ETag and 304, problem details for bad input, the
/// OpenAPI document, and no personal data beyond what the public page shows.</summary>
public class OpenDataApiTests(OpenDataApiTests.Site site) : IClassFixture<OpenDataApiTests.Site>
{
    public sealed class Site : PortalWebFactory
    {
        public DialogueWorld World { get; private set; } = null!;
        public int Conference { get; private set; }
        public long Public { get; private set; }
        public string AuthorEmail { get; private set; } = "";
        public const string Waiting = "Xin lắp đèn chiếu sáng ở ngã ba Pò Mã vì buổi tối rất tối";
        public const string Anonymous = "Cống thoát nước trước chợ bị tắc, mùi hôi ảnh hưởng cả khu";

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var dbs = new ConnectionFactory(ConnectionString);
            World = await DialogueWorld.CreateAsync(dbs, TimeProvider.System);
            Conference = await World.OpenConferenceAsync(ModerationMode.PreModeration, "Đối thoại về đường sá Thất Khê 2026");
            for (var i = 0; i < 3; i++)
                await World.OpenConferenceAsync(ModerationMode.PostModeration, $"Hội nghị thêm số {i} của xã");
            var mai = await World.PersonAsync("Hoàng Thị Mai");
            await using (var db = dbs.CreateDbContext())
                AuthorEmail = db.Users.Single(u => u.Id == mai.UserId).Email!;
            Public = await World.AskAsync(Conference, mai, "Đường vào thôn Nà Sla bị sạt lở sau mưa lớn, xe máy không qua được");
            await World.Service.AcceptAsync(World.Moderator, Public, World.Roads);
            await World.Service.AnswerAsync(World.Official, Public, "Xã sẽ cử máy xúc dọn đất đá trong tuần này.",
                [new CommitmentPlan("Thông đường vào thôn Nà Sla", World.Roads, DateTimeOffset.UtcNow.AddDays(20))]);
            var anonymous = await World.AskAsync(Conference, await World.PersonAsync("Lương Văn Kín"), Anonymous, AuthorVisibility.Anonymous);
            await World.Service.AcceptAsync(World.Moderator, anonymous, World.Roads);
            await World.AskAsync(Conference, await World.PersonAsync("Lộc Văn Sáng"), Waiting);
        }
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task ShouldPageConferencesFilteredByUnit()
    {
        var client = site.CreateClient();
        var first = await Json(await client.GetAsync($"/api/v1/conferences?unit={site.World.Tree.CommuneA}&pageSize=3"));
        Assert.Equal(4, first.GetProperty("total").GetInt32());
        Assert.Equal(2, first.GetProperty("pageCount").GetInt32());
        Assert.Equal(3, first.GetProperty("items").GetArrayLength());
        var second = await Json(await client.GetAsync($"/api/v1/conferences?unit={site.World.Tree.CommuneA}&pageSize=3&page=2"));
        Assert.Equal(1, second.GetProperty("items").GetArrayLength());
        var elsewhere = await Json(await client.GetAsync($"/api/v1/conferences?unit={site.World.Tree.CommuneB}"));
        Assert.Equal(0, elsewhere.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ShouldFilterConferencesByDate()
    {
        var client = site.CreateClient();
        var starts = DateTimeOffset.UtcNow.AddDays(30).ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd");
        var on = await Json(await client.GetAsync($"/api/v1/conferences?from={starts}&to={starts}&unit={site.World.Tree.CommuneA}"));
        Assert.Equal(4, on.GetProperty("total").GetInt32());
        var before = await Json(await client.GetAsync($"/api/v1/conferences?to=2020-01-01&unit={site.World.Tree.CommuneA}"));
        Assert.Equal(0, before.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ShouldAnswerNotModifiedWhenTheClientHasTheSameETag()
    {
        var client = site.CreateClient();
        var first = await client.GetAsync($"/api/v1/conferences/{site.Conference}");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/conferences/{site.Conference}");
        request.Headers.IfNoneMatch.Add(etag);
        var again = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        var other = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/conferences/{site.Conference}");
        other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(other)).StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/conferences?colour=red", "colour")]
    [InlineData("/api/v1/conferences?page=abc", "page")]
    [InlineData("/api/v1/conferences?page=0", "page")]
    [InlineData("/api/v1/conferences?pageSize=101", "pageSize")]
    [InlineData("/api/v1/conferences?from=2026-13-01", "from")]
    [InlineData("/api/v1/conferences?from=2026-05-01&to=2026-04-01", "from")]
    [InlineData("/api/v1/conferences?unit=-1", "unit")]
    [InlineData("/api/v1/conferences?unit=1&unit=2", "unit")]
    [InlineData("/api/v1/units?level=Planet", "level")]
    [InlineData("/api/v1/units?level=3", "level")]
    [InlineData("/api/v1/search?q=a", "q")]
    [InlineData("/api/v1/search", "q")]
    [InlineData("/api/v1/conferences/1?x=1", "x")]
    [InlineData("/api/v1/statistics", "unit")]
    [InlineData("/api/v1/statistics?unit=1&to=0001-01", "to")]
    [InlineData("/api/v1/conferences?from=0001-01-01", "from")]
    [InlineData("/api/v1/conferences?page=2147483647", "page")]
    [InlineData("/api/v1/units?page=99999999", "page")]
    [InlineData("/api/v1/statistics?unit=1&from=2026-5", "from")]
    [InlineData("/api/v1/statistics?unit=1&from=2026-05&to=2026-01", "from")]
    public async Task ShouldRefuseBadInputWithProblemDetails(string url, string parameter)
    {
        var response = await site.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task ShouldAnswerNotFoundAsProblemDetails()
    {
        var response = await site.CreateClient().GetAsync("/api/v1/conferences/987654");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ShouldShowQuestionsAnswersAndCommitmentsWithAuthorsOnlyAsThePublicPageDoes()
    {
        var client = site.CreateClient();
        var body = await (await client.GetAsync($"/api/v1/conferences/{site.Conference}")).Content.ReadAsStringAsync();
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/hoi-nghi/{site.Conference}"));
        var conference = JsonDocument.Parse(body).RootElement;
        var questions = conference.GetProperty("questions").EnumerateArray().ToList();
        Assert.Equal(2, questions.Count); // the pre-moderated one waiting for a moderator is not public
        Assert.DoesNotContain(Site.Waiting, body);
        var answered = questions.Single(q => q.GetProperty("id").GetInt64() == site.Public);
        Assert.Equal("H.T.M.", answered.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal("Thôn Nà Sla", answered.GetProperty("author").GetProperty("village").GetString());
        Assert.Contains("máy xúc", answered.GetProperty("answerHtml").GetString());
        Assert.Equal("Thông đường vào thôn Nà Sla", answered.GetProperty("commitments")[0].GetProperty("what").GetString());
        Assert.Contains("H.T.M.", page);
        // Nothing the public page hides: names, email, account ids.
        foreach (var secret in new[] { "Hoàng Thị Mai", "Lương Văn Kín", site.AuthorEmail, "authorId", "phone" })
        {
            Assert.DoesNotContain(secret, body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(secret, page, StringComparison.OrdinalIgnoreCase);
        }
        var anonymous = questions.Single(q => q.GetProperty("text").GetString() == Site.Anonymous);
        Assert.Equal("Người dân ẩn danh", anonymous.GetProperty("author").GetProperty("name").GetString());
    }

    [Fact]
    public async Task ShouldListUnitsAndSearch()
    {
        var client = site.CreateClient();
        var communes = await Json(await client.GetAsync($"/api/v1/units?parent={site.World.Tree.Province}&level=Commune"));
        Assert.Equal(2, communes.GetProperty("total").GetInt32());
        var found = await Json(await client.GetAsync("/api/v1/search?q=duong+sat+lo"));
        Assert.Contains(found.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt64() == site.Public && i.GetProperty("kind").GetString() == "question");
    }

    [Fact]
    public async Task ShouldServeTheDashboardFiguresOfACommune()
    {
        var body = await Json(await site.CreateClient().GetAsync($"/api/v1/statistics?unit={site.World.Tree.CommuneA}"));
        var dialogue = body.GetProperty("pillars").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "dialogue");
        var received = dialogue.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "dialogue.received");
        Assert.Equal(3, received.GetProperty("value").GetDouble()); // every question received, public or not, is counted
        Assert.Equal(6, dialogue.GetProperty("trend").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreateClient().GetAsync($"/api/v1/statistics?unit={site.World.Tree.VillageA1}")).StatusCode);
    }

    [Fact]
    public async Task ShouldPublishAnOpenApiDocumentOfTheApi()
    {
        var document = await Json(await site.CreateClient().GetAsync("/openapi/v1.json"));
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/conferences", paths);
        Assert.Contains("/api/v1/conferences/{id}", paths);
        Assert.Contains("/api/v1/units", paths);
        Assert.Contains("/api/v1/search", paths);
        Assert.Contains("/api/v1/statistics", paths);
        Assert.All(paths, p => Assert.StartsWith("/api/v1/", p));
    }
}

/// <summary>The API page renders the OpenAPI document readably, in the first response.</summary>
public class ApiPageTests(PortalWebFactory site) : IClassFixture<PortalWebFactory>
{
    [Fact]
    public async Task ShouldListEveryEndpointOfTheOpenApiDocument()
    {
        var html = WebUtility.HtmlDecode(await site.CreateClient().GetStringAsync("/du-lieu-mo"));
        Assert.Contains("GET /api/v1/conferences/{id}", html);
        Assert.Contains("GET /api/v1/search", html);
        Assert.Contains("<code>pageSize</code>", html);
        Assert.Contains("href=\"/openapi/v1.json\"", html);
    }
}
