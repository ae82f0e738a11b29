using System.Text;
using Portal.Domain;
using Portal.Domain.Dialogues;
using Portal.Domain.Search;
using Portal.Tests.Dialogues;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Search;

/// <summary>Search over the dialogue pillar on the real PostgreSQL: accents, typos, Unicode forms, ranking, paging,
/// the locality scope and, above all, visibility.</summary>
public sealed class SearchServiceTests(SearchWorld fixture) : IClassFixture<SearchWorld>
{
    private DialogueWorld world => fixture.World;
    private SearchService search => fixture.Search;
    private int conference => fixture.Conference;
    private long landslide => fixture.Landslide;
    private long refused => fixture.Refused;
    private long hidden => fixture.Hidden;

    private Task<SearchResults> Find(string text, int? unit = null, int page = 1) => search.SearchAsync(SearchQuery.Parse(text, unit, page));

    [Fact]
    public async Task ShouldFindAQuestionTypedWithoutAccents()
    {
        var page = await Find("duong vao thon bi sat lo");
        Assert.Contains(page.Items, r => r.Hit.Kind == SearchKinds.Question && r.Hit.Id == landslide);
    }

    [Fact]
    public async Task ShouldFindAQuestionDespiteATypo()
    {
        var page = await Find("khac phuc duongg");
        Assert.Contains(page.Items, r => r.Hit.Kind == SearchKinds.Question && r.Hit.Id == landslide);
    }

    [Fact]
    public async Task ShouldFindTheSameWhetherTheQueryWasTypedDecomposedOrPrecomposed()
    {
        var nfd = "sạt lở".Normalize(NormalizationForm.FormD);
        Assert.NotEqual("sạt lở", nfd);
        var decomposed = await Find(nfd);
        var composed = await Find("sạt lở");
        Assert.Equal(composed.Items.Select(r => (r.Hit.Kind, r.Hit.Id)), decomposed.Items.Select(r => (r.Hit.Kind, r.Hit.Id)));
        Assert.Contains(decomposed.Items, r => r.Hit.Id == landslide);
    }

    [Fact]
    public async Task ShouldFindAnswersAndConferencesToo()
    {
        var answers = await Find("may xuc don dat da");
        var answer = Assert.Single(answers.Items, r => r.Hit.Kind == SearchKinds.Answer);
        Assert.Equal($"/hoi-nghi/{conference}#y-kien-{landslide}", answer.Hit.Link);
        Assert.DoesNotContain("**", answer.Hit.Text);
        var conferences = await Find("doi thoai sat lo dat mua mua");
        Assert.Equal(conference, conferences.Items[0].Hit.Id);
        Assert.Equal(SearchKinds.Conference, conferences.Items[0].Hit.Kind);
    }

    [Fact]
    public async Task ShouldNeverShowRefusedOrHiddenQuestions()
    {
        Assert.DoesNotContain((await Find("quang cao ban thuoc")).Items, r => r.Hit.Id == refused && r.Hit.Kind == SearchKinds.Question);
        Assert.DoesNotContain((await Find("tram bom nuoc")).Items, r => r.Hit.Id == hidden && r.Hit.Kind == SearchKinds.Question);
    }

    [Fact]
    public async Task ShouldNotShowQuestionsAwaitingPreModerationNorDraftConferences()
    {
        var pre = await world.OpenConferenceAsync(ModerationMode.PreModeration, "Đối thoại về nước sinh hoạt");
        var waiting = await world.AskAsync(pre, await world.PersonAsync("Người chờ duyệt"), "Giếng khoan khu tái định cư nhiễm phèn nặng.");
        var now = fixture.Clock.GetUtcNow();
        await world.Service.PlanAsync(world.Leader, world.Plan(now.AddDays(40), now.AddDays(2), now.AddDays(38), title: "Bản nháp hội nghị chợ phiên"));
        Assert.DoesNotContain((await Find("gieng khoan nhiem phen")).Items, r => r.Hit.Id == waiting);
        Assert.DoesNotContain((await Find("ban nhap hoi nghi cho phien")).Items, r => r.Hit.Kind == SearchKinds.Conference && r.Hit.Title.Contains("nháp"));

        await world.Service.AcceptAsync(world.Moderator, waiting, world.Roads);
        Assert.Contains((await Find("gieng khoan nhiem phen")).Items, r => r.Hit.Id == waiting);
    }

    [Fact]
    public async Task ShouldScopeToALocalityAndItsSubtree()
    {
        Assert.Contains((await Find("sat lo", world.Tree.Province)).Items, r => r.Hit.Id == landslide);
        Assert.Contains((await Find("sat lo", world.Tree.CommuneA)).Items, r => r.Hit.Id == landslide);
        Assert.DoesNotContain((await Find("sat lo", world.Tree.CommuneB)).Items, r => r.Hit.Id == landslide);
    }

