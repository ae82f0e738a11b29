using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Domain.Notifications;
using Portal.Tests.Infrastructure;
using Portal.Web.Hosting;
using Portal.Web.Notifications;

namespace Portal.Tests.Notifications;

/// <summary>The listener against the real PostgreSQL: a NOTIFY from any connection reaches the bells of that person.</summary>
public class NotificationListenerTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly BellSignals _signals = new(NullLogger<BellSignals>.Instance);
    private readonly ConferenceSignals _conferences = new(NullLogger<ConferenceSignals>.Instance);
    private NotificationListener _listener = null!;

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Portal"] = db.ConnectionString })
            .Build();
        var database = await PortalDatabase.OpenAsync(configuration, AppContext.BaseDirectory);
        _listener = new NotificationListener(database, _signals, _conferences, NullLogger<NotificationListener>.Instance);
        await _listener.StartAsync(CancellationToken.None);
        await _listener.Listening.WaitAsync(Patience);
    }

    public async Task DisposeAsync()
    {
        await _listener.StopAsync(CancellationToken.None);
        _listener.Dispose();
    }

    private static TaskCompletionSource Fired() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task Signal(string userId)
    {
        await using var ctx = db.CreateDbContext();
        await NotificationService.SignalAsync(ctx, [userId]);
    }

    [Fact]
    public async Task ShouldWakeTheBellOfThePersonNamedInTheNotify()
    {
        var fired = Fired();
        using var bell = _signals.Subscribe("user-a", () => { fired.TrySetResult(); return Task.CompletedTask; });

        await Signal("user-a");

        await fired.Task.WaitAsync(Patience);
    }

    [Fact]
    public async Task ShouldWakeTheLiveViewOfTheConferenceNamedOnTheConferenceChannel()
    {
        var fired = Fired();
        var bellRang = false;
        using var page = _conferences.Subscribe("42", () => { fired.TrySetResult(); return Task.CompletedTask; });
        using var bell = _signals.Subscribe("42", () => { bellRang = true; return Task.CompletedTask; });

        await using (var ctx = db.CreateDbContext())
            await ctx.Database.ExecuteSqlAsync($"SELECT pg_notify({Portal.Domain.Dialogues.DialogueService.LiveChannel}, '42')");

        await fired.Task.WaitAsync(Patience);
        Assert.False(bellRang);
    }

    [Fact]
    public async Task ShouldReconnectAfterTheConnectionDropsAndRecountEveryBell()
    {
        var recount = Fired();
        using var bell = _signals.Subscribe("user-c", () => { recount.TrySetResult(); return Task.CompletedTask; });
        await using (var ctx = db.CreateDbContext())
        {
            var killed = await ctx.Database.SqlQuery<bool>($"""
                SELECT pg_terminate_backend(pid) AS "Value" FROM pg_stat_activity
                WHERE application_name = 'portal-notification-listener' AND datname = current_database()
                """).ToListAsync();
            Assert.Equal([true], killed);
        }

        await recount.Task.WaitAsync(Patience);       // reconnected: bells re-count what they may have missed
        await _listener.Listening.WaitAsync(Patience);
        var fired = Fired();
        using var again = _signals.Subscribe("user-d", () => { fired.TrySetResult(); return Task.CompletedTask; });
        await Signal("user-d");
        await fired.Task.WaitAsync(Patience);
    }

    [Fact]
    public async Task ShouldStopCleanly()
    {
        await _listener.StopAsync(CancellationToken.None).WaitAsync(Patience);

        Assert.True(_listener.ExecuteTask!.IsCompletedSuccessfully);
    }
}
