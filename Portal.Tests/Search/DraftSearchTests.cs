using System.Text;
using Portal.Domain.Drafts;
using Portal.Domain.Search;
using Portal.Tests.Drafts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Search;

/// <summary>Search over the drafts pillar on the real PostgreSQL: drafts by title and summary, their current text, public
/// comments; accents and Unicode forms; never a refused or hidden comment nor a draft still in preparation.</summary>
public sealed class DraftSearchTests(DraftSearchWorld fixture) : IClassFixture<DraftSearchWorld>
{
    private Task<SearchResults> Find(string text, int? unit = null) => fixture.Search.SearchAsync(SearchQuery.Parse(text, unit, 1));

    [Fact]
    public async Task ShouldFindAPublicDraftByItsTitleTypedWithoutAccents()
    {
        var page = await Find("ke hoach be tong duong thon");
        var hit = Assert.Single(page.Items, r => r.Hit.Kind == DraftSearch.DraftKind && r.Hit.Id == fixture.Draft);
        Assert.Equal($"/du-thao/{fixture.Draft}", hit.Hit.Link);
    }

    [Fact]
    public async Task ShouldFindTheCurrentTextOfADraftAsPlainText()
    {
        var page = await Find("mo rong mat duong");
        var hit = Assert.Single(page.Items, r => r.Hit.Kind == DraftSearch.TextKind);
        Assert.Equal($"/du-thao/{fixture.Draft}", hit.Hit.Link);
        Assert.DoesNotContain("**", hit.Hit.Text);
        Assert.DoesNotContain("# ", hit.Hit.Text);
    }

    [Fact]
    public async Task ShouldFindAPublicCommentWhetherTypedDecomposedOrPrecomposed()
    {
        var nfd = "xi măng hộ nghèo".Normalize(NormalizationForm.FormD);
        Assert.NotEqual("xi măng hộ nghèo", nfd);
        var decomposed = await Find(nfd);
        var composed = await Find("xi măng hộ nghèo");
        Assert.Equal(composed.Items.Select(r => (r.Hit.Kind, r.Hit.Id)), decomposed.Items.Select(r => (r.Hit.Kind, r.Hit.Id)));
        var hit = Assert.Single(decomposed.Items, r => r.Hit.Kind == DraftSearch.CommentKind);
        Assert.Equal((fixture.Comment, $"/du-thao/{fixture.Draft}#gop-y-{fixture.Comment}"), (hit.Hit.Id, hit.Hit.Link));
    }

    [Fact]
    public async Task ShouldScopeDraftsToTheirLocality()
    {
        Assert.Contains((await Find("be tong duong thon", fixture.World.Tree.CommuneA)).Items, r => r.Hit.Id == fixture.Draft);
        Assert.DoesNotContain((await Find("be tong duong thon", fixture.World.Tree.CommuneB)).Items, r => r.Hit.Kind == DraftSearch.DraftKind);
    }

    [Fact]
    public async Task ShouldNeverShowRefusedOrHiddenCommentsNorADraftInPreparation()
    {
        Assert.DoesNotContain((await Find("quang cao ban thuoc")).Items, r => r.Hit.Kind == DraftSearch.CommentKind);
        Assert.DoesNotContain((await Find("tram bom nuoc")).Items, r => r.Hit.Kind == DraftSearch.CommentKind);
        Assert.Empty((await Find("cho phien bien gioi")).Items);

        await fixture.World.Service.RestoreCommentAsync(fixture.World.Moderator, fixture.Hidden);
        Assert.Contains((await Find("tram bom nuoc")).Items, r => r.Hit.Kind == DraftSearch.CommentKind && r.Hit.Id == fixture.Hidden);
    }
}

/// <summary>A public draft of commune A with a public comment, a refused one and one hidden by two abuse reports, and a
/// draft of the same commune still in preparation.</summary>
public sealed class DraftSearchWorld : DatabaseFixture
{
    public DraftWorld World { get; private set; } = null!;
    public SearchService Search { get; private set; } = null!;
    public int Draft { get; private set; }
    public long Comment { get; private set; }
    public long Hidden { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        World = await DraftWorld.CreateAsync(this);
        Search = new SearchService(this, DraftSearch.Sources());
        Draft = await World.OpenDraftAsync();
        Comment = await World.CommentAsync(Draft, World.Resident, "Đề nghị hỗ trợ xi măng cho hộ nghèo khi hiến đất làm đường.");
        var refused = await World.CommentAsync(Draft, World.Neighbour, "Nội dung quảng cáo bán thuốc chữa bách bệnh giá rẻ.");
        await World.Service.RefuseCommentAsync(World.Moderator, refused, "Nội dung quảng cáo, không phải góp ý.");
        Hidden = await World.CommentAsync(Draft, World.Neighbour, "Góp ý về trạm bơm nước thôn Pò Mã bị hỏng lâu ngày.", section: null);
        await World.Service.ReportAsync(World.Resident, Hidden, "Không liên quan");
        await World.Service.ReportAsync(World.Outsider, Hidden, null);
        await World.Service.PrepareAsync(World.Secretary, World.Plan(title: "Đề án chợ phiên biên giới"), DraftSectionParserTests.Regulation);
        await Search.RefreshWordsAsync();
    }
}
