using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Audit;
using Portal.Domain.Data;
using Portal.Domain.Notifications;

namespace Portal.Domain.Dialogues;

/// <summary>What a report did: whether it was counted (a second report by the same account is not) and whether the
/// question is now hidden pending review.</summary>
public sealed record ReportOutcome(bool Counted, bool Hidden);

/// <summary>A reported or hidden question as its moderator reviews it (the original text, not the redacted one).</summary>
public sealed record ReportedQuestion(long Id, string Text, string Topic, string Village, int Reports, DateTimeOffset? HiddenAt,
    IReadOnlyList<string> Reasons);

/// <summary>
/// Residents' abuse reports: a question reported by <see cref="HideAfterReports"/> distinct accounts is hidden from the
/// public until a moderator of its unit restores it (or refuses it through the moderation queue).
/// </summary>
public sealed class AbuseService(IDbContextFactory<PortalDb> dbs, TimeProvider clock, PortalLinks links, int hideAfterReports = 3)
{
    public const int ReviewListSize = 100;

    public int HideAfterReports { get; } = hideAfterReports >= 1 ? hideAfterReports
        : throw new ArgumentOutOfRangeException(nameof(hideAfterReports), "Moderation:HideAfterReports must be at least 1.");

    /// <summary>A signed-in resident reports a question (once per account; reporting again changes nothing).</summary>
    public async Task<ReportOutcome> ReportAsync(Actor actor, long questionId, string? reason, CancellationToken ct = default)
    {
        if (actor.IsSystem) throw new DomainRuleException("question.author.required");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var row = await db.Questions.Where(q => q.Id == questionId)
            .Join(db.Conferences.Where(c => c.State != ConferenceState.Draft), q => q.ConferenceId, c => c.Id,
                (q, c) => new { q.AuthorId, q.ConferenceId, q.VillageId, q.HiddenAt, c.UnitId, c.Title, Text = q.RedactedBody ?? q.Body })
            .SingleOrDefaultAsync(ct) ?? throw new DomainRuleException("question.not-found");
        if (row.AuthorId == actor.UserId) throw new DomainRuleException("abuse.report.own");
        var report = new AbuseReport(questionId, actor.UserId!, reason, clock.GetUtcNow());

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var inserted = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO abuse_reports (question_id, user_id, reason, at) VALUES ({questionId}, {report.UserId}, {report.Reason}, {now}) ON CONFLICT DO NOTHING", ct);
        if (inserted == 0) return new ReportOutcome(false, row.HiddenAt is not null);
        db.AuditEntries.Add(AuditEntry.Of(actor, now, "question.report", "question", questionId, row.VillageId, null, new { report.Reason }));
        var reports = await db.AbuseReports.CountAsync(r => r.QuestionId == questionId, ct);
        var hidden = row.HiddenAt is not null;
        if (!hidden && reports >= HideAfterReports
            && await db.Questions.Where(q => q.Id == questionId && q.HiddenAt == null).ExecuteUpdateAsync(s => s.SetProperty(q => q.HiddenAt, now), ct) == 1)
        {
            hidden = true;
            db.AuditEntries.Add(AuditEntry.Of(Actor.System, now, "question.hidden", "question", questionId, row.VillageId, null, new { Reports = reports }));
            var moderators = await ModeratorsAsync(db, row.UnitId, ct);
            await NotificationService.NotifyAsync(db, moderators, NotificationKinds.QuestionUpdate, $"question:{questionId}:hidden:{now.UtcTicks}",
                $"Một ý kiến bị báo cáo vi phạm và đã tạm ẩn: {row.Title}", $"A reported question was hidden pending review: {row.Title}",
                links.Question(row.ConferenceId, questionId),
                $"{reports} người đã báo cáo ý kiến này. Hãy xem lại để khôi phục hoặc từ chối.\n\n> {Text.Shorten(row.Text)}",
                $"{reports} people reported this question. Review it to restore or refuse it.\n\n> {Text.Shorten(row.Text)}", links.BaseUrl, now, ct);
            await NotificationService.SignalAsync(db, moderators, ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ReportOutcome(true, hidden);
    }

    /// <summary>A moderator finds nothing wrong: the question shows again and its reports are cleared.</summary>
    public async Task RestoreAsync(Actor actor, long questionId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var row = await db.Questions.Where(q => q.Id == questionId)
            .Join(db.Conferences, q => q.ConferenceId, c => c.Id, (q, c) => new { q.VillageId, q.HiddenAt, c.UnitId })
            .SingleOrDefaultAsync(ct) ?? throw new DomainRuleException("question.not-found");
        await db.DemandAsync(actor, StaffAction.Moderate, row.UnitId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var cleared = await db.AbuseReports.Where(r => r.QuestionId == questionId).ExecuteDeleteAsync(ct);
        await db.Questions.Where(q => q.Id == questionId).ExecuteUpdateAsync(s => s.SetProperty(q => q.HiddenAt, (DateTimeOffset?)null), ct);
        db.AuditEntries.Add(AuditEntry.Of(actor, clock.GetUtcNow(), "question.restore", "question", questionId, row.VillageId,
            new { row.HiddenAt, Reports = cleared }, null));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>May the actor review the conference's reported questions?</summary>
    public async Task<bool> MayReviewAsync(Actor actor, int conferenceId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var unit = await db.Conferences.Where(c => c.Id == conferenceId).Select(c => (int?)c.UnitId).SingleOrDefaultAsync(ct);
        return unit is not null && await db.MayAsync(actor, StaffAction.Moderate, unit.Value, ct);
    }

    /// <summary>The conference's reported or hidden questions for its moderators: hidden first, then the most reported.</summary>
    public async Task<IReadOnlyList<ReportedQuestion>> ReportedAsync(Actor actor, int conferenceId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var unit = await db.Conferences.Where(c => c.Id == conferenceId).Select(c => (int?)c.UnitId).SingleOrDefaultAsync(ct)
            ?? throw new DomainRuleException("conference.not-found");
        await db.DemandAsync(actor, StaffAction.Moderate, unit, ct);
        var rows = await db.Questions.Where(q => q.ConferenceId == conferenceId && (q.HiddenAt != null || db.AbuseReports.Any(r => r.QuestionId == q.Id)))
            .Select(q => new
            {
                q.Id, q.Body, q.Topic, Village = db.Units.Where(u => u.Id == q.VillageId).Select(u => u.Name).First(), q.HiddenAt,
                Reports = db.AbuseReports.Count(r => r.QuestionId == q.Id),
            })
            .OrderByDescending(q => q.HiddenAt != null).ThenByDescending(q => q.Reports).ThenBy(q => q.Id)
            .Take(ReviewListSize).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var reasons = (await db.AbuseReports.Where(r => ids.Contains(r.QuestionId) && r.Reason != null).OrderBy(r => r.At)
            .Select(r => new { r.QuestionId, r.Reason }).ToListAsync(ct)).ToLookup(r => r.QuestionId, r => r.Reason!);
        return rows.Select(r => new ReportedQuestion(r.Id, r.Body, r.Topic, r.Village, r.Reports, r.HiddenAt, reasons[r.Id].ToList())).ToList();
    }

    private static Task<List<string>> ModeratorsAsync(PortalDb db, int unitId, CancellationToken ct)
    {
        var conferenceUnit = db.Units.Where(u => u.Id == unitId).Select(u => u.Path);
        return db.UnitRoles.Where(r => r.Role == StaffRole.Moderator && conferenceUnit.Any(p => p.IsDescendantOf(r.Unit.Path)))
            .Select(r => r.UserId).Distinct().ToListAsync(ct);
    }

}
