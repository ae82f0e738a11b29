using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Domain.Notifications;
using Portal.Jobs.Notifications;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Notifications;

/// <summary>The real SendGrid client against a local stub: failures are retried with backoff, 429 is waited out,
/// the last failure dead-letters, and a message is delivered exactly once.</summary>
public class OutboxDispatcherTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private SendGridStub _stub = null!;

    public async Task InitializeAsync() => _stub = await SendGridStub.StartAsync();
    public async Task DisposeAsync() => await _stub.DisposeAsync();

    private OutboxDispatcher Dispatcher()
    {
        var options = new EmailOptions { FromAddress = "portal@tinh.test", SendGrid = { ApiKey = "SG.test", Host = _stub.Url } };
        var sender = new SendGridEmailSender(options, new HttpClient());
        return new OutboxDispatcher(db, sender, db.Clock, NullLogger<OutboxDispatcher>.Instance);
    }

    private async Task<long> Queue(string key)
    {
        await using var ctx = db.CreateDbContext();
        var message = new OutboxMessage(key, "test", "dan@tinh.test", "Hoàng Thị Mai", "vi", "Thông báo", "Chào **chị Mai**.", db.Clock.GetUtcNow());
        Assert.True(await ctx.EnqueueAsync(message));
        await ctx.SaveChangesAsync();
        return message.Id;
    }

    private async Task<OutboxMessage> Load(long id)
    {
        await using var ctx = db.CreateDbContext();
        return await ctx.Outbox.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    [Fact]
    public async Task ShouldDeliverExactlyOnceAfterTwoServerErrors()
    {
        var id = await Queue("test:retry:" + Guid.NewGuid());
        _stub.Then(500);
        _stub.Then(500);
        var dispatcher = Dispatcher();

        Assert.Equal(0, await dispatcher.DispatchDueAsync());
        db.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await dispatcher.DispatchDueAsync());
        db.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await dispatcher.DispatchDueAsync());
        db.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await dispatcher.DispatchDueAsync());

        var message = await Load(id);
        Assert.NotNull(message.SentAt);
        Assert.StartsWith("sg-", message.ProviderMessageId);
        Assert.Equal(2, message.Attempts);
        Assert.Single(_stub.AcceptedBodies, b => b.Contains("dan@tinh.test"));
        Assert.Equal(3, _stub.Requests);
    }

    [Fact]
    public async Task ShouldWaitOutRetryAfterOn429()
    {
        var id = await Queue("test:throttle:" + Guid.NewGuid());
        _stub.Then(429, retryAfterSeconds: 600);
        var dispatcher = Dispatcher();

        await dispatcher.DispatchDueAsync();
        db.Clock.Advance(TimeSpan.FromMinutes(5));
        await dispatcher.DispatchDueAsync();
        Assert.Null((await Load(id)).SentAt);
        Assert.Equal(1, _stub.Requests);

        db.Clock.Advance(TimeSpan.FromMinutes(5));
        await dispatcher.DispatchDueAsync();
        Assert.NotNull((await Load(id)).SentAt);
    }

    [Fact]
    public async Task ShouldDeadLetterAfterTheLastAttemptAndSendAgainWhenRevived()
    {
        var id = await Queue("test:dead:" + Guid.NewGuid());
        for (var i = 0; i < OutboxMessage.MaxAttempts; i++) _stub.Then(503);
        var dispatcher = Dispatcher();

        for (var i = 0; i < OutboxMessage.MaxAttempts; i++)
        {
            await dispatcher.DispatchDueAsync();
            db.Clock.Advance(TimeSpan.FromHours(7));
        }
        var dead = await Load(id);
        Assert.NotNull(dead.DeadAt);
        Assert.Contains("503", dead.LastError);

        await using (var ctx = db.CreateDbContext())
        {
            (await ctx.Outbox.SingleAsync(m => m.Id == id)).Revive(db.Clock.GetUtcNow());
            await ctx.SaveChangesAsync();
        }
        await dispatcher.DispatchDueAsync();
        Assert.NotNull((await Load(id)).SentAt);
    }

    [Fact]
    public async Task ShouldQueueTheSameOccasionOnlyOnce()
    {
        var key = "reminder:question-7:due-3" + Guid.NewGuid();
        await Queue(key);
        await using var ctx = db.CreateDbContext();

        Assert.False(await ctx.EnqueueAsync(new OutboxMessage(key, "test", "dan@tinh.test", null, "vi", "Lần hai", "x", db.Clock.GetUtcNow())));
    }

    [Fact]
    public async Task ShouldNotSendAMessageAnotherWorkerHolds()
    {
        var id = await Queue("test:claimed:" + Guid.NewGuid());
        await using (var ctx = db.CreateDbContext())
            await ctx.Outbox.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, db.Clock.GetUtcNow().AddMinutes(5)));

        Assert.Equal(0, await Dispatcher().DispatchDueAsync());
        Assert.False(await Dispatcher().TrySendNowAsync(id));

        db.Clock.Advance(TimeSpan.FromMinutes(6)); // the other worker died: its claim expires and the message is taken over
        Assert.Equal(1, await Dispatcher().DispatchDueAsync());
    }
}
