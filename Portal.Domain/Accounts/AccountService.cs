using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;
using Portal.Domain.Data;
using Portal.Domain.Units;

namespace Portal.Domain.Accounts;

public sealed record RoleGrant(int Id, string UserId, string UserName, string? Email, int UnitId, string UnitName, StaffRole Role, DateTimeOffset GrantedAt);

public sealed record UserChoice(string Id, string DisplayName, string? Email);

/// <summary>Roles on units, profiles, personal data export and account deletion.</summary>
public sealed class AccountService(IDbContextFactory<PortalDb> dbs, TimeProvider clock)
{
    public async Task<List<RoleGrant>> RolesAsync(Actor actor, int? withinUnit = null, string? userId = null, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var roots = await db.ScopeRootsAsync(actor, StaffAction.ManageRoles, ct);
        var rootPaths = db.Units.Where(u => roots.Contains(u.Id)).Select(u => u.Path);
        var query = db.UnitRoles.Where(r => actor.IsSystem || rootPaths.Any(p => r.Unit.Path.IsDescendantOf(p)));
        if (withinUnit is not null)
        {
            var within = db.Units.Where(u => u.Id == withinUnit).Select(u => u.Path);
            query = query.Where(r => within.Any(p => r.Unit.Path.IsDescendantOf(p)));
        }
        if (userId is not null) query = query.Where(r => r.UserId == userId);
        return await query.OrderBy(r => r.Unit.Path).ThenBy(r => r.Role).ThenBy(r => r.User.DisplayName)
            .Select(r => new RoleGrant(r.Id, r.UserId, r.User.DisplayName, r.User.Email, r.UnitId, r.Unit.FullName, r.Role, r.GrantedAt))
            .Take(500).ToListAsync(ct);
    }

    public async Task<List<UserChoice>> FindUsersAsync(string? text, int take = 20, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var cleaned = Text.Clean(text);
        var query = db.Users.Where(u => u.DeletedAt == null);
        if (cleaned.Length > 0)
        {
            var pattern = "%" + cleaned.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = query.Where(u => EF.Functions.ILike(EF.Functions.Unaccent(u.DisplayName), EF.Functions.Unaccent(pattern))
                || EF.Functions.ILike(u.Email!, pattern));
        }
        return await query.OrderBy(u => u.DisplayName).Take(take).Select(u => new UserChoice(u.Id, u.DisplayName, u.Email)).ToListAsync(ct);
    }

