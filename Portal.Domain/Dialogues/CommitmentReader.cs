using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;
using Portal.Domain.Deadlines;

namespace Portal.Domain.Dialogues;

public sealed record CommitmentRow(long Id, long QuestionId, string Question, string What, int AgencyId, string AgencyName, int Progress,
    DateTimeOffset? DoneAt, Deadline? Deadline, bool MayReport);

/// <summary>A conference's commitments with their progress and deadlines, and whether the viewer (a member of the
/// responsible agency) may report progress.</summary>
public sealed class CommitmentReader(IDbContextFactory<PortalDb> dbs)
{
    public async Task<List<CommitmentRow>> ForConferenceAsync(int conferenceId, string? viewerId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var mine = viewerId is null ? [] : await db.AgencyMembers.Where(m => m.UserId == viewerId).Select(m => m.AgencyId).ToListAsync(ct);
        var rows = await db.Commitments.AsNoTracking()
            .Join(db.Questions.Where(q => q.ConferenceId == conferenceId && q.HiddenAt == null), c => c.QuestionId, q => q.Id, (c, q) => new { c, q })
            .OrderBy(x => x.c.DoneAt != null).ThenBy(x => x.c.DueAt)
            .Select(x => new
            {
                x.c.Id, x.c.QuestionId, Question = x.q.RedactedBody ?? x.q.Body, x.c.What, x.c.AgencyId,
                Agency = db.Agencies.Where(a => a.Id == x.c.AgencyId).Select(a => a.Name).First(), x.c.Progress, x.c.DoneAt,
            })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id.ToString()).ToList();
        var deadlines = await db.TrackedDeadlines.AsNoTracking().Where(t => t.ItemType == "commitment" && ids.Contains(t.ItemId))
            .ToDictionaryAsync(t => t.ItemId, t => t.Deadline, ct);
        return rows.Select(r => new CommitmentRow(r.Id, r.QuestionId, r.Question, r.What, r.AgencyId, r.Agency, r.Progress, r.DoneAt,
            deadlines.GetValueOrDefault(r.Id.ToString()), mine.Contains(r.AgencyId))).ToList();
    }
}
