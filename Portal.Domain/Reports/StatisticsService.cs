using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Portal.Domain.Data;
using Portal.Domain.Units;

namespace Portal.Domain.Reports;

public sealed record DashboardUnit(int Id, string Name, UnitLevel Level);

public sealed record MonthPoint(DateOnly Month, IReadOnlyDictionary<string, long> Values);

public sealed record AgencyRank(int AgencyId, string Name, long Part, long Whole)
{
    public double Rate => Whole == 0 ? 0 : (double)Part / Whole;
}

public sealed record ChildFigures(DashboardUnit Unit, IReadOnlyList<DashboardFigure> Figures);

public sealed record PillarDashboard(string Pillar, IReadOnlyList<DashboardFigure> Figures, IReadOnlyList<MonthPoint> Trend,
    IReadOnlyList<string> TrendFigures, IReadOnlyList<AgencyRank> Ranking, IReadOnlyList<ChildFigures> Children);

/// <summary>The dashboard of a unit's subtree (or of one agency) for the months from <see cref="From"/> to
/// <see cref="To"/> (first days of months, both included), with the way up (<see cref="Trail"/>) and down.</summary>
public sealed record Dashboard(DashboardUnit Unit, IReadOnlyList<DashboardUnit> Trail, int? AgencyId, string? AgencyName, DateOnly From, DateOnly To,
    IReadOnlyList<PillarDashboard> Pillars);

/// <summary>
/// The responsiveness dashboard: sums every registered <see cref="IFigureProvider"/>'s monthly counts over a unit's
/// subtree (or an agency) and a period of months, adds the deadlines overdue now from the one TrackedDeadline register,
/// and breaks them down by month, by agency and by the unit's children. Complete past months come from the nightly
/// snapshot when it has them; the current month, and any month not yet snapshotted, are computed live, so today's
/// figures are exact. <see cref="SnapshotAsync"/> (the nightly job) replaces the snapshot of past months.
/// </summary>
public sealed class StatisticsService(IDbContextFactory<PortalDb> dbs, TimeProvider clock, IEnumerable<IFigureProvider> providers)
{
    public const string SnapshotMarker = "snapshot";
    /// <summary>How many complete months the nightly job recomputes (counts of past months change a little as
    /// ratings arrive and items are merged).</summary>
    public const int SnapshotMonths = 13;
    public const int MaxMonths = 36;
    public const int MaxItemsPage = 100_000;

    private readonly IReadOnlyList<IFigureProvider> _providers = providers.ToList();

    public DateOnly CurrentMonth => Month(VietnamDay.Of(clock.GetUtcNow()));

    public static DateOnly Month(DateOnly day) => new(day.Year, day.Month, 1);

    public async Task<Dashboard?> DashboardAsync(int unitId, int? agencyId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        from = Month(from);
        to = Month(to);
        if (to > CurrentMonth) to = CurrentMonth;
        if (from > to) throw new DomainRuleException("statistics.period.invalid");
        if (from < to.AddMonths(-(MaxMonths - 1))) throw new DomainRuleException("statistics.period.too-long", MaxMonths);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId && u.IsActive && u.Level != UnitLevel.Village)
            .Select(u => new { u.Id, Name = u.FullName, u.Level, u.Path }).SingleOrDefaultAsync(ct);
        if (unit is null) return null;
        string? agencyName = null;
        if (agencyId is int agency)
        {
            agencyName = await db.Agencies.Where(a => a.Id == agency).Select(a => a.Name).SingleOrDefaultAsync(ct);
            if (agencyName is null) return null;
        }
        var path = (string)unit.Path;
        var depth = path.Split('.').Length;
        var ancestorIds = path.Split('.').Select(int.Parse).ToList();
        var trail = (await db.Units.AsNoTracking().Where(u => ancestorIds.Contains(u.Id) && u.Level != UnitLevel.Country)
                .Select(u => new { u.Id, Name = u.FullName, u.Level, Depth = u.Path.NLevel }).ToListAsync(ct))
            .OrderBy(u => u.Depth).Select(u => new DashboardUnit(u.Id, u.Name, u.Level)).ToList();
        // Every unit of the subtree above villages (conferences' units), with the child of the scope it lies under.
        var scopePath = unit.Path;
        var subtree = (await db.Units.AsNoTracking().Where(u => u.Path.IsDescendantOf(scopePath) && u.Level != UnitLevel.Village)
                .Select(u => new { u.Id, Name = u.FullName, u.Level, u.ParentId, u.IsActive, u.Path }).ToListAsync(ct))
            .Select(u => new { u.Id, u.Name, u.Level, u.ParentId, u.IsActive, Path = (string)u.Path }).ToList();
        var childOf = subtree.ToDictionary(u => u.Id, u => u.Path.Split('.') is var parts && parts.Length > depth ? int.Parse(parts[depth]) : (int?)null);
        var children = subtree.Where(u => u.ParentId == unit.Id && u.IsActive).OrderBy(u => u.Name)
            .Select(u => new DashboardUnit(u.Id, u.Name, u.Level)).ToList();

