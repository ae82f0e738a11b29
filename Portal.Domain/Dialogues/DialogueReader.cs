using Microsoft.EntityFrameworkCore;
using Portal.Domain.Attachments;
using Portal.Domain.Data;
using Portal.Domain.Deadlines;
using Portal.Domain.Units;

namespace Portal.Domain.Dialogues;

/// <summary>A conference in a list: enough for a card.</summary>
public sealed record ConferenceSummary(int Id, string Title, int UnitId, string UnitName, DateTimeOffset StartsAt, string? Place, bool Online,
    DateTimeOffset QuestionsOpenAt, DateTimeOffset QuestionsCloseAt, ConferenceState State, int QuestionCount);

/// <summary>The public conferences of a locality, in the three sections residents look for.</summary>
public sealed record ConferenceListing(IReadOnlyList<ConferenceSummary> Open, IReadOnlyList<ConferenceSummary> Upcoming,
    IReadOnlyList<ConferenceSummary> Past, bool MorePast)
{
    public bool IsEmpty => Open.Count == 0 && Upcoming.Count == 0 && Past.Count == 0;
}

public enum FeedEvent
{
    Announced = 1,
    ResultsPublished = 2,
}

/// <summary>Something a locality's feed reports: a conference announced, or its results published.</summary>
public sealed record FeedItem(int ConferenceId, string Title, string UnitName, FeedEvent Event, DateTimeOffset At, DateTimeOffset StartsAt, string? Place);

/// <summary>One conference as the public sees it (its state refreshed by time).</summary>
public sealed record ConferenceDetails(int Id, int UnitId, string UnitName, string Title, string? Summary, IReadOnlyList<string> Topics,
    string Hosts, string OrganiserName, string? FrontName, DateTimeOffset StartsAt, string? Place, string? OnlineLink,
    DateTimeOffset QuestionsOpenAt, DateTimeOffset QuestionsCloseAt, ModerationMode Moderation, ConferenceState State, bool AcceptsQuestions);

/// <summary>What narrows the question list. <see cref="Page"/> counts from 1.</summary>
public sealed record QuestionFilter(string? Topic = null, int? VillageId = null, QuestionState? State = null, bool? Answered = null,
    bool MineOnly = false, int Page = 1);

/// <summary>How the public sees who asked: <see cref="Name"/> is null for an anonymous question; <see cref="Village"/> is set
/// when the author chose initials and village; <see cref="Relayed"/> when a village head submitted it for someone.</summary>
public sealed record PublicAuthor(string? Name, string? Village, bool Relayed);

public sealed record PublicCommitment(long Id, string What, string AgencyName, DateTimeOffset DueAt, int Progress, DateTimeOffset? DoneAt);

/// <summary>A question as the public (and, for their own, its author) may see it: no phone, email or hidden original text.</summary>
public sealed record PublicQuestion(long Id, int ConferenceId, string Text, string Topic, int VillageId, string VillageName, PublicAuthor Author,
    QuestionState State, int SupportCount, DateTimeOffset ReceivedAt, bool Supported, bool Following, bool IsMine,
    string? AnswerHtml, DateTimeOffset? AnsweredAt, bool Reopened, IReadOnlyList<PublicCommitment> Commitments, Satisfaction? Rating,
    string? RatingReason, string? RefusalReason, long? MergedIntoId, Deadline? Deadline, bool Hidden = false, bool Reported = false)
{
    public bool IsAnswered => State is QuestionState.Answered or QuestionState.Published;
    public bool MayRate => IsMine && IsAnswered;
    /// <summary>The resident's files (images, PDF).</summary>
    public IReadOnlyList<AttachmentInfo> Attachments { get; init; } = [];
    /// <summary>The files of the current answer.</summary>
    public IReadOnlyList<AttachmentInfo> AnswerAttachments { get; init; } = [];
}

