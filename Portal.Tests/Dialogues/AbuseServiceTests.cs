using Microsoft.EntityFrameworkCore;
using Portal.Domain;
using Portal.Domain.Accounts;
using Portal.Domain.Dialogues;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Dialogues;

/// <summary>Abuse reports on the real PostgreSQL: distinct accounts hide a question at the threshold, its moderators
/// review and restore it, and hidden questions stay out of everything the public reads.</summary>
public class AbuseServiceTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private async Task<(AnnouncedConference World, AbuseService Abuse, long Question)> ArrangeAsync()
    {
        var w = await AnnouncedConference.CreateAsync(db);
        var question = await w.Service.AskAsync(w.Resident, w.Conference, w.Tree.VillageA1, "Giao thông",
            "Đường vào thôn Nà Sla bị sạt lở sau mưa lớn", AuthorVisibility.FullName, Guid.NewGuid());
        await w.Service.AcceptAsync(w.Moderator, question);
        return (w, new AbuseService(db, w.Clock, new PortalLinks("https://portal.test"), hideAfterReports: 3), question);
    }

    private DialogueReader Reader(AnnouncedConference w) => new(db, w.Clock);

    [Fact]
    public async Task ShouldHideAQuestionAtTheThirdDistinctReportAndNotifyItsModerators()
    {
        var (w, abuse, question) = await ArrangeAsync();

        var first = await abuse.ReportAsync(w.Neighbour, question, "Lời lẽ xúc phạm");
        var again = await abuse.ReportAsync(w.Neighbour, question, null);
        var second = await abuse.ReportAsync(w.Official, question, null);
        var third = await abuse.ReportAsync(w.OtherOfficial, question, "  ");

        Assert.Equal(new ReportOutcome(true, false), first);
        Assert.Equal(new ReportOutcome(false, false), again);
        Assert.Equal(new ReportOutcome(true, false), second);
        Assert.Equal(new ReportOutcome(true, true), third);
        await using var ctx = db.CreateDbContext();
        Assert.NotNull((await ctx.Questions.SingleAsync(q => q.Id == question)).HiddenAt);
        Assert.Equal(3, await ctx.AbuseReports.CountAsync(r => r.QuestionId == question));
        var audits = await ctx.AuditEntries.Where(a => a.ItemType == "question" && a.ItemId == question.ToString()).Select(a => a.Action).ToListAsync();
        Assert.Equal(3, audits.Count(a => a == "question.report"));
        Assert.Single(audits, a => a == "question.hidden");
        Assert.True(await ctx.Notifications.AnyAsync(n => n.UserId == w.Moderator.UserId && n.Key.StartsWith($"question:{question}:hidden")));
        Assert.False(await ctx.Notifications.AnyAsync(n => n.UserId == w.OtherOfficial.UserId && n.Key.StartsWith($"question:{question}:hidden")));
    }

    [Fact]
    public async Task ShouldNotHideWhileTheSameAccountReportsAgainAndAgain()
    {
        var (w, abuse, question) = await ArrangeAsync();

        for (var i = 0; i < 4; i++) await abuse.ReportAsync(w.Neighbour, question, "Nội dung không đúng sự thật");

        await using var ctx = db.CreateDbContext();
        Assert.Null((await ctx.Questions.SingleAsync(q => q.Id == question)).HiddenAt);
        Assert.Equal(1, await ctx.AbuseReports.CountAsync(r => r.QuestionId == question));
    }

    [Fact]
    public async Task ShouldRefuseTheAuthorReportingTheirOwnQuestionAndATooLongReason()
    {
        var (w, abuse, question) = await ArrangeAsync();

        var own = await Assert.ThrowsAsync<DomainRuleException>(() => abuse.ReportAsync(w.Resident, question, null));
        var tooLong = await Assert.ThrowsAsync<DomainRuleException>(() => abuse.ReportAsync(w.Neighbour, question, new string('x', 501)));

        Assert.Equal(("abuse.report.own", "abuse.reason.too-long"), (own.Key, tooLong.Key));
    }

    [Fact]
    public async Task ShouldKeepAHiddenQuestionFromOthersButShowItToItsAuthorAsAwaitingReview()
    {
        var (w, abuse, question) = await ArrangeAsync();
        var reader = Reader(w);
        foreach (var who in new[] { w.Neighbour, w.Official, w.Leader }) await abuse.ReportAsync(who, question, null);

        var forNeighbour = await reader.QuestionsAsync(w.Conference, w.Neighbour.UserId, new QuestionFilter());
        var forVisitor = await reader.QuestionsAsync(w.Conference, null, new QuestionFilter());
        var forAuthor = await reader.QuestionAsync(question, w.Resident.UserId);

        Assert.DoesNotContain(forNeighbour.Items, q => q.Id == question);
        Assert.Equal(0, forVisitor.Total);
        Assert.Null(await reader.QuestionAsync(question, w.Neighbour.UserId));
        Assert.Empty(await reader.ResultsAsync(w.Conference));
        Assert.True(forAuthor is { Hidden: true, IsMine: true });
        Assert.Equal(0, (await new LiveReader(db).ViewAsync(w.Conference))!.Total);
    }

    [Fact]
    public async Task ShouldLetAModeratorOfTheUnitReviewAndRestoreAndNoOneElse()
    {
        var (w, abuse, question) = await ArrangeAsync();
        foreach (var who in new[] { w.Neighbour, w.Official, w.Leader }) await abuse.ReportAsync(who, question, "Xúc phạm cán bộ");

        var reported = await abuse.ReportedAsync(w.Moderator, w.Conference);
        await Assert.ThrowsAsync<AccessDeniedException>(() => abuse.ReportedAsync(w.OtherOfficial, w.Conference));
        await Assert.ThrowsAsync<AccessDeniedException>(() => abuse.RestoreAsync(w.Neighbour, question));
        await abuse.RestoreAsync(w.Moderator, question);

        var item = Assert.Single(reported);
        Assert.Equal((question, 3, 3), (item.Id, item.Reports, item.Reasons.Count));
        Assert.NotNull(item.HiddenAt);
        Assert.True(await abuse.MayReviewAsync(w.Moderator, w.Conference));
        Assert.False(await abuse.MayReviewAsync(w.Neighbour, w.Conference));
        Assert.Empty(await abuse.ReportedAsync(w.Moderator, w.Conference));
        var shown = await Reader(w).QuestionAsync(question, w.Neighbour.UserId);
        Assert.True(shown is { Hidden: false, Reported: false });
        await using var ctx = db.CreateDbContext();
        Assert.True(await ctx.AuditEntries.AnyAsync(a => a.Action == "question.restore" && a.ItemId == question.ToString() && a.ActorId == w.Moderator.UserId));
    }
}
