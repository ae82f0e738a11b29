using Microsoft.Extensions.Logging.Abstractions;
using Portal.Web.Notifications;

namespace Portal.Tests.Notifications;

public class BellSignalsTests
{
    private readonly BellSignals _signals = new(NullLogger<BellSignals>.Instance);

    [Fact]
    public async Task ShouldCallOnlyTheBellsOfTheSignalledPerson()
    {
        int mai = 0, nam = 0;
        using var first = _signals.Subscribe("mai", () => { Interlocked.Increment(ref mai); return Task.CompletedTask; });
        using var second = _signals.Subscribe("mai", () => { Interlocked.Increment(ref mai); return Task.CompletedTask; });
        using var other = _signals.Subscribe("nam", () => { Interlocked.Increment(ref nam); return Task.CompletedTask; });

        await _signals.Signal("mai");

        Assert.Equal(2, mai);
        Assert.Equal(0, nam);
    }

    [Fact]
    public async Task ShouldStopCallingABellOnceItsSubscriptionIsDisposed()
    {
        var calls = 0;
        var subscription = _signals.Subscribe("mai", () => { calls++; return Task.CompletedTask; });
        subscription.Dispose();

        await _signals.Signal("mai");

        Assert.Equal(0, calls);
        Assert.Equal(0, _signals.Count);
    }

    [Fact]
    public async Task ShouldStillCallOtherBellsWhenOneFails()
    {
        var called = false;
        using var broken = _signals.Subscribe("mai", () => throw new ObjectDisposedException("circuit"));
        using var working = _signals.Subscribe("mai", () => { called = true; return Task.CompletedTask; });

        await _signals.Signal("mai");

        Assert.True(called);
    }

    [Fact]
    public async Task ShouldNotWaitForASlowBellBeforeReturning()
    {
        var release = new TaskCompletionSource();
        using var slow = _signals.Subscribe("mai", () => release.Task);

        var running = _signals.Signal("mai");

        Assert.False(running.IsCompleted);
        release.SetResult();
        await running.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
