using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Domain.Data;
using Portal.Domain.Deadlines;
using Portal.Domain.Drafts;

namespace Portal.Domain.Reports;

/// <summary>
/// The drafts pillar's figures (social criticism). Each month counts what happened in it: recommendations received by
/// the drafting agency (in the month the criticism document was sent), recommendations answered accepted, partly
/// accepted and not accepted (in the month of the answer), and criticism documents answered in full and answered on
/// time (the answer deadline of the document was not missed). Units are the drafts' units; agencies the drafting ones.
/// Every item counted is public: a draft's report and answers are public once the document is sent.
/// </summary>
public sealed class DraftFigures : IFigureProvider
{
    public const string Recommendations = "drafts.recommendations";
    public const string Accepted = "drafts.accepted";
    public const string PartlyAccepted = "drafts.partly-accepted";
    public const string NotAccepted = "drafts.not-accepted";
    public const string DocumentsAnswered = "drafts.documents-answered";
    public const string DocumentsOnTime = "drafts.documents-on-time";
    // Shown figures that are not monthly counts.
    public const string AcceptedShare = "drafts.accepted-share";
    public const string OnTimeRate = "drafts.on-time-rate";
    public const string OverdueNow = "drafts.overdue-now";

    public string Pillar => "drafts";

    public IReadOnlyList<string> Trend => [Recommendations, Accepted, PartlyAccepted, NotAccepted];

    public (string Part, string Whole)? Ranking => (DocumentsOnTime, DocumentsAnswered);

    public IReadOnlyList<DashboardFigure> Summarise(FigureSums sums) =>
    [
        new(Recommendations, sums[Recommendations], FigureFormat.Count, Recommendations),
        new(Accepted, sums[Accepted], FigureFormat.Count, Accepted),
        new(PartlyAccepted, sums[PartlyAccepted], FigureFormat.Count, PartlyAccepted),
        new(NotAccepted, sums[NotAccepted], FigureFormat.Count, NotAccepted),
        new(AcceptedShare, sums[Accepted] + sums[PartlyAccepted] + sums[NotAccepted] == 0 ? null
            : (double)(sums[Accepted] + sums[PartlyAccepted]) / (sums[Accepted] + sums[PartlyAccepted] + sums[NotAccepted]), FigureFormat.Percent, Accepted),
        new(DocumentsAnswered, sums[DocumentsAnswered], FigureFormat.Count, DocumentsAnswered),
        new(DocumentsOnTime, sums[DocumentsOnTime], FigureFormat.Count, DocumentsOnTime),
        new(OnTimeRate, sums.Share(DocumentsOnTime, DocumentsAnswered), FigureFormat.Percent, DocumentsOnTime),
        new(OverdueNow, sums[DialogueFigures.Overdue(DeadlineKind.AnswerCriticism)], FigureFormat.Count, OverdueNow),
    ];

    public async Task<IReadOnlyList<FigureRow>> MonthlyAsync(PortalDb db, DateOnly fromMonth, DateOnly toMonth, CancellationToken ct)
    {
        const string month = "date_trunc('month', {0} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date";
        var sql = $"""
            SELECT {string.Format(month, "d.report_sent_at")} AS month, d.unit_id, d.drafting_agency_id AS agency_id, '{Recommendations}' AS figure, count(*) AS value
            FROM criticism_recommendations r JOIN drafts d ON d.id = r.draft_id
            WHERE d.report_sent_at >= @from AND d.report_sent_at < @to
            GROUP BY 1, 2, 3
            UNION ALL
            SELECT {string.Format(month, "r.answered_at")}, d.unit_id, d.drafting_agency_id,
                   CASE r.decision WHEN {(int)Decision.Accepted} THEN '{Accepted}' WHEN {(int)Decision.PartlyAccepted} THEN '{PartlyAccepted}' ELSE '{NotAccepted}' END, count(*)
            FROM criticism_recommendations r JOIN drafts d ON d.id = r.draft_id
            WHERE r.decision IS NOT NULL AND r.answered_at >= @from AND r.answered_at < @to
            GROUP BY 1, 2, 3, 4
            UNION ALL
            SELECT a.month, a.unit_id, a.agency_id, f.figure, count(*)
            FROM (SELECT {string.Format(month, "d.answered_at")} AS month, d.unit_id, d.drafting_agency_id AS agency_id,
                         NOT EXISTS (SELECT 1 FROM tracked_deadlines t WHERE t.item_type = 'draft' AND t.item_id = d.id::text
                                     AND t.kind = {(int)DeadlineKind.AnswerCriticism} AND t.met_at > t.due_at) AS on_time
                  FROM drafts d WHERE d.answered_at >= @from AND d.answered_at < @to) a,
                 LATERAL (VALUES ('{DocumentsAnswered}'), (CASE WHEN a.on_time THEN '{DocumentsOnTime}' END)) f(figure)
            WHERE f.figure IS NOT NULL
            GROUP BY 1, 2, 3, 4
            """;
        var rows = await db.Database.SqlQueryRaw<Row>(sql,
            new NpgsqlParameter("from", VietnamDay.Start(fromMonth)), new NpgsqlParameter("to", VietnamDay.Start(toMonth))).ToListAsync(ct);
        return rows.Select(r => new FigureRow(r.Month, r.UnitId, r.AgencyId, r.Figure, r.Value)).ToList();
    }