        var rows = await MonthlyRowsAsync(db, subtree.Select(u => u.Id).ToList(), agencyId, from, to, ct);
        var overdue = await OverdueNowAsync(db, path, depth, agencyId, ct);

        var months = Enumerable.Range(0, (to.Year - from.Year) * 12 + to.Month - from.Month + 1).Select(i => from.AddMonths(i)).ToList();
        var totals = Sum(rows.Select(r => (r.Figure, r.Value)).Concat(overdue.Select(o => (o.Figure, o.Value))));
        var byChild = children.ToDictionary(c => c.Id, c => Sum(rows.Where(r => childOf.GetValueOrDefault(r.UnitId) == c.Id).Select(r => (r.Figure, r.Value))
            .Concat(overdue.Where(o => o.Child == c.Id).Select(o => (o.Figure, o.Value)))));
        var agencyIds = rows.Where(r => r.AgencyId != null).Select(r => r.AgencyId!.Value).Distinct().ToList();
        var agencyNames = await db.Agencies.Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);

        var pillars = _providers.Select(p =>
        {
            var trend = months.Select(m => new MonthPoint(m, p.Trend.ToDictionary(f => f,
                f => rows.Where(r => r.Month == m && r.Figure == f).Sum(r => r.Value)))).ToList();
            var ranking = p.Ranking is var (part, whole)
                ? rows.Where(r => r.AgencyId != null && (r.Figure == part || r.Figure == whole)).GroupBy(r => r.AgencyId!.Value)
                    .Select(g => new AgencyRank(g.Key, agencyNames.GetValueOrDefault(g.Key, ""), g.Where(r => r.Figure == part).Sum(r => r.Value),
                        g.Where(r => r.Figure == whole).Sum(r => r.Value)))
                    .Where(a => a.Whole > 0).OrderByDescending(a => a.Rate).ThenByDescending(a => a.Whole).ThenBy(a => a.Name).ToList()
                : [];
            return new PillarDashboard(p.Pillar, p.Summarise(new FigureSums(totals)), trend, p.Trend, ranking,
                children.Select(c => new ChildFigures(c, p.Summarise(new FigureSums(byChild[c.Id])))).ToList());
        }).ToList();
        return new Dashboard(new DashboardUnit(unit.Id, unit.Name, unit.Level), trail, agencyId, agencyName, from, to, pillars);
    }

    /// <summary>The public items behind a figure of a unit's subtree (or an agency) and period; null when no pillar
    /// knows the code or the unit is not a dashboard unit.</summary>
    public async Task<FigureItems?> ItemsAsync(string code, int unitId, int? agencyId, DateOnly from, DateOnly to, int page, CancellationToken ct = default)
    {
        if (Month(from) > Month(to)) throw new DomainRuleException("statistics.period.invalid");
        if (page is < 1 or > MaxItemsPage) throw new DomainRuleException("statistics.page.invalid");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var path = await db.Units.Where(u => u.Id == unitId && u.Level != UnitLevel.Village).Select(u => (LTree?)u.Path).SingleOrDefaultAsync(ct);
        if (path is null) return null;
        var query = new FigureItemsQuery(code, path.Value, agencyId, VietnamDay.Start(Month(from)), VietnamDay.Start(Month(to).AddMonths(1)),
            clock.GetUtcNow(), page);
        foreach (var provider in _providers)
            if (await provider.ItemsAsync(db, query, ct) is { } items) return items;
        return null;
    }

    /// <summary>
    /// Replaces the snapshot of the complete months before the current one (the last <see cref="SnapshotMonths"/>),
    /// in one transaction with a marker row per month: running it twice, or after a crash, leaves the same rows.
    /// </summary>
    public async Task SnapshotAsync(CancellationToken ct = default)
    {
        var to = CurrentMonth;
        var from = to.AddMonths(-SnapshotMonths);
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        var country = await db.Units.Where(u => u.Level == UnitLevel.Country).Select(u => u.Id).FirstAsync(ct);
        var rows = new List<FigureRow>();
        foreach (var provider in _providers) rows.AddRange(await provider.MonthlyAsync(db, from, to, ct));
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.StatisticsSnapshots.Where(s => s.Month >= from && s.Month < to).ExecuteDeleteAsync(ct);
        db.StatisticsSnapshots.AddRange(rows.Select(r => new StatisticsSnapshot(r.Month, r.UnitId, r.AgencyId, r.Figure, r.Value, now)));
        for (var month = from; month < to; month = month.AddMonths(1))
            db.StatisticsSnapshots.Add(new StatisticsSnapshot(month, country, null, SnapshotMarker, 1, now));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private async Task<List<FigureRow>> MonthlyRowsAsync(PortalDb db, List<int> units, int? agencyId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var current = CurrentMonth;
        var snapshotted = await db.StatisticsSnapshots.Where(s => s.Figure == SnapshotMarker && s.Month >= from && s.Month <= to && s.Month < current)
            .Select(s => s.Month).ToListAsync(ct);
        var unitSet = units.ToHashSet();
        var rows = (await db.StatisticsSnapshots.AsNoTracking()
                .Where(s => snapshotted.Contains(s.Month) && s.Figure != SnapshotMarker && units.Contains(s.UnitId) && (agencyId == null || s.AgencyId == agencyId))
                .Select(s => new FigureRow(s.Month, s.UnitId, s.AgencyId, s.Figure, s.Value)).ToListAsync(ct));
        var live = new List<DateOnly>();
        for (var month = from; month <= to; month = month.AddMonths(1))
            if (!snapshotted.Contains(month)) live.Add(month);
        if (live.Count > 0)
            foreach (var provider in _providers)
                rows.AddRange((await provider.MonthlyAsync(db, live.Min(), live.Max().AddMonths(1), ct))
                    .Where(r => live.Contains(r.Month) && unitSet.Contains(r.UnitId) && (agencyId == null || r.AgencyId == agencyId)));
        return rows;
    }

    private sealed class OverdueRow
    {
        public int? Child { get; set; }
        public short Kind { get; set; }
        public long Value { get; set; }
        public string Figure => $"deadlines.overdue:{Kind}";
    }

    /// <summary>Open deadlines past due now in the subtree (any pillar, any kind), by the child of the scope they lie under.</summary>
    private async Task<List<OverdueRow>> OverdueNowAsync(PortalDb db, string path, int depth, int? agencyId, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<OverdueRow>("""
            SELECT CASE WHEN nlevel(u.path) > @depth THEN subpath(u.path, @depth, 1)::text::int END AS child, t.kind, count(*) AS value
            FROM tracked_deadlines t JOIN units u ON u.id = t.unit_id
            WHERE t.met_at IS NULL AND t.due_at < @now AND u.path <@ @scope::ltree AND (@agency IS NULL OR t.agency_id = @agency)
            GROUP BY 1, 2
            """,
            new NpgsqlParameter("depth", NpgsqlDbType.Integer) { Value = depth },
            new NpgsqlParameter("now", clock.GetUtcNow().ToUniversalTime()),
            new NpgsqlParameter("scope", NpgsqlDbType.Text) { Value = path },
            new NpgsqlParameter("agency", NpgsqlDbType.Integer) { Value = (object?)agencyId ?? DBNull.Value }).ToListAsync(ct);

    private static Dictionary<string, long> Sum(IEnumerable<(string Figure, long Value)> values)
    {
        var sums = new Dictionary<string, long>();
        foreach (var (figure, value) in values) sums[figure] = sums.GetValueOrDefault(figure) + value;
        return sums;
    }
}
