using Microsoft.EntityFrameworkCore;
using Portal.Domain;
using Portal.Domain.Dialogues;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Dialogues;

public class WindowCloserTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task ShouldRouteOnceAndSendEachAgencyOneEmailEvenWhenRunTwice()
    {
        var w = await AnnouncedConference.CreateAsync(db);
        await using (var ctx = db.CreateDbContext())
            await ctx.Agencies.Where(a => a.Id == w.Roads || a.Id == w.Committee)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.ContactEmail, a => "ban" + a.Id + "@xa.test"));
        var road = await w.Service.AskAsync(w.Resident, w.Conference, w.Tree.VillageA1, "Giao thông", "Đường vào thôn Nà Sla bị sạt lở sau mưa lớn", AuthorVisibility.FullName, Guid.NewGuid());
        var land = await w.Service.AskAsync(w.Neighbour, w.Conference, w.Tree.VillageA2, "Đất đai", "Xin cấp giấy chứng nhận quyền sử dụng đất cho hộ tôi", AuthorVisibility.Anonymous, Guid.NewGuid());
        var twin = await w.Service.AskAsync(w.Neighbour, w.Conference, w.Tree.VillageA1, "Giao thông", "Đường vào thôn Nà Sla bị sạt lở sau mưa lớn quá", AuthorVisibility.FullName, Guid.NewGuid());
        var closer = new WindowCloser(db, w.Clock, new PortalLinks("https://portal.test"));

        Assert.Equal(0, (await closer.RunAsync()).Conferences); // still open
        w.Clock.Advance(TimeSpan.FromDays(20));
        var first = await closer.RunAsync();
        var second = await closer.RunAsync();

        Assert.Equal(new WindowCloseResult(1, 2, 1, 2), first);
        Assert.Equal(new WindowCloseResult(0, 0, 0, 0), second);
        await using var check = db.CreateDbContext();
        var questions = await check.Questions.Where(q => q.ConferenceId == w.Conference).ToDictionaryAsync(q => q.Id);
        Assert.Equal((w.Roads, w.Committee), (questions[road].AgencyId, questions[land].AgencyId));
        Assert.Equal(QuestionState.Received, questions[twin].State); // left for a moderator to merge
        Assert.Equal(2, await check.Outbox.CountAsync(m => m.Key.StartsWith($"agenda:{w.Conference}:")));
        Assert.True(await check.Notifications.AnyAsync(n => n.UserId == w.Moderator.UserId && n.Key == $"conference:{w.Conference}:merge-proposals"));

        var agenda = await closer.AgendaAsync(w.Conference);
        Assert.Equal(2, agenda.Total); // the likely duplicate waits for a moderator, off the agenda
        Assert.Equal(1, agenda.QuestionsPerVillage["Thôn Nà Sla"]);
    }

    [Fact]
    public void ShouldOrderTheAgendaByTopicSupportThenQuestionSupport()
    {
        var agenda = AgendaCompiler.Compile(
        [
            new(1, "Đất đai", "a", "Thôn A", 2, QuestionState.Accepted, null),
            new(2, "Giao thông", "b", "Thôn A", 5, QuestionState.Accepted, null),
            new(3, "Giao thông", "c", "Thôn B", 9, QuestionState.Answered, null),
            new(4, "Giao thông", "d", "Thôn B", 50, QuestionState.Refused, null),
        ], ["Đất đai", "Giao thông"]);

        Assert.Equal(["Giao thông", "Đất đai"], agenda.Topics.Select(t => t.Topic));
        Assert.Equal([3L, 2L], agenda.Topics[0].Questions.Select(q => q.Id));
        Assert.Equal(3, agenda.Total);
    }
}
