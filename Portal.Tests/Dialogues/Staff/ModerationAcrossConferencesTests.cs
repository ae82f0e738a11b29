using Bunit;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Dialogues;
using Portal.Tests.Infrastructure;
using Portal.Web.Dialogues.Staff;

namespace Portal.Tests.Dialogues.Staff;

/// <summary>The moderation queue across conferences: everything of the moderator's scope and nothing outside it.</summary>
public class ModerationAcrossConferencesTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task ShouldGatherTheItemsOfEveryConferenceInTheModeratorsScopeOnly()
    {
        var w = await StaffWorld.CreateAsync(db, db.Clock);
        var second = await SecondConferenceOfCommuneAAsync(w);
        var first = await w.AskAsync();
        var other = await w.Service.AskAsync(w.Resident, second, w.Tree.VillageA1, "Đất đai", "Hộ tôi chờ cấp giấy chứng nhận quyền sử dụng đất đã lâu",
            AuthorVisibility.FullName, Guid.NewGuid());
        var outside = await w.Service.AskAsync(w.Resident, w.ConferenceB, w.Tree.VillageB1, "Giao thông", "Đường tổ dân phố 1 ngập nước mỗi khi mưa to",
            AuthorVisibility.FullName, Guid.NewGuid());

        var queue = await w.Reader.ModerationQueueAsync(w.ModeratorA, new ModerationFilter());
        var conferences = await w.Reader.ModerationConferencesAsync(w.ModeratorA);

        Assert.Contains(first, queue.Items.Select(q => q.Id));
        Assert.Contains(other, queue.Items.Select(q => q.Id));
        Assert.DoesNotContain(outside, queue.Items.Select(q => q.Id));
        Assert.Contains(conferences, c => c.Id == second && c.Waiting == 1);
        Assert.DoesNotContain(conferences, c => c.Id == w.ConferenceB);
        var narrowed = await w.Reader.ModerationQueueAsync(w.ModeratorA, new ModerationFilter(ConferenceId: second));
        Assert.Equal([other], narrowed.Items.Select(q => q.Id));
        var foreign = await w.Reader.ModerationQueueAsync(w.ModeratorA, new ModerationFilter(ConferenceId: w.ConferenceB));
        Assert.Empty(foreign.Items); // naming another commune's conference does not widen the scope
        Assert.Equal([outside], (await w.Reader.ModerationQueueAsync(w.ModeratorB, new ModerationFilter())).Items.Select(q => q.Id));
    }

    [Fact]
    public async Task ShouldAcceptFromTheQueueAcrossConferencesWithTheAgenciesOfTheItemsUnit()
    {
        var w = await StaffWorld.CreateAsync(db, db.Clock);
        var second = await SecondConferenceOfCommuneAAsync(w);
        var question = await w.Service.AskAsync(w.Resident, second, w.Tree.VillageA1, "Giao thông", StaffWorld.Road, AuthorVisibility.FullName, Guid.NewGuid());
        await using var ctx = StaffUi.Context(db, db.Clock, w.ModeratorA.UserId, w.ModeratorA.Name);
        var host = ctx.RenderWithProviders<ModerationAllPage>();

        host.WaitForAssertion(() => Assert.Contains(host.FindAll(".moderation-card"), c => c.GetAttribute("data-item") == question.ToString()));
        var card = host.FindAll(".moderation-card").Single(c => c.GetAttribute("data-item") == question.ToString());
        Assert.Contains("Đối thoại về đất đai", card.TextContent); // the card names its conference
        // Found and clicked on the renderer's dispatcher, so a re-render cannot replace the button in between; the handler
        // waits for the dialog, so its task is kept, and clicked again if a re-render still beat it.
        Task Click()
        {
            Task handler = Task.CompletedTask;
            host.InvokeAsync(() => { handler = host.FindAll(".moderation-card").Single(c => c.GetAttribute("data-item") == question.ToString())
                .QuerySelector("button.accept")!.ClickAsync(new()); }).GetAwaiter().GetResult();
            return handler;
        }
        var accepting = Click();
        host.WaitForAssertion(() =>
        {
            if (accepting.IsFaulted) accepting = Click();
            Assert.Contains("Theo quy tắc phân công của đơn vị.", host.Markup);
        });
        await host.InvokeAsync(() => host.Find("button.accept-confirm").ClickAsync(new()));
        await accepting.WaitAsync(TimeSpan.FromSeconds(10));

        await using var check = db.CreateDbContext();
        var accepted = await check.Questions.SingleAsync(q => q.Id == question);
        Assert.Equal((QuestionState.Accepted, (int?)w.Roads), (accepted.State, accepted.AgencyId));
    }

    private static async Task<int> SecondConferenceOfCommuneAAsync(StaffWorld w)
    {
        var now = w.Clock.GetUtcNow();
        var plan = new ConferencePlan(w.Tree.CommuneA, "Đối thoại về đất đai " + Guid.NewGuid().ToString("N")[..4], null, ["Giao thông", "Đất đai"],
            "Đồng chí Hoàng Văn Thành", w.CommitteeA, null, now.AddDays(30), "Hội trường UBND xã", null, now.AddHours(-1), now.AddDays(28),
            ModerationMode.PreModeration);
        var id = await w.Service.PlanAsync(w.LeaderA, plan);
        await w.Service.AnnounceAsync(w.LeaderA, id);
        return id;
    }
}
