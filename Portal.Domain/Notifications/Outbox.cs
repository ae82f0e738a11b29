using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;

namespace Portal.Domain.Notifications;

/// <summary>How services queue an email: add the row to the same DbContext (and so the same transaction) as the change.</summary>
public static class Outbox
{
    /// <returns>false when a message with this key was already queued (the occasion has been handled).</returns>
    public static async Task<bool> EnqueueAsync(this PortalDb db, OutboxMessage message, CancellationToken ct = default)
    {
        if (db.Outbox.Local.Any(m => m.Key == message.Key) || await db.Outbox.AnyAsync(m => m.Key == message.Key, ct)) return false;
        db.Outbox.Add(message);
        return true;
    }
}
