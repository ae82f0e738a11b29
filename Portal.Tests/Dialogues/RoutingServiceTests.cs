using Microsoft.EntityFrameworkCore;
using Portal.Domain;
using Portal.Domain.Accounts;
using Portal.Domain.Deadlines;
using Portal.Domain.Dialogues;
using Portal.Domain.Units;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Dialogues;

/// <summary>Reassigning, transferring and routing rules on the real PostgreSQL.</summary>
public class RoutingServiceTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private sealed record World(AnnouncedConference W, RoutingService Routing, AgencyService Agencies, AccountService Accounts);

    private async Task<World> ArrangeAsync()
    {
        var w = await AnnouncedConference.CreateAsync(db);
        return new World(w, new RoutingService(db, w.Clock, new PortalLinks("https://portal.test")), new AgencyService(db, w.Clock), new AccountService(db, w.Clock));
    }

    private static async Task<long> AcceptedAsync(AnnouncedConference w, string text)
    {
        var id = await w.Service.AskAsync(w.Resident, w.Conference, w.Tree.VillageA1, "Giao thông", text, AuthorVisibility.InitialsAndVillage, Guid.NewGuid());
        await w.Service.AcceptAsync(w.Moderator, id);
        return id;
    }

    private static string Suffix() => Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task ShouldMoveTheOpenAnswerDeadlineToTheNewAgencyOnReassign()
    {
        var (w, routing, _, _) = await ArrangeAsync();
        var question = await AcceptedAsync(w, "Đường vào thôn Nà Sla bị sạt lở sau mưa lớn");

        await routing.ReassignAsync(w.Leader, question, w.Committee);

        await using var ctx = db.CreateDbContext();
        Assert.Equal(w.Committee, (await ctx.Questions.SingleAsync(q => q.Id == question)).AgencyId);
        var answer = await ctx.TrackedDeadlines.SingleAsync(t => t.ItemId == question.ToString() && t.Kind == DeadlineKind.AnswerQuestion);
        Assert.Equal(w.Committee, answer.AgencyId);
        Assert.True(await ctx.AuditEntries.AnyAsync(a => a.Action == "question.reassign" && a.ItemId == question.ToString()));
    }

    [Fact]
    public async Task ShouldRefuseAReassignByAModeratorOfAnotherCommune()
    {
        var (w, routing, _, accounts) = await ArrangeAsync();
        var question = await AcceptedAsync(w, "Đường vào thôn Nà Sla bị sạt lở sau mưa lớn");
        var id = await TestUsers.CreateAsync(db, "Kiểm duyệt phường", w.Tree.VillageB1);
        await accounts.GrantAsync(Actor.System, id, w.Tree.CommuneB, StaffRole.Moderator);

        await Assert.ThrowsAsync<AccessDeniedException>(() => routing.ReassignAsync(new Actor(id, "Kiểm duyệt phường"), question, w.Committee));

        await using var ctx = db.CreateDbContext();
        Assert.Equal(w.Roads, (await ctx.Questions.SingleAsync(q => q.Id == question)).AgencyId);
    }

    [Fact]
    public async Task ShouldChangeNothingWhenOneQuestionOfABulkReassignIsRefused()
    {
        var (w, routing, _, _) = await ArrangeAsync();
        var first = await AcceptedAsync(w, "Đường vào thôn Nà Sla bị sạt lở sau mưa lớn");
        var second = await AcceptedAsync(w, "Cầu treo qua suối Bản Chắt đã hư hỏng nặng");

        var refusal = await Assert.ThrowsAsync<DomainRuleException>(() => routing.ReassignManyAsync(w.Moderator, [first, second, long.MaxValue], w.Committee));

        Assert.Equal("question.not-found", refusal.Key);
        await using var ctx = db.CreateDbContext();
        Assert.All(await ctx.Questions.Where(q => q.Id == first || q.Id == second).ToListAsync(), q => Assert.Equal(w.Roads, q.AgencyId));
        Assert.Equal(2, await ctx.TrackedDeadlines.CountAsync(t => (t.ItemId == first.ToString() || t.ItemId == second.ToString())
            && t.Kind == DeadlineKind.AnswerQuestion && t.AgencyId == w.Roads));
        Assert.False(await ctx.AuditEntries.AnyAsync(a => a.Action == "question.reassign" && (a.ItemId == first.ToString() || a.ItemId == second.ToString())));
    }

    [Fact]
    public async Task ShouldTransferToAnotherCommunesAgencyMeetingTheTransferDeadlineAndTellingEveryone()
    {
        var (w, routing, agencies, _) = await ArrangeAsync();
        var question = await AcceptedAsync(w, "Đường vào thôn Nà Sla bị sạt lở sau mưa lớn");
        var email = $"dothi-{Suffix()}@phuong.test";
        var target = await agencies.CreateAsync(Actor.System, "Phòng quản lý đô thị " + Suffix(), AgencyKind.SpecialisedDepartment, w.Tree.CommuneB, email);

        await routing.TransferAsync(w.Moderator, question, target, "Đoạn đường thuộc địa phận phường");

        await using var ctx = db.CreateDbContext();
        var q = await ctx.Questions.SingleAsync(x => x.Id == question);
        Assert.Equal((QuestionState.Transferred, (int?)target), (q.State, q.AgencyId));
        var transfer = await ctx.TrackedDeadlines.SingleAsync(t => t.ItemId == question.ToString() && t.Kind == DeadlineKind.Transfer);
        Assert.Equal(q.ReceivedAt, transfer.Deadline.StartedAt);
        Assert.Equal(w.Clock.GetUtcNow(), transfer.Deadline.MetAt);
        var answer = await ctx.TrackedDeadlines.SingleAsync(t => t.ItemId == question.ToString() && t.Kind == DeadlineKind.AnswerQuestion);
        Assert.Equal((int?)target, answer.AgencyId);
        Assert.Null(answer.Deadline.MetAt);
        Assert.True(await ctx.Notifications.AnyAsync(n => n.UserId == w.Resident.UserId && n.Key == $"question:{question}:transferred:{target}"));
        Assert.True(await ctx.Outbox.AnyAsync(m => m.Key == $"transfer:{question}:{target}" && m.ToEmail == email));
        Assert.True(await ctx.AuditEntries.AnyAsync(a => a.Action == "question.transfer" && a.ItemId == question.ToString()));
    }

    [Fact]
    public async Task ShouldRefuseATransferToAnAgencyInsideTheConferencesUnit()
    {
        var (w, routing, _, _) = await ArrangeAsync();
        var question = await AcceptedAsync(w, "Đường vào thôn Nà Sla bị sạt lở sau mưa lớn");

        var refusal = await Assert.ThrowsAsync<DomainRuleException>(() => routing.TransferAsync(w.Moderator, question, w.Committee, null));

        Assert.Equal("question.transfer.same-unit", refusal.Key);
        await using var ctx = db.CreateDbContext();
        Assert.Equal(QuestionState.Accepted, (await ctx.Questions.SingleAsync(q => q.Id == question)).State);
        Assert.False(await ctx.TrackedDeadlines.AnyAsync(t => t.ItemId == question.ToString() && t.Kind == DeadlineKind.Transfer));
    }

    [Fact]
    public async Task ShouldSetReplaceAndRemoveARoutingRuleOnlyWithinTheLeadersScope()
    {
        var (w, routing, _, _) = await ArrangeAsync();
        var topic = "Môi trường " + Suffix();

        var id = await routing.SetRuleAsync(w.Leader, w.Tree.CommuneA, topic, w.Roads);
        Assert.Equal(id, await routing.SetRuleAsync(w.Leader, w.Tree.CommuneA, topic, w.Committee));
        var rules = await routing.RulesAsync(w.Tree.CommuneA);
        Assert.Equal(w.Committee, rules.Single(r => r.Topic == topic).AgencyId);
        await Assert.ThrowsAsync<AccessDeniedException>(() => routing.RemoveRuleAsync(w.OtherOfficial, id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => routing.SetRuleAsync(w.Leader, w.Tree.CommuneB, topic, w.Committee));
        await routing.RemoveRuleAsync(w.Leader, id);

        Assert.DoesNotContain(await routing.RulesAsync(w.Tree.CommuneA), r => r.Topic == topic);
        await using var ctx = db.CreateDbContext();
        Assert.Equal(2, await ctx.AuditEntries.CountAsync(a => a.Action == "routing-rule.set" && a.ItemId == id.ToString()));
        Assert.True(await ctx.AuditEntries.AnyAsync(a => a.Action == "routing-rule.remove" && a.ItemId == id.ToString()));
    }
}
