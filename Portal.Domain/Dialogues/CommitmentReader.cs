using Microsoft.EntityFrameworkCore;
using Portal.Domain.Attachments;
using Portal.Domain.Data;
using Portal.Domain.Deadlines;

namespace Portal.Domain.Dialogues;

/// <summary>One progress report as the public sees it: percent, note (rendered Markdown) and photos.</summary>
public sealed record ProgressEntry(long Id, int Percent, string? NoteHtml, DateTimeOffset At, IReadOnlyList<AttachmentInfo> Photos);

public sealed record CommitmentRow(long Id, long QuestionId, string Question, string What, int AgencyId, string AgencyName, int Progress,
    DateTimeOffset? DoneAt, Deadline? Deadline, bool MayReport)
{
    public int ConferenceId { get; init; }
    public string ConferenceTitle { get; init; } = "";
    public DateTimeOffset DueAt { get; init; }
    /// <summary>Newest first.</summary>
    public IReadOnlyList<ProgressEntry> Reports { get; init; } = [];
}

/// <summary>Which of an agency's commitments to list.</summary>
public enum CommitmentView
{
    All = 0,
    Open = 1,
    Overdue = 2,
    Done = 3,
}

public sealed record CommitmentFilter(CommitmentView View = CommitmentView.All, int? ConferenceId = null, int Page = 1);

/// <summary>An agency's commitments across conferences: one page, the counters and the conferences to filter by.</summary>
public sealed record AgencyCommitments(int AgencyId, string AgencyName, string UnitName, Paged<CommitmentRow> Page, int Open, int Overdue, int Done,
    IReadOnlyList<PlaceOption> Conferences);

/// <summary>Commitments with their progress, reports and deadlines, per conference or per responsible agency, and whether
/// the viewer (a member of the responsible agency) may report progress. Only commitments of questions the public may see
/// (not hidden by abuse reports).</summary>
public sealed class CommitmentReader(IDbContextFactory<PortalDb> dbs, TimeProvider clock)
{
    public const int PageSize = 20;

    public async Task<List<CommitmentRow>> ForConferenceAsync(int conferenceId, string? viewerId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await ProjectAsync(db, Public(db, PublicQuestions(db).Where(q => q.ConferenceId == conferenceId)), viewerId, ct);
    }

