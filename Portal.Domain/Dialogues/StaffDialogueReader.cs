using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Attachments;
using Portal.Domain.Data;
using Portal.Domain.Deadlines;
using Portal.Domain.Units;

namespace Portal.Domain.Dialogues;

public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>A conference as organisers and moderators list it, with what the person may do with it.</summary>
public sealed record StaffConferenceRow(int Id, int UnitId, string UnitName, string Title, ConferenceState State, DateTimeOffset StartsAt,
    DateTimeOffset QuestionsOpenAt, DateTimeOffset QuestionsCloseAt, int Questions, int Received, bool MayHost, bool MayModerate);

/// <summary>A conference's plan as its organiser edits it.</summary>
public sealed record StaffConference(int Id, string UnitName, ConferenceState State, ConferencePlan Plan, bool MayHost, bool MayModerate);

/// <summary>A question as staff see it: the original text and who really asked.</summary>
public sealed record StaffQuestionRow(long Id, int ConferenceId, string Topic, string Body, string? RedactedBody, QuestionState State,
    string AuthorName, int VillageId, string VillageName, string? RelayedForName, string? RelayedForPhone, int SupportCount,
    DateTimeOffset ReceivedAt, int? AgencyId, string? AgencyName, int SuggestedAgencyId)
{
    /// <summary>The resident's files.</summary>
    public IReadOnlyList<AttachmentInfo> Attachments { get; init; } = [];
}

public sealed record ModerationFilter(QuestionState? State = null, string? Topic = null, int? VillageId = null, int? ConferenceId = null);

/// <summary>A conference with items waiting for a moderator, for the queue across conferences.</summary>
public sealed record ModerationConference(int Id, string Title, int UnitId, string UnitName, IReadOnlyList<string> Topics, int Waiting);

public sealed record AgencyOption(int Id, string Name, AgencyKind Kind, int UnitId, string UnitName);

public sealed record PlaceOption(int Id, string Name);

public enum AnswerDeskView
{
    Waiting = 1,
    Overdue = 2,
    Answered = 3,
    All = 4,
}

public sealed record AnswerFilter(AnswerDeskView View = AnswerDeskView.Waiting, int? ConferenceId = null, int? VillageId = null);

public sealed record AnswerRow(StaffQuestionRow Question, string ConferenceTitle, int ConferenceUnitId, Deadline? Deadline, string? AnswerMarkdown,
    int Commitments)
{
    /// <summary>The files of the current answer.</summary>
    public IReadOnlyList<AttachmentInfo> AnswerAttachments { get; init; } = [];
}

/// <summary>An official's desk: counters over all their items, and one page of the filtered ones.</summary>
public sealed record AnswerDesk(Paged<AnswerRow> Page, int Waiting, int Overdue, int Answered, IReadOnlyList<PlaceOption> Conferences,
    IReadOnlyList<PlaceOption> Villages);

/// <summary>
/// What staff read about dialogue conferences: each query is limited to the person's scope (a role on the unit or an
/// ancestor, or membership of the agency an item is routed to). Writes go through <see cref="DialogueService"/>.
/// </summary>
public sealed class StaffDialogueReader(IDbContextFactory<PortalDb> dbs, TimeProvider clock)
{
    private static readonly QuestionState[] NeedModeration = [QuestionState.Received, QuestionState.Accepted, QuestionState.Transferred];
    private static readonly QuestionState[] WaitingAnswer = [QuestionState.Accepted, QuestionState.Transferred];
    private static readonly QuestionState[] Done = [QuestionState.Answered, QuestionState.Published];

