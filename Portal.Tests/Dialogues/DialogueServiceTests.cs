using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain;
using Portal.Domain.Accounts;
using Portal.Domain.Deadlines;
using Portal.Domain.Dialogues;
using Portal.Domain.Units;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Dialogues;

/// <summary>The dialogue service on the real PostgreSQL: asking, support, moderation, routing, answering, rating, scope.</summary>
public class DialogueServiceTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private Task<AnnouncedConference> ArrangeAsync() => AnnouncedConference.CreateAsync(db);

    private static Task<long> Ask(AnnouncedConference w, Actor who, string text, Guid? request = null) =>
        w.Service.AskAsync(who, w.Conference, w.Tree.VillageA1, "Giao thông", text, AuthorVisibility.InitialsAndVillage, request ?? Guid.NewGuid());

    [Fact]
    public async Task ShouldCreateOneQuestionWhenTheSameFormIsSubmittedTwice()
    {
        var w = await ArrangeAsync();
        var request = Guid.NewGuid();

        var first = await Ask(w, w.Resident, "Đường vào thôn Nà Sla bị sạt lở sau mưa lớn", request);
        var second = await Ask(w, w.Resident, "Đường vào thôn Nà Sla bị sạt lở sau mưa lớn", request);

        Assert.Equal(first, second);
        await using var ctx = db.CreateDbContext();
        Assert.Equal(1, await ctx.Questions.CountAsync(q => q.ConferenceId == w.Conference));
        var acknowledge = await ctx.TrackedDeadlines.SingleAsync(t => t.ItemId == first.ToString() && t.Kind == DeadlineKind.Acknowledge);
        Assert.StartsWith("10 ngày làm việc", acknowledge.Deadline.ExplanationVi);
    }

    [Fact]
    public async Task ShouldRefuseAQuestionFromAVillageOfAnotherCommuneAndAfterTheWindow()
    {
        var w = await ArrangeAsync();

        var outside = await Assert.ThrowsAsync<DomainRuleException>(() => w.Service.AskAsync(w.Resident, w.Conference, w.Tree.VillageB1,
            "Giao thông", "Đường tổ dân phố 1 ngập nước mỗi khi mưa", AuthorVisibility.FullName, Guid.NewGuid()));
        w.Clock.Advance(TimeSpan.FromDays(30));
        var late = await Assert.ThrowsAsync<DomainRuleException>(() => Ask(w, w.Resident, "Đường vào thôn Nà Sla bị sạt lở sau mưa lớn"));

        Assert.Equal(("question.village.outside", "question.window.closed"), (outside.Key, late.Key));
    }

    [Fact]
    public async Task ShouldCountEachSupporterOnceAndLetThemWithdraw()
    {
        var w = await ArrangeAsync();
        var question = await Ask(w, w.Resident, "Đường vào thôn Nà Sla bị sạt lở sau mưa lớn");

        await w.Service.SupportAsync(w.Neighbour, question, true);
        await w.Service.SupportAsync(w.Neighbour, question, true);
        await w.Service.SupportAsync(w.Official, question, true);
        await w.Service.SupportAsync(w.Official, question, false);

        await using var ctx = db.CreateDbContext();
        Assert.Equal(1, (await ctx.Questions.SingleAsync(q => q.Id == question)).SupportCount);
    }

    [Fact]
    public async Task ShouldRouteByTopicTrackTheAnswerAndNotifyTheAuthor()
    {
        var w = await ArrangeAsync();
        var question = await Ask(w, w.Resident, "Đường vào thôn Nà Sla bị sạt lở sau mưa lớn");

        await w.Service.AcceptAsync(w.Moderator, question);

        await using var ctx = db.CreateDbContext();
        Assert.Equal(w.Roads, (await ctx.Questions.SingleAsync(q => q.Id == question)).AgencyId);
        var answer = await ctx.TrackedDeadlines.SingleAsync(t => t.ItemId == question.ToString() && t.Kind == DeadlineKind.AnswerQuestion);
        Assert.Equal(w.Roads, answer.AgencyId);
        Assert.NotNull((await ctx.TrackedDeadlines.SingleAsync(t => t.ItemId == question.ToString() && t.Kind == DeadlineKind.Acknowledge)).Deadline.MetAt);
        Assert.True(await ctx.Notifications.AnyAsync(n => n.UserId == w.Resident.UserId && n.Key == $"question:{question}:accepted"));
        Assert.True(await ctx.Outbox.AnyAsync(m => m.Key == $"notify:question:{question}:accepted:{w.Resident.UserId}"));
    }

    [Fact]
    public async Task ShouldMoveSupportsAndFollowersWhenMerging()
    {
        var w = await ArrangeAsync();
        var original = await Ask(w, w.Resident, "Đường vào thôn Nà Sla bị sạt lở sau mưa lớn");
        var duplicate = await Ask(w, w.Neighbour, "duong vao thon na sla bi sat lo, xin sua som");
        await w.Service.SupportAsync(w.Official, duplicate, true);

        var similar = await w.Service.SimilarAsync(w.Conference, "duong vao thon na sla sat lo");
        await w.Service.MergeAsync(w.Moderator, duplicate, original);

        Assert.Contains(similar, s => s.Id == original);
        await using var ctx = db.CreateDbContext();
        Assert.Equal(QuestionState.Merged, (await ctx.Questions.SingleAsync(q => q.Id == duplicate)).State);
        Assert.Equal(2, (await ctx.Questions.SingleAsync(q => q.Id == original)).SupportCount);
        Assert.True(await ctx.QuestionFollowers.AnyAsync(f => f.QuestionId == original && f.UserId == w.Neighbour.UserId));
    }

    [Fact]
    public async Task ShouldRefuseAnAnswerFromAnOfficialOfAnotherCommune()
    {
        var w = await ArrangeAsync();
        var question = await Ask(w, w.Resident, "Đường vào thôn Nà Sla bị sạt lở sau mưa lớn");
        await w.Service.AcceptAsync(w.Moderator, question);

        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Service.AnswerAsync(w.OtherOfficial, question, "Phường sẽ xem xét.", []));
        await Assert.ThrowsAsync<AccessDeniedException>(() => w.Service.AcceptAsync(w.OtherOfficial, question));
    }

    [Fact]
    public async Task ShouldReopenOnDissatisfactionNotifyTheLeaderAndEscalateTheSecondTime()
    {
        var w = await ArrangeAsync();
        var question = await Ask(w, w.Resident, "Đường vào thôn Nà Sla bị sạt lở sau mưa lớn");
        await w.Service.AcceptAsync(w.Moderator, question);
        var due = w.Clock.GetUtcNow().AddDays(60);
        await w.Service.AnswerAsync(w.Official, question, "Xã sẽ **khắc phục** trong tháng này.", [new CommitmentPlan("Gia cố 200 m taluy", w.Roads, due)]);

        Assert.Equal(DissatisfactionOutcome.Reopened, await w.Service.RateAsync(w.Resident, question, Satisfaction.NotSatisfied, "Chưa nói rõ khi nào làm"));
        await w.Service.AnswerAsync(w.Official, question, "Khởi công ngày 15/4, xong trước 30/5.", []);
        Assert.Equal(DissatisfactionOutcome.Escalated, await w.Service.RateAsync(w.Resident, question, Satisfaction.NotSatisfied, "Vẫn chưa có kinh phí rõ ràng"));

        await using var ctx = db.CreateDbContext();
        Assert.True(await ctx.Notifications.AnyAsync(n => n.UserId == w.Leader.UserId && n.Kind == "question.dissatisfied"));
        Assert.True(await ctx.Notifications.AnyAsync(n => n.UserId == w.ProvinceLeader.UserId && n.Kind == "question.dissatisfied"));
        Assert.Equal(1, await ctx.Commitments.CountAsync(c => c.QuestionId == question));
        Assert.Equal(2, await ctx.AuditEntries.CountAsync(a => a.Action == "question.rate" && a.ItemId == question.ToString()));
    }

    [Fact]
    public async Task ShouldTellTheLeaderWhichQuestionTheResidentIsNotSatisfiedWith()
    {
        var w = await ArrangeAsync();
        var question = await Ask(w, w.Resident, "Đường vào thôn Nà Sla bị sạt lở sau mưa lớn");
        await w.Service.AcceptAsync(w.Moderator, question);
        await w.Service.AnswerAsync(w.Official, question, "Xã sẽ **khắc phục** trong tháng này.", []);

        await w.Service.RateAsync(w.Resident, question, Satisfaction.NotSatisfied, "Chưa nói rõ khi nào làm");

        await using var ctx = db.CreateDbContext();
        var notification = await ctx.Notifications.SingleAsync(n => n.UserId == w.Leader.UserId && n.Kind == "question.dissatisfied");
        Assert.Equal("Người dân chưa hài lòng với câu trả lời: Đường vào thôn Nà Sla bị sạt lở sau mưa lớn", notification.TitleVi);
        var email = await ctx.Outbox.SingleAsync(m => m.Key == $"notify:question.dissatisfied:{question}:Reopened:{w.Leader.UserId}");
        Assert.Contains("> Đường vào thôn Nà Sla bị sạt lở sau mưa lớn", email.BodyMarkdown);
        Assert.Contains("Lý do: Chưa nói rõ khi nào làm", email.BodyMarkdown);
    }
}

