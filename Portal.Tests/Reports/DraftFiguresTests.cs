using Microsoft.EntityFrameworkCore;
using Portal.Domain.Drafts;
using Portal.Domain.Reports;
using Portal.Tests.Drafts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Reports;

/// <summary>The drafts pillar's dashboard figures against a hand count on the real PostgreSQL: three drafts of commune A
/// whose criticism documents are all sent in March; A answered in full on time in March (accepted, partly accepted),
/// B half answered in March (not accepted) and overdue now, C answered in May after its deadline (accepted).</summary>
public sealed class DraftFiguresTests(DraftFiguresTests.World world) : IClassFixture<DraftFiguresTests.World>
{
    private static readonly DateOnly March = new(2026, 3, 1);
    private static readonly DateOnly May = new(2026, 5, 1);

    public sealed class World : DatabaseFixture
    {
        public DraftWorld Drafts { get; private set; } = null!;
        public StatisticsService Statistics { get; private set; } = null!;
        public int A { get; private set; }
        public int B { get; private set; }
        public int C { get; private set; }

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Drafts = await DraftWorld.CreateAsync(this);
            var w = Drafts;
            Statistics = new StatisticsService(this, w.Clock, [new DraftFigures()]);
            (A, B, C) = (await w.OpenDraftAsync(), await w.OpenDraftAsync(), await w.OpenDraftAsync());
            foreach (var draft in new[] { A, B })
            {
                await w.CommentAsync(draft, w.Resident, "Mặt đường 3,5 m là quá rộng với đường thôn.");
                await w.CommentAsync(draft, w.Neighbour, "Đơn giá hỗ trợ hoa màu quá thấp so với thị trường.", "dieu-4");
            }
            await w.CommentAsync(C, w.Resident, "Cần quy định rõ thời gian thi công để bà con sắp xếp.");
            await w.CloseAsync(A);
            await w.Service.CompileAsync(B);
            await w.Service.CompileAsync(C);
            foreach (var draft in new[] { A, B, C }) await w.Service.SendReportAsync(w.Secretary, draft);
            var a = await RecommendationsAsync(A);
            await w.Service.AnswerAsync(w.Official, a[0], Decision.Accepted, "Tiếp thu, sửa mặt đường còn 3 m.");
            await w.Service.AnswerAsync(w.Official, a[1], Decision.PartlyAccepted, "Nâng đơn giá hỗ trợ với cây lâu năm.");
            await w.Service.AnswerAsync(w.Official, (await RecommendationsAsync(B))[0], Decision.NotAccepted, "Giữ 3,5 m để xe cứu thương vào được.");
            w.Clock.Advance(TimeSpan.FromDays(40));
            await w.Service.AnswerAsync(w.Official, (await RecommendationsAsync(C))[0], Decision.Accepted, "Tiếp thu, công bố lịch thi công.");
        }

