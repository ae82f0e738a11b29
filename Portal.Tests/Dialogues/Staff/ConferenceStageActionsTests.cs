using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Dialogues;
using Portal.Tests.Infrastructure;
using Portal.Web.Dialogues.Staff;

namespace Portal.Tests.Dialogues.Staff;

/// <summary>The host's conference-day steps in the staff conference list: the live session, "held", "publish results".</summary>
public class ConferenceStageActionsTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ShouldLetTheLeaderOpenTheLiveSessionRecordTheConferenceHeldAndPublishItsResultsAfterConfirming()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
        var w = await StaffWorld.CreateAsync(db, clock);
        clock.Advance(TimeSpan.FromDays(31)); // the window has closed and the conference has begun
        await using var ctx = StaffUi.Context(db, clock, w.LeaderA.UserId, w.LeaderA.Name);
        var host = ctx.RenderWithProviders<ConferenceTable>();
        var row = $"tr[data-conference='{w.ConferenceA}']";
        host.WaitForAssertion(() => Assert.NotNull(host.Find($"{row} button.mark-held")), Wait);
        Assert.Equal($"/quan-ly/hoi-nghi/{w.ConferenceA}/truc-tiep", host.Find($"{row} a.go-live").GetAttribute("href"));

        var click = host.Find($"{row} button.mark-held").ClickAsync(new()); // completes once the dialog is answered
        await host.ClickDialogButtonAsync("Huỷ");
        await click.WaitAsync(Wait);
        Assert.NotEqual(ConferenceState.Held, await StateAsync(w.ConferenceA)); // cancelled: nothing changed
        click = host.Find($"{row} button.mark-held").ClickAsync(new());
        await host.ClickDialogButtonAsync("Ghi nhận");
        await click.WaitAsync(Wait);
        host.WaitForAssertion(() => Assert.NotNull(host.Find($"{row} button.publish-results")), Wait);
        Assert.Equal(ConferenceState.Held, await StateAsync(w.ConferenceA));

        click = host.Find($"{row} button.publish-results").ClickAsync(new());
        await host.ClickDialogButtonAsync("Công khai");
        await click.WaitAsync(Wait);
        host.WaitForAssertion(() => Assert.Empty(host.FindAll($"{row} button.publish-results")), Wait);
        Assert.Equal(ConferenceState.ResultsPublished, await StateAsync(w.ConferenceA));
        Assert.Contains("Đã công khai kết quả hội nghị", host.Markup);
    }

    private async Task<ConferenceState> StateAsync(int conference)
    {
        await using var check = db.CreateDbContext();
        return await check.Conferences.Where(c => c.Id == conference).Select(c => c.State).SingleAsync();
    }
}
