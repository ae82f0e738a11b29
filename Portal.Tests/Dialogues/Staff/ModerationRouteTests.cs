using Bunit;
using MudBlazor;
using Portal.Web.Dialogues.Staff;

namespace Portal.Tests.Dialogues.Staff;

/// <summary>The moderation queue's "Chuyển" action: offered only when the page can route, and reloads after a move.</summary>
public class ModerationRouteTests
{
    private static readonly ModerationItem Accepted = new(41, "Đường vào thôn Nà Sla bị sạt lở sau mưa lớn", null, "Lộc Văn Sáng", "Thôn Nà Sla",
        null, "Giao thông", "Đã thụ lý", Color.Info, new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero), 0,
        ModerationActions.Refuse | ModerationActions.Route, null, "Ban giao thông");

    private static Dictionary<string, object?> Parameters(Func<ModerationItem, Task<bool>>? route, Action changed) => new()
    {
        [nameof(ModerationQueue.Items)] = new[] { Accepted },
        [nameof(ModerationQueue.Accept)] = new Func<ModerationItem, int?, Task>((_, _) => Task.CompletedTask),
        [nameof(ModerationQueue.Refuse)] = new Func<ModerationItem, string, Task>((_, _) => Task.CompletedTask),
        [nameof(ModerationQueue.Merge)] = new Func<ModerationItem, long, Task>((_, _) => Task.CompletedTask),
        [nameof(ModerationQueue.Redact)] = new Func<ModerationItem, string, Task>((_, _) => Task.CompletedTask),
        [nameof(ModerationQueue.Route)] = route,
        [nameof(ModerationQueue.OnChanged)] = Microsoft.AspNetCore.Components.EventCallback.Factory.Create(new object(), changed),
    };

    [Fact]
    public async Task ShouldRouteTheItemThroughThePageAndReloadAfterAMove()
    {
        var routed = new List<long>();
        var reloads = 0;
        await using var ctx = StaffUi.Context(null, TimeProvider.System);
        var host = ctx.RenderWithProviders<ModerationQueue>(Parameters(item => { routed.Add(item.Id); return Task.FromResult(true); }, () => reloads++));

        await host.Find("button.route").ClickAsync(new());

        Assert.Equal([41L], routed);
        Assert.Equal(1, reloads);
    }

    [Fact]
    public async Task ShouldNotOfferRoutingWhenThePageCannotRoute()
    {
        await using var ctx = StaffUi.Context(null, TimeProvider.System);
        var host = ctx.RenderWithProviders<ModerationQueue>(Parameters(null, () => { }));

        Assert.Single(host.FindAll("button.refuse"));
        Assert.Empty(host.FindAll("button.route"));
    }
}
