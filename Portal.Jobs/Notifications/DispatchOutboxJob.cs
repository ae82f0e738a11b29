namespace Portal.Jobs.Notifications;

/// <summary>Recurring (every minute): sends whatever the outbox holds. Reentrant: claims make a second run harmless.</summary>
public sealed class DispatchOutboxJob(OutboxDispatcher dispatcher)
{
    public Task Run(CancellationToken ct) => dispatcher.DispatchDueAsync(ct);
}
