using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Audit;
using Portal.Domain.Data;
using Portal.Domain.Units;

namespace Portal.Domain.Notifications;

/// <summary>Where a message stands: waiting (or being retried), delivered, or given up after the last attempt.</summary>
public enum OutboxState
{
    Pending = 1,
    Sent = 2,
    Dead = 3,
}

public sealed record OutboxRow(long Id, string Kind, string ToEmail, string? ToName, string Subject, DateTimeOffset CreatedAt,
    int Attempts, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? ProviderMessageId, string? LastError, DateTimeOffset? DeadAt);

public sealed record OutboxListing(IReadOnlyList<OutboxRow> Rows, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record OutboxCounts(int Pending, int Sent, int Dead);

/// <summary>
/// The administrators' view of the email outbox. Messages carry personal data (addresses, password-reset links), so
/// every method is for an Admin on the country root only; a commune administrator sees nothing.
/// </summary>
public sealed class OutboxService(IDbContextFactory<PortalDb> dbs, TimeProvider clock)
{
    public const int PageSize = 25;

    /// <summary>One page (numbered from 1) of the messages in <paramref name="state"/>: pending ones by next attempt,
    /// sent and dead ones newest first.</summary>
    public async Task<OutboxListing> ListAsync(Actor actor, OutboxState state, int page, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await DemandNationalAdminAsync(db, actor, ct);
        var query = state switch
        {
            OutboxState.Pending => db.Outbox.Where(m => m.SentAt == null && m.DeadAt == null).OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id),
            OutboxState.Sent => db.Outbox.Where(m => m.SentAt != null).OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id),
            OutboxState.Dead => db.Outbox.Where(m => m.SentAt == null && m.DeadAt != null).OrderByDescending(m => m.DeadAt).ThenByDescending(m => m.Id),
            _ => throw new DomainRuleException("outbox.state.invalid"),
        };
        var total = await query.CountAsync(ct);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var rows = await query.Skip((page - 1) * PageSize).Take(PageSize)
            .Select(m => new OutboxRow(m.Id, m.Kind, m.ToEmail, m.ToName, m.Subject, m.CreatedAt, m.Attempts, m.NextAttemptAt,
                m.SentAt, m.ProviderMessageId, m.LastError, m.DeadAt))
            .ToListAsync(ct);
        return new OutboxListing(rows, total, page, PageSize);
    }

    public async Task<OutboxCounts> CountsAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await DemandNationalAdminAsync(db, actor, ct);
        var counts = await db.Outbox.GroupBy(_ => 1).Select(g => new
        {
            Pending = g.Count(m => m.SentAt == null && m.DeadAt == null),
            Sent = g.Count(m => m.SentAt != null),
            Dead = g.Count(m => m.SentAt == null && m.DeadAt != null),
        }).SingleOrDefaultAsync(ct);
        return counts is null ? new OutboxCounts(0, 0, 0) : new OutboxCounts(counts.Pending, counts.Sent, counts.Dead);
    }

    /// <summary>The email as its recipient sees it (HTML layout and plain-text twin).</summary>
    public async Task<RenderedEmail> RenderAsync(Actor actor, long id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await DemandNationalAdminAsync(db, actor, ct);
        var message = await db.Outbox.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct)
            ?? throw new DomainRuleException("outbox.not-found");
        return EmailLayout.Render(message);
    }

    /// <summary>Sends a dead-lettered message again: the dispatcher takes it at its next run with a fresh count of
    /// attempts. A message already sent is refused; one still pending is left as it is.</summary>
    public async Task ReviveAsync(Actor actor, long id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await DemandNationalAdminAsync(db, actor, ct);
        var message = await db.Outbox.SingleOrDefaultAsync(m => m.Id == id, ct) ?? throw new DomainRuleException("outbox.not-found");
        if (message.SentAt is not null) throw new DomainRuleException("outbox.retry.already-sent");
        if (message.DeadAt is null) return;
        var before = new { message.Attempts, message.DeadAt, message.LastError };
        var now = clock.GetUtcNow();
        message.Revive(now);
        db.AuditEntries.Add(AuditEntry.Of(actor, now, "outbox.retry", "outbox", message.Id, null, before,
            new { message.Attempts, message.NextAttemptAt, message.ToEmail, message.Subject }));
        await db.SaveChangesAsync(ct);
    }

    private static async Task DemandNationalAdminAsync(PortalDb db, Actor actor, CancellationToken ct)
    {
        if (actor.IsSystem) return;
        var country = await db.Units.Where(u => u.Level == UnitLevel.Country).Select(u => u.Id).SingleOrDefaultAsync(ct);
        if (country == 0) throw new AccessDeniedException(StaffAction.ManageUnits, 0);
        await db.DemandAsync(actor, StaffAction.ManageUnits, country, ct);
    }
}
