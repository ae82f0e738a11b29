using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Domain.Notifications;
using Portal.Jobs;

namespace Portal.Web.Notifications;

public enum UnsubscribeState { Ask, Done, Unknown }

/// <summary>The web side of notifications: the live bell's listener and the digest's unsubscribe link.</summary>
public static class NotificationsSetup
{
    public const string UnsubscribePath = "/notifications/unsubscribe";

    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddPortalNotifications();
        services.AddSingleton<BellSignals>();
        services.AddSingleton<ConferenceSignals>();
        services.AddSingleton<NotificationListener>();
        services.AddHostedService(sp => sp.GetRequiredService<NotificationListener>());
        return services;
    }

    /// <summary>GET asks, POST stops digests. The POST also serves RFC 8058 one-click unsubscribe (mail clients post
    /// "List-Unsubscribe=One-Click" without an antiforgery token): it is idempotent and only reduces mail.</summary>
    public static void MapNotificationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var unsubscribe = endpoints.MapGroup(UnsubscribePath).AllowAnonymous();
        unsubscribe.MapGet("", async (string? token, DigestService digests, CancellationToken ct) =>
            Page(token, await digests.IsKnownTokenAsync(token, ct) ? UnsubscribeState.Ask : UnsubscribeState.Unknown));
        unsubscribe.MapPost("", async (string? token, DigestService digests, CancellationToken ct) =>
            Page(token, await digests.UnsubscribeAsync(token, ct) ? UnsubscribeState.Done : UnsubscribeState.Unknown))
            .DisableAntiforgery();
    }

    private static RazorComponentResult<UnsubscribePage> Page(string? token, UnsubscribeState state) =>
        new(new Dictionary<string, object?> { [nameof(UnsubscribePage.Token)] = token, [nameof(UnsubscribePage.State)] = state })
        {
            StatusCode = state == UnsubscribeState.Unknown ? StatusCodes.Status404NotFound : StatusCodes.Status200OK,
        };
}