public class ConferenceResultsTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task ShouldAnswerLiveThenPublishResultsToVillageHeadsAndFollowers()
    {
        var w = await AnnouncedConference.CreateAsync(db);
        var head = await TestUsers.CreateAsync(db, "Trưởng thôn Nà Sla", w.Tree.VillageA1);
        await new AccountService(db, w.Clock).GrantAsync(Actor.System, head, w.Tree.VillageA1, StaffRole.VillageHead);
        var question = await w.Service.AskAsync(w.Resident, w.Conference, w.Tree.VillageA1, "Giao thông",
            "Đường vào thôn Nà Sla bị sạt lở sau mưa lớn", AuthorVisibility.FullName, Guid.NewGuid());
        await w.Service.SupportAsync(w.Neighbour, question, true);
        await w.Service.FollowAsync(w.Neighbour, question, true);
        w.Clock.Advance(TimeSpan.FromDays(19)); // the window closed; the conference starts in a day

        await w.Service.GoLiveAsync(w.Leader, question);
        await w.Service.RecordLiveAnswerAsync(w.Leader, question, "Chủ tịch xã trả lời: sẽ gia cố taluy trong quý II.",
            [new CommitmentPlan("Gia cố 200 m taluy đường Nà Sla", w.Roads, w.Clock.GetUtcNow().AddDays(90))]);
        w.Clock.Advance(TimeSpan.FromDays(2));
        await w.Service.MarkHeldAsync(w.Leader, w.Conference);
        await w.Service.PublishResultsAsync(w.Leader, w.Conference);

        await using var ctx = db.CreateDbContext();
        var answered = await ctx.Questions.SingleAsync(q => q.Id == question);
        Assert.Equal((QuestionState.Published, true), (answered.State, answered.AnsweredLive));
        Assert.True(await ctx.Outbox.AnyAsync(m => m.Key == $"results:{w.Conference}:{head}"));
        Assert.True(await ctx.Notifications.AnyAsync(n => n.UserId == w.Neighbour.UserId && n.Key == $"conference:{w.Conference}:results"));
        var publish = await ctx.TrackedDeadlines.SingleAsync(t => t.ItemType == "conference" && t.ItemId == w.Conference.ToString());
        Assert.NotNull(publish.Deadline.MetAt);
        Assert.StartsWith("10 ngày", publish.Deadline.ExplanationVi);
    }

    [Fact]
    public async Task ShouldRefuseToPublishResultsOfAConferenceNotYetHeld()
    {
        var w = await AnnouncedConference.CreateAsync(db);

        var refusal = await Assert.ThrowsAsync<DomainRuleException>(() => w.Service.PublishResultsAsync(w.Leader, w.Conference));

        Assert.Equal("conference.publish.not-held", refusal.Key);
    }
}

