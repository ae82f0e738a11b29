using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Data;
using Portal.Domain.Deadlines;
using Portal.Domain.Dialogues;

namespace Portal.Domain.Drafts;

public enum DraftListFilter
{
    All = 0,
    Open = 1,
    AwaitingAnswer = 2,
    Answered = 3,
}

public sealed record DraftSummary(int Id, string Title, DraftKind Kind, string UnitName, string FrontName, string DraftingAgencyName, DraftState State,
    DateTimeOffset OpensAt, DateTimeOffset ClosesAt, DateTimeOffset? AnswerDueAt, int Comments);

public sealed record SectionView(DraftSection Section, int Comments);

public sealed record VersionInfo(int Id, int Number, string? ChangeNote, DateTimeOffset PublishedAt);

/// <summary>What the reading view needs: the facts, the current version split in sections with their comment counts,
/// and what the viewer may do.</summary>
public sealed record DraftDetails(int Id, int UnitId, string UnitName, string Title, DraftKind Kind, string? Summary, string FrontName, string DraftingAgencyName,
    DraftState State, DraftAudience Audience, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, DateTimeOffset? ReportSentAt, DateTimeOffset? AnswerDueAt,
    DateTimeOffset? AnsweredAt, VersionInfo Current, IReadOnlyList<VersionInfo> Versions, IReadOnlyList<SectionView> Sections, int GeneralComments,
    int Comments, bool AcceptsComments, DraftViewer Viewer, IReadOnlyList<Attachments.AttachmentInfo> Files)
{
    public bool IsAnswerOverdue(DateTimeOffset now) => State == DraftState.ReportSent && AnswerDueAt is DateTimeOffset due && now > due;
}

/// <summary>The viewer's standing: may comment (and as which organisation), may manage, may answer.</summary>
public sealed record DraftViewer(bool MayComment, string? Organisation, bool MayManage, bool MayAnswer, bool MayModerate)
{
    public static readonly DraftViewer Anonymous = new(false, null, false, false, false);
}

public sealed record CommentView(long Id, string? SectionAnchor, Stance Stance, string Text, string? ProposedWording, IReadOnlyList<DiffPart>? Diff,
    string Author, string? Organisation, DateTimeOffset At, int Supports, bool SupportedByViewer, bool Mine, CommentState State, string? RefusalReason,
    bool Hidden);

public sealed record RecommendationView(long Id, int Position, string? SectionAnchor, string? SectionTitle, string Text, IReadOnlyList<long> SourceCommentIds,
    Decision? Decision, string? Explanation, DateTimeOffset? AnsweredAt);

public sealed record ReportView(int DraftId, string Title, DraftState State, string FrontName, string DraftingAgencyName, string? Markdown,
    DateTimeOffset? SentAt, DateTimeOffset? AnswerDueAt, IReadOnlyList<RecommendationView> Recommendations);

/// <summary>One row of the table of receipt and explanation (bảng tổng hợp tiếp thu, giải trình).</summary>
public sealed record ReceiptRow(int Position, string Section, string Recommendation, int Comments, IReadOnlyList<string> Examples, Decision? Decision, string? Explanation);

public sealed record ReceiptTable(int DraftId, string Title, string FrontName, string DraftingAgencyName, DraftState State, DateTimeOffset? SentAt,
    DateTimeOffset? AnswerDueAt, DateTimeOffset? AnsweredAt, Deadline? Deadline, IReadOnlyList<ReceiptRow> Rows);

public sealed record StaffDraftRow(int Id, string Title, string UnitName, DraftState State, DateTimeOffset ClosesAt, int Comments, bool Manages, bool Answers,
    DateTimeOffset? AnswerDueAt);

public sealed record SectionFigures(string Title, int Comments, int Agree, int Disagree, int Amend);

public sealed record DraftStatistics(int Comments, int Agree, int Disagree, int Amend, int Commenters, int Organisations, int Supports,
    IReadOnlyList<SectionFigures> Sections, Deadline? AnswerDeadline);

public sealed record VersionComparison(int DraftId, string Title, IReadOnlyList<VersionInfo> Versions, int? From, int? To, IReadOnlyList<SectionChange> Changes);

public sealed record DraftFeedItem(int Id, string Title, string? Summary, string UnitName, string FrontName, DraftState State, DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt, DateTimeOffset PublishedAt, DateTimeOffset Updated);

