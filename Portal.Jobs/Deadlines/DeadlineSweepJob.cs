using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Portal.Domain.Deadlines;

namespace Portal.Jobs.Deadlines;

/// <summary>Recurring (every 10 minutes): reminders, overdue marking and escalation. Reentrant by construction.</summary>
public sealed class DeadlineSweepJob(DeadlineSweep sweep, IConfiguration configuration, ILogger<DeadlineSweepJob> log)
{
    public async Task Run(CancellationToken ct)
    {
        var result = await sweep.RunAsync(configuration["Portal:BaseUrl"] ?? "http://localhost:5080", ct);
        if (result != new SweepResult(0, 0, 0))
            log.LogInformation("Deadline sweep: {Reminded} reminders, {Overdue} marked overdue, {Escalated} escalated", result.Reminded, result.MarkedOverdue, result.Escalated);
    }
}
