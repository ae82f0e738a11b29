using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Domain.Data;
using Portal.Domain.Deadlines;

namespace Portal.Domain.Reports;

/// <summary>
/// The dialogue pillar's figures. Each month counts what happened in it: questions received (merged duplicates are
/// not counted twice), answered, answered on time (no answer deadline of the question was missed), rated and rated
/// satisfied (of those answered that month), whole days from receipt to answer (a histogram, for the median), and
/// commitments made and done. Units are the conferences' units; agencies the responsible ones.
/// </summary>
public sealed class DialogueFigures : IFigureProvider
{
    public const string Received = "dialogue.received";
    public const string Answered = "dialogue.answered";
    public const string AnsweredOnTime = "dialogue.answered-on-time";
    public const string Rated = "dialogue.rated";
    public const string Satisfied = "dialogue.satisfied";
    public const string AnswerDays = "dialogue.answer-days";
    public const string CommitmentsMade = "dialogue.commitments-made";
    public const string CommitmentsDone = "dialogue.commitments-done";
    // Shown figures that are not monthly counts.
    public const string OnTimeRate = "dialogue.on-time-rate";
    public const string MedianDays = "dialogue.median-days";
    public const string SatisfiedShare = "dialogue.satisfied-share";
    public const string OverdueNow = "dialogue.overdue-now";
    public const string CommitmentsOverdueNow = "dialogue.commitments-overdue-now";

    public string Pillar => "dialogue";



    public IReadOnlyList<string> Trend => [Received, Answered, AnsweredOnTime];

    public (string Part, string Whole)? Ranking => (AnsweredOnTime, Answered);

    public IReadOnlyList<DashboardFigure> Summarise(FigureSums sums) =>
    [
        new(Received, sums[Received], FigureFormat.Count, Received),
        new(Answered, sums[Answered], FigureFormat.Count, Answered),
        new(AnsweredOnTime, sums[AnsweredOnTime], FigureFormat.Count, AnsweredOnTime),
        new(OnTimeRate, sums.Share(AnsweredOnTime, Answered), FigureFormat.Percent, AnsweredOnTime),
        new(OverdueNow, sums[Overdue(DeadlineKind.Acknowledge)] + sums[Overdue(DeadlineKind.Transfer)] + sums[Overdue(DeadlineKind.AnswerQuestion)],
            FigureFormat.Count, OverdueNow),
        new(MedianDays, sums.Median(AnswerDays), FigureFormat.Days, Answered),
        new(SatisfiedShare, sums.Share(Satisfied, Rated), FigureFormat.Percent, Satisfied),
        new(CommitmentsDone, sums[CommitmentsDone], FigureFormat.Count, CommitmentsDone),
        new(CommitmentsOverdueNow, sums[Overdue(DeadlineKind.Commitment)], FigureFormat.Count, CommitmentsOverdueNow),
    ];

    /// <summary>The sum name of the deadlines of a kind overdue now (see <see cref="StatisticsService"/>).</summary>
    public static string Overdue(DeadlineKind kind) => $"deadlines.overdue:{(int)kind}";

    public async Task<IReadOnlyList<FigureRow>> MonthlyAsync(PortalDb db, DateOnly fromMonth, DateOnly toMonth, CancellationToken ct)
    {
        const string month = "date_trunc('month', {0} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date";
        var sql = $"""
            SELECT {string.Format(month, "q.received_at")} AS month, c.unit_id, q.agency_id, '{Received}' AS figure, count(*) AS value
            FROM questions q JOIN conferences c ON c.id = q.conference_id
            WHERE q.state <> 5 AND q.received_at >= @from AND q.received_at < @to
            GROUP BY 1, 2, 3
            UNION ALL
            SELECT a.month, a.unit_id, a.agency_id, f.figure, count(*)
            FROM (SELECT {string.Format(month, "q.answered_at")} AS month, c.unit_id, q.agency_id, q.rating,
                         least(floor(extract(epoch FROM q.answered_at - q.received_at) / 86400), 365)::int AS days,
                         NOT EXISTS (SELECT 1 FROM tracked_deadlines t WHERE t.item_type = 'question' AND t.item_id = q.id::text
                                     AND t.kind = {(int)DeadlineKind.AnswerQuestion} AND t.met_at > t.due_at) AS on_time
                  FROM questions q JOIN conferences c ON c.id = q.conference_id
                  WHERE q.state <> 5 AND q.answered_at >= @from AND q.answered_at < @to) a,
                 LATERAL (VALUES ('{Answered}'), (CASE WHEN a.on_time THEN '{AnsweredOnTime}' END),
                                 (CASE WHEN a.rating IS NOT NULL THEN '{Rated}' END), (CASE WHEN a.rating = 1 THEN '{Satisfied}' END),
                                 ('{AnswerDays}:' || a.days)) f(figure)
            WHERE f.figure IS NOT NULL
            GROUP BY 1, 2, 3, 4
            UNION ALL
            SELECT {string.Format(month, "m.created_at")}, c.unit_id, m.agency_id, '{CommitmentsMade}', count(*)
            FROM commitments m JOIN questions q ON q.id = m.question_id JOIN conferences c ON c.id = q.conference_id
            WHERE m.created_at >= @from AND m.created_at < @to
            GROUP BY 1, 2, 3
            UNION ALL
            SELECT {string.Format(month, "m.done_at")}, c.unit_id, m.agency_id, '{CommitmentsDone}', count(*)
            FROM commitments m JOIN questions q ON q.id = m.question_id JOIN conferences c ON c.id = q.conference_id
            WHERE m.done_at >= @from AND m.done_at < @to
            GROUP BY 1, 2, 3
            """;
        var rows = await db.Database.SqlQueryRaw<Row>(sql,
            new NpgsqlParameter("from", VietnamDay.Start(fromMonth)), new NpgsqlParameter("to", VietnamDay.Start(toMonth))).ToListAsync(ct);
        return rows.Select(r => new FigureRow(r.Month, r.UnitId, r.AgencyId, r.Figure, r.Value)).ToList();
    }

