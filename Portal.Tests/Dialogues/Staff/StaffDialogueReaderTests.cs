using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Accounts;
using Portal.Domain.Deadlines;
using Portal.Domain.Dialogues;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Dialogues.Staff;

/// <summary>What staff may read of conferences and questions, on the real PostgreSQL: each person sees their own scope only.</summary>
public class StaffDialogueReaderTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private Task<StaffWorld> WorldAsync() => StaffWorld.CreateAsync(db, new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero)));

    [Fact]
    public async Task ShouldShowAModeratorOfCommuneBNothingOfCommuneAsQueue()
    {
        var w = await WorldAsync();
        await w.AskAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Reader.ModerationQueueAsync(w.ModeratorB, w.ConferenceA, new()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Reader.ConferenceAsync(w.ModeratorB, w.ConferenceA));
        var listed = await w.Reader.ConferencesAsync(w.ModeratorB, pageSize: 100);

        Assert.Contains(listed.Items, c => c.Id == w.ConferenceB && c.MayModerate && !c.MayHost);
        Assert.DoesNotContain(listed.Items, c => c.Id == w.ConferenceA);
        Assert.Single((await w.Reader.ModerationQueueAsync(w.ModeratorA, w.ConferenceA, new())).Items);
    }

    [Fact]
    public async Task ShouldShowTheModeratorTheOriginalTextAndTheRealAuthorReceivedFirst()
    {
        var w = await WorldAsync();
        var accepted = await w.AskAsync("Cầu tràn thôn Pò Mã ngập mỗi khi mưa, học sinh không đến trường được", village: w.Tree.VillageA2);
        var received = await w.AskAsync("Tôi là Hoàng Thị Mai, số điện thoại 0912345678, xin hỏi về đường vào thôn", topic: "Đất đai");
        await w.Service.AcceptAsync(w.ModeratorA, accepted);
        await w.Service.RedactAsync(w.ModeratorA, received, "Xin hỏi về đường vào thôn (đã ẩn thông tin cá nhân)");

        var queue = await w.Reader.ModerationQueueAsync(w.ModeratorA, w.ConferenceA, new());

        Assert.Equal([received, accepted], queue.Items.Select(q => q.Id));
        var first = queue.Items[0];
        Assert.Contains("0912345678", first.Body);
        Assert.Equal("Xin hỏi về đường vào thôn (đã ẩn thông tin cá nhân)", first.RedactedBody);
        Assert.StartsWith("Hoàng Thị Mai", first.AuthorName);
        Assert.Equal("Thôn Nà Sla", first.VillageName);
        Assert.Equal(w.CommitteeA, first.SuggestedAgencyId);
        Assert.Equal(w.Roads, queue.Items[1].AgencyId);
        Assert.Equal([accepted], (await w.Reader.ModerationQueueAsync(w.ModeratorA, w.ConferenceA, new(VillageId: w.Tree.VillageA2))).Items.Select(q => q.Id));
        Assert.Equal([received], (await w.Reader.ModerationQueueAsync(w.ModeratorA, w.ConferenceA, new(State: QuestionState.Received))).Items.Select(q => q.Id));
    }

    [Fact]
    public async Task ShouldListOnlyTheQuestionsRoutedToTheOfficialsOwnAgencies()
    {
        var w = await WorldAsync();
        var road = await w.AskAsync();
        var land = await w.AskAsync("Xin cấp giấy chứng nhận quyền sử dụng đất cho các hộ thôn Nà Sla", topic: "Đất đai");
        await w.Service.AcceptAsync(w.ModeratorA, road);
        await w.Service.AcceptAsync(w.ModeratorA, land);

        var roads = await w.Reader.AnswerDeskAsync(w.RoadsOfficial, new());
        var office = await w.Reader.AnswerDeskAsync(w.CommitteeOfficial, new());
        var other = await w.Reader.AnswerDeskAsync(w.OfficialB, new(AnswerDeskView.All));

        Assert.Equal([road], roads.Page.Items.Select(i => i.Question.Id));
        Assert.Equal([land], office.Page.Items.Select(i => i.Question.Id));
        Assert.Empty(other.Page.Items);
        Assert.Equal((0, 0, 0), (other.Waiting, other.Overdue, other.Answered));
        var item = roads.Page.Items[0];
        Assert.Equal(StaffWorld.Road, item.Question.Body);
        Assert.NotNull(item.Deadline);
        Assert.Equal(DeadlineState.OnTime, item.Deadline!.StateAt(w.Clock.GetUtcNow()));
        Assert.Equal([w.ConferenceA], roads.Conferences.Select(c => c.Id));
    }

    [Fact]
    public async Task ShouldCountWaitingOverdueAndAnsweredQuestions()
    {
        var w = await WorldAsync();
        var clock = (FakeTimeProvider)w.Clock;
        var first = await w.AskAsync();
        var second = await w.AskAsync("Đèn đường đoạn qua chợ Thất Khê hỏng đã hai tháng chưa được thay");
        var third = await w.AskAsync("Xin làm gờ giảm tốc trước cổng trường tiểu học Thất Khê");
        foreach (var id in new[] { first, second, third }) await w.Service.AcceptAsync(w.ModeratorA, id);
        await w.Service.AnswerAsync(w.RoadsOfficial, first, "Xã đã bố trí kinh phí, thi công trong tháng Tư.",
            [new CommitmentPlan("Gia cố 200 m taluy", w.Roads, clock.GetUtcNow().AddDays(60))]);
        clock.Advance(TimeSpan.FromDays(90));

        var desk = await w.Reader.AnswerDeskAsync(w.RoadsOfficial, new(AnswerDeskView.Overdue));
        var answered = await w.Reader.AnswerDeskAsync(w.RoadsOfficial, new(AnswerDeskView.Answered));

        Assert.Equal((2, 2, 1), (desk.Waiting, desk.Overdue, desk.Answered));
        Assert.Equal([second, third], desk.Page.Items.Select(i => i.Question.Id).Order());
        Assert.All(desk.Page.Items, i => Assert.Equal(DeadlineState.Overdue, i.Deadline!.StateAt(clock.GetUtcNow())));
        var done = Assert.Single(answered.Page.Items);
        Assert.Equal((first, 1), (done.Question.Id, done.Commitments));
        Assert.Contains("kinh phí", done.AnswerMarkdown);
    }

    [Fact]
    public async Task ShouldListDraftsToTheirOrganiserButNothingToAResident()
    {
        var w = await WorldAsync();
        var draft = await w.Service.PlanAsync(w.LeaderA, (await w.Reader.ConferenceAsync(w.LeaderA, w.ConferenceA)).Plan);

        var leader = await w.Reader.ConferencesAsync(w.LeaderA, pageSize: 100);
        var resident = await w.Reader.ConferencesAsync(w.Resident);

        Assert.Contains(leader.Items, c => c.Id == draft && c.State == ConferenceState.Draft && c.MayHost);
        Assert.Contains(leader.Items, c => c.Id == w.ConferenceA && c.State == ConferenceState.OpenForQuestions);
        Assert.DoesNotContain(leader.Items, c => c.Id == w.ConferenceB);
        Assert.Empty(resident.Items);
        Assert.Equal([w.Tree.CommuneA], await w.Reader.HostScopeAsync(w.LeaderA));
    }
}
