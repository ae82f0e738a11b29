using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Audit;
using Portal.Domain.Data;
using Portal.Domain.Deadlines;
using Portal.Domain.Notifications;
using Portal.Domain.Units;

namespace Portal.Domain.Drafts;

/// <summary>
/// The only writer of drafts, their versions, comments, reports and recommendations: one public method per thing a person
/// does. The owning Front committee (FrontCommittee role on the draft's unit) prepares, publishes, edits and sends; residents
/// of the unit and invited reviewers comment; moderators (or the committee) moderate; the drafting agency's members answer.
/// Each change is audited, with its notifications, emails and tracked deadlines, in one transaction.
/// </summary>
public sealed partial class DraftService(IDbContextFactory<PortalDb> dbs, TimeProvider clock, PortalLinks links,
    IDraftScheduler? scheduler = null, int hideAfterReports = 3)
{
    public async Task<int> PrepareAsync(Actor actor, DraftPlan plan, string body, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await db.DemandAsync(actor, StaffAction.PublishDraft, plan.UnitId, ct);
        await CheckAgenciesAsync(db, plan, ct);
        var now = clock.GetUtcNow();
        var draft = Draft.Prepare(plan, body, actor.UserId, now);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Drafts.Add(draft);
        await db.SaveChangesAsync(ct);
        db.AuditEntries.Add(AuditEntry.Of(actor, now, "draft.prepare", "draft", draft.Id, plan.UnitId, null, new { draft.Title, Kind = draft.Kind.ToString() }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return draft.Id;
    }

    public async Task ReviseAsync(Actor actor, int draftId, DraftPlan plan, string body, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var draft = await LoadAsync(db, draftId, ct);
        await db.DemandAsync(actor, StaffAction.PublishDraft, draft.UnitId, ct);
        await CheckAgenciesAsync(db, plan, ct);
        var before = new { draft.Title, draft.OpensAt, draft.ClosesAt };
        draft.Revise(plan, body, clock.GetUtcNow());
        db.AuditEntries.Add(AuditEntry.Of(actor, clock.GetUtcNow(), "draft.revise", "draft", draftId, draft.UnitId, before, new { draft.Title, draft.OpensAt, draft.ClosesAt }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Opens the draft for critique (the 20-day rule for residents applies) and plans its compilation at the close.</summary>
    public async Task PublishAsync(Actor actor, int draftId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var draft = await LoadAsync(db, draftId, ct);
        await db.DemandAsync(actor, StaffAction.PublishDraft, draft.UnitId, ct);
        var level = await db.Units.Where(u => u.Id == draft.UnitId).Select(u => u.Level).SingleAsync(ct);
        var minimum = await db.DeadlinePolicies.Where(p => p.Kind == DeadlineKind.DraftCommentWindow && (p.Level == level || p.Level == null))
            .OrderBy(p => p.Level == null).Select(p => p.Length).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow();
        draft.Publish(now, minimum == 0 ? DraftWindowRule.LegalMinimumDays : minimum);
        db.AuditEntries.Add(AuditEntry.Of(actor, now, "draft.publish", "draft", draftId, draft.UnitId, null, new { draft.OpensAt, draft.ClosesAt, Audience = draft.Audience.ToString() }));
        await db.SaveChangesAsync(ct);
        scheduler?.ScheduleClose(draftId, draft.ClosesAt);
    }

    /// <summary>A new version of the text while the window is open (the only way to change an open draft).</summary>
    public async Task<int> PublishVersionAsync(Actor actor, int draftId, string body, string changeNote, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var draft = await db.Drafts.Include(d => d.Versions).SingleOrDefaultAsync(d => d.Id == draftId, ct) ?? throw new DomainRuleException("draft.not-found");
        await db.DemandAsync(actor, StaffAction.PublishDraft, draft.UnitId, ct);
        var now = clock.GetUtcNow();
        var version = draft.AddVersion(body, changeNote, now);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        db.AuditEntries.Add(AuditEntry.Of(actor, now, "draft.version", "draft", draftId, draft.UnitId, null, new { version.Number, version.ChangeNote }));
        await NotifyCommentersAsync(db, draft, $"version:{version.Number}", $"Dự thảo có phiên bản mới: {draft.Title}", $"New version of the draft: {draft.Title}",
            $"Phiên bản {version.Number}: {version.ChangeNote}", $"Version {version.Number}: {version.ChangeNote}", links.Draft(draftId), now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return version.Id;
    }

    /// <summary>The committee invites an organisation or expert by email (through the outbox).</summary>
    public async Task InviteAsync(Actor actor, int draftId, string email, string organisation, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var draft = await LoadAsync(db, draftId, ct);
        await db.DemandAsync(actor, StaffAction.PublishDraft, draft.UnitId, ct);
        if (!draft.InvitedMayComment) throw new DomainRuleException("invitation.not-open-to-invited");
        if (draft.State is not (DraftState.Preparing or DraftState.Open)) throw new DomainRuleException("invitation.window.over");
        var now = clock.GetUtcNow();
        var invitation = new DraftInvitation(draftId, email, organisation, now);
        if (await db.DraftInvitations.AnyAsync(i => i.DraftId == draftId && i.Email == invitation.Email, ct)) return;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.DraftInvitations.Add(invitation);
        var front = await db.Agencies.Where(a => a.Id == draft.FrontAgencyId).Select(a => a.Name).SingleAsync(ct);
        await db.EnqueueAsync(new OutboxMessage($"draft-invite:{draftId}:{invitation.Email}", "draft.invitation", invitation.Email, invitation.Organisation, "vi",
            $"Mời góp ý phản biện dự thảo: {draft.Title}",
            $"{front} trân trọng mời **{invitation.Organisation}** tham gia góp ý phản biện xã hội dự thảo **{draft.Title}**, " +
            $"từ {Day(draft.OpensAt)} đến {Day(draft.ClosesAt)}.\n\nĐăng ký hoặc đăng nhập bằng địa chỉ email này để góp ý với tư cách của tổ chức.\n\n" +
            $"[Đọc dự thảo và góp ý]({links.BaseUrl}{links.Draft(draftId)})", now), ct);
        db.AuditEntries.Add(AuditEntry.Of(actor, now, "draft.invite", "draft", draftId, draft.UnitId, null, new { invitation.Email, invitation.Organisation }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>A resident of the unit (or an invited reviewer) comments on a section, or on the whole draft when
    /// <paramref name="sectionAnchor"/> is null. Sending the same form twice returns the first comment.</summary>
    public async Task<long> CommentAsync(Actor actor, int draftId, string? sectionAnchor, Stance stance, string text, string? proposedWording,
        bool asOrganisation, Guid clientRequestId, CancellationToken ct = default)
    {
        if (actor.IsSystem) throw new DomainRuleException("comment.author.required");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var existing = await db.DraftComments.Where(c => c.AuthorId == actor.UserId && c.ClientRequestId == clientRequestId).Select(c => c.Id).FirstOrDefaultAsync(ct);
        if (existing != 0) return existing;
        var draft = await LoadAsync(db, draftId, ct);
        var now = clock.GetUtcNow();
        if (!draft.AcceptsCommentsAt(now)) throw new DomainRuleException("comment.window.closed");
        var organisation = await EligibilityAsync(db, draft, actor, ct) ?? throw new DomainRuleException("comment.not-eligible");
        var version = await db.DraftVersions.Where(v => v.DraftId == draftId).OrderByDescending(v => v.Number).FirstAsync(ct);
        if (sectionAnchor is not null && DraftSectionParser.Parse(version.Body).All(s => s.Anchor != sectionAnchor))
            throw new DomainRuleException("comment.section.unknown");
        var comment = new DraftComment(draftId, version.Id, sectionAnchor, stance, text, proposedWording, actor.UserId!,
            asOrganisation ? organisation.Organisation : null, now, clientRequestId);
        if (asOrganisation && organisation.Organisation is null) throw new DomainRuleException("comment.organisation.not-invited");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.DraftComments.Add(comment);
        await db.SaveChangesAsync(ct);
        db.AuditEntries.Add(AuditEntry.Of(actor, now, "draft.comment", "draft-comment", comment.Id, draft.UnitId, null,
            new { draftId, comment.SectionAnchor, Stance = comment.Stance.ToString(), comment.OrganisationName }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return comment.Id;
    }

    /// <summary>Who the actor may comment as on this draft: null when they may not; otherwise the organisation they were
    /// invited for (null inside when they comment as a resident).</summary>
    internal static async Task<Eligibility?> EligibilityAsync(PortalDb db, Draft draft, Actor actor, CancellationToken ct)
    {
        if (actor.IsSystem) return null;
        var user = await db.Users.Where(u => u.Id == actor.UserId && u.DeletedAt == null).Select(u => new { u.Email, u.HomeUnitId }).SingleOrDefaultAsync(ct);
        if (user is null) return null;
        string? organisation = null;
        if (draft.InvitedMayComment && user.Email is not null)
        {
            var email = user.Email.ToLowerInvariant();
            organisation = await db.DraftInvitations.Where(i => i.DraftId == draft.Id && i.Email == email).Select(i => i.Organisation).FirstOrDefaultAsync(ct);
        }
        if (organisation is not null) return new Eligibility(organisation);
        if (!draft.ResidentsMayComment || user.HomeUnitId is null) return null;
        var unit = db.Units.Where(u => u.Id == draft.UnitId).Select(u => u.Path);
        var lives = await db.Units.AnyAsync(u => u.Id == user.HomeUnitId && unit.Any(p => u.Path.IsDescendantOf(p)), ct);
        return lives ? new Eligibility(null) : null;
    }

    internal sealed record Eligibility(string? Organisation);

    /// <summary>Support a comment (once per person; supporting again changes nothing).</summary>
    public async Task SupportAsync(Actor actor, long commentId, CancellationToken ct = default)
    {
        if (actor.IsSystem) throw new DomainRuleException("comment.author.required");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var (comment, draft) = await LoadCommentAsync(db, commentId, ct);
        if (!comment.IsPublic || !draft.AcceptsCommentsAt(clock.GetUtcNow())) throw new DomainRuleException("comment.support.closed");
        if (comment.AuthorId == actor.UserId) throw new DomainRuleException("comment.support.own");
        await db.Database.ExecuteSqlAsync($"INSERT INTO draft_comment_supports (comment_id, user_id, at) VALUES ({commentId}, {actor.UserId}, {clock.GetUtcNow().ToUniversalTime()}) ON CONFLICT DO NOTHING", ct);
        await db.DraftComments.Where(c => c.Id == commentId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.SupportCount, c => db.DraftCommentSupports.Count(x => x.CommentId == commentId)), ct);
    }

    /// <summary>A signed-in person reports a comment (once); enough reports hide it until a moderator reviews it.</summary>
    public async Task<bool> ReportAsync(Actor actor, long commentId, string? reason, CancellationToken ct = default)
    {
        if (actor.IsSystem) throw new DomainRuleException("comment.author.required");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var (comment, draft) = await LoadCommentAsync(db, commentId, ct);
        if (comment.AuthorId == actor.UserId) throw new DomainRuleException("abuse.report.own");
        var why = Text.CleanOrNull(reason);
        if (why is { Length: > 500 }) throw new DomainRuleException("abuse.reason.too-long", 500);
        var now = clock.GetUtcNow().ToUniversalTime(); // raw SQL below: Npgsql takes UTC offsets only
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var inserted = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO draft_comment_reports (comment_id, user_id, reason, at) VALUES ({commentId}, {actor.UserId}, {why}, {now}) ON CONFLICT DO NOTHING", ct);
        if (inserted == 0) return comment.HiddenAt is not null;
        db.AuditEntries.Add(AuditEntry.Of(actor, now, "draft-comment.report", "draft-comment", commentId, draft.UnitId, null, new { Reason = why }));
        var reports = await db.DraftCommentReports.CountAsync(r => r.CommentId == commentId, ct);
        var hidden = comment.HiddenAt is not null;
        if (!hidden && reports >= hideAfterReports
            && await db.DraftComments.Where(c => c.Id == commentId && c.HiddenAt == null).ExecuteUpdateAsync(s => s.SetProperty(c => c.HiddenAt, now), ct) == 1)
        {
            hidden = true;
            db.AuditEntries.Add(AuditEntry.Of(Actor.System, now, "draft-comment.hidden", "draft-comment", commentId, draft.UnitId, null, new { Reports = reports }));
            var moderators = await StaffOfAsync(db, draft.UnitId, [StaffRole.Moderator, StaffRole.FrontCommittee], ct);
            await NotificationService.NotifyAsync(db, moderators, NotificationKinds.DraftUpdate, $"draft-comment:{commentId}:hidden:{now.UtcTicks}",
                $"Một góp ý bị báo cáo vi phạm và đã tạm ẩn: {draft.Title}", $"A reported comment was hidden pending review: {draft.Title}",
                links.DraftDesk(draft.Id), $"{reports} người đã báo cáo góp ý này. Hãy xem lại để khôi phục hoặc từ chối.",
                $"{reports} people reported this comment. Review it to restore or refuse it.", links.BaseUrl, now, ct);
            await NotificationService.SignalAsync(db, moderators, ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return hidden;
    }

    public async Task RefuseCommentAsync(Actor actor, long commentId, string reason, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var (comment, draft) = await LoadCommentAsync(db, commentId, ct);
        await DemandModerationAsync(db, actor, draft, ct);
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        comment.Refuse(reason);
        db.AuditEntries.Add(AuditEntry.Of(actor, now, "draft-comment.refuse", "draft-comment", commentId, draft.UnitId, null, null, comment.RefusalReason));
        await NotificationService.NotifyAsync(db, [comment.AuthorId], NotificationKinds.DraftUpdate, $"draft-comment:{commentId}:refused",
            "Góp ý của bạn không được đăng", "Your comment was not published", links.Draft(draft.Id),
            $"Lý do: {comment.RefusalReason}\n\n> {Text.Shorten(comment.Body)}", $"Reason: {comment.RefusalReason}\n\n> {Text.Shorten(comment.Body)}", links.BaseUrl, now, ct);
        await NotificationService.SignalAsync(db, [comment.AuthorId], ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Keeps personal data out of the public text; the original stays for staff.</summary>
    public async Task RedactCommentAsync(Actor actor, long commentId, string publicText, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var (comment, draft) = await LoadCommentAsync(db, commentId, ct);
        await DemandModerationAsync(db, actor, draft, ct);
        var before = comment.PublicBody;
        comment.Redact(publicText);
        db.AuditEntries.Add(AuditEntry.Of(actor, clock.GetUtcNow(), "draft-comment.redact", "draft-comment", commentId, draft.UnitId,
            new { Public = before }, new { Public = comment.PublicBody }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A moderator finds nothing wrong with a reported comment: it shows again and its reports are cleared.</summary>
    public async Task RestoreCommentAsync(Actor actor, long commentId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var (comment, draft) = await LoadCommentAsync(db, commentId, ct);
        await DemandModerationAsync(db, actor, draft, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var cleared = await db.DraftCommentReports.Where(r => r.CommentId == commentId).ExecuteDeleteAsync(ct);
        var hiddenAt = comment.HiddenAt;
        comment.Restore();
        db.AuditEntries.Add(AuditEntry.Of(actor, clock.GetUtcNow(), "draft-comment.restore", "draft-comment", commentId, draft.UnitId,
            new { HiddenAt = hiddenAt, Reports = cleared }, null));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Moderators of the unit moderate; so does the owning committee, whose consultation it is.</summary>
    private static async Task DemandModerationAsync(PortalDb db, Actor actor, Draft draft, CancellationToken ct)
    {
        if (!await db.MayAsync(actor, StaffAction.Moderate, draft.UnitId, ct)) await db.DemandAsync(actor, StaffAction.PublishDraft, draft.UnitId, ct);
    }

    private static async Task CheckAgenciesAsync(PortalDb db, DraftPlan plan, CancellationToken ct)
    {
        if (!await db.Agencies.AnyAsync(a => a.Id == plan.FrontAgencyId && a.IsActive && a.Kind == AgencyKind.FrontCommittee && a.UnitId == plan.UnitId, ct))
            throw new DomainRuleException("draft.front.invalid");
        var unit = db.Units.Where(u => u.Id == plan.UnitId).Select(u => u.Path);
        if (!await db.Agencies.AnyAsync(a => a.Id == plan.DraftingAgencyId && a.IsActive && a.Id != plan.FrontAgencyId
                && unit.Any(p => a.Unit.Path.IsDescendantOf(p) || a.Unit.Path.IsAncestorOf(p)), ct))
            throw new DomainRuleException("draft.drafting-agency.invalid");
    }

    private static Task<List<string>> StaffOfAsync(PortalDb db, int unitId, StaffRole[] roles, CancellationToken ct)
    {
        var unit = db.Units.Where(u => u.Id == unitId).Select(u => u.Path);
        return db.UnitRoles.Where(r => roles.Contains(r.Role) && unit.Any(p => p.IsDescendantOf(r.Unit.Path))).Select(r => r.UserId).Distinct().ToListAsync(ct);
    }

    private static async Task<Draft> LoadAsync(PortalDb db, int id, CancellationToken ct) =>
        await db.Drafts.SingleOrDefaultAsync(d => d.Id == id, ct) ?? throw new DomainRuleException("draft.not-found");

    private static async Task<(DraftComment, Draft)> LoadCommentAsync(PortalDb db, long id, CancellationToken ct)
    {
        var comment = await db.DraftComments.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new DomainRuleException("comment.not-found");
        return (comment, await LoadAsync(db, comment.DraftId, ct));
    }

    private static string Day(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, DeadlineCalculator.VietnamTime).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
