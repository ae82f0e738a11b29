using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;

namespace Portal.Domain.Accounts;

/// <summary>Answers "may this user do A on something of unit U?" with one indexed ltree query:
/// does the user hold an allowing role on U or on an ancestor of U?</summary>
public static class ScopeChecker
{
    public static async Task<bool> MayAsync(this PortalDb db, Actor actor, StaffAction action, int unitId, CancellationToken ct = default)
    {
        if (actor.IsSystem) return true;
        var roles = ScopeRules.RolesFor(action).ToArray();
        var target = db.Units.Where(u => u.Id == unitId).Select(u => u.Path);
        return await db.UnitRoles.AnyAsync(r =>
            r.UserId == actor.UserId && roles.Contains(r.Role) && target.Any(p => p.IsDescendantOf(r.Unit.Path)), ct);
    }

    /// <summary>Same as <see cref="MayAsync"/> but throws <see cref="DomainRuleException"/> "access.denied".</summary>
    public static async Task DemandAsync(this PortalDb db, Actor actor, StaffAction action, int unitId, CancellationToken ct = default)
    {
        if (!await db.MayAsync(actor, action, unitId, ct)) throw new AccessDeniedException(action, unitId);
    }

    /// <summary>May the user do <paramref name="action"/> anywhere at all (to show a menu entry)?</summary>
    public static Task<bool> MayAnywhereAsync(this PortalDb db, Actor actor, StaffAction action, CancellationToken ct = default)
    {
        if (actor.IsSystem) return Task.FromResult(true);
        var roles = ScopeRules.RolesFor(action).ToArray();
        return db.UnitRoles.AnyAsync(r => r.UserId == actor.UserId && roles.Contains(r.Role), ct);
    }

    /// <summary>Units on which the user holds an allowing role (roots of their scope).</summary>
    public static Task<List<int>> ScopeRootsAsync(this PortalDb db, Actor actor, StaffAction action, CancellationToken ct = default)
    {
        var roles = ScopeRules.RolesFor(action).ToArray();
        return db.UnitRoles.Where(r => r.UserId == actor.UserId && roles.Contains(r.Role)).Select(r => r.UnitId).Distinct().ToListAsync(ct);
    }
}

public sealed class AccessDeniedException(StaffAction action, int unitId) : Exception($"access denied: {action} on unit {unitId}")
{
    public StaffAction Action { get; } = action;
    public int UnitId { get; } = unitId;
}
