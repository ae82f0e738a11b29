using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Domain.Campaigns;
using Portal.Domain.Data;
using Portal.Domain.Deadlines;

namespace Portal.Domain.Reports;

/// <summary>
/// The campaign pillar's figures. Each month counts what happened in it, by the campaign's unit and organising agency:
/// goals of the campaigns opened (drafts never count), goals assessed and goals reached of the campaigns completed (a
/// completed campaign's books are closed, so the month's count stays true; reached: contributions, or km built for a
/// length goal, at least the target), pledges made, confirmed and fulfilled, and village decisions taken and passed.
/// </summary>
public sealed class CampaignFigures : IFigureProvider
{
    public const string Goals = "campaigns.goals";
    public const string GoalsAssessed = "campaigns.goals-assessed";
    public const string GoalsReached = "campaigns.goals-reached";
    public const string Pledges = "campaigns.pledges";
    public const string PledgesConfirmed = "campaigns.pledges-confirmed";
    public const string PledgesFulfilled = "campaigns.pledges-fulfilled";
    public const string Decisions = "campaigns.decisions";
    public const string DecisionsPassed = "campaigns.decisions-passed";
    // Shown figures that are not monthly counts.
    public const string ReachedShare = "campaigns.reached-share";
    public const string ReportsOverdueNow = "campaigns.reports-overdue-now";

    public string Pillar => "campaigns";

    public IReadOnlyList<string> Trend => [Pledges, PledgesConfirmed, PledgesFulfilled];

    public (string Part, string Whole)? Ranking => (PledgesFulfilled, Pledges);

    public IReadOnlyList<DashboardFigure> Summarise(FigureSums sums) =>
    [
        new(Goals, sums[Goals], FigureFormat.Count, Goals),
        new(GoalsReached, sums[GoalsReached], FigureFormat.Count, GoalsReached),
        new(ReachedShare, sums.Share(GoalsReached, GoalsAssessed), FigureFormat.Percent, GoalsReached),
        new(Pledges, sums[Pledges], FigureFormat.Count, Pledges),
        new(PledgesConfirmed, sums[PledgesConfirmed], FigureFormat.Count, PledgesConfirmed),
        new(PledgesFulfilled, sums[PledgesFulfilled], FigureFormat.Count, PledgesFulfilled),
        new(DecisionsPassed, sums[DecisionsPassed], FigureFormat.Count, DecisionsPassed),
        new(ReportsOverdueNow, sums[DialogueFigures.Overdue(DeadlineKind.ReportVillageDecision)], FigureFormat.Count),
    ];

    public async Task<IReadOnlyList<FigureRow>> MonthlyAsync(PortalDb db, DateOnly fromMonth, DateOnly toMonth, CancellationToken ct)
    {
        const string month = "date_trunc('month', {0} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date";
        // Goal kinds and pledge states as stored: Length = 5; Cancelled = 4, Fulfilled = 3.
        var sql = $"""
            SELECT {string.Format(month, "c.opened_at")} AS month, c.unit_id, c.organiser_agency_id AS agency_id, '{Goals}' AS figure, count(*) AS value
            FROM campaign_goals g JOIN campaigns c ON c.id = g.campaign_id
            WHERE c.opened_at >= @from AND c.opened_at < @to
            GROUP BY 1, 2, 3
            UNION ALL
            SELECT a.month, a.unit_id, a.agency_id, f.figure, count(*)
            FROM (SELECT {string.Format(month, "c.completed_at")} AS month, c.unit_id, c.organiser_agency_id AS agency_id,
                         (CASE WHEN g.kind = 5 THEN g.achieved
                               ELSE coalesce((SELECT sum(l.fulfilled) FROM pledge_lines l JOIN pledges p ON p.id = l.pledge_id
                                              WHERE l.goal_id = g.id AND p.state = 3), 0) END) >= g.target AS reached
                  FROM campaign_goals g JOIN campaigns c ON c.id = g.campaign_id
                  WHERE c.completed_at >= @from AND c.completed_at < @to) a,
                 LATERAL (VALUES ('{GoalsAssessed}'), (CASE WHEN a.reached THEN '{GoalsReached}' END)) f(figure)
            WHERE f.figure IS NOT NULL
            GROUP BY 1, 2, 3, 4
            UNION ALL
            SELECT e.month, c.unit_id, c.organiser_agency_id, e.figure, count(*)
            FROM (SELECT p.campaign_id, {string.Format(month, "p.created_at")} AS month, '{Pledges}' AS figure FROM pledges p WHERE p.created_at >= @from AND p.created_at < @to
                  UNION ALL
                  SELECT p.campaign_id, {string.Format(month, "p.confirmed_at")}, '{PledgesConfirmed}' FROM pledges p WHERE p.confirmed_at >= @from AND p.confirmed_at < @to
                  UNION ALL
                  SELECT p.campaign_id, {string.Format(month, "p.fulfilled_at")}, '{PledgesFulfilled}' FROM pledges p
                  WHERE p.state = 3 AND p.fulfilled_at >= @from AND p.fulfilled_at < @to
                  UNION ALL
                  SELECT d.campaign_id, {string.Format(month, "d.recorded_at")}, '{Decisions}' FROM village_decisions d WHERE d.recorded_at >= @from AND d.recorded_at < @to
                  UNION ALL
                  SELECT d.campaign_id, {string.Format(month, "d.recorded_at")}, '{DecisionsPassed}' FROM village_decisions d
                  WHERE d.passed AND d.recorded_at >= @from AND d.recorded_at < @to) e
            JOIN campaigns c ON c.id = e.campaign_id
            GROUP BY 1, 2, 3, 4
            """;
        var rows = await db.Database.SqlQueryRaw<Row>(sql,
            new NpgsqlParameter("from", VietnamDay.Start(fromMonth)), new NpgsqlParameter("to", VietnamDay.Start(toMonth))).ToListAsync(ct);
        return rows.Select(r => new FigureRow(r.Month, r.UnitId, r.AgencyId, r.Figure, r.Value)).ToList();
    }