    [Fact]
    public async Task ShouldMarkTheSearchedWordsInTheSnippet()
    {
        var result = (await Find("sat lo")).Items.First(r => r.Hit.Id == landslide && r.Hit.Kind == SearchKinds.Question);
        Assert.Equal(["sạt", "lở"], result.Snippet.Where(s => s.Marked).Select(s => s.Text));
        Assert.Equal(result.Hit.Text, string.Concat(result.Snippet.Select(s => s.Text)));
    }

    [Fact]
    public async Task ShouldPageTheResultsRankedBestFirst()
    {
        var roads = await world.OpenConferenceAsync(ModerationMode.PostModeration, "Đối thoại về cầu treo");
        var asker = await world.PersonAsync("Người hỏi nhiều");
        for (var i = 0; i < 12; i++)
            await world.AskAsync(roads, asker, $"Cầu treo số {i} qua suối bị hư hỏng, đề nghị sửa chữa trước mùa lũ.");
        var exact = await world.AskAsync(roads, asker, "Cầu treo cầu treo cầu treo bản Khuổi Ky hư hỏng nặng nhất.");

        var first = await Find("cau treo", world.Tree.CommuneA);
        var second = await Find("cau treo", world.Tree.CommuneA, 2);
        Assert.Equal(14, first.Total);
        Assert.Equal(2, first.PageCount);
        Assert.Equal(SearchQuery.PageSize, first.Items.Count);
        Assert.Equal(4, second.Items.Count);
        Assert.Empty(first.Items.Select(r => (r.Hit.Kind, r.Hit.Id)).Intersect(second.Items.Select(r => (r.Hit.Kind, r.Hit.Id))));
        Assert.Equal(exact, first.Items.First(r => r.Hit.Kind == SearchKinds.Question).Hit.Id);
        Assert.True(first.Items.Zip(first.Items.Skip(1)).All(p => p.First.Hit.Rank >= p.Second.Hit.Rank));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("  ")]
    [InlineData("!!")]
    public void ShouldRefuseAQueryTooShort(string text) =>
        Assert.Equal("search.text.too-short", Assert.Throws<DomainRuleException>(() => SearchQuery.Parse(text, null, 1)).Key);

    [Fact]
    public void ShouldRefuseATooLongQueryOrAPageOutOfRange()
    {
        Assert.Equal("search.text.too-long", Assert.Throws<DomainRuleException>(() => SearchQuery.Parse(new string('x', 101), null, 1)).Key);
        Assert.Equal("search.page.invalid", Assert.Throws<DomainRuleException>(() => SearchQuery.Parse("cau treo", null, 51)).Key);
        Assert.Equal("search.page.invalid", Assert.Throws<DomainRuleException>(() => SearchQuery.Parse("cau treo", null, 0)).Key);
    }

    [Fact]
    public async Task ShouldTreatSqlInTheWordsAsWords()
    {
        var page = await Find("'; DROP TABLE questions; --");
        Assert.Empty(page.Items);
        Assert.NotEmpty((await Find("sat lo")).Items);
    }
}

/// <summary>One conference (post-moderation) with an answered question about a landslide, a refused one and one
/// hidden by an abuse report; built once for the class.</summary>
public sealed class SearchWorld : DatabaseFixture
{
    public DialogueWorld World { get; private set; } = null!;
    public SearchService Search { get; private set; } = null!;
    public int Conference { get; private set; }
    public long Landslide { get; private set; }
    public long Refused { get; private set; }
    public long Hidden { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        World = await DialogueWorld.CreateAsync(this, Clock);
        Search = new SearchService(this, DialogueSearch.Sources());
        Conference = await World.OpenConferenceAsync(ModerationMode.PostModeration, "Đối thoại về sạt lở đất mùa mưa");
        var resident = await World.PersonAsync("Hoàng Thị Mai");
        Landslide = await World.AskAsync(Conference, resident, "Đường vào thôn Nà Sla bị sạt lở sau mưa lớn, xin xã sớm khắc phục.");
        Refused = await World.AskAsync(Conference, await World.PersonAsync("Người bị từ chối"), "Nội dung quảng cáo bán thuốc chữa bách bệnh giá rẻ.");
        await World.Service.RefuseAsync(World.Moderator, Refused, "Nội dung quảng cáo, không phải ý kiến.");
        Hidden = await World.AskAsync(Conference, await World.PersonAsync("Người bị ẩn"), "Ý kiến ẩn về trạm bơm nước thôn Pò Mã bị hỏng.");
        // One abuse report hides it pending a moderator's review.
        await new AbuseService(this, Clock, new PortalLinks("https://portal.test"), 1)
            .ReportAsync(await World.PersonAsync("Người báo cáo"), Hidden, "Nội dung sai sự thật");
        await World.Service.AcceptAsync(World.Moderator, Landslide, World.Roads);
        await World.Service.AnswerAsync(World.Official, Landslide, "Xã đã cử **máy xúc** dọn đất đá, dự kiến thông đường trong tuần này.", []);
        await Search.RefreshWordsAsync();
    }
}
