using Microsoft.Extensions.Configuration;
using Portal.Domain.Notifications;

namespace Portal.Jobs.Notifications;

/// <summary>Recurring (07:00 Vietnam time): queues the daily digests. Reentrant: a second run the same day sends nothing more.</summary>
public sealed class DailyDigestJob(DigestService digests, TimeProvider clock, IConfiguration configuration)
{
    public const string DefaultBaseUrl = "http://localhost:5080";

    public Task Run(CancellationToken ct) =>
        digests.RunAsync(clock.GetUtcNow(), configuration["Portal:BaseUrl"] is { Length: > 0 } url ? url : DefaultBaseUrl, ct);
}
