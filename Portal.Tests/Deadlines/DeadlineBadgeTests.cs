using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using Portal.Domain.Deadlines;
using Portal.Web.Deadlines;

namespace Portal.Tests.Deadlines;

public class DeadlineBadgeTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Due = new(2026, 3, 16, 16, 59, 59, TimeSpan.Zero);
    private readonly BunitContext _ctx = new();
    private readonly FakeTimeProvider _clock = new(Due.AddDays(-10));
    private readonly CultureInfo _culture = CultureInfo.CurrentUICulture;

    public DeadlineBadgeTests()
    {
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddLocalization();
        _ctx.Services.AddSingleton<TimeProvider>(_clock);
        CultureInfo.CurrentUICulture = new CultureInfo("vi-VN");
    }

    private IRenderedComponent<DeadlineBadge> Render(Deadline deadline) =>
        _ctx.Render<DeadlineBadge>(p => p.Add(b => b.Deadline, deadline));

    [Fact]
    public void ShouldShowTheDueDateAndExplanationWhileOnTime()
    {
        var badge = Render(new Deadline(Due.AddDays(-14), Due, "10 ngày làm việc kể từ 02/03/2026 → hạn 16/03/2026", "x"));

        Assert.Contains("Hạn 16/03/2026", badge.Markup);
        Assert.Contains("10 ngày làm việc kể từ 02/03/2026", badge.Find(".mud-chip").GetAttribute("aria-label"));
    }

    [Fact]
    public void ShouldTurnRedWhenOverdue()
    {
        _clock.SetUtcNow(Due.AddMinutes(1));

        var badge = Render(new Deadline(Due.AddDays(-14), Due, "giải thích", "explanation"));

        Assert.Contains("Quá hạn từ 16/03/2026", badge.Markup);
        Assert.Contains("mud-chip-color-error", badge.Markup);
    }

    [Fact]
    public void ShouldSayAnsweredLateAfterTheFact()
    {
        var badge = Render(new Deadline(Due.AddDays(-14), Due, "giải thích", "explanation", Due.AddDays(2)));

        Assert.Contains("Trễ hạn", badge.Markup);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only IAsyncDisposable.
    public async Task DisposeAsync()
    {
        CultureInfo.CurrentUICulture = _culture;
        await _ctx.DisposeAsync();
    }
}
