using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Attachments;
using Portal.Domain.Audit;
using Portal.Domain.Data;
using Portal.Domain.Deadlines;
using Portal.Domain.Notifications;
using Portal.Domain.Units;

namespace Portal.Domain.Dialogues;

public sealed record CommitmentPlan(string What, int AgencyId, DateTimeOffset DueAt);

/// <summary>
/// The only writer of dialogue conferences and their questions: one public method per thing a person does. Each checks
/// the actor's role on the item's unit, changes the entities, writes the audit entry, tracks deadlines and notifies
/// (in-app and email through the outbox) in one transaction.
/// </summary>
public sealed class DialogueService(IDbContextFactory<PortalDb> dbs, TimeProvider clock, PortalLinks links)
{
    public async Task<int> PlanAsync(Actor actor, ConferencePlan plan, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await db.DemandAsync(actor, StaffAction.HostDialogue, plan.UnitId, ct);
        await CheckAgenciesAsync(db, plan, ct);
        var conference = DialogueConference.Plan(plan, actor.UserId, clock.GetUtcNow());
        db.Conferences.Add(conference);
        await db.SaveChangesAsync(ct);
        db.AuditEntries.Add(AuditEntry.Of(actor, clock.GetUtcNow(), "conference.plan", "conference", conference.Id, plan.UnitId, null, new { conference.Title }));
        await db.SaveChangesAsync(ct);
        return conference.Id;
    }

