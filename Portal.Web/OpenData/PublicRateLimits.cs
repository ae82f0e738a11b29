using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;

namespace Portal.Web.OpenData;

/// <summary>
/// Per-IP limits on what anyone may call as often as they like: the open-data API (/api/) and the search page
/// (/tim-kiem, whose every search is one GET). ASP.NET Core's built-in limiter, a fixed window per client address;
/// over the limit the answer is 429 with Retry-After and a problem-details body. Other pages are not limited.
/// </summary>
public static class PublicRateLimits
{
    public sealed class Options
    {
        /// <summary>Requests per client address per window on the API and search (RateLimits:PermitsPerWindow).</summary>
        public int PermitsPerWindow { get; set; } = 120;
        public int WindowSeconds { get; set; } = 60;
    }

    public static IServiceCollection AddPublicRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("RateLimits").Get<Options>() ?? new Options();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => IsLimited(http.Request.Path)
                ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.PermitsPerWindow,
                    Window = TimeSpan.FromSeconds(options.WindowSeconds),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter(""));
            limiter.OnRejected = async (context, ct) =>
            {
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(options.WindowSeconds);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Quá nhiều yêu cầu (too many requests)",
                    detail: "Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn; hãy thử lại sau ít phút.").ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }

    private static bool IsLimited(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/tim-kiem", StringComparison.OrdinalIgnoreCase);
}
