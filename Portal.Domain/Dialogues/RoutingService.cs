using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Audit;
using Portal.Domain.Data;
using Portal.Domain.Deadlines;
using Portal.Domain.Notifications;
using Portal.Domain.Units;

namespace Portal.Domain.Dialogues;

public sealed record RoutingRuleRow(int Id, int UnitId, string Topic, int AgencyId, string AgencyName);

public sealed record AgencyChoice(int Id, string Name, string UnitName);

public sealed record RoutingUnit(int Id, string FullName, UnitLevel Level);

/// <summary>Where questions go: the routing rules of a unit (topic → agency), and moving questions between agencies —
/// reassigning inside the conference's area, or transferring to an agency of another unit (the transfer deadline applies).</summary>
public sealed class RoutingService(IDbContextFactory<PortalDb> dbs, TimeProvider clock, PortalLinks links)
{
    /// <summary>A moderator or leader of the conference's unit gives the question to another agency of its area;
    /// the open answer deadline moves with it.</summary>
    public async Task ReassignAsync(Actor actor, long questionId, int agencyId, CancellationToken ct = default) =>
        await ReassignManyAsync(actor, [questionId], agencyId, ct);

    /// <summary>Reassigns several questions at once: all of them, or none if any one is refused.</summary>
    public async Task ReassignManyAsync(Actor actor, IReadOnlyCollection<long> questionIds, int agencyId, CancellationToken ct = default)
    {
        if (questionIds.Count == 0) return;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var questionId in questionIds.Distinct())
        {
            var (question, conference) = await LoadQuestionAsync(db, questionId, ct);
            await DemandModerateOrHostAsync(db, actor, conference.UnitId, ct);
            if (!await InAreaAsync(db, agencyId, conference.UnitId, ct)) throw new DomainRuleException("question.agency.out-of-scope");
            var before = question.AgencyId;
            question.Reassign(agencyId);
            var tracked = await db.TrackedDeadlines.SingleOrDefaultAsync(t => t.ItemType == "question" && t.ItemId == questionId.ToString()
                && t.Kind == DeadlineKind.AnswerQuestion && t.Deadline.MetAt == null, ct);
            tracked?.AssignTo(agencyId);
            db.AuditEntries.Add(AuditEntry.Of(actor, now, "question.reassign", "question", questionId, question.VillageId,
                new { AgencyId = before }, new { AgencyId = agencyId }));
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Transfers the question to the competent agency of another unit: the transfer (due 5 working days from
    /// receipt) is done at once, the receiving agency's answer deadline starts, the author and followers are told and the
    /// agency gets an email.</summary>
    public async Task TransferAsync(Actor actor, long questionId, int agencyId, string? note, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var (question, conference) = await LoadQuestionAsync(db, questionId, ct);
        await DemandModerateOrHostAsync(db, actor, conference.UnitId, ct);
        var agency = await db.Agencies.Include(a => a.Unit).SingleOrDefaultAsync(a => a.Id == agencyId && a.IsActive, ct)
            ?? throw new DomainRuleException("agency.not-found");
        var unit = db.Units.Where(u => u.Id == conference.UnitId).Select(u => u.Path);
        if (await db.Agencies.AnyAsync(a => a.Id == agencyId && unit.Any(p => a.Unit.Path.IsDescendantOf(p)), ct))
            throw new DomainRuleException("question.transfer.same-unit");
        var cleanNote = Text.Clean(note ?? "");
        if (cleanNote.Length > 1000) throw new DomainRuleException("question.transfer.note-too-long", 1000);
        var now = clock.GetUtcNow();
        var link = links.Question(conference.Id, questionId);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        question.Transfer(agencyId);
        await DeadlineService.MeetAsync(db, DeadlineKind.Acknowledge, "question", questionId.ToString(), now, ct);
        var transfer = await DeadlineService.TrackAsync(db, DeadlineKind.Transfer, "question", questionId.ToString(), Text.Shorten(question.Body),
            question.VillageId, agencyId, link, question.ReceivedAt, ct);
        transfer.Meet(now);
        var previous = await db.TrackedDeadlines.SingleOrDefaultAsync(t => t.ItemType == "question" && t.ItemId == questionId.ToString()
            && t.Kind == DeadlineKind.AnswerQuestion, ct);
        if (previous is not null)
        {
            db.TrackedDeadlines.Remove(previous);
            await db.SaveChangesAsync(ct);
        }
        await DeadlineService.TrackAsync(db, DeadlineKind.AnswerQuestion, "question", questionId.ToString(), Text.Shorten(question.Body),
            question.VillageId, agencyId, link, now, ct);
        db.AuditEntries.Add(AuditEntry.Of(actor, now, "question.transfer", "question", questionId, question.VillageId, null,
            new { AgencyId = agencyId }, cleanNote.Length == 0 ? null : cleanNote));

        var people = await db.QuestionFollowers.Where(f => f.QuestionId == questionId).Select(f => f.UserId).ToListAsync(ct);
        if (!people.Contains(question.AuthorId)) people.Add(question.AuthorId);
        var noteVi = cleanNote.Length == 0 ? "" : $"\n\nGhi chú: {cleanNote}";
        var noteEn = cleanNote.Length == 0 ? "" : $"\n\nNote: {cleanNote}";
        await NotificationService.NotifyAsync(db, people, NotificationKinds.QuestionUpdate, $"question:{questionId}:transferred:{agencyId}",
            $"Đã chuyển đến {agency.Name}", $"Transferred to {agency.Name}", link,
            $"Ý kiến của bạn thuộc thẩm quyền của {agency.Name} ({agency.Unit.FullName}) nên đã được chuyển đến cơ quan này để trả lời.{noteVi}\n\n> {Text.Shorten(question.PublicBody)}",
            $"Your question is a matter for {agency.Name} ({agency.Unit.FullName}), so it was transferred there for an answer.{noteEn}\n\n> {Text.Shorten(question.PublicBody)}",
            links.BaseUrl, now, ct);
        if (!string.IsNullOrWhiteSpace(agency.ContactEmail))
            await db.EnqueueAsync(new OutboxMessage($"transfer:{questionId}:{agencyId}", "question.transfer", agency.ContactEmail, agency.Name, "vi",
                $"Chuyển ý kiến của người dân: {conference.Title}",
                $"Hội nghị **{conference.Title}** chuyển đến {agency.Name} một ý kiến thuộc thẩm quyền của cơ quan để xem xét, trả lời.{noteVi}\n\n> {Text.Shorten(question.PublicBody)}\n\n[Xem ý kiến]({links.BaseUrl}{link})",
                now), ct);
        await db.SaveChangesAsync(ct);
        await NotificationService.SignalAsync(db, people, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The routing rules of a unit, by topic.</summary>
    public async Task<List<RoutingRuleRow>> RulesAsync(int unitId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await (from r in db.RoutingRules
                      join a in db.Agencies on r.AgencyId equals a.Id
                      where r.UnitId == unitId
                      orderby r.Topic
                      select new RoutingRuleRow(r.Id, r.UnitId, r.Topic, r.AgencyId, a.Name)).ToListAsync(ct);
    }

    /// <summary>Questions of <paramref name="topic"/> in the unit's conferences go to the agency (replaces the topic's rule).</summary>
    public async Task<int> SetRuleAsync(Actor actor, int unitId, string topic, int agencyId, CancellationToken ct = default)
    {
        var clean = Text.Clean(topic ?? "");
        if (clean.Length is 0 or > 80) throw new DomainRuleException("routing.topic.invalid", 80);
        await using var db = await dbs.CreateDbContextAsync(ct);
        await DemandRulesAsync(db, actor, unitId, ct);
        if (!await InAreaAsync(db, agencyId, unitId, ct)) throw new DomainRuleException("question.agency.out-of-scope");
        var rule = await db.RoutingRules.SingleOrDefaultAsync(r => r.UnitId == unitId && r.Topic == clean, ct);
        var before = rule is null ? null : new { rule.Topic, rule.AgencyId };
        if (rule is null) db.RoutingRules.Add(rule = new RoutingRule(unitId, clean, agencyId));
        else rule.AgencyId = agencyId;
        await db.SaveChangesAsync(ct);
        db.AuditEntries.Add(AuditEntry.Of(actor, clock.GetUtcNow(), "routing-rule.set", "routing-rule", rule.Id, unitId, before, new { rule.Topic, rule.AgencyId }));
        await db.SaveChangesAsync(ct);
        return rule.Id;
    }

    public async Task RemoveRuleAsync(Actor actor, int ruleId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rule = await db.RoutingRules.SingleOrDefaultAsync(r => r.Id == ruleId, ct) ?? throw new DomainRuleException("routing.rule.not-found");
        await DemandRulesAsync(db, actor, rule.UnitId, ct);
        db.RoutingRules.Remove(rule);
        db.AuditEntries.Add(AuditEntry.Of(actor, clock.GetUtcNow(), "routing-rule.remove", "routing-rule", ruleId, rule.UnitId,
            new { rule.Topic, rule.AgencyId }, null));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Units whose routing rules the person may manage (their scope, villages excluded), by name; at most <paramref name="take"/>.</summary>
    public async Task<List<RoutingUnit>> RuleUnitsAsync(Actor actor, int take = 200, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var roots = (await db.ScopeRootsAsync(actor, StaffAction.HostDialogue, ct)).Concat(await db.ScopeRootsAsync(actor, StaffAction.ManageAgencies, ct)).Distinct().ToList();
        var paths = db.Units.Where(u => roots.Contains(u.Id)).Select(u => u.Path);
        return await db.Units.Where(u => u.IsActive && u.Level != UnitLevel.Village && u.Level != UnitLevel.Country && paths.Any(p => u.Path.IsDescendantOf(p)))
            .OrderBy(u => u.Level).ThenBy(u => u.FullName).Take(take)
            .Select(u => new RoutingUnit(u.Id, u.FullName, u.Level)).ToListAsync(ct);
    }

    /// <summary>Active agencies a question of the unit may be given to: of the unit, below it or above it.</summary>
    public async Task<List<AgencyChoice>> AgenciesInAreaAsync(int unitId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var unit = db.Units.Where(u => u.Id == unitId).Select(u => u.Path);
        return await db.Agencies.Where(a => a.IsActive && unit.Any(p => a.Unit.Path.IsDescendantOf(p) || a.Unit.Path.IsAncestorOf(p)))
            .OrderBy(a => a.Unit.Level).ThenBy(a => a.Name).Take(300)
            .Select(a => new AgencyChoice(a.Id, a.Name, a.Unit.FullName)).ToListAsync(ct);
    }

    /// <summary>Active agencies outside the unit's subtree whose name contains <paramref name="search"/> (for a transfer).</summary>
    public async Task<List<AgencyChoice>> TransferTargetsAsync(int unitId, string? search, int take = 20, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var unit = db.Units.Where(u => u.Id == unitId).Select(u => u.Path);
        var term = Text.Clean(search ?? "");
        var query = db.Agencies.Where(a => a.IsActive && !unit.Any(p => a.Unit.Path.IsDescendantOf(p)));
        if (term.Length > 0) query = query.Where(a => EF.Functions.ILike(a.Name, "%" + term + "%") || EF.Functions.ILike(a.Unit.FullName, "%" + term + "%"));
        return await query.OrderBy(a => a.Name).Take(take).Select(a => new AgencyChoice(a.Id, a.Name, a.Unit.FullName)).ToListAsync(ct);
    }

    /// <summary>The unit of a question's conference (to offer the agencies of its area).</summary>
    public async Task<int> ConferenceUnitOfAsync(long questionId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Questions.Where(q => q.Id == questionId)
            .Join(db.Conferences, q => q.ConferenceId, c => c.Id, (q, c) => (int?)c.UnitId).SingleOrDefaultAsync(ct)
            ?? throw new DomainRuleException("question.not-found");
    }

    /// <summary>Of the given units, those where the person may reassign or transfer questions (moderator or leader).</summary>
    public async Task<HashSet<int>> MayRouteAsync(Actor actor, IEnumerable<int> unitIds, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var allowed = new HashSet<int>();
        foreach (var unitId in unitIds.Distinct())
            if (await db.MayAsync(actor, StaffAction.Moderate, unitId, ct) || await db.MayAsync(actor, StaffAction.HostDialogue, unitId, ct))
                allowed.Add(unitId);
        return allowed;
    }

    private static async Task DemandModerateOrHostAsync(PortalDb db, Actor actor, int unitId, CancellationToken ct)
    {
        if (await db.MayAsync(actor, StaffAction.Moderate, unitId, ct)) return;
        await db.DemandAsync(actor, StaffAction.HostDialogue, unitId, ct);
    }

    private static async Task DemandRulesAsync(PortalDb db, Actor actor, int unitId, CancellationToken ct)
    {
        if (await db.MayAsync(actor, StaffAction.ManageAgencies, unitId, ct)) return;
        await db.DemandAsync(actor, StaffAction.HostDialogue, unitId, ct);
    }

    private static Task<bool> InAreaAsync(PortalDb db, int agencyId, int unitId, CancellationToken ct)
    {
        var unit = db.Units.Where(u => u.Id == unitId).Select(u => u.Path);
        return db.Agencies.AnyAsync(a => a.Id == agencyId && a.IsActive
            && unit.Any(p => a.Unit.Path.IsDescendantOf(p) || a.Unit.Path.IsAncestorOf(p)), ct);
    }

    private static async Task<(Question, DialogueConference)> LoadQuestionAsync(PortalDb db, long id, CancellationToken ct)
    {
        var question = await db.Questions.SingleOrDefaultAsync(q => q.Id == id, ct) ?? throw new DomainRuleException("question.not-found");
        var conference = await db.Conferences.SingleOrDefaultAsync(c => c.Id == question.ConferenceId, ct) ?? throw new DomainRuleException("conference.not-found");
        return (question, conference);
    }

}