    public async Task ReviseAsync(Actor actor, int conferenceId, ConferencePlan plan, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var conference = await LoadConferenceAsync(db, conferenceId, ct);
        await db.DemandAsync(actor, StaffAction.HostDialogue, conference.UnitId, ct);
        if (plan.UnitId != conference.UnitId) throw new DomainRuleException("conference.unit.fixed");
        await CheckAgenciesAsync(db, plan, ct);
        var before = new { conference.Title, conference.StartsAt, conference.QuestionsOpenAt, conference.QuestionsCloseAt };
        conference.Revise(plan);
        db.AuditEntries.Add(AuditEntry.Of(actor, clock.GetUtcNow(), "conference.revise", "conference", conferenceId, conference.UnitId, before,
            new { conference.Title, conference.StartsAt, conference.QuestionsOpenAt, conference.QuestionsCloseAt }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Announces it publicly; less than the legal days ahead only with an administrator's written reason.</summary>
    public async Task AnnounceAsync(Actor actor, int conferenceId, string? overrideReason = null, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var conference = await LoadConferenceAsync(db, conferenceId, ct);
        await db.DemandAsync(actor, StaffAction.HostDialogue, conference.UnitId, ct);
        var level = await db.Units.Where(u => u.Id == conference.UnitId).Select(u => u.Level).SingleAsync(ct);
        var policy = await db.DeadlinePolicies.Where(p => p.Kind == DeadlineKind.AnnounceConference && (p.Level == level || p.Level == null))
            .OrderBy(p => p.Level == null).Select(p => p.Length).FirstOrDefaultAsync(ct);
        var mayOverride = await db.MayAsync(actor, StaffAction.OverrideRules, conference.UnitId, ct);
        var now = clock.GetUtcNow();
        conference.Announce(now, policy == 0 ? 7 : policy, mayOverride, overrideReason);
        db.AuditEntries.Add(AuditEntry.Of(actor, now, "conference.announce", "conference", conferenceId, conference.UnitId, null,
            new { conference.StartsAt, conference.AnnounceOverrideReason }, conference.AnnounceOverrideReason));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A resident (or a village head for someone without internet) asks, with up to
    /// <see cref="DialogueAttachments.Question"/> files. Submitting the same form twice (same <paramref name="clientRequestId"/>)
    /// returns the first question and stores nothing more.</summary>
    public async Task<long> AskAsync(Actor actor, int conferenceId, int villageId, string topic, string text, AuthorVisibility visibility,
        Guid clientRequestId, RelayedFor? relayedFor = null, IReadOnlyList<IncomingFile>? files = null, CancellationToken ct = default)
    {
        if (actor.IsSystem) throw new DomainRuleException("question.author.required");
        AttachmentRules.Check(files ?? [], DialogueAttachments.Question);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var existing = await db.Questions.Where(q => q.AuthorId == actor.UserId && q.ClientRequestId == clientRequestId).Select(q => q.Id).FirstOrDefaultAsync(ct);
        if (existing != 0) return existing;
        var conference = await LoadConferenceAsync(db, conferenceId, ct);
        var now = clock.GetUtcNow();
        conference.Refresh(now);
        if (!conference.AcceptsQuestionsAt(now)) throw new DomainRuleException("question.window.closed");
        if (!conference.Topics.Contains(Text.Clean(topic))) throw new DomainRuleException("question.topic.unknown");
        var village = db.Units.Where(u => u.Id == villageId && u.Level == UnitLevel.Village && u.IsActive).Select(u => u.Path);
        var conferenceUnit = db.Units.Where(u => u.Id == conference.UnitId).Select(u => u.Path);
        if (!await village.AnyAsync(p => conferenceUnit.Any(c => p.IsDescendantOf(c)), ct))
            throw new DomainRuleException("question.village.outside");
        if (relayedFor is not null) await db.DemandAsync(actor, StaffAction.Relay, villageId, ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var question = new Question(conferenceId, villageId, topic, text, visibility, actor.UserId!, now, clientRequestId, relayedFor);
        db.Questions.Add(question);
        await db.SaveChangesAsync(ct);
        db.QuestionFollowers.Add(new QuestionFollower { QuestionId = question.Id, UserId = actor.UserId! });
        await db.AttachAsync(DialogueAttachments.OfQuestion(question.Id), files ?? [], DialogueAttachments.Question, actor, now, ct);
        await DeadlineService.TrackAsync(db, DeadlineKind.Acknowledge, "question", question.Id.ToString(), Text.Shorten(question.Body),
            villageId, conference.OrganiserAgencyId, links.Question(conferenceId, question.Id), now, ct);
        db.AuditEntries.Add(AuditEntry.Of(actor, now, relayedFor is null ? "question.ask" : "question.relay", "question", question.Id, villageId, null,
            new { conferenceId, question.Topic, RelayedFor = question.RelayedForName, Files = files?.Count ?? 0 }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return question.Id;
    }

    /// <summary>Near-duplicates among the conference's public questions, to offer "support this one instead".</summary>
    public async Task<List<SimilarQuestion>> SimilarAsync(int conferenceId, string text, CancellationToken ct = default)
    {
        if (Text.Clean(text).Length < 8) return [];
        await using var db = await dbs.CreateDbContextAsync(ct);
        var candidates = await db.Questions.Where(q => q.ConferenceId == conferenceId && q.State != QuestionState.Refused && q.State != QuestionState.Merged)
            .OrderByDescending(q => q.SupportCount).Take(3000)
            .Select(q => new SimilarQuestion(q.Id, q.RedactedBody ?? q.Body, q.SupportCount, 0)).ToListAsync(ct);
        return DuplicateScorer.Rank(text, candidates, c => c.Text).Select(r => r.Item with { Score = r.Score }).ToList();
    }

    /// <summary>Support a question (once per person; supporting again changes nothing).</summary>
    public async Task SupportAsync(Actor actor, long questionId, bool support, CancellationToken ct = default)
    {
        if (actor.IsSystem) throw new DomainRuleException("question.author.required");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var question = await db.Questions.SingleOrDefaultAsync(q => q.Id == questionId, ct) ?? throw new DomainRuleException("question.not-found");
        if (question.State is QuestionState.Refused or QuestionState.Merged) throw new DomainRuleException("question.support.closed");
        if (support)
            await db.Database.ExecuteSqlAsync($"INSERT INTO question_supports (question_id, user_id, at) VALUES ({questionId}, {actor.UserId}, {clock.GetUtcNow()}) ON CONFLICT DO NOTHING", ct);
        else
            await db.QuestionSupports.Where(s => s.QuestionId == questionId && s.UserId == actor.UserId).ExecuteDeleteAsync(ct);
        await db.Questions.Where(q => q.Id == questionId)
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.SupportCount, q => db.QuestionSupports.Count(x => x.QuestionId == questionId)), ct);
    }

    public async Task FollowAsync(Actor actor, long questionId, bool follow, CancellationToken ct = default)
    {
        if (actor.IsSystem) throw new DomainRuleException("question.author.required");
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (follow)
            await db.Database.ExecuteSqlAsync($"INSERT INTO question_followers (question_id, user_id) VALUES ({questionId}, {actor.UserId}) ON CONFLICT DO NOTHING", ct);
        else
            await db.QuestionFollowers.Where(f => f.QuestionId == questionId && f.UserId == actor.UserId).ExecuteDeleteAsync(ct);
    }

    /// <summary>A moderator accepts the question and routes it: the agency given, else the unit's rule for its topic,
    /// else the organising People's Committee. The answer's due date starts now.</summary>
    public async Task AcceptAsync(Actor actor, long questionId, int? agencyId = null, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var (question, conference) = await LoadQuestionAsync(db, questionId, ct);
        await db.DemandAsync(actor, StaffAction.Moderate, conference.UnitId, ct);
        var now = clock.GetUtcNow();
        var agency = agencyId ?? await RouteAsync(db, conference, question.Topic, ct);
        await CheckAgencyInScopeAsync(db, agency, conference.UnitId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        question.Accept(agency, now);
        await DeadlineService.MeetAsync(db, DeadlineKind.Acknowledge, "question", questionId.ToString(), now, ct);
        await DeadlineService.TrackAsync(db, DeadlineKind.AnswerQuestion, "question", questionId.ToString(), Text.Shorten(question.Body),
            question.VillageId, agency, links.Question(conference.Id, questionId), now, ct);
        db.AuditEntries.Add(AuditEntry.Of(actor, now, "question.accept", "question", questionId, question.VillageId, null, new { AgencyId = agency }));
        await NotifyFollowersAsync(db, question, "accepted", "Ý kiến của bạn đã được thụ lý", "Your question was accepted for handling",
            "Ý kiến của bạn đã được tiếp nhận và chuyển đến cơ quan có trách nhiệm trả lời.", "Your question was accepted and sent to the agency that must answer it.", now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    public async Task RefuseAsync(Actor actor, long questionId, string reason, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var (question, conference) = await LoadQuestionAsync(db, questionId, ct);
        await db.DemandAsync(actor, StaffAction.Moderate, conference.UnitId, ct);
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        question.Refuse(reason);
        await DeadlineService.MeetAsync(db, DeadlineKind.Acknowledge, "question", questionId.ToString(), now, ct);
        await DeadlineService.MeetAsync(db, DeadlineKind.AnswerQuestion, "question", questionId.ToString(), now, ct);
        db.AuditEntries.Add(AuditEntry.Of(actor, now, "question.refuse", "question", questionId, question.VillageId, null, null, question.RefusalReason));
        await NotifyFollowersAsync(db, question, "refused", "Ý kiến của bạn không được tiếp nhận", "Your question was not accepted",
            $"Lý do: {question.RefusalReason}", $"Reason: {question.RefusalReason}", now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Merges a duplicate into another question: supports and followers move over; the author is told.</summary>
    public async Task MergeAsync(Actor actor, long questionId, long intoId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var (question, conference) = await LoadQuestionAsync(db, questionId, ct);
        await db.DemandAsync(actor, StaffAction.Moderate, conference.UnitId, ct);
        var target = await db.Questions.SingleOrDefaultAsync(q => q.Id == intoId, ct) ?? throw new DomainRuleException("question.not-found");
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        question.MergeInto(target);
        await db.SaveChangesAsync(ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO question_supports (question_id, user_id, at) SELECT {intoId}, user_id, at FROM question_supports WHERE question_id = {questionId} ON CONFLICT DO NOTHING;
            INSERT INTO question_supports (question_id, user_id, at) SELECT {intoId}, author_id, received_at FROM questions WHERE id = {questionId} ON CONFLICT DO NOTHING;
            INSERT INTO question_followers (question_id, user_id) SELECT {intoId}, user_id FROM question_followers WHERE question_id = {questionId} ON CONFLICT DO NOTHING;
            UPDATE questions SET support_count = (SELECT count(*) FROM question_supports WHERE question_id = {intoId}) WHERE id = {intoId};
            """, ct);
        await DeadlineService.MeetAsync(db, DeadlineKind.Acknowledge, "question", questionId.ToString(), now, ct);
        db.AuditEntries.Add(AuditEntry.Of(actor, now, "question.merge", "question", questionId, question.VillageId, null, new { IntoId = intoId }));
        await NotifyFollowersAsync(db, question, "merged", "Ý kiến của bạn đã được gộp với một ý kiến giống", "Your question was merged with a similar one",
            "Ý kiến của bạn trùng với một ý kiến khác nên đã được gộp; bạn được tính là người ủng hộ và sẽ nhận mọi cập nhật của ý kiến đó.",
            "Your question duplicated another, so it was merged: you count as a supporter and will get every update of that question.", now, ct, links.Question(conference.Id, intoId));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Keeps personal data out of the public text; the original stays for officials.</summary>
    public async Task RedactAsync(Actor actor, long questionId, string publicText, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var (question, conference) = await LoadQuestionAsync(db, questionId, ct);
        await db.DemandAsync(actor, StaffAction.Moderate, conference.UnitId, ct);
        var before = question.PublicBody;
        question.Redact(publicText);
        db.AuditEntries.Add(AuditEntry.Of(actor, clock.GetUtcNow(), "question.redact", "question", questionId, question.VillageId,
            new { Public = before }, new { Public = question.PublicBody }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>An official of the responsible agency (or a leader of the unit) answers in writing, optionally with commitments
    /// and files (<see cref="DialogueAttachments.Answer"/>).</summary>
    public async Task AnswerAsync(Actor actor, long questionId, string markdown, IReadOnlyList<CommitmentPlan> commitments,
        IReadOnlyList<IncomingFile>? files = null, CancellationToken ct = default)
    {
        AttachmentRules.Check(files ?? [], DialogueAttachments.Answer);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var (question, conference) = await LoadQuestionAsync(db, questionId, ct);
        await db.DemandAsync(actor, StaffAction.Answer, question.VillageId, ct);
        var isMember = question.AgencyId is int agencyId && await db.AgencyMembers.AnyAsync(m => m.AgencyId == agencyId && m.UserId == actor.UserId, ct);
        var conferenceUnit = db.Units.Where(u => u.Id == conference.UnitId).Select(u => u.Path);
        var isLeader = await db.UnitRoles.AnyAsync(r => r.UserId == actor.UserId && r.Role == StaffRole.Leader
            && conferenceUnit.Any(p => p.IsDescendantOf(r.Unit.Path)), ct);
        if (!actor.IsSystem && !isMember && !isLeader) throw new AccessDeniedException(StaffAction.Answer, question.VillageId);
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        question.Answer(actor.UserId ?? "", markdown, now);
        foreach (var plan in commitments)
        {
            await CheckAgencyInScopeAsync(db, plan.AgencyId, conference.UnitId, ct);
            db.Commitments.Add(new Commitment(questionId, plan.What, plan.AgencyId, plan.DueAt, now));
        }
        await db.AttachAsync(DialogueAttachments.OfAnswer(questionId, question.TimesReopened), files ?? [], DialogueAttachments.Answer, actor, now, ct);
        await DeadlineService.MeetAsync(db, DeadlineKind.AnswerQuestion, "question", questionId.ToString(), now, ct);
        await TrackCommitmentsAsync(db, question, conference, now, ct);
        db.AuditEntries.Add(AuditEntry.Of(actor, now, "question.answer", "question", questionId, question.VillageId, null,
            new { Length = question.AnswerMarkdown!.Length, Commitments = commitments.Count, Files = files?.Count ?? 0 }));
        await NotifyFollowersAsync(db, question, $"answered:{question.TimesReopened}", "Ý kiến của bạn đã được trả lời", "Your question has been answered",
            "Cơ quan có trách nhiệm đã trả lời ý kiến. Hãy đọc và cho biết bạn có hài lòng không.",
            "The responsible agency has answered. Read it and tell us whether it satisfies you.", now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The author rates the answer. Not satisfied reopens it once and tells the unit's leaders; a second
    /// "not satisfied" escalates to the leaders of the parent unit.</summary>
    public async Task<DissatisfactionOutcome> RateAsync(Actor actor, long questionId, Satisfaction rating, string? reason, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var (question, conference) = await LoadQuestionAsync(db, questionId, ct);
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var outcome = question.Rate(actor.UserId ?? "", rating, reason);
        db.AuditEntries.Add(AuditEntry.Of(actor, now, "question.rate", "question", questionId, question.VillageId, null,
            new { Rating = rating.ToString(), Outcome = outcome.ToString() }, question.RatingReason));
        if (outcome != DissatisfactionOutcome.None)
        {
            var unitId = outcome == DissatisfactionOutcome.Reopened
                ? conference.UnitId
                : await db.Units.Where(u => u.Id == conference.UnitId).Select(u => u.ParentId ?? u.Id).SingleAsync(ct);
            var leaders = await db.UnitRoles.Where(r => r.Role == StaffRole.Leader && r.UnitId == unitId).Select(r => r.UserId).Distinct().ToListAsync(ct);
            var escalated = outcome == DissatisfactionOutcome.Escalated;
            await NotificationService.NotifyAsync(db, leaders, NotificationKinds.QuestionDissatisfied, $"question.dissatisfied:{questionId}:{outcome}",
                // The question in the title, as a deadline's title names its item: a leader's list of these must say which is which.
                (escalated ? "Người dân vẫn chưa hài lòng sau khi trả lời lại" : "Người dân chưa hài lòng với câu trả lời") + $": {Text.Shorten(question.PublicBody, 80)}",
                (escalated ? "A resident is still not satisfied after a second answer" : "A resident is not satisfied with an answer") + $": {Text.Shorten(question.PublicBody, 80)}",
                links.Question(conference.Id, questionId),
                $"> {Text.Shorten(question.PublicBody)}\n\nLý do: {question.RatingReason}" + (escalated ? "\n\nÝ kiến được chuyển lên cấp trên." : "\n\nÝ kiến đã được mở lại để trả lời lại."),
                $"> {Text.Shorten(question.PublicBody)}\n\nReason: {question.RatingReason}" + (escalated ? "\n\nThe question is escalated to the parent unit." : "\n\nThe question was reopened for a new answer."),
                links.BaseUrl, now, ct);
            if (outcome == DissatisfactionOutcome.Reopened && question.AgencyId is int agency)
            {
                var tracked = await db.TrackedDeadlines.SingleOrDefaultAsync(t => t.ItemType == "question" && t.ItemId == questionId.ToString() && t.Kind == DeadlineKind.AnswerQuestion, ct);
                if (tracked is not null) db.TrackedDeadlines.Remove(tracked);
                await db.SaveChangesAsync(ct);
                await DeadlineService.TrackAsync(db, DeadlineKind.AnswerQuestion, "question", questionId.ToString(), Text.Shorten(question.Body),
                    question.VillageId, agency, links.Question(conference.Id, questionId), now, ct);
            }
        }
        await db.SaveChangesAsync(ct);
        await NotificationService.SignalAsync(db, db.ChangeTracker.Entries<Notification>().Select(e => e.Entity.UserId), ct);
        await tx.CommitAsync(ct);
        return outcome;
    }

    public const string LiveChannel = "portal_conference";

    /// <summary>The conference took place: its results are now due within the legal days.</summary>
    public async Task MarkHeldAsync(Actor actor, int conferenceId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var conference = await LoadConferenceAsync(db, conferenceId, ct);
        await db.DemandAsync(actor, StaffAction.HostDialogue, conference.UnitId, ct);
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        conference.MarkHeld(now);
        await DeadlineService.TrackAsync(db, DeadlineKind.PublishResults, "conference", conferenceId.ToString(), conference.Title,
            conference.UnitId, conference.OrganiserAgencyId, links.Conference(conferenceId), now, ct);
        db.AuditEntries.Add(AuditEntry.Of(actor, now, "conference.held", "conference", conferenceId, conference.UnitId, null, new { HeldAt = now }));
        await db.SaveChangesAsync(ct);
        await SignalLiveAsync(db, conferenceId, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The secretary puts a question on stage: every viewer's page shows it as being answered.</summary>
    public async Task GoLiveAsync(Actor actor, long questionId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var (question, conference) = await LoadQuestionAsync(db, questionId, ct);
        await db.DemandAsync(actor, StaffAction.HostDialogue, conference.UnitId, ct);
        if (question.State is QuestionState.Refused or QuestionState.Merged) throw new DomainRuleException("question.answer.not-open", question.State);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        conference.Refresh(clock.GetUtcNow());
        conference.GoLive(questionId, clock.GetUtcNow());
        db.AuditEntries.Add(AuditEntry.Of(actor, clock.GetUtcNow(), "conference.live", "conference", conference.Id, conference.UnitId, null, new { QuestionId = questionId }));
        await db.SaveChangesAsync(ct);
        await SignalLiveAsync(db, conference.Id, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The secretary records the summary of an answer given on stage, with any commitment made.</summary>
    public async Task RecordLiveAnswerAsync(Actor actor, long questionId, string summary, IReadOnlyList<CommitmentPlan> commitments, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var (question, conference) = await LoadQuestionAsync(db, questionId, ct);
        await db.DemandAsync(actor, StaffAction.HostDialogue, conference.UnitId, ct);
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (question.State == QuestionState.Received) question.Accept(conference.OrganiserAgencyId, now);
        question.Answer(actor.UserId ?? "", summary, now, live: true);
        foreach (var plan in commitments)
        {
            await CheckAgencyInScopeAsync(db, plan.AgencyId, conference.UnitId, ct);
            db.Commitments.Add(new Commitment(questionId, plan.What, plan.AgencyId, plan.DueAt, now));
        }
        await DeadlineService.MeetAsync(db, DeadlineKind.Acknowledge, "question", questionId.ToString(), now, ct);
        await DeadlineService.MeetAsync(db, DeadlineKind.AnswerQuestion, "question", questionId.ToString(), now, ct);
        await TrackCommitmentsAsync(db, question, conference, now, ct);
        db.AuditEntries.Add(AuditEntry.Of(actor, now, "question.answer-live", "question", questionId, question.VillageId, null,
            new { Commitments = commitments.Count }));
        await NotifyFollowersAsync(db, question, "answered-live", "Ý kiến của bạn đã được trả lời tại hội nghị", "Your question was answered at the conference",
            "Lãnh đạo đã trả lời ý kiến tại hội nghị. Hãy đọc tóm tắt và cho biết bạn có hài lòng không.",
            "The leaders answered at the conference. Read the summary and tell us whether it satisfies you.", now, ct);
        await db.SaveChangesAsync(ct);
        await SignalLiveAsync(db, conference.Id, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Publishes the results: answered questions become public results, village heads of the area get an email
    /// and every follower a notification; the publishing deadline is met.</summary>
    public async Task PublishResultsAsync(Actor actor, int conferenceId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var conference = await LoadConferenceAsync(db, conferenceId, ct);
        await db.DemandAsync(actor, StaffAction.HostDialogue, conference.UnitId, ct);
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        conference.PublishResults(now);
        var questions = await db.Questions.Where(q => q.ConferenceId == conferenceId).ToListAsync(ct);
        foreach (var question in questions) question.Publish();
        await DeadlineService.MeetAsync(db, DeadlineKind.PublishResults, "conference", conferenceId.ToString(), now, ct);
        var unit = db.Units.Where(u => u.Id == conference.UnitId).Select(u => u.Path);
        var heads = await db.UnitRoles.Where(r => r.Role == StaffRole.VillageHead && unit.Any(p => r.Unit.Path.IsDescendantOf(p)))
            .Select(r => r.User).Where(u => u.DeletedAt == null && u.Email != null).Distinct().ToListAsync(ct);
        var answered = questions.Count(q => q.State == QuestionState.Published);
        foreach (var head in heads)
            await db.EnqueueAsync(new OutboxMessage($"results:{conferenceId}:{head.Id}", "conference.results", head.Email!, head.DisplayName, head.PreferredLanguage,
                head.PreferredLanguage == "en" ? $"Results published: {conference.Title}" : $"Đã công khai kết quả: {conference.Title}",
                head.PreferredLanguage == "en"
                    ? $"The results of **{conference.Title}** are published: {answered} answered questions.\n\n[Read the results]({links.BaseUrl}{links.Conference(conferenceId)}/ket-qua)"
                    : $"Kết quả hội nghị **{conference.Title}** đã được công khai: {answered} ý kiến đã được trả lời. Đề nghị trưởng thôn thông tin tới bà con.\n\n[Xem kết quả]({links.BaseUrl}{links.Conference(conferenceId)}/ket-qua)",
                now), ct);
        var questionIds = questions.Select(q => q.Id).ToList();
        var followers = await db.QuestionFollowers.Where(f => questionIds.Contains(f.QuestionId)).Select(f => f.UserId).Distinct().ToListAsync(ct);
        await NotificationService.NotifyAsync(db, followers, NotificationKinds.QuestionUpdate, $"conference:{conferenceId}:results",
            $"Đã công khai kết quả hội nghị: {conference.Title}", $"Results published: {conference.Title}", $"{links.Conference(conferenceId)}/ket-qua",
            "Kết quả hội nghị, gồm các câu trả lời và cam kết, đã được công khai.", "The conference's results, with every answer and commitment, are published.",
            links.BaseUrl, now, ct);
        db.AuditEntries.Add(AuditEntry.Of(actor, now, "conference.publish-results", "conference", conferenceId, conference.UnitId, null,
            new { Answered = answered, VillageHeads = heads.Count }));
        await db.SaveChangesAsync(ct);
        await NotificationService.SignalAsync(db, followers, ct);
        await SignalLiveAsync(db, conferenceId, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>An official of the responsible agency reports a commitment's progress, with an optional note (Markdown) and
    /// photos (<see cref="DialogueAttachments.Progress"/>); followers of its question hear of it.</summary>
    public async Task<long> ReportProgressAsync(Actor actor, long commitmentId, int percent, string? note = null,
        IReadOnlyList<IncomingFile>? photos = null, CancellationToken ct = default)
    {
        AttachmentRules.Check(photos ?? [], DialogueAttachments.Progress);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var commitment = await db.Commitments.SingleOrDefaultAsync(c => c.Id == commitmentId, ct) ?? throw new DomainRuleException("commitment.not-found");
        var (question, _) = await LoadQuestionAsync(db, commitment.QuestionId, ct);
        var isMember = await db.AgencyMembers.AnyAsync(m => m.AgencyId == commitment.AgencyId && m.UserId == actor.UserId, ct);
        if (!actor.IsSystem && !isMember) throw new AccessDeniedException(StaffAction.Answer, question.VillageId);
        var now = clock.GetUtcNow();
        var before = commitment.Progress;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        commitment.ReportProgress(percent, now, withNews: Text.CleanOrNull(note) is not null || photos is { Count: > 0 });
        var report = new CommitmentProgressReport(commitmentId, percent, note, actor.UserId, now);
        db.CommitmentProgressReports.Add(report);
        await db.SaveChangesAsync(ct);
        await db.AttachAsync(DialogueAttachments.OfProgress(report.Id), photos ?? [], DialogueAttachments.Progress, actor, now, ct);
        if (commitment.DoneAt is not null)
            await DeadlineService.MeetAsync(db, DeadlineKind.Commitment, "commitment", commitmentId.ToString(), now, ct);
        db.AuditEntries.Add(AuditEntry.Of(actor, now, "commitment.progress", "commitment", commitmentId, question.VillageId,
            new { Progress = before }, new { commitment.Progress, ReportId = report.Id, Photos = photos?.Count ?? 0 }));
        await NotifyFollowersAsync(db, question, $"commitment:{commitmentId}:report:{report.Id}", $"Cam kết tiến độ {percent}%: {Text.Shorten(commitment.What)}",
            $"Commitment at {percent}%: {Text.Shorten(commitment.What)}", $"Cam kết \"{commitment.What}\" đạt {percent}%.", $"Commitment \"{commitment.What}\" is at {percent}%.", now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return report.Id;
    }

    /// <summary>Each new commitment of the question gets its own tracked deadline (the date the leader set), so the sweep
    /// reminds the responsible agency and escalates it when overdue.</summary>
    private async Task TrackCommitmentsAsync(PortalDb db, Question question, DialogueConference conference, DateTimeOffset now, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct); // the new commitments get their ids
        var fresh = db.ChangeTracker.Entries<Commitment>().Where(e => e.Entity.QuestionId == question.Id && e.Entity.CreatedAt == now).Select(e => e.Entity);
        foreach (var commitment in fresh.ToList())
            await DeadlineService.TrackFixedAsync(db, DeadlineKind.Commitment, "commitment", commitment.Id.ToString(), Text.Shorten(commitment.What),
                question.VillageId, commitment.AgencyId, links.Question(conference.Id, question.Id), now, commitment.DueAt, ct);
    }

    /// <summary>Tells every web node that a conference's live view changed (leaves at commit).</summary>
    private static async Task SignalLiveAsync(PortalDb db, int conferenceId, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync($"SELECT pg_notify({LiveChannel}, {conferenceId.ToString()})", ct);

    private async Task NotifyFollowersAsync(PortalDb db, Question question, string occasion, string titleVi, string titleEn, string bodyVi, string bodyEn,
        DateTimeOffset now, CancellationToken ct, string? link = null)
    {
        var followers = await db.QuestionFollowers.Where(f => f.QuestionId == question.Id).Select(f => f.UserId).ToListAsync(ct);
        await NotificationService.NotifyAsync(db, followers, NotificationKinds.QuestionUpdate, $"question:{question.Id}:{occasion}",
            titleVi, titleEn, link ?? links.Question(question.ConferenceId, question.Id),
            $"{bodyVi}\n\n> {Text.Shorten(question.PublicBody)}", $"{bodyEn}\n\n> {Text.Shorten(question.PublicBody)}", links.BaseUrl, now, ct);
        await NotificationService.SignalAsync(db, followers, ct);
    }

    private static async Task<int> RouteAsync(PortalDb db, DialogueConference conference, string topic, CancellationToken ct) =>
        await db.RoutingRules.Where(r => r.UnitId == conference.UnitId && r.Topic == topic).Select(r => (int?)r.AgencyId).FirstOrDefaultAsync(ct)
        ?? conference.OrganiserAgencyId;

    private static async Task CheckAgencyInScopeAsync(PortalDb db, int agencyId, int unitId, CancellationToken ct)
    {
        // An agency of the conference's unit, of a unit under it, or of a unit above it (a provincial department).
        var unit = db.Units.Where(u => u.Id == unitId).Select(u => u.Path);
        var ok = await db.Agencies.AnyAsync(a => a.Id == agencyId && a.IsActive
            && unit.Any(p => a.Unit.Path.IsDescendantOf(p) || a.Unit.Path.IsAncestorOf(p)), ct);
        if (!ok) throw new DomainRuleException("question.agency.out-of-scope");
    }

    private static async Task CheckAgenciesAsync(PortalDb db, ConferencePlan plan, CancellationToken ct)
    {
        await CheckAgencyInScopeAsync(db, plan.OrganiserAgencyId, plan.UnitId, ct);
        if (plan.FrontAgencyId is int front) await CheckAgencyInScopeAsync(db, front, plan.UnitId, ct);
    }

    private static async Task<DialogueConference> LoadConferenceAsync(PortalDb db, int id, CancellationToken ct) =>
        await db.Conferences.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new DomainRuleException("conference.not-found");

    private static async Task<(Question, DialogueConference)> LoadQuestionAsync(PortalDb db, long id, CancellationToken ct)
    {
        var question = await db.Questions.SingleOrDefaultAsync(q => q.Id == id, ct) ?? throw new DomainRuleException("question.not-found");
        return (question, await LoadConferenceAsync(db, question.ConferenceId, ct));
    }

}

public sealed record SimilarQuestion(long Id, string Text, int SupportCount, double Score);
