using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Audit;
using Portal.Domain.Data;

namespace Portal.Domain.Units;

public sealed record UnitNode(int Id, string? Code, string Name, string FullName, UnitLevel Level, bool IsActive, int ChildCount);

/// <summary>A unit as a picker shows it: its name and where it is ("Thôn Nà Sla · Xã Thất Khê · Lạng Sơn").</summary>
public sealed record UnitChoice(int Id, string Name, string FullName, UnitLevel Level, string? ParentName, string? GrandparentName)
{
    public string Where => string.Join(" · ", new[] { ParentName, GrandparentName }.Where(n => n is not null));
}

public sealed record UnitImportSummary(int Added, int Changed, int Unchanged, IReadOnlyList<RejectedRow> Rejected, TimeSpan Took)
{
    public bool Imported => Rejected.Count == 0;
}

/// <summary>The only writer of administrative units: import, add villages, rename, move, retire.</summary>
public sealed class UnitService(IDbContextFactory<PortalDb> dbs, TimeProvider clock)
{
    public async Task<List<UnitNode>> ChildrenAsync(int? parentId, bool includeRetired = true, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Units
            .Where(u => u.ParentId == parentId && (includeRetired || u.IsActive))
            .OrderBy(u => u.Level).ThenBy(u => u.Name)
            .Select(u => new UnitNode(u.Id, u.Code, u.Name, u.FullName, u.Level, u.IsActive,
                db.Units.Count(c => c.ParentId == u.Id && (includeRetired || c.IsActive))))
            .ToListAsync(ct);
    }