public sealed record ModerationComment(long Id, string Text, string? PublicText, string Author, string Section, DateTimeOffset At, int Supports,
    int Reports, bool Hidden, CommentState State);

/// <summary>Reads drafts for the public pages and the staff desks; writes nothing.</summary>
public sealed class DraftReader(IDbContextFactory<PortalDb> dbs, TimeProvider clock)
{
    public async Task<Paged<DraftSummary>> ListAsync(int? unitId, DraftListFilter filter, int page = 1, int pageSize = 10, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var query = Public(db, unitId);
        query = filter switch
        {
            DraftListFilter.Open => query.Where(d => d.State == DraftState.Open),
            DraftListFilter.AwaitingAnswer => query.Where(d => d.State == DraftState.Closed || d.State == DraftState.ReportInPreparation || d.State == DraftState.ReportSent),
            DraftListFilter.Answered => query.Where(d => d.State == DraftState.Answered),
            _ => query,
        };
        page = Math.Max(1, page);
        var total = await query.CountAsync(ct);
        var items = query.OrderBy(d => d.State == DraftState.Open ? 0 : 1).ThenByDescending(d => d.ClosesAt).ThenByDescending(d => d.Id)
            .Skip((page - 1) * pageSize).Take(pageSize);
        return new Paged<DraftSummary>(await Summaries(db, items).ToListAsync(ct), total, page, pageSize);
    }