    public async Task<FigureItems?> ItemsAsync(PortalDb db, FigureItemsQuery query, CancellationToken ct)
    {
        var inScope = from q in db.Questions.AsNoTracking()
                      join c in db.Conferences on q.ConferenceId equals c.Id
                      where c.Unit.Path.IsDescendantOf(query.ScopePath) && q.State != Dialogues.QuestionState.Merged
                            && (query.AgencyId == null || q.AgencyId == query.AgencyId)
                      select new { Question = q, Conference = c };
        var lateAnswer = db.TrackedDeadlines.Where(t => t.ItemType == "question" && t.Kind == DeadlineKind.AnswerQuestion && t.Deadline.MetAt > t.Deadline.DueAt)
            .Select(t => t.ItemId);
        int[] questionKinds = [(int)DeadlineKind.Acknowledge, (int)DeadlineKind.Transfer, (int)DeadlineKind.AnswerQuestion];
        var overdueQuestions = db.TrackedDeadlines.Where(t => t.ItemType == "question" && t.Deadline.MetAt == null && t.Deadline.DueAt < query.Now
            && questionKinds.Contains((int)t.Kind)).Select(t => t.ItemId);
        var answered = inScope.Where(x => x.Question.AnsweredAt >= query.From && x.Question.AnsweredAt < query.To);
        var selected = query.Code switch
        {
            Received => inScope.Where(x => x.Question.ReceivedAt >= query.From && x.Question.ReceivedAt < query.To),
            Answered => answered,
            AnsweredOnTime => answered.Where(x => !lateAnswer.Contains(x.Question.Id.ToString())),
            Satisfied => answered.Where(x => x.Question.Rating == Dialogues.Satisfaction.Satisfied),
            OverdueNow => inScope.Where(x => overdueQuestions.Contains(x.Question.Id.ToString())),
            _ => null,
        };
        if (selected is not null)
        {
            var visible = selected.Where(x => x.Conference.State != Dialogues.ConferenceState.Draft && x.Question.HiddenAt == null
                && x.Question.State != Dialogues.QuestionState.Refused
                && !(x.Conference.Moderation == Dialogues.ModerationMode.PreModeration && x.Question.State == Dialogues.QuestionState.Received));
            var all = await selected.CountAsync(ct);
            var total = await visible.CountAsync(ct);
            var rows = await visible.OrderByDescending(x => x.Question.ReceivedAt).ThenByDescending(x => x.Question.Id)
                .Skip((query.Page - 1) * FigureItemsQuery.PageSize).Take(FigureItemsQuery.PageSize)
                .Select(x => new { x.Question.Id, x.Question.ConferenceId, Text = x.Question.RedactedBody ?? x.Question.Body, x.Conference.Title, x.Question.ReceivedAt })
                .ToListAsync(ct);
            return new FigureItems(rows.Select(r => new FigureItem(Text.Shorten(r.Text, 200), r.Title, r.ReceivedAt, $"/hoi-nghi/{r.ConferenceId}#y-kien-{r.Id}")).ToList(),
                total, all - total, query.Page);
        }
        var commitments = from m in db.Commitments.AsNoTracking()
                          join q in db.Questions on m.QuestionId equals q.Id
                          join c in db.Conferences on q.ConferenceId equals c.Id
                          where c.Unit.Path.IsDescendantOf(query.ScopePath) && (query.AgencyId == null || m.AgencyId == query.AgencyId)
                          select new { Commitment = m, q.ConferenceId, c.Title };
        var chosen = query.Code switch
        {
            CommitmentsDone => commitments.Where(x => x.Commitment.DoneAt >= query.From && x.Commitment.DoneAt < query.To),
            CommitmentsOverdueNow => commitments.Where(x => x.Commitment.DoneAt == null && x.Commitment.DueAt < query.Now),
            _ => null,
        };
        if (chosen is null) return null;
        var count = await chosen.CountAsync(ct);
        var items = await chosen.OrderBy(x => x.Commitment.DueAt).ThenBy(x => x.Commitment.Id)
            .Skip((query.Page - 1) * FigureItemsQuery.PageSize).Take(FigureItemsQuery.PageSize)
            .Select(x => new { x.Commitment.What, x.Commitment.DueAt, x.ConferenceId, x.Title }).ToListAsync(ct);
        return new FigureItems(items.Select(i => new FigureItem(i.What, i.Title, i.DueAt, $"/hoi-nghi/{i.ConferenceId}/cam-ket")).ToList(), count, 0, query.Page);
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
