using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Audit;
using Portal.Domain.Data;
using Portal.Domain.Deadlines;
using Portal.Domain.Notifications;

namespace Portal.Domain.Dialogues;

public sealed record WindowCloseResult(int Conferences, int Routed, int MergeProposals, int AgencyEmails);

/// <summary>
/// When a conference's question window closes: what is still unrouted is accepted and routed (topic rule, else the
/// organising committee) with its answer due date, near-duplicates are left for moderators to merge (they are told),
/// and each agency gets one email listing its items. Runs from a job every minute; a conference is compiled once
/// (WindowCompiledAt), so running it twice, or after a crash (one transaction per conference), changes nothing more.
/// </summary>
public sealed class WindowCloser(IDbContextFactory<PortalDb> dbs, TimeProvider clock, PortalLinks links)
{
    public const double MergeProposalScore = 0.6;

    public async Task<WindowCloseResult> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        List<int> due;
        await using (var db = await dbs.CreateDbContextAsync(ct))
            due = await db.Conferences.Where(c => c.WindowCompiledAt == null && c.QuestionsCloseAt <= now
                    && (c.State == ConferenceState.Announced || c.State == ConferenceState.OpenForQuestions || c.State == ConferenceState.QuestionsClosed))
                .Select(c => c.Id).ToListAsync(ct);
        var total = new WindowCloseResult(0, 0, 0, 0);
        foreach (var id in due)
        {
            var one = await CompileAsync(id, ct);
            total = new(total.Conferences + one.Conferences, total.Routed + one.Routed, total.MergeProposals + one.MergeProposals, total.AgencyEmails + one.AgencyEmails);
        }
        return total;
    }

    public async Task<WindowCloseResult> CompileAsync(int conferenceId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Lock the conference row: a second worker waits here, then sees it compiled.
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM conferences WHERE id = {conferenceId} FOR UPDATE", ct);
        var conference = await db.Conferences.SingleAsync(c => c.Id == conferenceId, ct);
        var now = clock.GetUtcNow();
        if (conference.WindowCompiledAt is not null || now < conference.QuestionsCloseAt) return new(0, 0, 0, 0);
        conference.Refresh(now);

        var questions = await db.Questions.Where(q => q.ConferenceId == conferenceId).OrderBy(q => q.Id).ToListAsync(ct);
        var rules = await db.RoutingRules.Where(r => r.UnitId == conference.UnitId).ToDictionaryAsync(r => r.Topic, r => r.AgencyId, ct);
        int routed = 0, proposals = 0;
        var open = questions.Where(q => q.State is not (QuestionState.Refused or QuestionState.Merged)).ToList();
        foreach (var question in questions.Where(q => q.State == QuestionState.Received))
        {
            var twin = DuplicateScorer.Rank(question.Body, open.Where(o => o.Id < question.Id), o => o.Body, 1).FirstOrDefault();
            if (twin.Item is not null && twin.Score >= MergeProposalScore)
            {
                proposals++;
                continue; // a moderator decides: merge into the older one, or accept on its own
            }
            var agency = rules.GetValueOrDefault(question.Topic, conference.OrganiserAgencyId);
            question.Accept(agency, now);
            await DeadlineService.MeetAsync(db, DeadlineKind.Acknowledge, "question", question.Id.ToString(), now, ct);
            await DeadlineService.TrackAsync(db, DeadlineKind.AnswerQuestion, "question", question.Id.ToString(), Text.Shorten(question.Body),
                question.VillageId, agency, links.Question(conferenceId, question.Id), now, ct);
            routed++;
        }
        await db.SaveChangesAsync(ct);

        var byAgency = questions.Where(q => q.AgencyId is not null && q.State is QuestionState.Accepted or QuestionState.Transferred)
            .GroupBy(q => q.AgencyId!.Value).ToList();
        var agencyIds = byAgency.Select(g => g.Key).ToList();
        var agencies = await db.Agencies.Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var emails = 0;
        foreach (var group in byAgency)
        {
            var agency = agencies[group.Key];
            if (agency.ContactEmail is null) continue;
            var body = new StringBuilder($"Hội nghị **{conference.Title}** đã đóng nhận ý kiến. Cơ quan có **{group.Count()}** ý kiến cần trả lời:\n\n");
            foreach (var q in group.OrderByDescending(q => q.SupportCount))
                body.Append($"- [{Text.Shorten(q.Body)}]({links.BaseUrl}{links.Question(conferenceId, q.Id)}) — {q.SupportCount} người ủng hộ\n");
            if (await db.EnqueueAsync(new OutboxMessage($"agenda:{conferenceId}:{agency.Id}", "conference.agency-items", agency.ContactEmail, agency.Name, "vi",
                    $"{group.Count()} ý kiến cần trả lời: {conference.Title}", body.ToString(), now), ct))
                emails++;
        }
        if (proposals > 0)
        {
            var conferenceUnit = db.Units.Where(u => u.Id == conference.UnitId).Select(u => u.Path);
            var moderators = await db.UnitRoles.Where(r => r.Role == StaffRole.Moderator && conferenceUnit.Any(p => p.IsDescendantOf(r.Unit.Path)))
                .Select(r => r.UserId).Distinct().ToListAsync(ct);
            await NotificationService.NotifyAsync(db, moderators, NotificationKinds.QuestionUpdate, $"conference:{conferenceId}:merge-proposals",
                $"{proposals} ý kiến có thể trùng cần xem để gộp: {conference.Title}", $"{proposals} likely duplicates to review: {conference.Title}",
                links.Conference(conferenceId), "Các ý kiến này rất giống một ý kiến gửi trước; hãy gộp hoặc thụ lý riêng.",
                "These questions closely match earlier ones; merge them or accept them on their own.", links.BaseUrl, now, ct);
            await NotificationService.SignalAsync(db, moderators, ct);
        }
        conference.MarkWindowCompiled(now);
        db.AuditEntries.Add(AuditEntry.Of(Actor.System, now, "conference.window-close", "conference", conferenceId, conference.UnitId, null,
            new { Routed = routed, MergeProposals = proposals, AgencyEmails = emails }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new WindowCloseResult(1, routed, proposals, emails);
    }

    /// <summary>The agenda as it stands (for the printable view): accepted and answered questions; ones still waiting for
    /// a moderator, or hidden by abuse reports pending review, are not on it.</summary>
    public async Task<Agenda> AgendaAsync(int conferenceId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var topics = await db.Conferences.Where(c => c.Id == conferenceId).Select(c => c.Topics).SingleOrDefaultAsync(ct)
            ?? throw new DomainRuleException("conference.not-found");
        var rows = await db.Questions.Where(q => q.ConferenceId == conferenceId && q.State != QuestionState.Received && q.HiddenAt == null)
            .Select(q => new AgendaQuestion(q.Id, q.Topic, q.RedactedBody ?? q.Body,
                db.Units.Where(u => u.Id == q.VillageId).Select(u => u.Name).First(), q.SupportCount, q.State,
                db.Agencies.Where(a => a.Id == q.AgencyId).Select(a => a.Name).FirstOrDefault()))
            .ToListAsync(ct);
        return AgendaCompiler.Compile(rows, topics);
    }

}
