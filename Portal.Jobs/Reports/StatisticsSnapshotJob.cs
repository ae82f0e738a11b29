using Portal.Domain.Reports;

namespace Portal.Jobs.Reports;

/// <summary>Nightly: recomputes the statistics snapshot of the past complete months (idempotent: the months' rows are
/// replaced in one transaction; the current month is always computed live by the dashboard).</summary>
public sealed class StatisticsSnapshotJob(StatisticsService statistics)
{
    public Task Run(CancellationToken ct) => statistics.SnapshotAsync(ct);
}