    /// <summary>The agency's commitments in every conference, the open ones due first; null when there is no such agency.</summary>
    public async Task<AgencyCommitments?> ForAgencyAsync(int agencyId, string? viewerId, CommitmentFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var agency = await db.Agencies.Where(a => a.Id == agencyId).Select(a => new { a.Name, Unit = a.Unit.FullName }).SingleOrDefaultAsync(ct);
        if (agency is null) return null;
        var now = clock.GetUtcNow();
        var questions = PublicQuestions(db);
        var all = Public(db, questions).Where(c => c.AgencyId == agencyId);
        var counts = await all.GroupBy(_ => 1).Select(g => new
        {
            Open = g.Count(c => c.DoneAt == null),
            Overdue = g.Count(c => c.DoneAt == null && c.DueAt < now),
            Done = g.Count(c => c.DoneAt != null),
        }).SingleOrDefaultAsync(ct);
        var conferences = await db.Conferences.Where(k => questions.Any(q => q.ConferenceId == k.Id && all.Any(c => c.QuestionId == q.Id)))
            .OrderByDescending(k => k.StartsAt).Select(k => new PlaceOption(k.Id, k.Title)).ToListAsync(ct);

        var filtered = filter.ConferenceId is int conference
            ? Public(db, questions.Where(q => q.ConferenceId == conference)).Where(c => c.AgencyId == agencyId)
            : all;
        filtered = filter.View switch
        {
            CommitmentView.Open => filtered.Where(c => c.DoneAt == null),
            CommitmentView.Overdue => filtered.Where(c => c.DoneAt == null && c.DueAt < now),
            CommitmentView.Done => filtered.Where(c => c.DoneAt != null),
            _ => filtered,
        };
        var total = await filtered.CountAsync(ct);
        var page = Math.Clamp(filter.Page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var ordered = filtered.OrderBy(c => c.DoneAt != null).ThenBy(c => c.DueAt).ThenBy(c => c.Id)
            .Skip((page - 1) * PageSize).Take(PageSize);
        var rows = await ProjectAsync(db, ordered, viewerId, ct);
        return new AgencyCommitments(agencyId, agency.Name, agency.Unit, new Paged<CommitmentRow>(rows, total, page, PageSize),
            counts?.Open ?? 0, counts?.Overdue ?? 0, counts?.Done ?? 0, conferences);
    }

    /// <summary>Questions of public conferences the public may see (commitments exist only on answered ones).</summary>
    private static IQueryable<Question> PublicQuestions(PortalDb db) =>
        db.Questions.Where(q => q.HiddenAt == null && q.State != QuestionState.Refused && q.State != QuestionState.Merged
            && db.Conferences.Any(k => k.Id == q.ConferenceId && k.State != ConferenceState.Draft));

    private static IQueryable<Commitment> Public(PortalDb db, IQueryable<Question> questions) =>
        db.Commitments.AsNoTracking().Where(c => questions.Any(q => q.Id == c.QuestionId));

    private static async Task<List<CommitmentRow>> ProjectAsync(PortalDb db, IQueryable<Commitment> query, string? viewerId, CancellationToken ct)
    {
        var mine = viewerId is null ? [] : await db.AgencyMembers.Where(m => m.UserId == viewerId).Select(m => m.AgencyId).ToListAsync(ct);
        var rows = await query
            .Join(db.Questions, c => c.QuestionId, q => q.Id, (c, q) => new
            {
                c.Id, c.QuestionId, Question = q.RedactedBody ?? q.Body, c.What, c.AgencyId, c.DueAt, q.ConferenceId,
                Conference = db.Conferences.Where(k => k.Id == q.ConferenceId).Select(k => k.Title).First(),
                Agency = db.Agencies.Where(a => a.Id == c.AgencyId).Select(a => a.Name).First(), c.Progress, c.DoneAt,
            })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var keys = ids.Select(i => i.ToString()).ToList();
        var deadlines = await db.TrackedDeadlines.AsNoTracking().Where(t => t.ItemType == "commitment" && keys.Contains(t.ItemId))
            .ToDictionaryAsync(t => t.ItemId, t => t.Deadline, ct);
        var reports = await db.CommitmentProgressReports.AsNoTracking().Where(r => ids.Contains(r.CommitmentId))
            .OrderByDescending(r => r.ReportedAt).ThenByDescending(r => r.Id).ToListAsync(ct);
        var photos = await db.AttachmentsOfAsync(DialogueAttachments.ProgressKind, reports.Select(r => DialogueAttachments.OfProgress(r.Id).Id), ct);
        var byCommitment = reports.ToLookup(r => r.CommitmentId, r => new ProgressEntry(r.Id, r.Percent,
            r.NoteMarkdown is null ? null : MarkdownRenderer.ToHtml(r.NoteMarkdown), r.ReportedAt, photos[DialogueAttachments.OfProgress(r.Id).Id].ToList()));
        return rows.Select(r => new CommitmentRow(r.Id, r.QuestionId, r.Question, r.What, r.AgencyId, r.Agency, r.Progress, r.DoneAt,
            deadlines.GetValueOrDefault(r.Id.ToString()), mine.Contains(r.AgencyId))
        {
            ConferenceId = r.ConferenceId,
            ConferenceTitle = r.Conference,
            DueAt = r.DueAt,
            Reports = byCommitment[r.Id].ToList(),
        }).OrderBy(r => r.DoneAt != null).ThenBy(r => r.DueAt).ThenBy(r => r.Id).ToList();
    }
}
