using Portal.Domain.Campaigns;

namespace Portal.Jobs.Campaigns;

/// <summary>Recurring (Monday 07:00 Vietnam time): the organisers' weekly summary of each open campaign. Reentrant: the outbox
/// key per campaign, person and week makes a second run that week queue nothing.</summary>
public sealed class WeeklyCampaignSummaryJob(WeeklyCampaignSummary summaries, TimeProvider clock)
{
    public Task Run(CancellationToken ct) => summaries.RunAsync(clock.GetUtcNow(), ct);
}