    public async Task<FigureItems?> ItemsAsync(PortalDb db, FigureItemsQuery query, CancellationToken ct)
    {
        var recommendations = from r in db.CriticismRecommendations.AsNoTracking()
                              join d in db.Drafts on r.DraftId equals d.Id
                              where d.Unit.Path.IsDescendantOf(query.ScopePath) && (query.AgencyId == null || d.DraftingAgencyId == query.AgencyId)
                              select new { r.Id, r.Text, r.Decision, r.AnsweredAt, d.ReportSentAt, DraftId = d.Id, d.Title };
        var answered = recommendations.Where(x => x.AnsweredAt >= query.From && x.AnsweredAt < query.To);
        var chosen = query.Code switch
        {
            Recommendations => recommendations.Where(x => x.ReportSentAt >= query.From && x.ReportSentAt < query.To),
            Accepted => answered.Where(x => x.Decision == Decision.Accepted),
            PartlyAccepted => answered.Where(x => x.Decision == Decision.PartlyAccepted),
            NotAccepted => answered.Where(x => x.Decision == Decision.NotAccepted),
            _ => null,
        };
        if (chosen is not null)
        {
            var total = await chosen.CountAsync(ct);
            var rows = await chosen.OrderByDescending(x => x.ReportSentAt).ThenBy(x => x.Id)
                .Skip((query.Page - 1) * FigureItemsQuery.PageSize).Take(FigureItemsQuery.PageSize).ToListAsync(ct);
            return new FigureItems(rows.Select(r => new FigureItem(Text.Shorten(r.Text, 200), r.Title, r.AnsweredAt ?? r.ReportSentAt!.Value,
                $"/du-thao/{r.DraftId}/bang-tiep-thu")).ToList(), total, 0, query.Page);
        }
        var drafts = db.Drafts.AsNoTracking().Where(d => d.Unit.Path.IsDescendantOf(query.ScopePath) && (query.AgencyId == null || d.DraftingAgencyId == query.AgencyId));
        var late = db.TrackedDeadlines.Where(t => t.ItemType == "draft" && t.Kind == DeadlineKind.AnswerCriticism && t.Deadline.MetAt > t.Deadline.DueAt).Select(t => t.ItemId);
        var overdue = db.TrackedDeadlines.Where(t => t.ItemType == "draft" && t.Kind == DeadlineKind.AnswerCriticism && t.Deadline.MetAt == null
            && t.Deadline.DueAt < query.Now).Select(t => t.ItemId);
        var documents = drafts.Where(d => d.AnsweredAt >= query.From && d.AnsweredAt < query.To);
        var picked = query.Code switch
        {
            DocumentsAnswered => documents,
            DocumentsOnTime => documents.Where(d => !late.Contains(d.Id.ToString())),
            OverdueNow => drafts.Where(d => overdue.Contains(d.Id.ToString())),
            _ => null,
        };
        if (picked is null) return null;
        var count = await picked.CountAsync(ct);
        var items = await picked.OrderBy(d => d.AnswerDueAt).ThenBy(d => d.Id).Skip((query.Page - 1) * FigureItemsQuery.PageSize).Take(FigureItemsQuery.PageSize)
            .Select(d => new { d.Id, d.Title, d.DraftingAgency.Name, d.AnswerDueAt, d.ReportSentAt }).ToListAsync(ct);
        return new FigureItems(items.Select(i => new FigureItem(i.Title, i.Name, i.AnswerDueAt ?? i.ReportSentAt!.Value, $"/du-thao/{i.Id}/bang-tiep-thu")).ToList(),
            count, 0, query.Page);
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