        private async Task<List<long>> RecommendationsAsync(int draft) =>
            (await Drafts.Reader.ReportAsync(draft, null))!.Recommendations.Select(r => r.Id).ToList();
    }

    private async Task<PillarDashboard> Commune(int? agency = null) =>
        (await world.Statistics.DashboardAsync(world.Drafts.Tree.CommuneA, agency, March, May))!.Pillars.Single(p => p.Pillar == "drafts");

    private static double? Figure(PillarDashboard pillar, string code) => pillar.Figures.Single(f => f.Code == code).Value;

    [Fact]
    public async Task ShouldHaveSentEveryDocumentInMarchAndAnsweredAOnTimeAndCLate()
    {
        await using var db = world.CreateDbContext();
        var drafts = await db.Drafts.Where(d => d.Id == world.A || d.Id == world.B || d.Id == world.C).ToDictionaryAsync(d => d.Id);
        Assert.All(drafts.Values, d => Assert.Equal(3, d.ReportSentAt!.Value.ToOffset(TimeSpan.FromHours(7)).Month));
        Assert.True(drafts[world.A].AnsweredAt <= drafts[world.A].AnswerDueAt);
        Assert.True(drafts[world.C].AnsweredAt > drafts[world.C].AnswerDueAt);
        Assert.Null(drafts[world.B].AnsweredAt);
        Assert.True(world.Drafts.Clock.GetUtcNow() > drafts[world.B].AnswerDueAt);
    }

    [Fact]
    public async Task ShouldCountTheCommuneAsByHand()
    {
        var drafts = await Commune();
        Assert.Equal(5, Figure(drafts, DraftFigures.Recommendations));
        Assert.Equal(2, Figure(drafts, DraftFigures.Accepted));
        Assert.Equal(1, Figure(drafts, DraftFigures.PartlyAccepted));
        Assert.Equal(1, Figure(drafts, DraftFigures.NotAccepted));
        Assert.Equal(0.75, Figure(drafts, DraftFigures.AcceptedShare));
        Assert.Equal(2, Figure(drafts, DraftFigures.DocumentsAnswered));
        Assert.Equal(1, Figure(drafts, DraftFigures.DocumentsOnTime));
        Assert.Equal(0.5, Figure(drafts, DraftFigures.OnTimeRate));
        Assert.Equal(1, Figure(drafts, DraftFigures.OverdueNow));
    }

    [Fact]
    public async Task ShouldDrawTheTrendByMonthAndRankTheDraftingAgency()
    {
        var drafts = await Commune();
        Assert.Equal([March, March.AddMonths(1), May], drafts.Trend.Select(t => t.Month));
        Assert.Equal((5L, 1L, 1L, 1L), (drafts.Trend[0].Values[DraftFigures.Recommendations], drafts.Trend[0].Values[DraftFigures.Accepted],
            drafts.Trend[0].Values[DraftFigures.PartlyAccepted], drafts.Trend[0].Values[DraftFigures.NotAccepted]));
        Assert.Equal(0, drafts.Trend[1].Values[DraftFigures.Accepted]);
        Assert.Equal(1, drafts.Trend[2].Values[DraftFigures.Accepted]);
        Assert.Equal([(world.Drafts.Committee, 0.5)], drafts.Ranking.Select(r => (r.AgencyId, r.Rate)));
    }

    [Fact]
    public async Task ShouldCountOnlyTheDraftingAgencyAndGiveTheSameFiguresFromTheSnapshot()
    {
        Assert.Equal(0, Figure(await Commune(world.Drafts.Front), DraftFigures.Recommendations));
        var live = (await Commune(world.Drafts.Committee)).Figures;
        Assert.Equal(5, live.Single(f => f.Code == DraftFigures.Recommendations).Value);
        await world.Statistics.SnapshotAsync();
        Assert.Equal(live, (await Commune(world.Drafts.Committee)).Figures);
    }

    [Fact]
    public async Task ShouldListTheItemsBehindAFigure()
    {
        var communeA = world.Drafts.Tree.CommuneA;
        var overdue = (await world.Statistics.ItemsAsync(DraftFigures.OverdueNow, communeA, null, March, May, 1))!;
        Assert.Equal($"/du-thao/{world.B}/bang-tiep-thu", Assert.Single(overdue.Items).Link);
        var onTime = (await world.Statistics.ItemsAsync(DraftFigures.DocumentsOnTime, communeA, null, March, May, 1))!;
        Assert.Equal($"/du-thao/{world.A}/bang-tiep-thu", Assert.Single(onTime.Items).Link);
        var notAccepted = (await world.Statistics.ItemsAsync(DraftFigures.NotAccepted, communeA, null, March, May, 1))!;
        Assert.Equal((1, 0), (notAccepted.Total, notAccepted.Hidden));
        Assert.Equal(5, (await world.Statistics.ItemsAsync(DraftFigures.Recommendations, communeA, null, March, May, 1))!.Total);
        Assert.Null(await world.Statistics.ItemsAsync("drafts.no-such-figure", communeA, null, March, May, 1));
    }
}