    /// <summary>Public drafts of the unit's subtree opened for comments within the dates (Vietnam's calendar), newest first:
    /// the open-data list.</summary>
    public async Task<Reports.DataPage<DraftSummary>> OpenDataAsync(Reports.DataFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var query = Public(db, filter.UnitId);
        if (filter.From is DateOnly from) query = query.Where(d => d.OpensAt >= Reports.VietnamDay.Start(from));
        if (filter.To is DateOnly to) query = query.Where(d => d.OpensAt < Reports.VietnamDay.Start(to.AddDays(1)));
        var total = await query.CountAsync(ct);
        var items = query.OrderByDescending(d => d.OpensAt).ThenByDescending(d => d.Id).Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize);
        return new Reports.DataPage<DraftSummary>(await Summaries(db, items).ToListAsync(ct), filter.Page, filter.PageSize, total);
    }

    private static IQueryable<Draft> Public(PortalDb db, int? unitId)
    {
        var query = db.Drafts.Where(d => d.State != DraftState.Preparing);
        if (unitId is null) return query;
        var within = db.Units.Where(u => u.Id == unitId).Select(u => u.Path);
        return query.Where(d => within.Any(p => d.Unit.Path.IsDescendantOf(p)));
    }

    private static IQueryable<DraftSummary> Summaries(PortalDb db, IQueryable<Draft> drafts) =>
        drafts.Select(d => new DraftSummary(d.Id, d.Title, d.Kind, d.Unit.FullName, d.FrontAgency.Name, d.DraftingAgency.Name, d.State, d.OpensAt, d.ClosesAt,
            d.AnswerDueAt, db.DraftComments.Count(c => c.DraftId == d.Id && c.State == CommentState.Published && c.HiddenAt == null)));

    /// <summary>The draft for its reading view; null when it does not exist or is still being prepared (unless the viewer manages it).</summary>
    public async Task<DraftDetails?> DraftAsync(int id, Actor? viewer, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var draft = await db.Drafts.AsNoTracking().Include(d => d.Versions).Include(d => d.Unit).Include(d => d.FrontAgency).Include(d => d.DraftingAgency)
            .SingleOrDefaultAsync(d => d.Id == id, ct);
        if (draft is null) return null;
        var standing = await ViewerAsync(db, draft, viewer, ct);
        if (!draft.IsPublic && !standing.MayManage) return null;
        var current = draft.Versions.OrderByDescending(v => v.Number).First();
        var counts = await db.DraftComments.Where(c => c.DraftId == id && c.State == CommentState.Published && c.HiddenAt == null)
            .GroupBy(c => c.SectionAnchor).Select(g => new { Anchor = g.Key, Count = g.Count() }).ToListAsync(ct);
        var byAnchor = counts.Where(c => c.Anchor != null).ToDictionary(c => c.Anchor!, c => c.Count);
        var sections = DraftSectionParser.Parse(current.Body).Select(s => new SectionView(s, byAnchor.GetValueOrDefault(s.Anchor))).ToList();
        var versions = draft.Versions.OrderBy(v => v.Number).Select(v => new VersionInfo(v.Id, v.Number, v.ChangeNote, v.PublishedAt)).ToList();
        return new DraftDetails(draft.Id, draft.UnitId, draft.Unit.FullName, draft.Title, draft.Kind, draft.Summary, draft.FrontAgency.Name, draft.DraftingAgency.Name,
            draft.State, draft.Audience, draft.OpensAt, draft.ClosesAt, draft.ReportSentAt, draft.AnswerDueAt, draft.AnsweredAt,
            versions[^1], versions, sections, counts.Where(c => c.Anchor == null).Sum(c => c.Count), counts.Sum(c => c.Count),
            draft.AcceptsCommentsAt(clock.GetUtcNow()), standing,
            (await Attachments.AttachmentStore.AttachmentsOfAsync(db, DraftAttachmentAccess.Kind, [draft.Id.ToString()], ct))[draft.Id.ToString()].ToList());
    }

    /// <summary>A section's comments (or the general ones when <paramref name="anchor"/> is null), most supported first: the public
    /// ones, plus the viewer's own refused ones with the reason.</summary>
    public async Task<Paged<CommentView>> CommentsAsync(int draftId, string? anchor, Actor? viewer, int page = 1, int pageSize = 10, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var me = viewer?.UserId;
        var query = db.DraftComments.Where(c => c.DraftId == draftId && c.SectionAnchor == anchor
            && ((c.State == CommentState.Published && c.HiddenAt == null) || (me != null && c.AuthorId == me)));
        page = Math.Max(1, page);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(c => c.SupportCount).ThenBy(c => c.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => new
            {
                c.Id, c.SectionAnchor, c.Stance, Text = c.RedactedBody ?? c.Body, c.ProposedWording, c.OrganisationName, c.CreatedAt, c.SupportCount, c.AuthorId,
                Author = db.Users.Where(u => u.Id == c.AuthorId).Select(u => u.DisplayName).First(), c.State, c.RefusalReason, c.HiddenAt,
                Supported = me != null && db.DraftCommentSupports.Any(s => s.CommentId == c.Id && s.UserId == me),
            })
            .ToListAsync(ct);
        IReadOnlyList<DraftSection> sections = [];
        if (rows.Any(r => r.ProposedWording is not null))
        {
            var body = await db.DraftVersions.Where(v => v.DraftId == draftId).OrderByDescending(v => v.Number).Select(v => v.Body).FirstAsync(ct);
            sections = DraftSectionParser.Parse(body);
        }
        var items = rows.Select(r =>
        {
            var section = sections.FirstOrDefault(s => s.Anchor == r.SectionAnchor);
            var diff = r.ProposedWording is not null && section is not null ? WordDiff.Compare(section.PlainText, r.ProposedWording) : null;
            return new CommentView(r.Id, r.SectionAnchor, r.Stance, r.Text, r.ProposedWording, diff, PublicName(r.Author), r.OrganisationName, r.CreatedAt,
                r.SupportCount, r.Supported, r.AuthorId == me, r.State, r.AuthorId == me ? r.RefusalReason : null, r.HiddenAt is not null);
        }).ToList();
        return new Paged<CommentView>(items, total, page, pageSize);
    }

    /// <summary>The criticism report with its recommendations; public once sent, for the committee while in preparation.</summary>
    public async Task<ReportView?> ReportAsync(int draftId, Actor? viewer, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var draft = await db.Drafts.AsNoTracking().Include(d => d.FrontAgency).Include(d => d.DraftingAgency).SingleOrDefaultAsync(d => d.Id == draftId, ct);
        if (draft is null || draft.CompiledAt is null) return null;
        if (draft.State == DraftState.ReportInPreparation && !(viewer is not null && await db.MayAsync(viewer, StaffAction.PublishDraft, draft.UnitId, ct)))
            return null;
        var recommendations = await db.CriticismRecommendations.AsNoTracking().Where(r => r.DraftId == draftId).OrderBy(r => r.Position)
            .Select(r => new RecommendationView(r.Id, r.Position, r.SectionAnchor, r.SectionTitle, r.Text, r.SourceCommentIds, r.Decision, r.Explanation, r.AnsweredAt))
            .ToListAsync(ct);
        return new ReportView(draft.Id, draft.Title, draft.State, draft.FrontAgency.Name, draft.DraftingAgency.Name, draft.ReportMarkdown, draft.ReportSentAt,
            draft.AnswerDueAt, recommendations);
    }

    /// <summary>The table of receipt and explanation: public once the report is sent; examples are the most supported public comments.</summary>
    public async Task<ReceiptTable?> TableAsync(int draftId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var draft = await db.Drafts.AsNoTracking().Include(d => d.FrontAgency).Include(d => d.DraftingAgency).SingleOrDefaultAsync(d => d.Id == draftId, ct);
        if (draft is null || draft.State is not (DraftState.ReportSent or DraftState.Answered)) return null;
        var recommendations = await db.CriticismRecommendations.AsNoTracking().Where(r => r.DraftId == draftId).OrderBy(r => r.Position).ToListAsync(ct);
        var ids = recommendations.SelectMany(r => r.SourceCommentIds).Distinct().ToList();
        var comments = await db.DraftComments.Where(c => ids.Contains(c.Id) && c.State == CommentState.Published && c.HiddenAt == null)
            .Select(c => new { c.Id, Text = c.RedactedBody ?? c.Body, c.SupportCount }).ToDictionaryAsync(c => c.Id, ct);
        var deadline = await db.TrackedDeadlines.AsNoTracking()
            .Where(t => t.ItemType == "draft" && t.ItemId == draftId.ToString() && t.Kind == DeadlineKind.AnswerCriticism).Select(t => t.Deadline).FirstOrDefaultAsync(ct);
        var rows = recommendations.Select(r => new ReceiptRow(r.Position, r.SectionTitle ?? OpinionCompiler.GeneralTitle, r.Text, r.SourceCommentIds.Length,
            r.SourceCommentIds.Where(comments.ContainsKey).Select(i => comments[i]).OrderByDescending(c => c.SupportCount).Take(2)
                .Select(c => Text.Shorten(c.Text, 300)).ToList(), r.Decision, r.Explanation)).ToList();
        return new ReceiptTable(draft.Id, draft.Title, draft.FrontAgency.Name, draft.DraftingAgency.Name, draft.State, draft.ReportSentAt, draft.AnswerDueAt,
            draft.AnsweredAt, deadline, rows);
    }

    /// <summary>The drafts the actor handles: of units where they hold the Front committee role, or drafted by their agencies.</summary>
    public async Task<IReadOnlyList<StaffDraftRow>> StaffDraftsAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var roots = await db.ScopeRootsAsync(actor, StaffAction.PublishDraft, ct);
        var rootPaths = db.Units.Where(u => roots.Contains(u.Id)).Select(u => u.Path);
        var agencies = db.AgencyMembers.Where(m => m.UserId == actor.UserId).Select(m => m.AgencyId);
        return await db.Drafts
            .Select(d => new { d, Manages = rootPaths.Any(p => d.Unit.Path.IsDescendantOf(p)), Answers = agencies.Contains(d.DraftingAgencyId) })
            .Where(x => x.Manages || (x.Answers && x.d.State >= DraftState.ReportSent))
            .OrderBy(x => x.d.State).ThenByDescending(x => x.d.ClosesAt).Take(200)
            .Select(x => new StaffDraftRow(x.d.Id, x.d.Title, x.d.Unit.FullName, x.d.State, x.d.ClosesAt,
                db.DraftComments.Count(c => c.DraftId == x.d.Id), x.Manages, x.Answers, x.d.AnswerDueAt))
            .ToListAsync(ct);
    }

    /// <summary>The draft's comments for moderation: hidden (reported) first, then the most reported, then the newest.</summary>
    public async Task<Paged<ModerationComment>> ModerationQueueAsync(Actor actor, int draftId, int page = 1, int pageSize = 10, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var draft = await db.Drafts.AsNoTracking().SingleOrDefaultAsync(d => d.Id == draftId, ct) ?? throw new DomainRuleException("draft.not-found");
        if (!await db.MayAsync(actor, StaffAction.Moderate, draft.UnitId, ct)) await db.DemandAsync(actor, StaffAction.PublishDraft, draft.UnitId, ct);
        var body = await db.DraftVersions.Where(v => v.DraftId == draftId).OrderByDescending(v => v.Number).Select(v => v.Body).FirstAsync(ct);
        var titles = DraftSectionParser.Parse(body).ToDictionary(s => s.Anchor, s => s.Title);
        var query = db.DraftComments.Where(c => c.DraftId == draftId && c.State == CommentState.Published);
        page = Math.Max(1, page);
        var total = await query.CountAsync(ct);
        var rows = await query
            .Select(c => new
            {
                c.Id, c.Body, c.RedactedBody, c.SectionAnchor, c.CreatedAt, c.SupportCount, c.HiddenAt, c.State, c.OrganisationName,
                Author = db.Users.Where(u => u.Id == c.AuthorId).Select(u => u.DisplayName).First(),
                Reports = db.DraftCommentReports.Count(r => r.CommentId == c.Id),
            })
            .OrderByDescending(c => c.HiddenAt != null).ThenByDescending(c => c.Reports).ThenByDescending(c => c.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<ModerationComment>(rows.Select(r => new ModerationComment(r.Id, r.Body, r.RedactedBody,
            r.OrganisationName is null ? r.Author : $"{r.Author} ({r.OrganisationName})",
            r.SectionAnchor is null ? OpinionCompiler.GeneralTitle : titles.GetValueOrDefault(r.SectionAnchor, r.SectionAnchor),
            r.CreatedAt, r.SupportCount, r.Reports, r.HiddenAt is not null, r.State)).ToList(), total, page, pageSize);
    }

    /// <summary>A public draft's figures: comments per section and stance, distinct commenters and organisations, supports,
    /// and the agency's answer deadline once the document is sent.</summary>
    public async Task<DraftStatistics?> StatisticsAsync(int draftId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var draft = await db.Drafts.AsNoTracking().Include(d => d.Versions).SingleOrDefaultAsync(d => d.Id == draftId, ct);
        if (draft is null || !draft.IsPublic) return null;
        var visible = db.DraftComments.Where(c => c.DraftId == draftId && c.State == CommentState.Published && c.HiddenAt == null);
        var perSection = await visible.GroupBy(c => new { c.SectionAnchor, c.Stance }).Select(g => new { g.Key.SectionAnchor, g.Key.Stance, Count = g.Count() }).ToListAsync(ct);
        var people = await visible.Select(c => c.AuthorId).Distinct().CountAsync(ct);
        var organisations = await visible.Where(c => c.OrganisationName != null).Select(c => c.OrganisationName).Distinct().CountAsync(ct);
        var supports = await visible.SumAsync(c => (int?)c.SupportCount, ct) ?? 0;
        var sections = DraftSectionParser.Parse(draft.Versions.OrderByDescending(v => v.Number).First().Body);
        var known = sections.Select(s => s.Anchor).ToHashSet();
        SectionFigures Figures(string title, Func<string?, bool> mine)
        {
            var rows = perSection.Where(r => mine(r.SectionAnchor)).ToList();
            int Of(Stance stance) => rows.Where(r => r.Stance == stance).Sum(r => r.Count);
            return new SectionFigures(title, rows.Sum(r => r.Count), Of(Stance.Agree), Of(Stance.Disagree), Of(Stance.ProposeAmendment));
        }
        var figures = new List<SectionFigures> { Figures(OpinionCompiler.GeneralTitle, a => a is null || !known.Contains(a)) };
        figures.AddRange(sections.Select(s => Figures(s.Title, a => a == s.Anchor)));
        var deadline = await db.TrackedDeadlines.AsNoTracking()
            .Where(t => t.ItemType == "draft" && t.ItemId == draftId.ToString() && t.Kind == DeadlineKind.AnswerCriticism).Select(t => t.Deadline).FirstOrDefaultAsync(ct);
        var total = Figures("", _ => true);
        return new DraftStatistics(total.Comments, total.Agree, total.Disagree, total.Amend, people, organisations, supports, figures, deadline);
    }

    /// <summary>Two versions of a public draft compared section by section (by number; the previous and the current one when
    /// not given). Null when the draft is not public or has no such versions.</summary>
    public async Task<VersionComparison?> CompareAsync(int draftId, int? from, int? to, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var draft = await db.Drafts.AsNoTracking().Include(d => d.Versions).SingleOrDefaultAsync(d => d.Id == draftId, ct);
        if (draft is null || !draft.IsPublic) return null;
        var versions = draft.Versions.OrderBy(v => v.Number).ToList();
        var after = versions.SingleOrDefault(v => v.Number == (to ?? versions[^1].Number));
        var before = versions.SingleOrDefault(v => v.Number == (from ?? (after?.Number ?? 1) - 1));
        if (after is null || before is null || before.Number >= after.Number) return new VersionComparison(draft.Id, draft.Title, Info(versions), null, null, []);
        return new VersionComparison(draft.Id, draft.Title, Info(versions), before.Number, after.Number, VersionComparer.Compare(before.Body, after.Body));
    }

    private static List<VersionInfo> Info(IEnumerable<DraftVersion> versions) =>
        versions.Select(v => new VersionInfo(v.Id, v.Number, v.ChangeNote, v.PublishedAt)).ToList();

    /// <summary>The newest public drafts (of a unit's subtree) for the Atom feed, by their latest step: published, closed,
    /// report sent, answered.</summary>
    public async Task<IReadOnlyList<DraftFeedItem>> FeedAsync(int? unitId, int take = 50, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var query = db.Drafts.Where(d => d.State != DraftState.Preparing && d.PublishedAt != null);
        if (unitId is not null)
        {
            var within = db.Units.Where(u => u.Id == unitId).Select(u => u.Path);
            query = query.Where(d => within.Any(p => d.Unit.Path.IsDescendantOf(p)));
        }
        var rows = await query
            .Select(d => new { d.Id, d.Title, d.Summary, Unit = d.Unit.FullName, Front = d.FrontAgency.Name, d.State, d.OpensAt, d.ClosesAt, d.PublishedAt,
                Updated = d.AnsweredAt ?? d.ReportSentAt ?? d.ClosedAt ?? d.PublishedAt })
            .OrderByDescending(d => d.Updated).ThenByDescending(d => d.Id).Take(take).ToListAsync(ct);
        return rows.Select(d => new DraftFeedItem(d.Id, d.Title, d.Summary, d.Unit, d.Front, d.State, d.OpensAt, d.ClosesAt, d.PublishedAt!.Value, d.Updated!.Value)).ToList();
    }

    /// <summary>The units on which the actor may prepare drafts (roots of their Front committee scope).</summary>
    public async Task<List<int>> PublishScopeAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.ScopeRootsAsync(actor, StaffAction.PublishDraft, ct);
    }

    /// <summary>The draft as its committee edits it while preparing: the plan and the text of its only version.</summary>
    public async Task<(DraftPlan Plan, string Body, string UnitName)?> PreparingAsync(Actor actor, int draftId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var draft = await db.Drafts.AsNoTracking().Include(d => d.Versions).Include(d => d.Unit).SingleOrDefaultAsync(d => d.Id == draftId, ct);
        if (draft is null) return null;
        await db.DemandAsync(actor, StaffAction.PublishDraft, draft.UnitId, ct);
        return (new DraftPlan(draft.UnitId, draft.FrontAgencyId, draft.DraftingAgencyId, draft.Title, draft.Kind, draft.Summary, draft.OpensAt, draft.ClosesAt,
            draft.Audience), draft.Versions.OrderByDescending(v => v.Number).First().Body, draft.Unit.FullName);
    }

    /// <summary>The public text of some comments of a draft (for splitting a recommendation by its comments).</summary>
    public async Task<Dictionary<long, string>> CommentTextsAsync(int draftId, IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.DraftComments.Where(c => c.DraftId == draftId && ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.RedactedBody ?? c.Body, ct);
    }

    private static async Task<DraftViewer> ViewerAsync(PortalDb db, Draft draft, Actor? viewer, CancellationToken ct)
    {
        if (viewer is null || viewer.IsSystem) return DraftViewer.Anonymous;
        var eligibility = await DraftService.EligibilityAsync(db, draft, viewer, ct);
        var manages = await db.MayAsync(viewer, StaffAction.PublishDraft, draft.UnitId, ct);
        var answers = await db.AgencyMembers.AnyAsync(m => m.AgencyId == draft.DraftingAgencyId && m.UserId == viewer.UserId, ct);
        var moderates = manages || await db.MayAsync(viewer, StaffAction.Moderate, draft.UnitId, ct);
        return new DraftViewer(eligibility is not null, eligibility?.Organisation, manages, answers, moderates);
    }

    /// <summary>"Hoàng Thị Mai" → "Hoàng T. M.": residents' comments are public, their full names need not be.</summary>
    public static string PublicName(string name)
    {
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length <= 1 ? name : parts[0] + " " + string.Join(" ", parts.Skip(1).Select(p => p[..1] + "."));
    }
}