    /// <summary>Conferences (drafts included) of the units where the person hosts dialogues or moderates, latest first.</summary>
    public async Task<Paged<StaffConferenceRow>> ConferencesAsync(Actor actor, int page = 1, int pageSize = 20, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var host = ScopeRules.RolesFor(StaffAction.HostDialogue).ToArray();
        var moderate = ScopeRules.RolesFor(StaffAction.Moderate).ToArray();
        var mine = db.UnitRoles.Where(r => r.UserId == actor.UserId);
        var scoped = db.Conferences.Select(c => new
        {
            Conference = c,
            MayHost = actor.IsSystem || mine.Any(r => host.Contains(r.Role) && c.Unit.Path.IsDescendantOf(r.Unit.Path)),
            MayModerate = actor.IsSystem || mine.Any(r => moderate.Contains(r.Role) && c.Unit.Path.IsDescendantOf(r.Unit.Path)),
        }).Where(x => x.MayHost || x.MayModerate);
        var total = await scoped.CountAsync(ct);
        page = Math.Clamp(page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var rows = await scoped.OrderByDescending(x => x.Conference.StartsAt).ThenByDescending(x => x.Conference.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(x => new
            {
                x.Conference, UnitName = x.Conference.Unit.FullName, x.MayHost, x.MayModerate,
                Questions = db.Questions.Count(q => q.ConferenceId == x.Conference.Id),
                Received = db.Questions.Count(q => q.ConferenceId == x.Conference.Id && q.State == QuestionState.Received),
            }).AsNoTracking().ToListAsync(ct);
        var now = clock.GetUtcNow();
        var items = rows.Select(x =>
        {
            x.Conference.Refresh(now); // the stored state lags behind the window; show where it really is
            var c = x.Conference;
            return new StaffConferenceRow(c.Id, c.UnitId, x.UnitName, c.Title, c.State, c.StartsAt, c.QuestionsOpenAt, c.QuestionsCloseAt,
                x.Questions, x.Received, x.MayHost, x.MayModerate);
        }).ToList();
        return new Paged<StaffConferenceRow>(items, total, page, pageSize);
    }

    /// <summary>One conference's plan, for its organisers and moderators.</summary>
    public async Task<StaffConference> ConferenceAsync(Actor actor, int conferenceId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var c = await db.Conferences.AsNoTracking().Include(x => x.Unit).SingleOrDefaultAsync(x => x.Id == conferenceId, ct)
            ?? throw new DomainRuleException("conference.not-found");
        var mayHost = await db.MayAsync(actor, StaffAction.HostDialogue, c.UnitId, ct);
        var mayModerate = await db.MayAsync(actor, StaffAction.Moderate, c.UnitId, ct);
        if (!mayHost && !mayModerate) throw new AccessDeniedException(StaffAction.HostDialogue, c.UnitId);
        c.Refresh(clock.GetUtcNow());
        var plan = new ConferencePlan(c.UnitId, c.Title, c.Summary, c.Topics, c.Hosts, c.OrganiserAgencyId, c.FrontAgencyId, c.StartsAt, c.Place,
            c.OnlineLink, c.QuestionsOpenAt, c.QuestionsCloseAt, c.Moderation);
        return new StaffConference(c.Id, c.Unit.FullName, c.State, plan, mayHost, mayModerate);
    }

    /// <summary>Units where the person may plan conferences (the roots of that scope).</summary>
    public async Task<List<int>> HostScopeAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.ScopeRootsAsync(actor, StaffAction.HostDialogue, ct);
    }

    public async Task<bool> MayAsync(Actor actor, StaffAction action, int unitId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.MayAsync(actor, action, unitId, ct);
    }

    /// <summary>Active agencies of the unit itself (organiser and Front committee of a conference).</summary>
    public async Task<List<AgencyOption>> AgenciesOfAsync(int unitId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Agencies.Where(a => a.UnitId == unitId && a.IsActive).OrderBy(a => a.Kind).ThenBy(a => a.Name)
            .Select(a => new AgencyOption(a.Id, a.Name, a.Kind, a.UnitId, a.Unit.FullName)).ToListAsync(ct);
    }

    /// <summary>Active agencies a question of this unit can go to: the unit's own, then those of the units above it.</summary>
    public async Task<List<AgencyOption>> AgenciesAroundAsync(int unitId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var unit = db.Units.Where(u => u.Id == unitId).Select(u => u.Path);
        return await db.Agencies.Where(a => a.IsActive && unit.Any(p => p.IsDescendantOf(a.Unit.Path)))
            .OrderByDescending(a => a.Unit.Level).ThenBy(a => a.Kind).ThenBy(a => a.Name)
            .Select(a => new AgencyOption(a.Id, a.Name, a.Kind, a.UnitId, a.Unit.FullName)).ToListAsync(ct);
    }

    /// <summary>A conference's questions that need a moderator: received first, then accepted or transferred; oldest first.</summary>
    public async Task<Paged<StaffQuestionRow>> ModerationQueueAsync(Actor actor, int conferenceId, ModerationFilter filter, int page = 1,
        int pageSize = 20, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var conference = await db.Conferences.AsNoTracking().SingleOrDefaultAsync(c => c.Id == conferenceId, ct)
            ?? throw new DomainRuleException("conference.not-found");
        await db.DemandAsync(actor, StaffAction.Moderate, conference.UnitId, ct);
        return await QueueAsync(db, db.Questions.Where(q => q.ConferenceId == conferenceId), filter, page, pageSize, ct);
    }

    /// <summary>Everything waiting for this moderator across the conferences of their scope (a role on the conference's
    /// unit or above it), in the same order as one conference's queue.</summary>
    public async Task<Paged<StaffQuestionRow>> ModerationQueueAsync(Actor actor, ModerationFilter filter, int page = 1, int pageSize = 20,
        CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var questions = db.Questions.Where(q => ModeratedBy(db, actor).Any(c => c.Id == q.ConferenceId));
        if (filter.ConferenceId is int conference) questions = questions.Where(q => q.ConferenceId == conference);
        return await QueueAsync(db, questions, filter, page, pageSize, ct);
    }

    /// <summary>The conferences of the moderator's scope with items waiting, the most waiting first.</summary>
    public async Task<List<ModerationConference>> ModerationConferencesAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await ModeratedBy(db, actor)
            .Select(c => new { c.Id, c.Title, c.UnitId, UnitName = c.Unit.FullName, c.Topics,
                Waiting = db.Questions.Count(q => q.ConferenceId == c.Id && NeedModeration.Contains(q.State)) })
            .Where(c => c.Waiting > 0).OrderByDescending(c => c.Waiting).ThenBy(c => c.Id).Take(200).ToListAsync(ct);
        return rows.Select(c => new ModerationConference(c.Id, c.Title, c.UnitId, c.UnitName, c.Topics, c.Waiting)).ToList();
    }