public class CommitmentDeadlineTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task ShouldTrackACommitmentToTheLeadersDateMarkItOverdueAndMeetItWhenDone()
    {
        var w = await AnnouncedConference.CreateAsync(db);
        var question = await w.Service.AskAsync(w.Resident, w.Conference, w.Tree.VillageA1, "Giao thông",
            "Đường vào thôn Nà Sla bị sạt lở sau mưa lớn", AuthorVisibility.FullName, Guid.NewGuid());
        await w.Service.AcceptAsync(w.Moderator, question);
        var due = w.Clock.GetUtcNow().AddDays(20);
        await w.Service.AnswerAsync(w.Official, question, "Xã sẽ gia cố taluy trong tháng tới.", [new CommitmentPlan("Gia cố 200 m taluy", w.Roads, due)]);

        long commitment;
        await using (var ctx = db.CreateDbContext())
        {
            commitment = await ctx.Commitments.Where(c => c.QuestionId == question).Select(c => c.Id).SingleAsync();
            var tracked = await ctx.TrackedDeadlines.SingleAsync(t => t.ItemType == "commitment" && t.ItemId == commitment.ToString());
            Assert.Equal((due, true, (int?)w.Roads), (tracked.Deadline.DueAt, tracked.FixedDue, tracked.AgencyId));
        }
        w.Clock.Advance(TimeSpan.FromDays(21));
        var swept = await new DeadlineSweep(db, w.Clock).RunAsync("https://portal.test");
        Assert.Equal(1, swept.MarkedOverdue);

        await w.Service.ReportProgressAsync(w.Official, commitment, 100);

        await using var check = db.CreateDbContext();
        var done = await check.TrackedDeadlines.SingleAsync(t => t.ItemType == "commitment" && t.ItemId == commitment.ToString());
        Assert.Equal(DeadlineState.AnsweredLate, done.Deadline.StateAt(w.Clock.GetUtcNow()));
    }
}
