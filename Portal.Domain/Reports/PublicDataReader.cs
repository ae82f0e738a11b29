using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;
using Portal.Domain.Dialogues;
using Portal.Domain.Units;

namespace Portal.Domain.Reports;

/// <summary>A page of an open-data list. <see cref="Page"/> counts from 1.</summary>
public sealed record DataPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>What narrows an open-data list: a unit (and its subtree), a date range in Vietnam's calendar (both ends
/// included), and the page.</summary>
public sealed record DataFilter(int? UnitId = null, DateOnly? From = null, DateOnly? To = null, int Page = 1, int PageSize = DataFilter.DefaultPageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
}

public sealed record PublicUnit(int Id, string? Code, string Name, string FullName, UnitLevel Level, int? ParentId);

/// <summary>
/// The read side of the open-data API for units and the dialogue pillar: only what the public pages show (public
/// conferences; a conference's questions through <see cref="DialogueReader"/>, so authors appear exactly as there).
/// </summary>
public sealed class PublicDataReader(IDbContextFactory<PortalDb> dbs, TimeProvider clock)
{
    public async Task<DataPage<PublicUnit>> UnitsAsync(int? parentId, UnitLevel? level, int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var query = db.Units.AsNoTracking().Where(u => u.IsActive && u.Level != UnitLevel.Country);
        if (parentId is not null) query = query.Where(u => u.ParentId == parentId);
        if (level is not null) query = query.Where(u => u.Level == level);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(u => u.Level).ThenBy(u => u.Code).ThenBy(u => u.Name).ThenBy(u => u.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(u => new PublicUnit(u.Id, u.Code, u.Name, u.FullName, u.Level, u.ParentId)).ToListAsync(ct);
        return new DataPage<PublicUnit>(items, page, pageSize, total);
    }

    public async Task<PublicUnit?> UnitAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Units.AsNoTracking().Where(u => u.Id == id && u.IsActive && u.Level != UnitLevel.Country)
            .Select(u => new PublicUnit(u.Id, u.Code, u.Name, u.FullName, u.Level, u.ParentId)).SingleOrDefaultAsync(ct);
    }

    /// <summary>Public conferences of the unit's subtree starting within the dates, newest first.</summary>
    public async Task<DataPage<ConferenceSummary>> ConferencesAsync(DataFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var query = db.Conferences.AsNoTracking().Where(c => c.State != ConferenceState.Draft);
        if (filter.UnitId is int unitId)
        {
            var path = db.Units.Where(u => u.Id == unitId).Select(u => u.Path);
            query = query.Where(c => path.Any(p => c.Unit.Path.IsDescendantOf(p)));
        }
        if (filter.From is DateOnly from) query = query.Where(c => c.StartsAt >= VietnamDay.Start(from));
        if (filter.To is DateOnly to) query = query.Where(c => c.StartsAt < VietnamDay.Start(to.AddDays(1)));
        var total = await query.CountAsync(ct);
        var now = clock.GetUtcNow();
        var items = await DialogueReader.Summaries(db, query.OrderByDescending(c => c.StartsAt).ThenByDescending(c => c.Id)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize)).ToListAsync(ct);
        return new DataPage<ConferenceSummary>(items.Select(s => DialogueReader.Refreshed(s, now)).ToList(), filter.Page, filter.PageSize, total);
    }
}

/// <summary>Days as Vietnam counts them: a date's start instant in Asia/Ho_Chi_Minh.</summary>
public static class VietnamDay
{
    public static DateTimeOffset Start(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Deadlines.DeadlineCalculator.VietnamTime.GetUtcOffset(local)).ToUniversalTime();
    }

    public static DateOnly Of(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Deadlines.DeadlineCalculator.VietnamTime).DateTime);
}
