using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using Portal.Domain.Data;
using Portal.Domain.Notifications;

namespace Portal.Jobs.Notifications;

/// <summary>
/// Sends what the outbox holds. A worker claims a batch (FOR UPDATE SKIP LOCKED, so two workers never take the same
/// message), sends each, and marks it sent with the provider's id in its own small transaction. A message claimed by a
/// worker that died is taken over once the claim expires; that is the one case where a duplicate is possible, and it is logged.
/// </summary>
public sealed class OutboxDispatcher(IDbContextFactory<PortalDb> dbs, IEmailSender sender, TimeProvider clock, ILogger<OutboxDispatcher> log)
{
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);
    private const int BatchSize = 50;

    /// <summary>Sends every message whose time has come; returns how many were sent.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct = default)
    {
        var sent = 0;
        while (!ct.IsCancellationRequested)
        {
            var claimed = await ClaimAsync(ct);
            foreach (var (id, previousClaim) in claimed)
            {
                if (previousClaim is not null)
                    log.LogWarning("Outbox message {Id} was claimed by a worker that did not finish (claim ran to {Claim}); if that worker had handed it to the provider, the recipient may receive it twice.", id, previousClaim);
                if (await SendClaimedAsync(id, ct)) sent++;
            }
            if (claimed.Count < BatchSize) break;
        }
        return sent;
    }

    /// <summary>Sends one message now if it is still pending and nobody else holds it (used right after it is queued).</summary>
    public async Task<bool> TrySendNowAsync(long id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var taken = await db.Outbox
            .Where(m => m.Id == id && m.SentAt == null && m.DeadAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, now + ClaimFor), ct);
        return taken == 1 && await SendClaimedAsync(id, ct);
    }

    private async Task<List<(long Id, DateTimeOffset? PreviousClaim)>> ClaimAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        await conn.OpenAsync(ct);
        var now = clock.GetUtcNow();
        await using var cmd = new NpgsqlCommand("""
            WITH due AS (
                SELECT id, claimed_until FROM outbox
                WHERE sent_at IS NULL AND dead_at IS NULL AND next_attempt_at <= @now AND (claimed_until IS NULL OR claimed_until < @now)
                ORDER BY next_attempt_at LIMIT @batch
                FOR UPDATE SKIP LOCKED)
            UPDATE outbox o SET claimed_until = @until FROM due WHERE o.id = due.id
            RETURNING o.id, due.claimed_until
            """, conn);
        cmd.Parameters.AddWithValue("now", now);
        cmd.Parameters.AddWithValue("until", now + ClaimFor);
        cmd.Parameters.AddWithValue("batch", BatchSize);
        var claimed = new List<(long, DateTimeOffset?)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            claimed.Add((reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1)));
        return claimed;
    }

    private async Task<bool> SendClaimedAsync(long id, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var message = await db.Outbox.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (message is null || !message.IsPending) return false; // gone, or already sent: nothing to do
        var rendered = EmailLayout.Render(message);
        var headers = message.UnsubscribeUrl is null ? null : new Dictionary<string, string>
        {
            ["List-Unsubscribe"] = $"<{message.UnsubscribeUrl}>",
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        };
        try
        {
            var providerId = await sender.SendAsync(new EmailMessage(message.ToEmail, message.ToName, message.Subject, rendered.Html, rendered.Text, headers), ct);
            message.MarkSent(providerId, clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            message.AttemptFailed(e.Message, clock.GetUtcNow(), (e as EmailDeliveryException)?.RetryAfter);
            await db.SaveChangesAsync(CancellationToken.None);
            if (message.DeadAt is not null)
                log.LogError(e, "Outbox message {Id} to {To} dead-lettered after {Attempts} attempts", id, message.ToEmail, message.Attempts);
            else
                log.LogWarning("Outbox message {Id} attempt {Attempt} failed ({Error}); next at {Next}", id, message.Attempts, e.Message, message.NextAttemptAt);
            return false;
        }
    }
}