    private static IQueryable<DialogueConference> ModeratedBy(PortalDb db, Actor actor)
    {
        var moderate = ScopeRules.RolesFor(StaffAction.Moderate).ToArray();
        var roles = db.UnitRoles.Where(r => r.UserId == actor.UserId && moderate.Contains(r.Role));
        return db.Conferences.Where(c => actor.IsSystem || roles.Any(r => c.Unit.Path.IsDescendantOf(r.Unit.Path)));
    }

    private static async Task<Paged<StaffQuestionRow>> QueueAsync(PortalDb db, IQueryable<Question> questions, ModerationFilter filter, int page,
        int pageSize, CancellationToken ct)
    {
        var query = questions.Where(q => NeedModeration.Contains(q.State));
        if (filter.State is QuestionState state) query = query.Where(q => q.State == state);
        if (!string.IsNullOrWhiteSpace(filter.Topic)) query = query.Where(q => q.Topic == filter.Topic);
        if (filter.VillageId is int village) query = query.Where(q => q.VillageId == village);
        var total = await query.CountAsync(ct);
        page = Math.Clamp(page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var items = (await Rows(db, query.OrderBy(q => q.State).ThenBy(q => q.ReceivedAt).ThenBy(q => q.Id).Skip((page - 1) * pageSize).Take(pageSize))
            .ToListAsync(ct)).OrderBy(q => q.State).ThenBy(q => q.ReceivedAt).ThenBy(q => q.Id).ToList();
        return new Paged<StaffQuestionRow>(await WithAttachmentsAsync(db, items, ct), total, page, pageSize);
    }

    /// <summary>The villages a conference's questions come from, for the queue's filter.</summary>
    public async Task<List<PlaceOption>> VillagesOfAsync(int conferenceId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var unit = db.Conferences.Where(c => c.Id == conferenceId).Select(c => c.Unit.Path);
        return await db.Units.Where(u => u.Level == UnitLevel.Village && unit.Any(p => u.Path.IsDescendantOf(p)))
            .OrderBy(u => u.Name).Select(u => new PlaceOption(u.Id, u.FullName)).Take(500).ToListAsync(ct);
    }

    /// <summary>
    /// The questions routed to the person's agencies, within their role's scope: counters over all of them and one page
    /// of those the filter keeps, the most urgent first.
    /// </summary>
    public async Task<AnswerDesk> AnswerDeskAsync(Actor actor, AnswerFilter filter, int page = 1, int pageSize = 20, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var answerRoles = ScopeRules.RolesFor(StaffAction.Answer).ToArray();
        var agencies = db.AgencyMembers.Where(m => m.UserId == actor.UserId).Select(m => m.AgencyId);
        var roles = db.UnitRoles.Where(r => r.UserId == actor.UserId && answerRoles.Contains(r.Role));
        var mine = db.Questions.Where(q => q.AgencyId != null && agencies.Contains(q.AgencyId.Value)
            && (WaitingAnswer.Contains(q.State) || Done.Contains(q.State))
            && roles.Any(r => db.Units.Any(v => v.Id == q.VillageId && v.Path.IsDescendantOf(r.Unit.Path))));
        var open = db.TrackedDeadlines.Where(t => t.Kind == DeadlineKind.AnswerQuestion && t.ItemType == "question");
        var overdue = mine.Where(q => WaitingAnswer.Contains(q.State)
            && open.Any(t => t.ItemId == q.Id.ToString() && t.Deadline.MetAt == null && t.Deadline.DueAt < now));

        var counters = await mine.GroupBy(q => 1).Select(g => new
        {
            Waiting = g.Count(q => WaitingAnswer.Contains(q.State)),
            Answered = g.Count(q => Done.Contains(q.State)),
        }).SingleOrDefaultAsync(ct);
        var overdueCount = await overdue.CountAsync(ct);
        var conferences = await db.Conferences.Where(c => mine.Any(q => q.ConferenceId == c.Id)).OrderByDescending(c => c.StartsAt)
            .Select(c => new PlaceOption(c.Id, c.Title)).ToListAsync(ct);
        var villages = await db.Units.Where(u => mine.Any(q => q.VillageId == u.Id)).OrderBy(u => u.Name)
            .Select(u => new PlaceOption(u.Id, u.FullName)).ToListAsync(ct);

        var query = filter.View switch
        {
            AnswerDeskView.Waiting => mine.Where(q => WaitingAnswer.Contains(q.State)),
            AnswerDeskView.Overdue => overdue,
            AnswerDeskView.Answered => mine.Where(q => Done.Contains(q.State)),
            _ => mine,
        };
        if (filter.ConferenceId is int conferenceId) query = query.Where(q => q.ConferenceId == conferenceId);
        if (filter.VillageId is int villageId) query = query.Where(q => q.VillageId == villageId);
        var total = await query.CountAsync(ct);
        page = Math.Clamp(page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var pageOf = await query
            .OrderBy(q => Done.Contains(q.State))
            .ThenBy(q => open.Where(t => t.ItemId == q.Id.ToString()).Select(t => (DateTimeOffset?)t.Deadline.DueAt).FirstOrDefault())
            .ThenBy(q => q.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).AsNoTracking().ToListAsync(ct);
        var ids = pageOf.Select(q => q.Id).ToArray();
        var itemIds = ids.Select(id => id.ToString()).ToArray();
        var rows = (await WithAttachmentsAsync(db, await Rows(db, db.Questions.Where(q => ids.Contains(q.Id))).ToListAsync(ct), ct)).ToDictionary(r => r.Id);
        var deadlines = await open.AsNoTracking().Where(t => itemIds.Contains(t.ItemId)).Select(t => new { t.ItemId, t.Deadline }).ToListAsync(ct);
        var commitments = await db.Commitments.Where(c => ids.Contains(c.QuestionId)).GroupBy(c => c.QuestionId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var conferenceIds = pageOf.Select(q => q.ConferenceId).Distinct().ToArray();
        var titles = await db.Conferences.Where(c => conferenceIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Title, c.UnitId }).ToDictionaryAsync(c => c.Id, ct);
        var answerFiles = await db.AttachmentsOfAsync(DialogueAttachments.AnswerKind,
            pageOf.Select(q => DialogueAttachments.OfShownAnswer(q.Id, q.TimesReopened, q.State).Id), ct);
        var items = pageOf.Select(q => new AnswerRow(rows[q.Id], titles[q.ConferenceId].Title, titles[q.ConferenceId].UnitId,
            deadlines.FirstOrDefault(d => d.ItemId == q.Id.ToString())?.Deadline, q.AnswerMarkdown, commitments.GetValueOrDefault(q.Id))
        {
            AnswerAttachments = q.AnswerMarkdown is null ? [] : answerFiles[DialogueAttachments.OfShownAnswer(q.Id, q.TimesReopened, q.State).Id].ToList(),
        }).ToList();
        return new AnswerDesk(new Paged<AnswerRow>(items, total, page, pageSize), counters?.Waiting ?? 0, overdueCount, counters?.Answered ?? 0,
            conferences, villages);
    }

    private static async Task<List<StaffQuestionRow>> WithAttachmentsAsync(PortalDb db, List<StaffQuestionRow> rows, CancellationToken ct)
    {
        var files = await db.AttachmentsOfAsync(DialogueAttachments.QuestionKind, rows.Select(r => DialogueAttachments.OfQuestion(r.Id).Id), ct);
        return rows.Select(r => r with { Attachments = files[DialogueAttachments.OfQuestion(r.Id).Id].ToList() }).ToList();
    }

    private static IQueryable<StaffQuestionRow> Rows(PortalDb db, IQueryable<Question> questions) =>
        from q in questions
        join author in db.Users on q.AuthorId equals author.Id
        join village in db.Units on q.VillageId equals village.Id
        join conference in db.Conferences on q.ConferenceId equals conference.Id
        select new StaffQuestionRow(q.Id, q.ConferenceId, q.Topic, q.Body, q.RedactedBody, q.State, author.DisplayName, q.VillageId,
            village.Name, q.RelayedForName, q.RelayedForPhone, q.SupportCount, q.ReceivedAt, q.AgencyId,
            db.Agencies.Where(a => a.Id == q.AgencyId).Select(a => a.Name).FirstOrDefault(),
            // The same routing as DialogueService.AcceptAsync: the unit's rule for the topic, else the organising committee.
            db.RoutingRules.Where(r => r.UnitId == conference.UnitId && r.Topic == q.Topic).Select(r => (int?)r.AgencyId).FirstOrDefault()
                ?? conference.OrganiserAgencyId);
}