    /// <summary>Goals and decisions are public with their campaign; a pledge is listed by its campaign and village only (never
    /// its pledger), and only once confirmed, as on the honour board: the others are counted as not public.</summary>
    public async Task<FigureItems?> ItemsAsync(PortalDb db, FigureItemsQuery query, CancellationToken ct)
    {
        var campaigns = db.Campaigns.AsNoTracking().Where(c => db.Units.Any(u => u.Id == c.UnitId && u.Path.IsDescendantOf(query.ScopePath))
            && (query.AgencyId == null || c.OrganiserAgencyId == query.AgencyId));
        IQueryable<Item>? all = query.Code switch
        {
            Goals => from g in db.CampaignGoals join c in campaigns on g.CampaignId equals c.Id
                     where c.OpenedAt >= query.From && c.OpenedAt < query.To
                     select new Item { Text = g.Title, Detail = c.Title, At = c.OpenedAt!.Value, CampaignId = c.Id, Public = true },
            GoalsReached => from g in db.CampaignGoals join c in campaigns on g.CampaignId equals c.Id
                            where c.CompletedAt >= query.From && c.CompletedAt < query.To
                                  && (g.Kind == GoalKind.Length ? g.Achieved : db.PledgeLines.Where(l => l.GoalId == g.Id
                                      && db.Pledges.Any(p => p.Id == l.PledgeId && p.State == PledgeState.Fulfilled)).Sum(l => l.Fulfilled ?? 0)) >= g.Target
                            select new Item { Text = g.Title, Detail = c.Title, At = c.CompletedAt!.Value, CampaignId = c.Id, Public = true },
            Pledges or PledgesConfirmed or PledgesFulfilled =>
                from p in db.Pledges join c in campaigns on p.CampaignId equals c.Id
                let at = query.Code == Pledges ? p.CreatedAt : query.Code == PledgesConfirmed ? p.ConfirmedAt : p.FulfilledAt
                where at >= query.From && at < query.To && (query.Code != PledgesFulfilled || p.State == PledgeState.Fulfilled)
                select new Item
                {
                    Text = c.Title, Detail = db.Units.Where(u => u.Id == p.VillageId).Select(u => u.Name).Single(), At = at!.Value, CampaignId = c.Id,
                    Public = p.State == PledgeState.Confirmed || p.State == PledgeState.Fulfilled,
                },
            DecisionsPassed => from d in db.VillageDecisions join c in campaigns on d.CampaignId equals c.Id
                               where d.Passed && d.RecordedAt >= query.From && d.RecordedAt < query.To
                               select new Item { Text = db.Units.Where(u => u.Id == d.VillageId).Select(u => u.Name).Single(), Detail = c.Title, At = d.RecordedAt, CampaignId = c.Id, Public = true },
            _ => null,
        };
        if (all is null) return null;
        var visible = all.Where(i => i.Public);
        var count = await all.CountAsync(ct);
        var total = await visible.CountAsync(ct);
        var rows = await visible.OrderByDescending(i => i.At).ThenBy(i => i.Text)
            .Skip((query.Page - 1) * FigureItemsQuery.PageSize).Take(FigureItemsQuery.PageSize).ToListAsync(ct);
        return new FigureItems(rows.Select(i => new FigureItem(i.Text, i.Detail, i.At, $"/van-dong/{i.CampaignId}")).ToList(), total, count - total, query.Page);
    }

    private sealed class Item
    {
        public string Text { get; init; } = "";
        public string Detail { get; init; } = "";
        public DateTimeOffset At { get; init; }
        public int CampaignId { get; init; }
        public bool Public { get; init; }
    }

    private sealed class Row
    {
        public DateOnly Month { get; set; }
        public int UnitId { get; set; }
        public int? AgencyId { get; set; }
        public string Figure { get; set; } = "";
        public long Value { get; set; }
    }
}
