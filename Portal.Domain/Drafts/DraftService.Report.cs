using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Audit;
using Portal.Domain.Data;
using Portal.Domain.Deadlines;
using Portal.Domain.Notifications;

namespace Portal.Domain.Drafts;

public sealed partial class DraftService
{
    /// <summary>Compiles every draft whose window has closed and is not compiled yet (the sweep, every minute).</summary>
    public async Task<int> CompileDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        List<int> due;
        await using (var db = await dbs.CreateDbContextAsync(ct))
            due = await db.Drafts.Where(d => d.State == DraftState.Open && d.CompiledAt == null && d.ClosesAt <= now).Select(d => d.Id).ToListAsync(ct);
        var compiled = 0;
        foreach (var id in due)
            if (await CompileAsync(id, ct)) compiled++;
        return compiled;
    }

    /// <summary>
    /// At the window's close: comments stop, the opinions become the report draft and its recommendations, commenters and
    /// the committee are told. Once per draft: a second run (the scheduled job and the sweep, or a retry) finds it compiled
    /// under the row lock and does nothing; a crash midway leaves nothing (one transaction).
    /// </summary>
    public async Task<bool> CompileAsync(int draftId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM drafts WHERE id = {draftId} FOR UPDATE", ct);
        var draft = await db.Drafts.SingleOrDefaultAsync(d => d.Id == draftId, ct);
        var now = clock.GetUtcNow();
        if (draft is null || draft.CompiledAt is not null || draft.State != DraftState.Open || now < draft.ClosesAt) return false;
        var version = await db.DraftVersions.Where(v => v.DraftId == draftId).OrderByDescending(v => v.Number).FirstAsync(ct);
        var sections = DraftSectionParser.Parse(version.Body);
        var opinions = await db.DraftComments.AsNoTracking()
            .Where(c => c.DraftId == draftId && c.State == CommentState.Published && c.HiddenAt == null)
            .Select(c => new Opinion(c.Id, c.SectionAnchor, c.Stance, c.RedactedBody ?? c.Body, c.ProposedWording, c.SupportCount))
            .ToListAsync(ct);
        var compiled = OpinionCompiler.Compile(draft.Title, sections, opinions);
        draft.CloseAndCompile(compiled.Markdown, now);
        var position = 0;
        foreach (var r in compiled.Recommendations)
            db.CriticismRecommendations.Add(new CriticismRecommendation(draftId, r.Anchor, r.SectionTitle, r.Text, r.SourceCommentIds, ++position));
        db.AuditEntries.Add(AuditEntry.Of(Actor.System, now, "draft.close", "draft", draftId, draft.UnitId, null,
            new { Comments = compiled.Comments, Recommendations = compiled.Recommendations.Count }));
        await NotifyCommentersAsync(db, draft, "closed", $"Đã hết thời gian góp ý dự thảo: {draft.Title}", $"Commenting has closed: {draft.Title}",
            $"Cảm ơn bạn đã góp ý. {compiled.Comments} ý kiến đang được Mặt trận tổng hợp thành văn bản phản biện gửi cơ quan soạn thảo.",
            $"Thank you for your comment. {compiled.Comments} comments are being compiled by the Front into a criticism document for the drafting agency.",
            links.Draft(draftId), now, ct);
        var committee = await CommitteeAsync(db, draft, ct);
        await NotificationService.NotifyAsync(db, committee, NotificationKinds.DraftUpdate, $"draft:{draftId}:compiled",
            $"Đã tổng hợp ý kiến, cần hoàn thiện văn bản phản biện: {draft.Title}", $"Opinions compiled; finish the criticism document: {draft.Title}",
            links.DraftDesk(draftId), $"{compiled.Comments} ý kiến, {compiled.Recommendations.Count} kiến nghị dự kiến.",
            $"{compiled.Comments} comments, {compiled.Recommendations.Count} proposed recommendations.", links.BaseUrl, now, ct);
        await NotificationService.SignalAsync(db, committee, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task EditReportAsync(Actor actor, int draftId, string markdown, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var draft = await LoadAsync(db, draftId, ct);
        await db.DemandAsync(actor, StaffAction.PublishDraft, draft.UnitId, ct);
        var before = draft.ReportMarkdown?.Length;
        draft.EditReport(markdown);
        db.AuditEntries.Add(AuditEntry.Of(actor, clock.GetUtcNow(), "draft.report.edit", "draft", draftId, draft.UnitId, new { Length = before }, new { Length = draft.ReportMarkdown!.Length }));
        await db.SaveChangesAsync(ct);
    }

    public async Task<long> AddRecommendationAsync(Actor actor, int draftId, string? sectionAnchor, string text, IReadOnlyCollection<long> sourceCommentIds,
        CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var draft = await EditableReportAsync(db, actor, draftId, ct);
        string? title = null;
        if (sectionAnchor is not null)
        {
            var body = await db.DraftVersions.Where(v => v.DraftId == draftId).OrderByDescending(v => v.Number).Select(v => v.Body).FirstAsync(ct);
            title = DraftSectionParser.Parse(body).FirstOrDefault(s => s.Anchor == sectionAnchor)?.Title ?? throw new DomainRuleException("comment.section.unknown");
        }
        var valid = await db.DraftComments.Where(c => c.DraftId == draftId && sourceCommentIds.Contains(c.Id)).CountAsync(ct);
        if (valid != sourceCommentIds.Distinct().Count()) throw new DomainRuleException("recommendation.sources.invalid");
        var position = await db.CriticismRecommendations.Where(r => r.DraftId == draftId).MaxAsync(r => (int?)r.Position, ct) ?? 0;
        var recommendation = new CriticismRecommendation(draftId, sectionAnchor, title, text, sourceCommentIds, position + 1);
        db.CriticismRecommendations.Add(recommendation);
        await db.SaveChangesAsync(ct);
        db.AuditEntries.Add(AuditEntry.Of(actor, clock.GetUtcNow(), "recommendation.add", "recommendation", recommendation.Id, draft.UnitId, null, new { sectionAnchor }));
        await db.SaveChangesAsync(ct);
        return recommendation.Id;
    }

    public async Task EditRecommendationAsync(Actor actor, long recommendationId, string text, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var recommendation = await LoadRecommendationAsync(db, recommendationId, ct);
        var draft = await EditableReportAsync(db, actor, recommendation.DraftId, ct);
        var before = recommendation.Text;
        recommendation.Edit(text);
        db.AuditEntries.Add(AuditEntry.Of(actor, clock.GetUtcNow(), "recommendation.edit", "recommendation", recommendationId, draft.UnitId,
            new { Text = before }, new { recommendation.Text }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Merges one recommendation into another of the same section: texts joined, comments kept.</summary>
    public async Task MergeRecommendationsAsync(Actor actor, long recommendationId, long intoId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var source = await LoadRecommendationAsync(db, recommendationId, ct);
        var target = await LoadRecommendationAsync(db, intoId, ct);
        var draft = await EditableReportAsync(db, actor, source.DraftId, ct);
        target.Absorb(source);
        db.CriticismRecommendations.Remove(source);
        db.AuditEntries.Add(AuditEntry.Of(actor, clock.GetUtcNow(), "recommendation.merge", "recommendation", recommendationId, draft.UnitId, null, new { IntoId = intoId }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Splits the given comments off into a new recommendation with its own text.</summary>
    public async Task<long> SplitRecommendationAsync(Actor actor, long recommendationId, IReadOnlyCollection<long> commentIds, string text, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var recommendation = await LoadRecommendationAsync(db, recommendationId, ct);
        var draft = await EditableReportAsync(db, actor, recommendation.DraftId, ct);
        var position = await db.CriticismRecommendations.Where(r => r.DraftId == draft.Id).MaxAsync(r => r.Position, ct);
        var split = recommendation.SplitOff(commentIds, text, position + 1);
        db.CriticismRecommendations.Add(split);
        await db.SaveChangesAsync(ct);
        db.AuditEntries.Add(AuditEntry.Of(actor, clock.GetUtcNow(), "recommendation.split", "recommendation", recommendationId, draft.UnitId, null,
            new { NewId = split.Id, Comments = split.SourceCommentIds }));
        await db.SaveChangesAsync(ct);
        return split.Id;
    }

    public async Task DeleteRecommendationAsync(Actor actor, long recommendationId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var recommendation = await db.CriticismRecommendations.SingleOrDefaultAsync(r => r.Id == recommendationId, ct);
        if (recommendation is null) return; // already deleted
        var draft = await EditableReportAsync(db, actor, recommendation.DraftId, ct);
        db.CriticismRecommendations.Remove(recommendation);
        db.AuditEntries.Add(AuditEntry.Of(actor, clock.GetUtcNow(), "recommendation.delete", "recommendation", recommendationId, draft.UnitId,
            new { recommendation.Text, recommendation.SourceCommentIds }, null));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Sends the criticism document to the drafting agency in one transaction: the report is frozen, the email is queued,
    /// the agency's answer deadline starts (policy "agency answers a criticism document") and commenters are told. The row
    /// lock and the state make a second send a refusal, never a second email.
    /// </summary>
    public async Task SendReportAsync(Actor actor, int draftId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var unitId = await db.Drafts.Where(d => d.Id == draftId).Select(d => (int?)d.UnitId).SingleOrDefaultAsync(ct) ?? throw new DomainRuleException("draft.not-found");
        await db.DemandAsync(actor, StaffAction.PublishDraft, unitId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM drafts WHERE id = {draftId} FOR UPDATE", ct);
        var draft = await LoadAsync(db, draftId, ct);
        var now = clock.GetUtcNow();
        var recommendations = await db.CriticismRecommendations.Where(r => r.DraftId == draftId).OrderBy(r => r.Position).ToListAsync(ct);
        var agency = await db.Agencies.SingleAsync(a => a.Id == draft.DraftingAgencyId, ct);
        var members = await db.AgencyMembers.Where(m => m.AgencyId == agency.Id).Select(m => m.UserId).ToListAsync(ct);
        if (agency.ContactEmail is null && members.Count == 0) throw new DomainRuleException("draft.send.agency-unreachable", agency.Name);
        if (draft.State != DraftState.ReportInPreparation) throw new DomainRuleException("draft.send.not-ready", draft.State);
        var tracked = await DeadlineService.TrackAsync(db, DeadlineKind.AnswerCriticism, "draft", draftId.ToString(), $"Trả lời văn bản phản biện: {Text.Shorten(draft.Title)}",
            draft.UnitId, agency.Id, links.DraftAnswer(draftId), now, ct);
        draft.SendReport(recommendations.Count, now, tracked.Deadline.DueAt);
        var front = await db.Agencies.Where(a => a.Id == draft.FrontAgencyId).Select(a => a.Name).SingleAsync(ct);
        var body = new StringBuilder($"{front} gửi **văn bản phản biện xã hội** đối với dự thảo **{draft.Title}**, gồm **{recommendations.Count}** kiến nghị.\n\n");
        body.Append($"Đề nghị cơ quan trả lời bằng văn bản từng kiến nghị (tiếp thu, tiếp thu một phần hoặc không tiếp thu, có giải trình) trước ngày **{Day(tracked.Deadline.DueAt)}** ");
        body.Append($"({tracked.Deadline.ExplanationVi}).\n\n");
        foreach (var r in recommendations) body.Append($"{r.Position}. {(r.SectionTitle is null ? "" : $"*{r.SectionTitle}*: ")}{Text.Shorten(r.Text.ReplaceLineEndings(" "), 300)}\n");
        body.Append($"\n[Văn bản phản biện]({links.BaseUrl}{links.DraftReport(draftId)}) · [Trả lời từng kiến nghị]({links.BaseUrl}{links.DraftAnswer(draftId)})");
        if (agency.ContactEmail is not null)
            await db.EnqueueAsync(new OutboxMessage($"draft-report:{draftId}", "draft.report", agency.ContactEmail, agency.Name, "vi",
                $"Văn bản phản biện xã hội: {draft.Title}", body.ToString(), now), ct);
        await NotificationService.NotifyAsync(db, members, NotificationKinds.DraftUpdate, $"draft:{draftId}:report-received",
            $"Cơ quan nhận văn bản phản biện cần trả lời: {draft.Title}", $"Your agency received a criticism document to answer: {draft.Title}",
            links.DraftAnswer(draftId), $"{recommendations.Count} kiến nghị, hạn trả lời {Day(tracked.Deadline.DueAt)}.",
            $"{recommendations.Count} recommendations, answer due {Day(tracked.Deadline.DueAt)}.", links.BaseUrl, now, ct);
        await NotifyCommentersAsync(db, draft, "sent", $"Mặt trận đã gửi văn bản phản biện: {draft.Title}", $"The Front sent its criticism document: {draft.Title}",
            $"Văn bản gồm {recommendations.Count} kiến nghị đã được gửi {agency.Name}; cơ quan phải trả lời trước ngày {Day(tracked.Deadline.DueAt)}.",
            $"The document, with {recommendations.Count} recommendations, was sent to {agency.Name}, which must answer by {Day(tracked.Deadline.DueAt)}.",
            links.DraftReport(draftId), now, ct);
        db.AuditEntries.Add(AuditEntry.Of(actor, now, "draft.report.send", "draft", draftId, draft.UnitId, null,
            new { Recommendations = recommendations.Count, AgencyId = agency.Id, DueAt = tracked.Deadline.DueAt }));
        await db.SaveChangesAsync(ct);
        await NotificationService.SignalAsync(db, members, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// A member of the drafting agency answers one recommendation. When the last one is answered the draft is answered:
    /// the deadline is met and every commenter learns what became of the recommendations their comment fed.
    /// </summary>
    public async Task AnswerAsync(Actor actor, long recommendationId, Decision decision, string? explanation, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var recommendation = await LoadRecommendationAsync(db, recommendationId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM drafts WHERE id = {recommendation.DraftId} FOR UPDATE", ct);
        var draft = await LoadAsync(db, recommendation.DraftId, ct);
        if (!actor.IsSystem && !await db.AgencyMembers.AnyAsync(m => m.AgencyId == draft.DraftingAgencyId && m.UserId == actor.UserId, ct))
            throw new AccessDeniedException(StaffAction.Answer, draft.UnitId);
        if (draft.State != DraftState.ReportSent) throw new DomainRuleException("draft.answer.not-sent");
        var now = clock.GetUtcNow();
        var before = new { Decision = recommendation.Decision?.ToString(), recommendation.Explanation };
        recommendation.Answer(decision, explanation, actor.UserId ?? "", now);
        db.AuditEntries.Add(AuditEntry.Of(actor, now, "recommendation.answer", "recommendation", recommendationId, draft.UnitId, before,
            new { Decision = decision.ToString(), recommendation.Explanation }));
        await db.SaveChangesAsync(ct);
        if (!await db.CriticismRecommendations.AnyAsync(r => r.DraftId == draft.Id && r.Decision == null, ct))
        {
            draft.MarkAnswered(now);
            await DeadlineService.MeetAsync(db, DeadlineKind.AnswerCriticism, "draft", draft.Id.ToString(), now, ct);
            db.AuditEntries.Add(AuditEntry.Of(actor, now, "draft.answered", "draft", draft.Id, draft.UnitId, null, new { AnsweredAt = now }));
            await NotifyOfFateAsync(db, draft, now, ct);
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>Each commenter hears how the recommendations fed by their own comments were decided.</summary>
    private async Task NotifyOfFateAsync(PortalDb db, Draft draft, DateTimeOffset now, CancellationToken ct)
    {
        var recommendations = await db.CriticismRecommendations.AsNoTracking().Where(r => r.DraftId == draft.Id).OrderBy(r => r.Position).ToListAsync(ct);
        var authors = await db.DraftComments.Where(c => c.DraftId == draft.Id).Select(c => new { c.Id, c.AuthorId }).ToListAsync(ct);
        var fed = authors.GroupBy(a => a.AuthorId).Select(g => (Author: g.Key, Positions: recommendations
                .Where(r => r.SourceCommentIds.Intersect(g.Select(x => x.Id)).Any()).Select(r => r.Position).ToArray()))
            .GroupBy(x => string.Join(',', x.Positions));
        foreach (var group in fed)
        {
            var mine = recommendations.Where(r => group.First().Positions.Contains(r.Position)).ToList();
            var vi = new StringBuilder($"Cơ quan soạn thảo đã trả lời đủ {recommendations.Count} kiến nghị trong bảng tổng hợp tiếp thu, giải trình.");
            var en = new StringBuilder($"The drafting agency answered all {recommendations.Count} recommendations in the table of receipt and explanation.");
            if (mine.Count > 0)
            {
                vi.Append("\n\nKiến nghị có ý kiến của bạn:\n");
                en.Append("\n\nRecommendations your comment fed:\n");
                foreach (var r in mine)
                {
                    vi.Append($"\n- Kiến nghị {r.Position}: **{DecisionVi(r.Decision)}** — {Text.Shorten(r.Text.ReplaceLineEndings(" "), 160)}");
                    en.Append($"\n- Recommendation {r.Position}: **{DecisionEn(r.Decision)}** — {Text.Shorten(r.Text.ReplaceLineEndings(" "), 160)}");
                }
            }
            var users = group.Select(x => x.Author).ToList();
            await NotificationService.NotifyAsync(db, users, NotificationKinds.DraftUpdate, $"draft:{draft.Id}:answered",
                $"Cơ quan đã trả lời văn bản phản biện: {draft.Title}", $"The agency answered the criticism document: {draft.Title}",
                links.DraftTable(draft.Id), vi.ToString(), en.ToString(), links.BaseUrl, now, ct);
            await NotificationService.SignalAsync(db, users, ct);
        }
    }

    public static string DecisionVi(Decision? decision) => decision switch
    {
        Decision.Accepted => "Tiếp thu",
        Decision.PartlyAccepted => "Tiếp thu một phần",
        Decision.NotAccepted => "Không tiếp thu",
        _ => "Chưa trả lời",
    };

    public static string DecisionEn(Decision? decision) => decision switch
    {
        Decision.Accepted => "Accepted",
        Decision.PartlyAccepted => "Partly accepted",
        Decision.NotAccepted => "Not accepted",
        _ => "Not answered yet",
    };

    private async Task NotifyCommentersAsync(PortalDb db, Draft draft, string occasion, string titleVi, string titleEn, string bodyVi, string bodyEn,
        string link, DateTimeOffset now, CancellationToken ct)
    {
        var commenters = await db.DraftComments.Where(c => c.DraftId == draft.Id).Select(c => c.AuthorId).Distinct().ToListAsync(ct);
        await NotificationService.NotifyAsync(db, commenters, NotificationKinds.DraftUpdate, $"draft:{draft.Id}:{occasion}", titleVi, titleEn, link,
            bodyVi, bodyEn, links.BaseUrl, now, ct);
        await NotificationService.SignalAsync(db, commenters, ct);
    }

    /// <summary>The Front committee's people for this draft: members of the owning agency and FrontCommittee roles on its unit.</summary>
    private static async Task<List<string>> CommitteeAsync(PortalDb db, Draft draft, CancellationToken ct)
    {
        var members = await db.AgencyMembers.Where(m => m.AgencyId == draft.FrontAgencyId).Select(m => m.UserId).ToListAsync(ct);
        var roles = await db.UnitRoles.Where(r => r.Role == StaffRole.FrontCommittee && r.UnitId == draft.UnitId).Select(r => r.UserId).ToListAsync(ct);
        return members.Union(roles).ToList();
    }

    private async Task<Draft> EditableReportAsync(PortalDb db, Actor actor, int draftId, CancellationToken ct)
    {
        var draft = await LoadAsync(db, draftId, ct);
        await db.DemandAsync(actor, StaffAction.PublishDraft, draft.UnitId, ct);
        if (draft.State != DraftState.ReportInPreparation) throw new DomainRuleException("draft.report.frozen");
        return draft;
    }

    private static async Task<CriticismRecommendation> LoadRecommendationAsync(PortalDb db, long id, CancellationToken ct) =>
        await db.CriticismRecommendations.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new DomainRuleException("recommendation.not-found");
}
