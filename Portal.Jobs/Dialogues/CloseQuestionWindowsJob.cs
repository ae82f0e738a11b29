using Microsoft.Extensions.Logging;
using Portal.Domain.Dialogues;

namespace Portal.Jobs.Dialogues;

/// <summary>Every minute: compiles the conferences whose question window has just closed (each once).</summary>
public sealed class CloseQuestionWindowsJob(WindowCloser closer, ILogger<CloseQuestionWindowsJob> log)
{
    public async Task Run(CancellationToken ct)
    {
        var result = await closer.RunAsync(ct);
        if (result.Conferences > 0)
            log.LogInformation("Question windows closed: {Conferences} conferences, {Routed} routed, {Proposals} merge proposals, {Emails} agency emails",
                result.Conferences, result.Routed, result.MergeProposals, result.AgencyEmails);
    }
}
