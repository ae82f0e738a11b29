using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Audit;
using Portal.Domain.Data;

namespace Portal.Domain.Units;

public sealed record AgencyRow(int Id, string Name, AgencyKind Kind, int UnitId, string UnitName, string? ContactEmail, bool IsActive, int MemberCount);

public sealed record AgencyMemberRow(string UserId, string DisplayName, string? Email);

public sealed class AgencyService(IDbContextFactory<PortalDb> dbs, TimeProvider clock)
{
    public async Task<List<AgencyRow>> ListAsync(int? withinUnit, bool includeInactive = true, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var query = db.Agencies.AsQueryable();
        if (withinUnit is not null)
        {
            var within = db.Units.Where(u => u.Id == withinUnit).Select(u => u.Path);
            query = query.Where(a => within.Any(p => a.Unit.Path.IsDescendantOf(p)));
        }
        if (!includeInactive) query = query.Where(a => a.IsActive);
        return await query.OrderBy(a => a.Unit.Path).ThenBy(a => a.Kind).ThenBy(a => a.Name)
            .Select(a => new AgencyRow(a.Id, a.Name, a.Kind, a.UnitId, a.Unit.FullName, a.ContactEmail, a.IsActive, a.Members.Count))
            .Take(500).ToListAsync(ct);
    }

    public async Task<int> CreateAsync(Actor actor, string name, AgencyKind kind, int unitId, string? contactEmail, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await db.DemandAsync(actor, StaffAction.ManageAgencies, unitId, ct);
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == unitId, ct) ?? throw new DomainRuleException("unit.not-found", unitId);
        var agency = Agency.Create(name, kind, unit, contactEmail);
        if (await db.Agencies.AnyAsync(a => a.UnitId == unitId && a.Name == agency.Name, ct))
            throw new DomainRuleException("agency.name.duplicate", agency.Name);
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(ct);
        db.AuditEntries.Add(AuditEntry.Of(actor, clock.GetUtcNow(), "agency.create", "agency", agency.Id, unitId, null,
            new { agency.Name, Kind = kind.ToString(), agency.ContactEmail }));
        await db.SaveChangesAsync(ct);
        return agency.Id;
    }

    public async Task UpdateAsync(Actor actor, int agencyId, string name, AgencyKind kind, string? contactEmail, bool active, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == agencyId, ct) ?? throw new DomainRuleException("agency.not-found");
        await db.DemandAsync(actor, StaffAction.ManageAgencies, agency.UnitId, ct);
        var before = new { agency.Name, Kind = agency.Kind.ToString(), agency.ContactEmail, agency.IsActive };
        agency.Update(name, kind, contactEmail);
        if (active) agency.Activate(); else agency.Deactivate();
        if (await db.Agencies.AnyAsync(a => a.UnitId == agency.UnitId && a.Id != agencyId && a.Name == agency.Name, ct))
            throw new DomainRuleException("agency.name.duplicate", agency.Name);
        db.AuditEntries.Add(AuditEntry.Of(actor, clock.GetUtcNow(), "agency.update", "agency", agencyId, agency.UnitId, before,
            new { agency.Name, Kind = kind.ToString(), agency.ContactEmail, agency.IsActive }));
        await db.SaveChangesAsync(ct);
    }

    public async Task<List<AgencyMemberRow>> MembersAsync(int agencyId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.AgencyMembers.Where(m => m.AgencyId == agencyId).OrderBy(m => m.User.DisplayName)
            .Select(m => new AgencyMemberRow(m.UserId, m.User.DisplayName, m.User.Email)).ToListAsync(ct);
    }

    public async Task AddMemberAsync(Actor actor, int agencyId, string userId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == agencyId, ct) ?? throw new DomainRuleException("agency.not-found");
        await db.DemandAsync(actor, StaffAction.ManageAgencies, agency.UnitId, ct);
        if (!await db.Users.AnyAsync(u => u.Id == userId && u.DeletedAt == null, ct)) throw new DomainRuleException("user.not-found");
        if (await db.AgencyMembers.AnyAsync(m => m.AgencyId == agencyId && m.UserId == userId, ct)) return;
        db.AgencyMembers.Add(new AgencyMember { AgencyId = agencyId, UserId = userId });
        db.AuditEntries.Add(AuditEntry.Of(actor, clock.GetUtcNow(), "agency.member.add", "agency", agencyId, agency.UnitId, null, new { UserId = userId }));
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveMemberAsync(Actor actor, int agencyId, string userId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == agencyId, ct) ?? throw new DomainRuleException("agency.not-found");
        await db.DemandAsync(actor, StaffAction.ManageAgencies, agency.UnitId, ct);
        var member = await db.AgencyMembers.SingleOrDefaultAsync(m => m.AgencyId == agencyId && m.UserId == userId, ct);
        if (member is null) return;
        db.AgencyMembers.Remove(member);
        db.AuditEntries.Add(AuditEntry.Of(actor, clock.GetUtcNow(), "agency.member.remove", "agency", agencyId, agency.UnitId, new { UserId = userId }, null));
        await db.SaveChangesAsync(ct);
    }
}
