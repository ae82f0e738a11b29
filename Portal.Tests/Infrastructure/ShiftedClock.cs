namespace Portal.Tests.Infrastructure;

/// <summary>Real time moved by an offset the test sets: "now" jumps (a question window closes, a deadline passes) while
/// timers keep running on the system clock, so the browser-driven app (MudBlazor's debounce, circuits) keeps working.
/// A <c>FakeTimeProvider</c> would freeze those timers.</summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