    /// <summary>One unit as the administrators' tree shows it: level, code, active state and number of children.</summary>
    public async Task<UnitNode?> NodeAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Units.Where(u => u.Id == id)
            .Select(u => new UnitNode(u.Id, u.Code, u.Name, u.FullName, u.Level, u.IsActive, db.Units.Count(c => c.ParentId == u.Id)))
            .FirstOrDefaultAsync(ct);
    }

    public async Task<UnitChoice?> FindAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await Choices(db.Units.Where(u => u.Id == id)).FirstOrDefaultAsync(ct);
    }

    /// <summary>The unit's ancestors from the top (country excluded), for breadcrumbs.</summary>
    public async Task<List<UnitChoice>> AncestorsAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var target = db.Units.Where(u => u.Id == id).Select(u => u.Path);
        return await Choices(db.Units.Where(u => u.Id != id && u.Level != UnitLevel.Country && target.Any(p => p.IsDescendantOf(u.Path)))
            .OrderBy(u => u.Level)).ToListAsync(ct);
    }

    /// <summary>Accent- and case-insensitive name search: "na sla" finds "Nà Sla".</summary>
    public async Task<List<UnitChoice>> SearchAsync(string? text, UnitLevel? level = null, int? within = null, int take = 20,
        bool activeOnly = true, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var query = db.Units.AsQueryable();
        if (activeOnly) query = query.Where(u => u.IsActive);
        if (level is not null) query = query.Where(u => u.Level == level);
        if (within is not null)
        {
            var root = db.Units.Where(u => u.Id == within).Select(u => u.Path);
            query = query.Where(u => root.Any(p => u.Path.IsDescendantOf(p)));
        }
        var cleaned = Text.Clean(text);
        if (cleaned.Length > 0)
        {
            var pattern = "%" + cleaned.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = query.Where(u => EF.Functions.ILike(EF.Functions.Unaccent(u.FullName), EF.Functions.Unaccent(pattern))
                || (u.Code != null && u.Code == cleaned));
        }
        return await Choices(query.OrderBy(u => u.Level).ThenBy(u => u.Name)).Take(take).ToListAsync(ct);
    }

    private static IQueryable<UnitChoice> Choices(IQueryable<Unit> units) =>
        units.Select(u => new UnitChoice(u.Id, u.Name, u.FullName, u.Level,
            u.Parent == null ? null : u.Parent.FullName,
            u.Parent == null || u.Parent.Parent == null ? null : u.Parent.Parent.FullName));

    public async Task<int> AddVillageAsync(Actor actor, int communeId, string name, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await db.DemandAsync(actor, StaffAction.ManageUnits, communeId, ct);
        var commune = await db.Units.SingleOrDefaultAsync(u => u.Id == communeId, ct) ?? throw new DomainRuleException("unit.not-found", communeId);
        if (commune.Level != UnitLevel.Commune) throw new DomainRuleException("unit.parent.wrong-level", UnitLevel.Village, commune.Level);
        if (!commune.IsActive) throw new DomainRuleException("unit.retired", commune.FullName);
        var cleaned = Text.Clean(name);
        if (await db.Units.AnyAsync(u => u.ParentId == communeId && u.Name == cleaned, ct))
            throw new DomainRuleException("unit.name.duplicate", cleaned);
        var id = (await AllocateIdsAsync(db, 1, ct))[0];
        var village = Unit.Create(id, null, cleaned, null, UnitLevel.Village, commune);
        db.Units.Add(village);
        db.AuditEntries.Add(AuditEntry.Of(actor, clock.GetUtcNow(), "unit.add", "unit", id, communeId, null, new { village.Name, ParentId = communeId }));
        await db.SaveChangesAsync(ct);
        return id;
    }

    public async Task RenameAsync(Actor actor, int unitId, string name, string? fullName, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await db.DemandAsync(actor, StaffAction.ManageUnits, unitId, ct);
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == unitId, ct) ?? throw new DomainRuleException("unit.not-found", unitId);
        var before = new { unit.Name, unit.FullName };
        if (!unit.Rename(name, fullName)) return;
        if (unit.ParentId is not null && await db.Units.AnyAsync(u => u.ParentId == unit.ParentId && u.Id != unitId && u.Name == unit.Name, ct))
            throw new DomainRuleException("unit.name.duplicate", unit.Name);
        db.AuditEntries.Add(AuditEntry.Of(actor, clock.GetUtcNow(), "unit.rename", "unit", unitId, unitId, before, new { unit.Name, unit.FullName }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Moves a unit (and its subtree) under another parent; the actor needs rights on both places.</summary>
    public async Task MoveAsync(Actor actor, int unitId, int newParentId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await db.DemandAsync(actor, StaffAction.ManageUnits, unitId, ct);
        await db.DemandAsync(actor, StaffAction.ManageUnits, newParentId, ct);
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == unitId, ct) ?? throw new DomainRuleException("unit.not-found", unitId);
        var parent = await db.Units.SingleOrDefaultAsync(u => u.Id == newParentId, ct) ?? throw new DomainRuleException("unit.not-found", newParentId);
        if (unit.ParentId == newParentId) return;
        if (unit.IsActive && !parent.IsActive) throw new DomainRuleException("unit.retired", parent.FullName);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var before = new { unit.ParentId, Path = unit.Path.ToString() };
        unit.PlaceUnder(parent);
        db.AuditEntries.Add(AuditEntry.Of(actor, clock.GetUtcNow(), "unit.move", "unit", unitId, newParentId, before, new { unit.ParentId, Path = unit.Path.ToString() }));
        await db.SaveChangesAsync(ct);
        await RepathSubtreeAsync(db, unitId, before.Path, unit.Path.ToString(), ct);
        await tx.CommitAsync(ct);
    }

    public async Task SetActiveAsync(Actor actor, int unitId, bool active, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await db.DemandAsync(actor, StaffAction.ManageUnits, unitId, ct);
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == unitId, ct) ?? throw new DomainRuleException("unit.not-found", unitId);
        if (unit.IsActive == active) return;
        if (!active && await db.Units.AnyAsync(u => u.ParentId == unitId && u.IsActive, ct))
            throw new DomainRuleException("unit.retire.has-active-children");
        if (active && unit.ParentId is not null && !await db.Units.AnyAsync(u => u.Id == unit.ParentId && u.IsActive, ct))
            throw new DomainRuleException("unit.reactivate.parent-retired");
        if (active) unit.Reactivate(); else unit.Retire();
        db.AuditEntries.Add(AuditEntry.Of(actor, clock.GetUtcNow(), active ? "unit.reactivate" : "unit.retire", "unit", unitId, unitId,
            new { IsActive = !active }, new { IsActive = active }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Idempotent upsert of an official list, by code (or by name under the parent for villages, which have
    /// no code). All or nothing: if any row is rejected, nothing is written and the summary lists why.</summary>
    public async Task<UnitImportSummary> ImportAsync(Actor actor, ParsedUnitFile file, CancellationToken ct = default)
    {
        var started = clock.GetTimestamp();
        await using var db = await dbs.CreateDbContextAsync(ct);
        // An official list touches provinces and communes everywhere: only a nationwide administrator may import it.
        var country = await EnsureCountryAsync(db, ct);
        if (!await db.MayAsync(actor, StaffAction.ManageUnits, country.Id, ct))
            throw new AccessDeniedException(StaffAction.ManageUnits, country.Id);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var rejected = new List<RejectedRow>(file.Rejected);
        var byCode = await db.Units.Where(u => u.Code != null).ToDictionaryAsync(u => u.Code!, ct);
        var codelessParents = file.Rows.Where(r => r.Code is null && r.ParentCode is not null).Select(r => r.ParentCode!).Distinct().ToList();
        var existingVillages = await db.Units.Where(u => u.Code == null && u.Parent != null && codelessParents.Contains(u.Parent.Code!)).ToListAsync(ct);
        var byParentAndName = existingVillages.ToDictionary(u => (u.ParentId!.Value, u.Name));

        var ordered = file.Rows.OrderBy(r => r.Level).ThenBy(r => r.Line).ToList();
        var newIds = new Queue<int>(await AllocateIdsAsync(db, ordered.Count(r => r.Code is null || !byCode.ContainsKey(r.Code)), ct));
        var seenCodes = new HashSet<string>();
        var moved = new List<(Unit Unit, string OldPath)>();
        int added = 0, changed = 0, unchanged = 0;
        foreach (var row in ordered)
        {
            if (row.Code is not null && !seenCodes.Add(row.Code)) { rejected.Add(new(row.Line, $"Mã {row.Code} xuất hiện hai lần trong tệp.")); continue; }
            Unit? parent = row.Level == UnitLevel.Province ? country : null;
            if (row.ParentCode is not null && !byCode.TryGetValue(row.ParentCode, out parent))
            {
                rejected.Add(new(row.Line, $"Không tìm thấy đơn vị cấp trên có mã {row.ParentCode}."));
                continue;
            }
            if (parent is not null && !UnitLevels.MayHaveChild(parent.Level, row.Level))
            {
                rejected.Add(new(row.Line, $"Cấp {row.Level} không thể nằm dưới cấp {parent.Level} ({parent.FullName})."));
                continue;
            }
            var existing = row.Code is not null
                ? byCode.GetValueOrDefault(row.Code)
                : byParentAndName.GetValueOrDefault((parent!.Id, Text.Clean(row.Name)));
            try
            {
                if (existing is null)
                {
                    var unit = Unit.Create(newIds.Dequeue(), row.Code, row.Name, row.FullName, row.Level, parent, row.NameEn);
                    db.Units.Add(unit);
                    if (unit.Code is not null) byCode[unit.Code] = unit;
                    else byParentAndName[(parent!.Id, unit.Name)] = unit;
                    added++;
                    continue;
                }
                if (existing.Level != row.Level)
                {
                    rejected.Add(new(row.Line, $"Mã {row.Code} đã có với cấp {existing.Level}, tệp ghi cấp {row.Level}."));
                    continue;
                }
                var isChanged = existing.Rename(row.Name, row.FullName ?? (existing.FullName != existing.Name ? existing.FullName : null), row.NameEn);
                if (!existing.IsActive) { existing.Reactivate(); isChanged = true; }
                if (existing.ParentId != parent?.Id)
                {
                    moved.Add((existing, existing.Path.ToString()));
                    existing.PlaceUnder(parent);
                    isChanged = true;
                }
                if (isChanged) { changed++; db.Entry(existing).State = EntityState.Modified; }
                else unchanged++;
            }
            catch (DomainRuleException e)
            {
                rejected.Add(new(row.Line, $"Dữ liệu không hợp lệ ({e.Key})."));
            }
        }
        var took = clock.GetElapsedTime(started);
        if (rejected.Count > 0)
            return new UnitImportSummary(added, changed, unchanged, rejected.OrderBy(r => r.Line).ToList(), took);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ChangeTracker.DetectChanges();
        db.AuditEntries.Add(AuditEntry.Of(actor, clock.GetUtcNow(), "unit.import", "unit-list", "import", null, null,
            new { Added = added, Changed = changed, Unchanged = unchanged }));
        await db.SaveChangesAsync(ct);
        foreach (var (unit, oldPath) in moved)
            await RepathSubtreeAsync(db, unit.Id, oldPath, unit.Path.ToString(), ct);
        await tx.CommitAsync(ct);
        return new UnitImportSummary(added, changed, unchanged, [], clock.GetElapsedTime(started));
    }

    public const string CountryCode = "VN";

    /// <summary>The root of the tree ("Việt Nam"); provinces hang under it. Created on first use.</summary>
    public async Task EnsureCountryAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await EnsureCountryAsync(db, ct);
        await db.SaveChangesAsync(ct);
    }

    private static async Task<Unit> EnsureCountryAsync(PortalDb db, CancellationToken ct)
    {
        var country = await db.Units.SingleOrDefaultAsync(u => u.Level == UnitLevel.Country, ct);
        if (country is not null) return country;
        var id = (await AllocateIdsAsync(db, 1, ct))[0];
        country = Unit.Create(id, CountryCode, "Việt Nam", "Việt Nam", UnitLevel.Country, null, "Vietnam");
        db.Units.Add(country);
        return country;
    }

    private static async Task RepathSubtreeAsync(PortalDb db, int unitId, string oldPath, string newPath, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync(
            $"UPDATE units SET path = {newPath}::ltree || subpath(path, nlevel({oldPath}::ltree)) WHERE path <@ {oldPath}::ltree AND id <> {unitId}", ct);
    }

    /// <summary>Draws ids from the unit sequence in one round trip, so paths can be built before inserting.</summary>
    internal static async Task<List<int>> AllocateIdsAsync(PortalDb db, int count, CancellationToken ct)
    {
        if (count == 0) return [];
        return await db.Database.SqlQuery<int>($"SELECT nextval('unit_ids')::int AS \"Value\" FROM generate_series(1, {count})").ToListAsync(ct);
    }
}
