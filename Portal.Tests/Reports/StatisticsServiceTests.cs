using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Deadlines;
using Portal.Domain.Dialogues;
using Portal.Domain.Reports;
using Portal.Tests.Dialogues;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Reports;

/// <summary>
/// The dashboard's figures equal a hand count on a prepared data set in commune A (Thất Khê), February–March 2026,
/// "now" being 20 March 2026:
/// Q1 received 2 Feb, routed to the roads board, answered 25 Feb: 17 working days later, on time only because Tết
/// (16–20 Feb) moved its 15-working-day deadline to 2 Mar; rated satisfied; its commitment done on 1 Mar.
/// Q2 received 2 Feb, routed to the committee, answered 10 Mar (late); its commitment due 15 Mar is not done.
/// Q3 received 3 Feb and refused; Q4 received 3 Feb and merged into Q1 (not counted); Q5 received 4 Feb, routed,
/// never answered (overdue now).
/// By hand: received 4 (all in February), answered 2 (Feb 1, Mar 1), on time 1 (50%), overdue now 1, days to answer
/// 23 and 36 → median 29.5, satisfied 1 of 1 rated, commitments done 1, overdue 1; roads board 1/1 on time, committee 0/1.
/// </summary>
public sealed class StatisticsServiceTests(StatisticsServiceTests.World world) : IClassFixture<StatisticsServiceTests.World>
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private static readonly DateOnly February = new(2026, 2, 1);
    private static readonly DateOnly March = new(2026, 3, 1);

    public sealed class World : DatabaseFixture
    {
        public DialogueWorld Dialogue { get; private set; } = null!;
        public StatisticsService Statistics { get; private set; } = null!;
        public long Q1 { get; private set; }
        public DateTimeOffset Q1Due { get; private set; }

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Dialogue = await DialogueWorld.CreateAsync(this, Clock);
            Statistics = new StatisticsService(this, Clock, [new DialogueFigures()]);
            var d = Dialogue;
            var conference = await d.OpenConferenceAsync(ModerationMode.PostModeration);
            var mai = await d.PersonAsync("Hoàng Thị Mai");
            var sang = await d.PersonAsync("Lộc Văn Sáng");

            Clock.SetUtcNow(new DateTimeOffset(2026, 2, 2, 9, 0, 0, Vietnam));
            Q1 = await d.AskAsync(conference, mai, "Đường vào thôn Nà Sla bị sạt lở sau mưa lớn");
            var q2 = await d.AskAsync(conference, sang, "Trạm bơm nước thôn Pò Mã hỏng đã hai tháng");
            await d.Service.AcceptAsync(d.Moderator, Q1, d.Roads);
            await d.Service.AcceptAsync(d.Moderator, q2, d.Committee);
            Clock.SetUtcNow(new DateTimeOffset(2026, 2, 3, 9, 0, 0, Vietnam));
            var q3 = await d.AskAsync(conference, await d.PersonAsync("Người quảng cáo"), "Quảng cáo bán thuốc chữa bách bệnh giá rẻ");
            await d.Service.RefuseAsync(d.Moderator, q3, "Nội dung quảng cáo, không phải ý kiến.");
            var q4 = await d.AskAsync(conference, await d.PersonAsync("Người hỏi trùng"), "Đường vào Nà Sla sạt lở, xin sửa giúp bà con");
            await d.Service.MergeAsync(d.Moderator, q4, Q1);
            Clock.SetUtcNow(new DateTimeOffset(2026, 2, 4, 9, 0, 0, Vietnam));
            var q5 = await d.AskAsync(conference, await d.PersonAsync("Nông Thị Hoa"), "Cầu treo bản Khuổi Ky xuống cấp nguy hiểm");
            await d.Service.AcceptAsync(d.Moderator, q5, d.Roads);

            Clock.SetUtcNow(new DateTimeOffset(2026, 2, 25, 9, 0, 0, Vietnam));
            await d.Service.AnswerAsync(d.Official, Q1, "Xã đã cử máy xúc dọn đất đá.", [new CommitmentPlan("Kè lại taluy đoạn sạt", d.Roads, new DateTimeOffset(2026, 3, 5, 17, 0, 0, Vietnam))]);
            await d.Service.RateAsync(mai, Q1, Satisfaction.Satisfied, null);
            Clock.SetUtcNow(new DateTimeOffset(2026, 3, 1, 9, 0, 0, Vietnam));
            long commitment;
            await using (var db = CreateDbContext())
            {
                commitment = await db.Commitments.Where(c => c.QuestionId == Q1).Select(c => c.Id).SingleAsync();
                Q1Due = await db.TrackedDeadlines.Where(t => t.ItemType == "question" && t.ItemId == Q1.ToString() && t.Kind == DeadlineKind.AnswerQuestion)
                    .Select(t => t.Deadline.DueAt).SingleAsync();
            }
            await d.Service.ReportProgressAsync(d.Official, commitment, 100);
            Clock.SetUtcNow(new DateTimeOffset(2026, 3, 10, 9, 0, 0, Vietnam));
            await d.Service.AnswerAsync(d.Leader, q2, "UBND xã sẽ thay máy bơm mới.", [new CommitmentPlan("Thay máy bơm", d.Committee, new DateTimeOffset(2026, 3, 15, 17, 0, 0, Vietnam))]);
            Clock.SetUtcNow(new DateTimeOffset(2026, 3, 20, 9, 0, 0, Vietnam));
        }
    }

    private Task<Dashboard?> Commune(int? agency = null) => world.Statistics.DashboardAsync(world.Dialogue.Tree.CommuneA, agency, February, March);

    private static double? Figure(PillarDashboard pillar, string code) => pillar.Figures.Single(f => f.Code == code).Value;

    [Fact]
    public void ShouldHaveAnsweredQ1OnTimeOnlyBecauseOfTet()
    {
        // 15 working days from 2 Feb counting weekends only would end on 23 Feb; Tết moved it past the answer on 25 Feb.
        Assert.True(world.Q1Due > new DateTimeOffset(2026, 2, 25, 23, 59, 0, Vietnam), $"due {world.Q1Due}");
    }

    [Fact]
    public async Task ShouldCountTheCommuneAsByHand()
    {
        var dialogue = (await Commune())!.Pillars.Single(p => p.Pillar == "dialogue");
        Assert.Equal(4, Figure(dialogue, DialogueFigures.Received));
        Assert.Equal(2, Figure(dialogue, DialogueFigures.Answered));
        Assert.Equal(1, Figure(dialogue, DialogueFigures.AnsweredOnTime));
        Assert.Equal(0.5, Figure(dialogue, DialogueFigures.OnTimeRate));
        Assert.Equal(1, Figure(dialogue, DialogueFigures.OverdueNow));
        Assert.Equal(29.5, Figure(dialogue, DialogueFigures.MedianDays));
        Assert.Equal(1.0, Figure(dialogue, DialogueFigures.SatisfiedShare));
        Assert.Equal(1, Figure(dialogue, DialogueFigures.CommitmentsDone));
        Assert.Equal(1, Figure(dialogue, DialogueFigures.CommitmentsOverdueNow));
    }

    [Fact]
    public async Task ShouldDrawTheTrendByMonthAndRankAgenciesByOnTimeRate()
    {
        var dialogue = (await Commune())!.Pillars.Single();
        Assert.Equal([February, March], dialogue.Trend.Select(t => t.Month));
        Assert.Equal(4, dialogue.Trend[0].Values[DialogueFigures.Received]);
        Assert.Equal(1, dialogue.Trend[0].Values[DialogueFigures.AnsweredOnTime]);
        Assert.Equal(0, dialogue.Trend[1].Values[DialogueFigures.Received]);
        Assert.Equal(1, dialogue.Trend[1].Values[DialogueFigures.Answered]);
        Assert.Equal([(world.Dialogue.Roads, 1.0), (world.Dialogue.Committee, 0.0)], dialogue.Ranking.Select(r => (r.AgencyId, r.Rate)));
    }

    [Fact]
    public async Task ShouldBreakTheProvinceDownByCommuneAndShowTheWayUp()
    {
        var province = (await world.Statistics.DashboardAsync(world.Dialogue.Tree.Province, null, February, March))!;
        var dialogue = province.Pillars.Single();
        Assert.Equal(4, Figure(dialogue, DialogueFigures.Received));
        var communeA = dialogue.Children.Single(c => c.Unit.Id == world.Dialogue.Tree.CommuneA);
        var communeB = dialogue.Children.Single(c => c.Unit.Id == world.Dialogue.Tree.CommuneB);
        Assert.Equal(4, communeA.Figures.Single(f => f.Code == DialogueFigures.Received).Value);
        Assert.Equal(1, communeA.Figures.Single(f => f.Code == DialogueFigures.OverdueNow).Value);
        Assert.Equal(0, communeB.Figures.Single(f => f.Code == DialogueFigures.Received).Value);
        Assert.Null(communeB.Figures.Single(f => f.Code == DialogueFigures.MedianDays).Value);
        var commune = (await Commune())!;
        Assert.Equal([world.Dialogue.Tree.Province, world.Dialogue.Tree.CommuneA], commune.Trail.Select(u => u.Id));
    }

    [Fact]
    public async Task ShouldCountOneAgencyOnly()
    {
        var roads = (await Commune(world.Dialogue.Roads))!.Pillars.Single();
        Assert.Equal(2, Figure(roads, DialogueFigures.Received)); // Q1, Q5 (Q3 was never routed)
        Assert.Equal(1, Figure(roads, DialogueFigures.Answered));
        Assert.Equal(1.0, Figure(roads, DialogueFigures.OnTimeRate));
        Assert.Equal(1, Figure(roads, DialogueFigures.OverdueNow));
        Assert.Equal(0, Figure(roads, DialogueFigures.CommitmentsOverdueNow));
    }

    [Fact]
    public async Task ShouldGiveTheSameFiguresFromTheSnapshotAndStayTheSameWhenItRunsTwice()
    {
        var live = (await Commune())!.Pillars.Single().Figures;
        await world.Statistics.SnapshotAsync();
        int rows;
        await using (var db = world.CreateDbContext()) rows = await db.StatisticsSnapshots.CountAsync();
        await world.Statistics.SnapshotAsync();
        await using (var db = world.CreateDbContext())
        {
            Assert.Equal(rows, await db.StatisticsSnapshots.CountAsync());
            Assert.Equal(4, await db.StatisticsSnapshots.Where(s => s.Month == February && s.Figure == DialogueFigures.Received).SumAsync(s => s.Value));
            Assert.False(await db.StatisticsSnapshots.AnyAsync(s => s.Month == March), "the current month is never snapshotted");
        }
        var fromSnapshot = (await Commune())!.Pillars.Single().Figures;
        Assert.Equal(live, fromSnapshot);
    }

    [Fact]
    public async Task ShouldListThePublicItemsBehindAFigureAndCountTheOthers()
    {
        var received = (await world.Statistics.ItemsAsync(DialogueFigures.Received, world.Dialogue.Tree.CommuneA, null, February, March, 1))!;
        Assert.Equal(3, received.Total);
        Assert.Equal(1, received.Hidden); // Q3 was refused: counted, not shown
        Assert.DoesNotContain(received.Items, i => i.Text.Contains("Quảng cáo"));
        var overdue = (await world.Statistics.ItemsAsync(DialogueFigures.OverdueNow, world.Dialogue.Tree.CommuneA, null, February, March, 1))!;
        Assert.Equal("Cầu treo bản Khuổi Ky xuống cấp nguy hiểm", Assert.Single(overdue.Items).Text);
        var onTime = (await world.Statistics.ItemsAsync(DialogueFigures.AnsweredOnTime, world.Dialogue.Tree.CommuneA, null, February, March, 1))!;
        Assert.Equal($"#y-kien-{world.Q1}", "#" + Assert.Single(onTime.Items).Link.Split('#')[1]);
        var late = (await world.Statistics.ItemsAsync(DialogueFigures.CommitmentsOverdueNow, world.Dialogue.Tree.CommuneA, null, February, March, 1))!;
        Assert.Equal("Thay máy bơm", Assert.Single(late.Items).Text);
        Assert.Null(await world.Statistics.ItemsAsync("no.such-figure", world.Dialogue.Tree.CommuneA, null, February, March, 1));
    }

    [Fact]
    public async Task ShouldRefuseAPeriodBackwardsAndAnswerNullForAVillage()
    {
        var error = await Assert.ThrowsAsync<Portal.Domain.DomainRuleException>(() => world.Statistics.DashboardAsync(world.Dialogue.Tree.CommuneA, null, March, February));
        Assert.Equal("statistics.period.invalid", error.Key);
        Assert.Null(await world.Statistics.DashboardAsync(world.Dialogue.Tree.VillageA1, null, February, March));
    }
}
