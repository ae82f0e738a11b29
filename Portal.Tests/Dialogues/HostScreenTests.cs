using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor.Services;
using Portal.Domain.Data;
using Portal.Domain.Dialogues;
using Portal.Tests.Infrastructure;
using Portal.Web.Dialogues.Live;
using Portal.Web.Notifications;

namespace Portal.Tests.Dialogues;

/// <summary>The projector screen: waits, then shows the question put on stage when the conference's signal arrives.</summary>
public class HostScreenTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task ShouldShowTheQuestionOnStageWhenSignalled()
    {
        var w = await AnnouncedConference.CreateAsync(db);
        var question = await w.Service.AskAsync(w.Resident, w.Conference, w.Tree.VillageA1, "Giao thông",
            "Đường vào thôn Nà Sla bị sạt lở sau mưa lớn", AuthorVisibility.FullName, Guid.NewGuid());
        await w.Service.AcceptAsync(w.Moderator, question);
        w.Clock.Advance(TimeSpan.FromDays(19)); // the window has closed
        var signals = new ConferenceSignals(NullLogger<ConferenceSignals>.Instance);
        await using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization();
        ctx.Services.AddSingleton<IDbContextFactory<PortalDb>>(db);
        ctx.Services.AddSingleton(new LiveReader(db));
        ctx.Services.AddSingleton(signals);
        ctx.Services.AddSingleton<TimeProvider>(w.Clock); // the timer counts on the conference's clock

        var screen = ctx.Render<HostScreen>(p => p.Add(s => s.ConferenceId, w.Conference));
        screen.WaitForAssertion(() => Assert.NotEmpty(screen.FindAll(".host-screen[data-live=on]")));
        screen.WaitForAssertion(() =>
        {
            Assert.NotEmpty(screen.FindAll(".host-waiting"));
            Assert.Contains("Đường vào thôn Nà Sla", screen.Find(".host-next").TextContent);
        });

        await w.Service.GoLiveAsync(w.Leader, question);
        await signals.Signal(w.Conference.ToString());

        screen.WaitForAssertion(() =>
        {
            Assert.Contains("Đường vào thôn Nà Sla", screen.Find(".host-question").TextContent);
            Assert.Matches(@"^\d\d:\d\d$", screen.Find(".stage-timer").TextContent.Trim());
        });
    }
}
