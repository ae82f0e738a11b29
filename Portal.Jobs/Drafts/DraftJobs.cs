using Hangfire;
using Microsoft.Extensions.Logging;
using Portal.Domain.Drafts;

namespace Portal.Jobs.Drafts;

/// <summary>At the instant a draft's window closes: compiles its opinions into the report draft (once; a second run does nothing).</summary>
public sealed class CloseDraftWindowJob(DraftService drafts, ILogger<CloseDraftWindowJob> log)
{
    public async Task Run(int draftId, CancellationToken ct)
    {
        if (await drafts.CompileAsync(draftId, ct)) log.LogInformation("Draft {Draft} closed and compiled", draftId);
    }
}

/// <summary>Every minute: compiles any draft whose window closed and that no scheduled job compiled (lost, or late).</summary>
public sealed class CompileDueDraftsJob(DraftService drafts, ILogger<CompileDueDraftsJob> log)
{
    public async Task Run(CancellationToken ct)
    {
        var compiled = await drafts.CompileDueAsync(ct);
        if (compiled > 0) log.LogInformation("Draft windows compiled by the sweep: {Count}", compiled);
    }
}

/// <summary>Schedules <see cref="CloseDraftWindowJob"/> at the close instant through Hangfire.</summary>
public sealed class HangfireDraftScheduler(IBackgroundJobClient jobs) : IDraftScheduler
{
    public void ScheduleClose(int draftId, DateTimeOffset at) =>
        jobs.Schedule<CloseDraftWindowJob>(job => job.Run(draftId, CancellationToken.None), at);
}