    public async Task<int> GrantAsync(Actor actor, string userId, int unitId, StaffRole role, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await db.DemandAsync(actor, StaffAction.ManageRoles, unitId, ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId && u.DeletedAt == null, ct) ?? throw new DomainRuleException("user.not-found");
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == unitId, ct) ?? throw new DomainRuleException("unit.not-found", unitId);
        if (!unit.IsActive) throw new DomainRuleException("unit.retired", unit.FullName);
        var existing = await db.UnitRoles.SingleOrDefaultAsync(r => r.UserId == userId && r.UnitId == unitId && r.Role == role, ct);
        if (existing is not null) return existing.Id;
        var grant = new UnitRole(user.Id, unit, role, actor.UserId, clock.GetUtcNow());
        db.UnitRoles.Add(grant);
        db.AuditEntries.Add(AuditEntry.Of(actor, clock.GetUtcNow(), "role.grant", "user", userId, unitId, null,
            new { Role = role.ToString(), UnitId = unitId, User = user.DisplayName }));
        await db.SaveChangesAsync(ct);
        return grant.Id;
    }

    public async Task RevokeAsync(Actor actor, int grantId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var grant = await db.UnitRoles.Include(r => r.User).SingleOrDefaultAsync(r => r.Id == grantId, ct);
        if (grant is null) return; // already revoked: revoking twice is harmless
        await db.DemandAsync(actor, StaffAction.ManageRoles, grant.UnitId, ct);
        if (grant.Role == StaffRole.Admin && grant.UserId == actor.UserId && grant.Unit is null
            && await db.UnitRoles.CountAsync(r => r.Role == StaffRole.Admin && r.Unit.ParentId == null, ct) <= 1)
            throw new DomainRuleException("role.revoke.last-admin");
        db.UnitRoles.Remove(grant);
        db.AuditEntries.Add(AuditEntry.Of(actor, clock.GetUtcNow(), "role.revoke", "user", grant.UserId, grant.UnitId,
            new { Role = grant.Role.ToString(), grant.UnitId, User = grant.User.DisplayName }, null));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The actor's own roles (with their units) and agencies, for their workspace page.</summary>
    public async Task<StaffWorkspace> MyWorkspaceAsync(Actor actor, CancellationToken ct = default)
    {
        if (actor.IsSystem) return StaffWorkspace.Empty;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var roles = await db.UnitRoles.Where(r => r.UserId == actor.UserId)
            .OrderBy(r => r.Unit.Path).ThenBy(r => r.Role)
            .Select(r => new WorkspaceRole(r.Id, r.Role, r.UnitId, r.Unit.FullName, r.Unit.Level, r.GrantedAt))
            .ToListAsync(ct);
        var agencies = await db.AgencyMembers.Where(m => m.UserId == actor.UserId)
            .Join(db.Agencies, m => m.AgencyId, a => a.Id, (m, a) => a)
            .OrderByDescending(a => a.IsActive).ThenBy(a => a.Unit.Path).ThenBy(a => a.Name)
            .Select(a => new WorkspaceAgency(a.Id, a.Name, a.Kind, a.UnitId, a.Unit.FullName, a.ContactEmail, a.IsActive))
            .ToListAsync(ct);
        return new StaffWorkspace(roles, agencies);
    }

    public async Task<bool> HoldsAnyStaffRoleAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.UnitRoles.AnyAsync(r => r.UserId == userId, ct);
    }

    /// <summary>Whether a unit may be someone's home: an active village or residential group (thôn / tổ dân phố).</summary>
    public async Task<bool> IsHomeVillageAsync(int unitId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await IsHomeVillage(db, unitId, ct);
    }

    private static Task<bool> IsHomeVillage(PortalDb db, int unitId, CancellationToken ct) =>
        db.Units.AnyAsync(u => u.Id == unitId && u.IsActive && u.Level == UnitLevel.Village, ct);

    public async Task UpdateProfileAsync(Actor actor, string displayName, string? phone, int? homeUnitId, string language, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var user = await db.Users.SingleAsync(u => u.Id == actor.UserId, ct);
        var name = Text.Clean(displayName);
        if (name.Length is 0 or > 100) throw new DomainRuleException("user.name.invalid");
        if (homeUnitId is not null && !await IsHomeVillage(db, homeUnitId.Value, ct))
            throw new DomainRuleException("unit.not-found", homeUnitId);
        user.DisplayName = name;
        user.PhoneNumber = Text.CleanOrNull(phone);
        user.HomeUnitId = homeUnitId;
        user.PreferredLanguage = language == "en" ? "en" : "vi";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Everything the portal stores about the person, as JSON (the "download my data" right).</summary>
    public async Task<string> ExportPersonalDataAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().Include(u => u.HomeUnit).SingleAsync(u => u.Id == userId, ct);
        var roles = await db.UnitRoles.Where(r => r.UserId == userId)
            .Select(r => new { Role = r.Role.ToString(), Unit = r.Unit.FullName, r.GrantedAt }).ToListAsync(ct);
        var agencies = await db.AgencyMembers.Where(m => m.UserId == userId)
            .Join(db.Agencies, m => m.AgencyId, a => a.Id, (m, a) => a.Name).ToListAsync(ct);
        var audit = await db.AuditEntries.Where(e => e.ActorId == userId).OrderBy(e => e.At)
            .Select(e => new { e.At, e.Action, e.ItemType, e.ItemId }).ToListAsync(ct);
        return JsonSerializer.Serialize(new
        {
            exportedAt = clock.GetUtcNow(),
            account = new { user.Id, user.DisplayName, user.Email, user.EmailConfirmed, user.PhoneNumber, HomeUnit = user.HomeUnit?.FullName, user.PreferredLanguage, user.CreatedAt, user.TwoFactorEnabled },
            roles,
            agencies,
            actions = audit,
        }, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>Deletes the account but keeps what the person wrote: the row stays as an anonymous author,
    /// personal fields and sign-in data are erased, roles are dropped.</summary>
    public async Task AnonymiseAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = await db.Users.SingleAsync(u => u.Id == userId, ct);
        if (user.DeletedAt is not null) return;
        var placeholder = $"deleted-{user.Id}@invalid";
        user.DisplayName = "Người dùng đã xoá tài khoản";
        user.Email = placeholder;
        user.NormalizedEmail = placeholder.ToUpperInvariant();
        user.UserName = placeholder;
        user.NormalizedUserName = placeholder.ToUpperInvariant();
        user.PhoneNumber = null;
        user.HomeUnitId = null;
        user.PasswordHash = null;
        user.SecurityStamp = Guid.NewGuid().ToString();
        user.TwoFactorEnabled = false;
        user.EmailConfirmed = false;
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        user.DeletedAt = clock.GetUtcNow();
        await db.UnitRoles.Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
        await db.AgencyMembers.Where(m => m.UserId == userId).ExecuteDeleteAsync(ct);
        await db.UserLogins.Where(l => l.UserId == userId).ExecuteDeleteAsync(ct);
        await db.UserTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(ct);
        await db.UserClaims.Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);
        db.AuditEntries.Add(AuditEntry.Of(new Actor(userId, "self"), clock.GetUtcNow(), "user.delete", "user", userId, null, null, null));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
