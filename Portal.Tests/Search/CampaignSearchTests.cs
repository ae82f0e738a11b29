using System.Text;
using Portal.Domain.Campaigns;
using Portal.Domain.Search;
using Portal.Tests.Campaigns;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Search;

/// <summary>Search over the campaign pillar on the real PostgreSQL: campaigns by title and description, their updates
/// and milestones, without accents or typed decomposed, and never a campaign still in draft.</summary>
public sealed class CampaignSearchTests(CampaignSearchWorld fixture) : IClassFixture<CampaignSearchWorld>
{
    private Task<SearchResults> Find(string text, int? unit = null) => fixture.Search.SearchAsync(SearchQuery.Parse(text, unit, 1));

    [Fact]
    public async Task ShouldFindAnOpenCampaignByItsDescriptionTypedWithoutAccents()
    {
        var page = await Find("duong be tong");
        var hit = Assert.Single(page.Items, r => r.Hit.Kind == CampaignSearch.CampaignKind).Hit;
        Assert.Equal(fixture.World.Campaign, hit.Id);
        Assert.Equal($"/van-dong/{fixture.World.Campaign}", hit.Link);
        Assert.DoesNotContain("**", hit.Text);
    }

    [Fact]
    public async Task ShouldFindAMilestoneTypedDecomposedAsWhenPrecomposed()
    {
        var nfd = "cột mốc cầu tràn".Normalize(NormalizationForm.FormD);
        Assert.NotEqual("cột mốc cầu tràn", nfd);
        var decomposed = await Find(nfd);
        var composed = await Find("cột mốc cầu tràn");
        Assert.Equal(composed.Items.Select(r => (r.Hit.Kind, r.Hit.Id)), decomposed.Items.Select(r => (r.Hit.Kind, r.Hit.Id)));
        var hit = Assert.Single(decomposed.Items, r => r.Hit.Kind == CampaignSearch.UpdateKind).Hit;
        Assert.Equal(fixture.Milestone, hit.Id);
        Assert.Equal($"/van-dong/{fixture.World.Campaign}#tin-{fixture.Milestone}", hit.Link);
    }

    [Fact]
    public async Task ShouldNeverFindACampaignStillInDraft()
    {
        Assert.DoesNotContain((await Find("nha van hoa thon")).Items, r => r.Hit.Kind == CampaignSearch.CampaignKind);
        Assert.DoesNotContain((await Find("Nhà văn hoá thôn")).Items, r => r.Hit.Id == fixture.Draft && r.Hit.Kind == CampaignSearch.CampaignKind);
    }

    [Fact]
    public async Task ShouldScopeCampaignsToTheirLocality()
    {
        Assert.Contains((await Find("be tong", fixture.World.Tree.CommuneA)).Items, r => r.Hit.Id == fixture.World.Campaign);
        Assert.DoesNotContain((await Find("be tong", fixture.World.Tree.CommuneB)).Items, r => r.Hit.Kind == CampaignSearch.CampaignKind);
    }
}

/// <summary>An open campaign of commune A with a milestone, and a second campaign left in draft.</summary>
public sealed class CampaignSearchWorld : DatabaseFixture
{
    public CampaignWorld World { get; private set; } = null!;
    public SearchService Search { get; private set; } = null!;
    public long Milestone { get; private set; }
    public int Draft { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        World = await CampaignWorld.CreateAsync(this, Clock);
        Search = new SearchService(this, CampaignSearch.Sources());
        await World.OpenAsync();
        Milestone = await World.Service.PostAsync(World.Organiser, World.Campaign, CampaignPostKind.Milestone,
            "Hoàn thành cột mốc cầu tràn", "Đã đổ xong mặt **cầu tràn** qua suối Nà Sla.");
        var today = CampaignService.VietnamDate(Clock.GetUtcNow());
        Draft = await World.Service.CreateAsync(World.Organiser, World.Plan(today, "Xây nhà văn hoá thôn Pò Mã"));
        await Search.RefreshWordsAsync();
    }
}
