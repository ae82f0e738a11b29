using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Data;

namespace Portal.Domain.Audit;

/// <summary>One audit entry as an administrator reads it, with the name of the unit it concerns.</summary>
public sealed record AuditRow(long Id, DateTimeOffset At, string ActorName, string Action, string ItemType, string ItemId,
    int UnitId, string UnitName, string? Before, string? After, string? Reason);

/// <summary>Reading the audit trail. Writing happens in the services, in the same transaction as each change.</summary>
public static class AuditTrail
{
    public const int MaxRows = 10_000;

    /// <summary>The audit entries of a unit and of every unit under it, newest first; refused unless the actor
    /// may view the audit of that unit.</summary>
    public static async Task<List<AuditRow>> UnitAuditAsync(this PortalDb db, Actor actor, int unitId, int take = MaxRows, CancellationToken ct = default)
    {
        await db.DemandAsync(actor, StaffAction.ViewAudit, unitId, ct);
        var root = db.Units.Where(u => u.Id == unitId).Select(u => u.Path);
        return await (
                from e in db.AuditEntries
                join u in db.Units on e.UnitId equals (int?)u.Id
                where root.Any(p => u.Path.IsDescendantOf(p))
                orderby e.At descending, e.Id descending
                select new AuditRow(e.Id, e.At, e.ActorName, e.Action, e.ItemType, e.ItemId, u.Id, u.FullName, e.Before, e.After, e.Reason))
            .Take(take).ToListAsync(ct);
    }
}
