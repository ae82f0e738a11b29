using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Jobs.Drafts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Drafts;

public class DraftJobsTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task ShouldCompileOneReportWhenTheScheduledJobAndTheSweepBothRun()
    {
        var w = await DraftWorld.CreateAsync(db);
        var id = await w.OpenDraftAsync();
        await w.CommentAsync(id, w.Resident, "Mặt đường 3,5 m là quá rộng với đường thôn.");
        w.Clock.Advance(TimeSpan.FromDays(21));
        var scheduled = new CloseDraftWindowJob(w.Service, NullLogger<CloseDraftWindowJob>.Instance);
        var sweep = new CompileDueDraftsJob(w.Service, NullLogger<CompileDueDraftsJob>.Instance);

        await Task.WhenAll(scheduled.Run(id, default), sweep.Run(default), scheduled.Run(id, default));

        await using var check = db.CreateDbContext();
        Assert.Equal(1, await check.CriticismRecommendations.CountAsync(r => r.DraftId == id));
        Assert.Equal(1, await check.AuditEntries.CountAsync(a => a.Action == "draft.close" && a.ItemId == id.ToString()));
        Assert.Equal(1, await check.Outbox.CountAsync(m => m.Key == $"notify:draft:{id}:closed:{w.Resident.UserId}"));
    }
}

public class DraftScheduleTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private sealed class Recorder : Portal.Domain.Drafts.IDraftScheduler
    {
        public List<(int Draft, DateTimeOffset At)> Planned { get; } = [];
        public void ScheduleClose(int draftId, DateTimeOffset at) => Planned.Add((draftId, at));
    }

    [Fact]
    public async Task ShouldScheduleTheCloseJobAtTheWindowsEndWhenPublished()
    {
        var w = await DraftWorld.CreateAsync(db);
        var recorder = new Recorder();
        var service = new Portal.Domain.Drafts.DraftService(db, w.Clock, new Portal.Domain.PortalLinks("https://portal.test"), recorder);
        var plan = w.Plan();
        var id = await service.PrepareAsync(w.Secretary, plan, DraftSectionParserTests.Regulation);

        await service.PublishAsync(w.Secretary, id);

        Assert.Equal([(id, plan.ClosesAt)], recorder.Planned);
    }
}