public sealed record QuestionPage(IReadOnlyList<PublicQuestion> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record VillageOption(int Id, string Name);

/// <summary>One village's public questions in a conference (the village head's sheet).</summary>
public sealed record VillageSheet(int VillageId, string VillageName, IReadOnlyList<PublicQuestion> Questions);

/// <summary>A conference's accountability box: what was asked, answered (on time), how residents rated it, and what
/// was promised and kept.</summary>
public sealed record Accountability(int Questions, int Answered, int AnsweredOnTime, int Satisfied, int NotSatisfied,
    int Commitments, int CommitmentsDone, int CommitmentsOverdue);

/// <summary>
/// The read side of dialogue conferences for residents and visitors: only public conferences (not drafts), only the
/// questions the public may see (plus the viewer's own), authors shown as they chose. States are refreshed by the
/// clock on read, never written here. Staff views are elsewhere.
/// </summary>
public sealed class DialogueReader(IDbContextFactory<PortalDb> dbs, TimeProvider clock)
{
    public const int PageSize = 20;
    public const int PastShown = 20;
    public const int ActiveShown = 50;
    public const string AnonymousName = "Người dân ẩn danh";

    /// <summary>The public conferences that concern a locality: its own, those of the units above it (a commune's resident
    /// is concerned by the province's) and those of the units under it. All localities when <paramref name="unitId"/> is null.</summary>
    public async Task<ConferenceListing> ConferencesAsync(int? unitId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var query = db.Conferences.AsNoTracking().Where(c => c.State != ConferenceState.Draft);
        if (unitId is not null)
        {
            var path = db.Units.Where(u => u.Id == unitId).Select(u => u.Path);
            query = query.Where(c => path.Any(p => c.Unit.Path.IsDescendantOf(p) || c.Unit.Path.IsAncestorOf(p)));
        }
        var active = await Summaries(db, query.Where(c => c.StartsAt > now && c.State < ConferenceState.Held).OrderBy(c => c.StartsAt).Take(ActiveShown))
            .ToListAsync(ct);
        var past = await Summaries(db, query.Where(c => c.StartsAt <= now || c.State >= ConferenceState.Held).OrderByDescending(c => c.StartsAt).Take(PastShown + 1))
            .ToListAsync(ct);
        var refreshed = active.Select(s => Refreshed(s, now)).ToList();
        return new ConferenceListing(
            refreshed.Where(s => s.State == ConferenceState.OpenForQuestions).OrderBy(s => s.QuestionsCloseAt).ToList(),
            refreshed.Where(s => s.State != ConferenceState.OpenForQuestions).ToList(),
            past.Take(PastShown).Select(s => Refreshed(s, now)).ToList(), past.Count > PastShown);
    }

    /// <summary>The newest announcements and published results of the conferences that concern a locality (the same ones as
    /// <see cref="ConferencesAsync"/>), newest first: what its Atom feed carries.</summary>
    public async Task<List<FeedItem>> FeedAsync(int unitId, int take = 40, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var path = db.Units.Where(u => u.Id == unitId).Select(u => u.Path);
        var concerned = db.Conferences.AsNoTracking().Where(c => c.State != ConferenceState.Draft
            && path.Any(p => c.Unit.Path.IsDescendantOf(p) || c.Unit.Path.IsAncestorOf(p)));
        var announced = await concerned.Where(c => c.AnnouncedAt != null).OrderByDescending(c => c.AnnouncedAt).Take(take)
            .Select(c => new FeedItem(c.Id, c.Title, c.Unit.FullName, FeedEvent.Announced, c.AnnouncedAt!.Value, c.StartsAt, c.Place)).ToListAsync(ct);
        var published = await concerned.Where(c => c.ResultsPublishedAt != null).OrderByDescending(c => c.ResultsPublishedAt).Take(take)
            .Select(c => new FeedItem(c.Id, c.Title, c.Unit.FullName, FeedEvent.ResultsPublished, c.ResultsPublishedAt!.Value, c.StartsAt, c.Place)).ToListAsync(ct);
        return announced.Concat(published).OrderByDescending(i => i.At).ThenByDescending(i => i.ConferenceId).Take(take).ToList();
    }

    public async Task<ConferenceDetails?> ConferenceAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var row = await db.Conferences.AsNoTracking().Where(c => c.Id == id && c.State != ConferenceState.Draft)
            .Select(c => new
            {
                Conference = c,
                UnitName = c.Unit.FullName,
                Organiser = c.OrganiserAgency.Name,
                Front = db.Agencies.Where(a => a.Id == c.FrontAgencyId).Select(a => a.Name).FirstOrDefault(),
            }).SingleOrDefaultAsync(ct);
        if (row is null) return null;
        var c = row.Conference;
        var now = clock.GetUtcNow();
        c.Refresh(now); // untracked: the state as time has moved it, not written
        return new ConferenceDetails(c.Id, c.UnitId, row.UnitName, c.Title, c.Summary, c.Topics, c.Hosts, row.Organiser, row.Front, c.StartsAt,
            c.Place, c.OnlineLink, c.QuestionsOpenAt, c.QuestionsCloseAt, c.Moderation, c.State, c.AcceptsQuestionsAt(now));
    }

    /// <summary>A page of the conference's questions the viewer may see, most supported first, then the earliest.</summary>
    public async Task<QuestionPage> QuestionsAsync(int conferenceId, string? viewerId, QuestionFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var moderation = await db.Conferences.Where(c => c.Id == conferenceId && c.State != ConferenceState.Draft)
            .Select(c => (ModerationMode?)c.Moderation).SingleOrDefaultAsync(ct);
        if (moderation is null) return new QuestionPage([], 0, 1, PageSize);
        var query = Visible(db, conferenceId, moderation.Value, viewerId);
        if (!string.IsNullOrWhiteSpace(filter.Topic)) query = query.Where(q => q.Topic == filter.Topic);
        if (filter.VillageId is int village) query = query.Where(q => q.VillageId == village);
        if (filter.State is QuestionState state) query = query.Where(q => q.State == state);
        if (filter.Answered is true) query = query.Where(q => q.State == QuestionState.Answered || q.State == QuestionState.Published);
        if (filter.Answered is false) query = query.Where(q => q.State != QuestionState.Answered && q.State != QuestionState.Published);
        if (filter.MineOnly) query = viewerId is null ? query.Where(q => false) : query.Where(q => q.AuthorId == viewerId);
        var total = await query.CountAsync(ct);
        var page = Math.Clamp(filter.Page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var items = await ProjectAsync(db, query.OrderByDescending(q => q.SupportCount).ThenBy(q => q.ReceivedAt).ThenBy(q => q.Id)
            .Skip((page - 1) * PageSize).Take(PageSize), viewerId, ct);
        return new QuestionPage(items, total, page, PageSize);
    }

    /// <summary>Every public question of the conference, by topic then support: the results document.</summary>
    public async Task<IReadOnlyList<PublicQuestion>> ResultsAsync(int conferenceId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var moderation = await db.Conferences.Where(c => c.Id == conferenceId && c.State != ConferenceState.Draft)
            .Select(c => (ModerationMode?)c.Moderation).SingleOrDefaultAsync(ct);
        if (moderation is null) return [];
        return await ProjectAsync(db, Visible(db, conferenceId, moderation.Value, null)
            .OrderBy(q => q.Topic).ThenByDescending(q => q.SupportCount).ThenBy(q => q.Id), null, ct);
    }

    /// <summary>A village's public questions with their answers and commitments, by topic then support: the sheet a
    /// village head posts and reads out. Null when the village is not inside the conference's unit.</summary>
    public async Task<VillageSheet?> VillageSheetAsync(int conferenceId, int villageId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var conference = await db.Conferences.Where(c => c.Id == conferenceId && c.State != ConferenceState.Draft)
            .Select(c => new { c.Moderation, UnitPath = c.Unit.Path }).SingleOrDefaultAsync(ct);
        if (conference is null) return null;
        var village = await db.Units.Where(u => u.Id == villageId && u.Level == UnitLevel.Village && u.Path.IsDescendantOf(conference.UnitPath))
            .Select(u => u.Name).SingleOrDefaultAsync(ct);
        if (village is null) return null;
        var questions = await ProjectAsync(db, Visible(db, conferenceId, conference.Moderation, null).Where(q => q.VillageId == villageId)
            .OrderBy(q => q.Topic).ThenByDescending(q => q.SupportCount).ThenBy(q => q.Id), null, ct);
        return new VillageSheet(villageId, village, questions);
    }

    /// <summary>The villages inside the conference's unit that the person heads (for links to their village sheets).</summary>
    public async Task<List<VillageOption>> HeadedVillagesAsync(int conferenceId, string userId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var conferenceUnit = db.Conferences.Where(c => c.Id == conferenceId).Select(c => c.Unit.Path);
        var villages = await db.UnitRoles.Where(r => r.UserId == userId && r.Role == Accounts.StaffRole.VillageHead && r.Unit.Level == UnitLevel.Village
                && conferenceUnit.Any(p => r.Unit.Path.IsDescendantOf(p)))
            .Select(r => new { r.UnitId, r.Unit.Name }).Distinct().ToListAsync(ct);
        return villages.OrderBy(v => v.Name).Select(v => new VillageOption(v.UnitId, v.Name)).ToList();
    }

    public async Task<Accountability> AccountabilityAsync(int conferenceId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var questions = db.Questions.Where(q => q.ConferenceId == conferenceId && q.State != QuestionState.Refused && q.State != QuestionState.Merged);
        var ids = questions.Select(q => q.Id.ToString());
        var commitments = db.Commitments.Where(c => questions.Any(q => q.Id == c.QuestionId));
        return new Accountability(
            await questions.CountAsync(ct),
            await questions.CountAsync(q => q.State == QuestionState.Answered || q.State == QuestionState.Published, ct),
            await db.TrackedDeadlines.CountAsync(t => t.ItemType == "question" && t.Kind == DeadlineKind.AnswerQuestion && ids.Contains(t.ItemId)
                && t.Deadline.MetAt != null && t.Deadline.MetAt <= t.Deadline.DueAt, ct),
            await questions.CountAsync(q => q.Rating == Satisfaction.Satisfied, ct),
            await questions.CountAsync(q => q.Rating == Satisfaction.NotSatisfied, ct),
            await commitments.CountAsync(ct),
            await commitments.CountAsync(c => c.DoneAt != null, ct),
            await commitments.CountAsync(c => c.DoneAt == null && c.DueAt < now, ct));
    }

    /// <summary>One question as the viewer may see it (null when they may not), e.g. to redraw its card after a support.</summary>
    public async Task<PublicQuestion?> QuestionAsync(long questionId, string? viewerId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var conference = await db.Questions.Where(q => q.Id == questionId)
            .Join(db.Conferences.Where(c => c.State != ConferenceState.Draft), q => q.ConferenceId, c => c.Id, (q, c) => new { c.Id, c.Moderation })
            .SingleOrDefaultAsync(ct);
        if (conference is null) return null;
        var items = await ProjectAsync(db, Visible(db, conference.Id, conference.Moderation, viewerId).Where(q => q.Id == questionId), viewerId, ct);
        return items.SingleOrDefault();
    }

    /// <summary>Which of these questions the viewer may see (e.g. to filter similar-question suggestions).</summary>
    public async Task<HashSet<long>> VisibleAsync(int conferenceId, IEnumerable<long> questionIds, string? viewerId, CancellationToken ct = default)
    {
        var ids = questionIds.ToList();
        if (ids.Count == 0) return [];
        await using var db = await dbs.CreateDbContextAsync(ct);
        var moderation = await db.Conferences.Where(c => c.Id == conferenceId && c.State != ConferenceState.Draft)
            .Select(c => (ModerationMode?)c.Moderation).SingleOrDefaultAsync(ct);
        if (moderation is null) return [];
        return (await Visible(db, conferenceId, moderation.Value, viewerId).Where(q => ids.Contains(q.Id)).Select(q => q.Id).ToListAsync(ct)).ToHashSet();
    }

    /// <summary>The villages the conference's visible questions come from (for the village filter).</summary>
    public async Task<List<VillageOption>> VillagesAsync(int conferenceId, string? viewerId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var moderation = await db.Conferences.Where(c => c.Id == conferenceId).Select(c => (ModerationMode?)c.Moderation).SingleOrDefaultAsync(ct);
        if (moderation is null) return [];
        var villages = Visible(db, conferenceId, moderation.Value, viewerId).Select(q => q.VillageId).Distinct();
        return await db.Units.Where(u => villages.Contains(u.Id)).OrderBy(u => u.Name).Select(u => new VillageOption(u.Id, u.Name)).ToListAsync(ct);
    }

    /// <summary>The person's home village when it is an active village inside the conference's unit (the ask form's default).</summary>
    public async Task<UnitChoice?> HomeVillageAsync(int conferenceId, string userId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var conferenceUnit = db.Conferences.Where(c => c.Id == conferenceId).Select(c => c.Unit.Path);
        return await db.Users.Where(u => u.Id == userId && u.HomeUnit != null && u.HomeUnit.Level == UnitLevel.Village && u.HomeUnit.IsActive
                && conferenceUnit.Any(p => u.HomeUnit!.Path.IsDescendantOf(p)))
            .Select(u => new UnitChoice(u.HomeUnit!.Id, u.HomeUnit.Name, u.HomeUnit.FullName, u.HomeUnit.Level,
                u.HomeUnit.Parent == null ? null : u.HomeUnit.Parent.FullName,
                u.HomeUnit.Parent == null || u.HomeUnit.Parent.Parent == null ? null : u.HomeUnit.Parent.Parent.FullName))
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>"Hoàng Thị Mai" → "H.T.M."</summary>
    public static string Initials(string name) =>
        string.Concat(Text.Clean(name).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Normalize(System.Text.NormalizationForm.FormC)).Where(w => char.IsLetter(w[0]))
            .Select(w => char.ToUpper(w[0], System.Globalization.CultureInfo.InvariantCulture) + "."));

    /// <summary>Refused and merged questions are hidden from the public, as are those hidden by abuse reports pending
    /// review; in pre-moderation so are received ones; the viewer always sees their own.</summary>
    internal static IQueryable<Question> Visible(PortalDb db, int conferenceId, ModerationMode moderation, string? viewerId)
    {
        var query = db.Questions.AsNoTracking().Where(q => q.ConferenceId == conferenceId);
        var preModeration = moderation == ModerationMode.PreModeration;
        return query.Where(q => (viewerId != null && q.AuthorId == viewerId)
            || (q.HiddenAt == null && q.State != QuestionState.Refused && q.State != QuestionState.Merged
                && (!preModeration || q.State != QuestionState.Received)));
    }

    private async Task<List<PublicQuestion>> ProjectAsync(PortalDb db, IQueryable<Question> query, string? viewerId, CancellationToken ct)
    {
        var rows = await query.Select(q => new
        {
            q.Id, q.ConferenceId, Text = q.RedactedBody ?? q.Body, q.Topic, q.VillageId,
            Village = db.Units.Where(u => u.Id == q.VillageId).Select(u => u.Name).First(),
            q.Visibility, q.RelayedForName,
            // The account's name only when it may be shown at all (and never of a deleted account).
            AccountName = q.Visibility == AuthorVisibility.Anonymous || q.RelayedForName != null
                ? null
                : db.Users.Where(u => u.Id == q.AuthorId && u.DeletedAt == null).Select(u => u.DisplayName).FirstOrDefault(),
            q.State, q.SupportCount, q.ReceivedAt, q.AnswerMarkdown, q.AnsweredAt, q.TimesReopened, q.Rating, q.RatingReason,
            q.RefusalReason, q.MergedIntoId,
            IsMine = viewerId != null && q.AuthorId == viewerId,
            Supported = viewerId != null && db.QuestionSupports.Any(s => s.QuestionId == q.Id && s.UserId == viewerId),
            Following = viewerId != null && db.QuestionFollowers.Any(f => f.QuestionId == q.Id && f.UserId == viewerId),
            Hidden = q.HiddenAt != null,
            Reported = viewerId != null && db.AbuseReports.Any(a => a.QuestionId == q.Id && a.UserId == viewerId),
        }).ToListAsync(ct);
        if (rows.Count == 0) return [];

        var ids = rows.Select(r => r.Id).ToList();
        var commitments = (await db.Commitments.AsNoTracking().Where(c => ids.Contains(c.QuestionId)).OrderBy(c => c.DueAt)
                .Select(c => new { c.QuestionId, Item = new PublicCommitment(c.Id, c.What, db.Agencies.Where(a => a.Id == c.AgencyId).Select(a => a.Name).First(), c.DueAt, c.Progress, c.DoneAt) })
                .ToListAsync(ct))
            .ToLookup(c => c.QuestionId, c => c.Item);
        var mine = rows.Where(r => r.IsMine).Select(r => r.Id.ToString()).ToList();
        var deadlines = mine.Count == 0 ? [] : (await db.TrackedDeadlines.AsNoTracking()
                .Where(t => t.ItemType == "question" && mine.Contains(t.ItemId))
                .Select(t => new { t.ItemId, t.Kind, t.Deadline }).ToListAsync(ct))
            // The deadline the author waits on now: the answer's once accepted, else the acknowledgement's.
            .GroupBy(t => t.ItemId).ToDictionary(g => long.Parse(g.Key),
                g => g.OrderByDescending(t => t.Kind == DeadlineKind.AnswerQuestion).ThenByDescending(t => t.Deadline.StartedAt).First().Deadline);

        var files = await db.AttachmentsOfAsync(DialogueAttachments.QuestionKind, ids.Select(i => DialogueAttachments.OfQuestion(i).Id), ct);
        var answerOwners = rows.Where(r => r.AnswerMarkdown != null).ToDictionary(r => r.Id, r => DialogueAttachments.OfShownAnswer(r.Id, r.TimesReopened, r.State).Id);
        var answerFiles = await db.AttachmentsOfAsync(DialogueAttachments.AnswerKind, answerOwners.Values, ct);

        return rows.Select(r =>
        {
            var author = r.Visibility switch
            {
                AuthorVisibility.Anonymous => new PublicAuthor(null, null, r.RelayedForName != null),
                AuthorVisibility.InitialsAndVillage => new PublicAuthor(NullIfEmpty(Initials(r.RelayedForName ?? r.AccountName ?? "")), r.Village, r.RelayedForName != null),
                _ => new PublicAuthor(r.RelayedForName ?? r.AccountName, null, r.RelayedForName != null),
            };
            return new PublicQuestion(r.Id, r.ConferenceId, r.Text, r.Topic, r.VillageId, r.Village, author, r.State, r.SupportCount, r.ReceivedAt,
                r.Supported, r.Following, r.IsMine, r.AnswerMarkdown is null ? null : MarkdownRenderer.ToHtml(r.AnswerMarkdown), r.AnsweredAt,
                r.TimesReopened > 0 && r.State is QuestionState.Accepted or QuestionState.Transferred, commitments[r.Id].ToList(), r.Rating,
                r.IsMine ? r.RatingReason : null, r.IsMine ? r.RefusalReason : null, r.IsMine ? r.MergedIntoId : null,
                deadlines.GetValueOrDefault(r.Id), r.IsMine && r.Hidden, r.Reported)
            {
                Attachments = files[DialogueAttachments.OfQuestion(r.Id).Id].ToList(),
                AnswerAttachments = answerOwners.TryGetValue(r.Id, out var owner) ? answerFiles[owner].ToList() : [],
            };
        }).ToList();
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    internal static IQueryable<ConferenceSummary> Summaries(PortalDb db, IQueryable<DialogueConference> query) =>
        query.Select(c => new ConferenceSummary(c.Id, c.Title, c.UnitId, c.Unit.FullName, c.StartsAt, c.Place, c.OnlineLink != null,
            c.QuestionsOpenAt, c.QuestionsCloseAt, c.State,
            db.Questions.Count(q => q.ConferenceId == c.Id && q.HiddenAt == null && q.State != QuestionState.Refused && q.State != QuestionState.Merged
                && (c.Moderation == ModerationMode.PostModeration || q.State != QuestionState.Received))));

    /// <summary>The state as time has moved it (the same rule as <see cref="DialogueConference.Refresh"/>).</summary>
    internal static ConferenceSummary Refreshed(ConferenceSummary s, DateTimeOffset now)
    {
        var state = s.State;
        if (state == ConferenceState.Announced && now >= s.QuestionsOpenAt) state = ConferenceState.OpenForQuestions;
        if (state == ConferenceState.OpenForQuestions && now >= s.QuestionsCloseAt) state = ConferenceState.QuestionsClosed;
        return s with { State = state };
    }
}
