using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Audit;
using Portal.Domain.Data;
using Portal.Domain.Units;

namespace Portal.Domain.Deadlines;

public sealed record HolidayRow(int Id, DateOnly Date, string Name, HolidayKind Kind);

public sealed record TrackedDeadlineRow(long Id, DeadlineKind Kind, string ItemType, string ItemId, string Title, string? Link,
    string UnitName, string? AgencyName, Deadline Deadline);

/// <summary>The holiday calendar and the deadline policies (the only writer of both), and deadlines computed from them.</summary>
public sealed class DeadlineService(IDbContextFactory<PortalDb> dbs, TimeProvider clock)
{
    public static readonly int[] SeededYears = [2025, 2026, 2027, 2028];

    /// <summary>Adds the statutory holidays of the seeded years and the default policies where missing. Idempotent.</summary>
    public async Task SeedAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        foreach (var year in SeededYears)
        {
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year, 12, 31);
            if (await db.Holidays.AnyAsync(h => h.Date >= from && h.Date <= to, ct)) continue;
            db.Holidays.AddRange(HolidayRules.ForYear(year).Select(d => new Holiday(d.Date, d.Name, d.Kind)));
        }
        var existing = await db.DeadlinePolicies.Select(p => new { p.Kind, p.Level }).ToListAsync(ct);
        db.DeadlinePolicies.AddRange(DeadlinePolicy.Defaults().Where(p => !existing.Any(e => e.Kind == p.Kind && e.Level == p.Level)));
        await db.SaveChangesAsync(ct);
    }

    public async Task<List<HolidayRow>> HolidaysAsync(int year, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        return await db.Holidays.Where(h => h.Date >= from && h.Date <= to).OrderBy(h => h.Date)
            .Select(h => new HolidayRow(h.Id, h.Date, h.Name, h.Kind)).ToListAsync(ct);
    }

    public async Task<int> SaveHolidayAsync(Actor actor, int? id, DateOnly date, string name, HolidayKind kind, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await DemandNationalAdminAsync(db, actor, ct);
        Holiday holiday;
        object? before = null;
        DateOnly? previousDate = null;
        if (id is null)
        {
            holiday = new Holiday(date, name, kind);
            db.Holidays.Add(holiday);
        }
        else
        {
            holiday = await db.Holidays.SingleOrDefaultAsync(h => h.Id == id, ct) ?? throw new DomainRuleException("holiday.not-found");
            before = new { holiday.Date, holiday.Name, Kind = holiday.Kind.ToString() };
            previousDate = holiday.Date;
            holiday.Update(date, name, kind);
        }
        if (await db.Holidays.AnyAsync(h => h.Date == date && h.Id != holiday.Id, ct))
            throw new DomainRuleException("holiday.date.duplicate", date);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await RecomputeAroundAsync(db, date, ct);
        if (previousDate is DateOnly moved && moved != date) await RecomputeAroundAsync(db, moved, ct);
        db.AuditEntries.Add(AuditEntry.Of(actor, clock.GetUtcNow(), id is null ? "holiday.add" : "holiday.update", "holiday", holiday.Id, null,
            before, new { holiday.Date, holiday.Name, Kind = holiday.Kind.ToString() }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return holiday.Id;
    }

    public async Task DeleteHolidayAsync(Actor actor, int id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await DemandNationalAdminAsync(db, actor, ct);
        var holiday = await db.Holidays.SingleOrDefaultAsync(h => h.Id == id, ct);
        if (holiday is null) return;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Holidays.Remove(holiday);
        db.AuditEntries.Add(AuditEntry.Of(actor, clock.GetUtcNow(), "holiday.delete", "holiday", id, null,
            new { holiday.Date, holiday.Name, Kind = holiday.Kind.ToString() }, null));
        await db.SaveChangesAsync(ct);
        await RecomputeAroundAsync(db, holiday.Date, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    public async Task<List<DeadlinePolicy>> PoliciesAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.DeadlinePolicies.AsNoTracking().OrderBy(p => p.Kind).ThenBy(p => p.Level).ToListAsync(ct);
    }

    public async Task UpdatePolicyAsync(Actor actor, int id, int length, DayCounting counting, int[] reminders, int escalateAfter,
        string basis, bool isLaw, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await DemandNationalAdminAsync(db, actor, ct);
        var policy = await db.DeadlinePolicies.SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new DomainRuleException("deadline.policy.not-found");
        var before = new { policy.Length, Counting = policy.Counting.ToString(), policy.ReminderDaysBefore, policy.EscalateAfterDaysOverdue, policy.Basis, policy.IsLaw };
        policy.Update(length, counting, reminders, escalateAfter, basis, isLaw);
        db.AuditEntries.Add(AuditEntry.Of(actor, clock.GetUtcNow(), "deadline-policy.update", "deadline-policy", id, null, before,
            new { policy.Length, Counting = policy.Counting.ToString(), policy.ReminderDaysBefore, policy.EscalateAfterDaysOverdue, policy.Basis, policy.IsLaw }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The calculator over the holiday calendar around <paramref name="around"/> (a year either side).</summary>
    public async Task<DeadlineCalculator> CalculatorAsync(DateTimeOffset around, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await CalculatorAsync(db, around, ct);
    }

    public static async Task<DeadlineCalculator> CalculatorAsync(PortalDb db, DateTimeOffset around, CancellationToken ct)
    {
        var from = DateOnly.FromDateTime(around.UtcDateTime).AddYears(-1);
        var to = from.AddYears(3);
        var days = await db.Holidays.Where(h => h.Date >= from && h.Date <= to)
            .Select(h => new CalendarDay(h.Date, h.Name, h.Kind)).ToListAsync(ct);
        return new DeadlineCalculator(days);
    }

    /// <summary>The deadline of a new item of <paramref name="kind"/> in a unit of <paramref name="level"/> starting now,
    /// under the policy in force (a level-specific policy wins over the general one).</summary>
    public static async Task<Deadline> StartAsync(PortalDb db, DeadlineKind kind, UnitLevel level, DateTimeOffset start, CancellationToken ct)
    {
        var policy = await PolicyAsync(db, kind, level, ct);
        var calculator = await CalculatorAsync(db, start, ct);
        return Deadline.From(start, calculator.Compute(start, policy.Length, policy.Counting));
    }

    /// <summary>
    /// Starts tracking the deadline of a pillar's item (in the caller's context and transaction): computes it under the
    /// policy in force for the unit's level and schedules its reminders and escalation. Tracking the same item twice
    /// returns the existing row.
    /// </summary>
    public static async Task<TrackedDeadline> TrackAsync(PortalDb db, DeadlineKind kind, string itemType, string itemId, string title,
        int unitId, int? agencyId, string? link, DateTimeOffset start, CancellationToken ct = default)
    {
        var existing = await db.TrackedDeadlines.Include(t => t.Reminders)
            .SingleOrDefaultAsync(t => t.ItemType == itemType && t.ItemId == itemId && t.Kind == kind, ct);
        if (existing is not null) return existing;
        var level = await db.Units.Where(u => u.Id == unitId).Select(u => (UnitLevel?)u.Level).SingleOrDefaultAsync(ct)
            ?? throw new DomainRuleException("unit.not-found", unitId);
        var policy = await PolicyAsync(db, kind, level, ct);
        var calendar = await CalculatorAsync(db, start, ct);
        var deadline = Deadline.From(start, calendar.Compute(start, policy.Length, policy.Counting));
        var tracked = new TrackedDeadline(kind, itemType, itemId, title, unitId, agencyId, link, policy, deadline, calendar);
        db.TrackedDeadlines.Add(tracked);
        return tracked;
    }

    /// <summary>Tracks an item whose due date a person set (a commitment), with the policy's reminders and escalation.</summary>
    public static async Task<TrackedDeadline> TrackFixedAsync(PortalDb db, DeadlineKind kind, string itemType, string itemId, string title,
        int unitId, int? agencyId, string? link, DateTimeOffset start, DateTimeOffset due, CancellationToken ct = default)
    {
        var existing = await db.TrackedDeadlines.Include(t => t.Reminders)
            .SingleOrDefaultAsync(t => t.ItemType == itemType && t.ItemId == itemId && t.Kind == kind, ct);
        if (existing is not null) return existing;
        var level = await db.Units.Where(u => u.Id == unitId).Select(u => (UnitLevel?)u.Level).SingleOrDefaultAsync(ct)
            ?? throw new DomainRuleException("unit.not-found", unitId);
        var policy = await PolicyAsync(db, kind, level, ct);
        var calendar = await CalculatorAsync(db, start, ct);
        var tracked = TrackedDeadline.Fixed(kind, itemType, itemId, title, unitId, agencyId, link, policy, start, due, calendar);
        db.TrackedDeadlines.Add(tracked);
        return tracked;
    }

    /// <summary>The item was done: its deadline is met (in the caller's transaction); reminders and escalation stop.</summary>
    public static async Task MeetAsync(PortalDb db, DeadlineKind kind, string itemType, string itemId, DateTimeOffset at, CancellationToken ct = default)
    {
        var tracked = await db.TrackedDeadlines.SingleOrDefaultAsync(t => t.ItemType == itemType && t.ItemId == itemId && t.Kind == kind, ct);
        tracked?.Meet(at);
    }

    /// <summary>Open deadlines of the agencies the person belongs to, soonest first.</summary>
    public async Task<List<TrackedDeadlineRow>> MyDeadlinesAsync(Actor actor, int take = 200, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var agencies = db.AgencyMembers.Where(m => m.UserId == actor.UserId).Select(m => m.AgencyId);
        return await db.TrackedDeadlines.AsNoTracking()
            .Where(t => t.Deadline.MetAt == null && t.AgencyId != null && agencies.Contains(t.AgencyId.Value))
            .OrderBy(t => t.Deadline.DueAt).Take(take)
            .Select(t => new TrackedDeadlineRow(t.Id, t.Kind, t.ItemType, t.ItemId, t.Title, t.Link, t.Unit.FullName,
                t.Agency == null ? null : t.Agency.Name, t.Deadline))
            .ToListAsync(ct);
    }

    private static async Task<DeadlinePolicy> PolicyAsync(PortalDb db, DeadlineKind kind, UnitLevel level, CancellationToken ct) =>
        await db.DeadlinePolicies.AsNoTracking()
            .Where(p => p.Kind == kind && (p.Level == level || p.Level == null))
            .OrderBy(p => p.Level == null).FirstOrDefaultAsync(ct) ?? throw new DomainRuleException("deadline.policy.not-found", kind);

    /// <summary>After a holiday changed: every open deadline whose count could cross that date is computed again.</summary>
    private static async Task RecomputeAroundAsync(PortalDb db, DateOnly date, CancellationToken ct)
    {
        var day = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7));
        var affected = await db.TrackedDeadlines.Include(t => t.Reminders)
            .Where(t => t.Deadline.MetAt == null && t.Deadline.StartedAt <= day.AddDays(1) && t.Deadline.DueAt >= day.AddDays(-1))
            .ToListAsync(ct);
        if (affected.Count == 0) return;
        var calendar = await CalculatorAsync(db, day, ct);
        foreach (var tracked in affected) tracked.Recompute(calendar);
    }

    private static async Task DemandNationalAdminAsync(PortalDb db, Actor actor, CancellationToken ct)
    {
        if (actor.IsSystem) return;
        var country = await db.Units.Where(u => u.Level == UnitLevel.Country).Select(u => u.Id).SingleAsync(ct);
        await db.DemandAsync(actor, StaffAction.ManageUnits, country, ct);
    }
}
