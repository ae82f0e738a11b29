using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Portal.Domain.Campaigns;
using Portal.Tests.Campaigns;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.OpenData;

/// <summary>The campaigns of the open-data API over HTTP: paging and filters, goals with totals overall and per village,
/// drafts never served, ETag and 304, problem details for bad input, and no pledger in the data.</summary>
public class CampaignsApiTests(CampaignsApiTests.Site site) : IClassFixture<CampaignsApiTests.Site>
{
    public sealed class Site : PortalWebFactory
    {
        public CampaignWorld World { get; private set; } = null!;
        public int Second { get; private set; }
        public int Draft { get; private set; }
        public string ResidentEmail { get; private set; } = "";
        public const string Other = "Lý Thị Hoa";

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var dbs = new ConnectionFactory(ConnectionString);
            World = await CampaignWorld.CreateAsync(dbs, TimeProvider.System);
            await World.OpenAsync();
            await using (var db = dbs.CreateDbContext())
                ResidentEmail = db.Users.Single(u => u.Id == World.Resident.UserId).Email!;
            var mai = await World.PledgeAsync(World.Resident, new PledgeAmount(World.Money, 500_000m), new PledgeAmount(World.Labour, 2m));
            await World.Service.ConfirmAsync(World.HeadA1, mai.PledgeId);
            await World.Service.FulfilAsync(World.HeadA1, mai.PledgeId, new Dictionary<int, decimal> { [World.Money] = 450_000m, [World.Labour] = 2m });
            await World.PledgeAsync(await World.PersonAsync(Other), new PledgeAmount(World.Money, 1_000_000m));
            var today = CampaignService.VietnamDate(DateTimeOffset.UtcNow);
            Second = await World.Service.CreateAsync(World.Organiser, World.Plan(today, "Thắp sáng đường quê Nà Sla"));
            await World.Service.AddGoalAsync(World.Organiser, Second, new GoalPlan(GoalKind.Money, "Tiền mặt", null, 50_000_000m));
            await World.Service.OpenAsync(World.Organiser, Second);
            Draft = await World.Service.CreateAsync(World.Organiser, World.Plan(today, "Bản nháp cuộc vận động nhà văn hoá"));
        }
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static string Today => CampaignService.VietnamDate(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd");

    [Fact]
    public async Task ShouldPagePublicCampaignsWithoutDrafts()
    {
        var client = site.CreateClient();
        var first = await Json(await client.GetAsync("/api/v1/campaigns?pageSize=1"));
        Assert.Equal(2, first.GetProperty("total").GetInt32());
        Assert.Equal(2, first.GetProperty("pageCount").GetInt32());
        var second = await Json(await client.GetAsync("/api/v1/campaigns?pageSize=1&page=2"));
        var ids = new[] { first, second }.Select(p => p.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetInt32()).ToList();
        Assert.Equal(new[] { site.World.Campaign, site.Second }.Order(), ids.Order());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/campaigns/{site.Draft}")).StatusCode);
    }

    [Fact]
    public async Task ShouldFilterCampaignsByUnitIncludingTheirVillagesAndByStartDate()
    {
        var client = site.CreateClient();
        Assert.Equal(2, (await Json(await client.GetAsync($"/api/v1/campaigns?unit={site.World.Tree.CommuneA}"))).GetProperty("total").GetInt32());
        Assert.Equal(2, (await Json(await client.GetAsync($"/api/v1/campaigns?unit={site.World.Tree.VillageA2}"))).GetProperty("total").GetInt32());
        Assert.Equal(0, (await Json(await client.GetAsync($"/api/v1/campaigns?unit={site.World.Tree.CommuneB}"))).GetProperty("total").GetInt32());
        Assert.Equal(2, (await Json(await client.GetAsync($"/api/v1/campaigns?from={Today}&to={Today}"))).GetProperty("total").GetInt32());
        Assert.Equal(0, (await Json(await client.GetAsync("/api/v1/campaigns?to=2020-01-01"))).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ShouldGiveTotalsPledgedAndFulfilledPerGoalAndPerVillage()
    {
        var campaign = await Json(await site.CreateClient().GetAsync($"/api/v1/campaigns/{site.World.Campaign}"));
        var goals = campaign.GetProperty("goals").EnumerateArray().ToDictionary(g => g.GetProperty("id").GetInt32());
        Assert.Equal(1_500_000m, goals[site.World.Money].GetProperty("pledged").GetDecimal());
        Assert.Equal(450_000m, goals[site.World.Money].GetProperty("fulfilled").GetDecimal());
        Assert.Equal("Money", goals[site.World.Money].GetProperty("kind").GetString());
        Assert.Equal(2m, goals[site.World.Labour].GetProperty("fulfilled").GetDecimal());
        Assert.Equal(0m, goals[site.World.Land].GetProperty("pledged").GetDecimal());
        var villages = campaign.GetProperty("villages").EnumerateArray().ToDictionary(v => v.GetProperty("id").GetInt32());
        var a1 = villages[site.World.Tree.VillageA1];
        Assert.True(a1.GetProperty("decision").GetProperty("passed").GetBoolean());
        Assert.Equal(2, a1.GetProperty("pledges").GetInt32());
        var a1Money = a1.GetProperty("goals").EnumerateArray().Single(g => g.GetProperty("goalId").GetInt32() == site.World.Money);
        Assert.Equal(1_500_000m, a1Money.GetProperty("pledged").GetDecimal());
        Assert.Equal(450_000m, a1Money.GetProperty("fulfilled").GetDecimal());
        var a2 = villages[site.World.Tree.VillageA2];
        Assert.False(a2.GetProperty("decision").GetProperty("passed").GetBoolean());
        Assert.Equal(36, a2.GetProperty("decision").GetProperty("agreeing").GetInt32());
        Assert.Equal(0, a2.GetProperty("pledges").GetInt32());
    }

    [Fact]
    public async Task ShouldNotNameAnyPledger()
    {
        var client = site.CreateClient();
        var one = await (await client.GetAsync($"/api/v1/campaigns/{site.World.Campaign}")).Content.ReadAsStringAsync();
        var list = await (await client.GetAsync("/api/v1/campaigns")).Content.ReadAsStringAsync();
        foreach (var secret in new[] { site.World.Resident.Name, Site.Other, site.ResidentEmail, site.World.Resident.UserId!, "pledgerName", "householdName" })
        {
            Assert.DoesNotContain(secret, one, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(secret, list, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task ShouldAnswerNotModifiedWhenTheClientHasTheSameETag()
    {
        var client = site.CreateClient();
        var first = await client.GetAsync($"/api/v1/campaigns/{site.World.Campaign}");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/campaigns/{site.World.Campaign}");
        request.Headers.IfNoneMatch.Add(etag);
        var again = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        var other = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/campaigns/{site.World.Campaign}");
        other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(other)).StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/campaigns?state=Open", "state")]
    [InlineData("/api/v1/campaigns?unit=abc", "unit")]
    [InlineData("/api/v1/campaigns?from=2026-05-01&to=2026-04-01", "from")]
    [InlineData("/api/v1/campaigns?pageSize=101", "pageSize")]
    [InlineData("/api/v1/campaigns/1?village=2", "village")]
    public async Task ShouldRefuseAnUnknownOrBadFilterWithProblemDetails(string url, string parameter)
    {
        var response = await site.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task ShouldListTheCampaignEndpointsInTheOpenApiDocument()
    {
        var document = await Json(await site.CreateClient().GetAsync("/openapi/v1.json"));
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/campaigns", paths);
        Assert.Contains("/api/v1/campaigns/{id}", paths);
    }
}
