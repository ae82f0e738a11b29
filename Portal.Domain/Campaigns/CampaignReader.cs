using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Attachments;
using Portal.Domain.Data;
using Portal.Domain.Deadlines;

namespace Portal.Domain.Campaigns;

/// <summary>A goal with its totals: pledged (not cancelled) and fulfilled (what was actually given), summed in the database.</summary>
public sealed record GoalProgress(int Id, GoalKind Kind, string Title, string UnitText, decimal Target, decimal Pledged, decimal Fulfilled, decimal Achieved)
{
    /// <summary>What the progress bar shows as done: km recorded for a length goal, contributions otherwise.</summary>
    public decimal Done => Kind == GoalKind.Length ? Achieved : Fulfilled;
}

public sealed record VillageGoal(int GoalId, decimal? Target, decimal Pledged, decimal Fulfilled);

public sealed record DecisionView(long Id, DecisionMethod Method, int Households, int Agreeing, int Disagreeing, int NotVoting, DateOnly DecidedOn,
    bool Passed, string ExplanationVi, string ExplanationEn, DateTimeOffset? ReportReceivedAt, Deadline? ReportDeadline,
    IReadOnlyList<AttachmentInfo> Minutes);

/// <summary>A village's residents' initiative, as recorded (Art. 16.3).</summary>
public sealed record InitiativeView(long Id, string Proposal, int Households, int Proposing, DateOnly ProposedOn, bool Reaches, DateOnly ValidUntil,
    string ExplanationVi, string ExplanationEn)
{
    /// <summary>Still standing on the given day: reached 10% of the households and not past its 3 months.</summary>
    public bool StandsOn(DateOnly day) => Reaches && day <= ValidUntil;
}

public sealed record VillageProgress(int VillageId, string Name, DecisionView? Decision, int Pledges, IReadOnlyList<VillageGoal> Goals,
    InitiativeView? Initiative = null)
{
    public bool TakesContributions => Decision?.Passed == true;
}

public sealed record CampaignDetails(int Id, int UnitId, string UnitName, int OrganiserAgencyId, string OrganiserName, string Title,
    string DescriptionMarkdown, string DescriptionHtml, DateOnly StartsOn, DateOnly EndsOn, CampaignState State,
    IReadOnlyList<GoalProgress> Goals, IReadOnlyList<VillageProgress> Villages, AttachmentInfo? Cover);

public sealed record CampaignSummary(int Id, string Title, string UnitName, CampaignState State, DateOnly StartsOn, DateOnly EndsOn, int Villages,
    IReadOnlyList<GoalProgress> Goals);

public sealed record CampaignListPage(IReadOnlyList<CampaignSummary> Items, int Total);

/// <summary>One line of a pledge with its goal's words.</summary>
public sealed record PledgeLineView(int GoalId, GoalKind Kind, string GoalTitle, string UnitText, decimal Amount, decimal? Fulfilled);

/// <summary>A pledge as its village head, an organiser or its pledger sees it.</summary>
public sealed record PledgeRow(long Id, int VillageId, string VillageName, string PledgerName, bool ForHousehold, string? HouseholdName,
    PledgeVisibility Visibility, string? Note, PledgeState State, bool RecordedByVillageHead, DateTimeOffset CreatedAt, string? CancelReason,
    IReadOnlyList<PledgeLineView> Lines);

/// <summary>An entry of the honour board: the name as the pledger chose to be shown (null when anonymous).</summary>
public sealed record HonourEntry(long PledgeId, string? ShownName, bool IsHousehold, string VillageName, PledgeState State,
    IReadOnlyList<PledgeLineView> Lines);

public sealed record HonourPage(IReadOnlyList<HonourEntry> Items, int Total);

public sealed record PostView(long Id, CampaignPostKind Kind, string Title, string BodyHtml, string AuthorName, DateTimeOffset PostedAt,
    IReadOnlyList<AttachmentInfo> Photos);

/// <summary>What the public, pledgers, village heads and organisers read of campaigns. Totals are summed by PostgreSQL.</summary>
public sealed class CampaignReader(IDbContextFactory<PortalDb> dbs)
{
    /// <summary>Campaigns of a locality and everything under it (everywhere when null), open ones or finished ones.</summary>
    public async Task<CampaignListPage> ListAsync(int? unitId, bool finished, int page, int pageSize = 10, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var states = finished ? new[] { CampaignState.Completed } : [CampaignState.Open, CampaignState.Closed];
        var query = InUnit(db, db.Campaigns.Where(c => states.Contains(c.State)), unitId);
        var total = await query.CountAsync(ct);
        return new CampaignListPage(await SummariesAsync(db, query, Math.Max(0, page) * pageSize, pageSize, ct), total);
    }

    /// <summary>For the open data: every campaign the public may see (not a draft) of a locality and those its villages take
    /// part in, starting within the filter's days, newest first.</summary>
    public async Task<Reports.DataPage<CampaignSummary>> PublicListAsync(Reports.DataFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var query = InUnit(db, db.Campaigns.Where(c => c.State != CampaignState.Draft), filter.UnitId);
        if (filter.From is DateOnly from) query = query.Where(c => c.StartsOn >= from);
        if (filter.To is DateOnly to) query = query.Where(c => c.StartsOn <= to);
        var total = await query.CountAsync(ct);
        var items = await SummariesAsync(db, query, (filter.Page - 1) * filter.PageSize, filter.PageSize, ct);
        return new Reports.DataPage<CampaignSummary>(items, filter.Page, filter.PageSize, total);
    }

    /// <summary>Campaigns of a unit's subtree, or that one of its villages takes part in (all when null).</summary>
    private static IQueryable<Campaign> InUnit(PortalDb db, IQueryable<Campaign> query, int? unitId)
    {
        if (unitId is not int id) return query;
        var root = db.Units.Where(u => u.Id == id).Select(u => u.Path);
        return query.Where(c => db.Units.Any(u => u.Id == c.UnitId && root.Any(p => u.Path.IsDescendantOf(p)))
            || c.Villages.Any(v => db.Units.Any(x => x.Id == v.VillageId && root.Any(p => x.Path.IsDescendantOf(p)))));
    }

    private static async Task<List<CampaignSummary>> SummariesAsync(PortalDb db, IQueryable<Campaign> query, int skip, int take, CancellationToken ct)
    {
        var rows = await query.OrderByDescending(c => c.StartsOn).ThenByDescending(c => c.Id).Skip(skip).Take(take)
            .Select(c => new { c.Id, c.Title, Unit = db.Units.Where(u => u.Id == c.UnitId).Select(u => u.FullName).Single(), c.State, c.StartsOn, c.EndsOn, Villages = c.Villages.Count })
            .ToListAsync(ct);
        var goals = await GoalTotalsAsync(db, rows.Select(r => r.Id).ToList(), ct);
        return rows.Select(r => new CampaignSummary(r.Id, r.Title, r.Unit, r.State, r.StartsOn, r.EndsOn, r.Villages,
            goals.Where(g => g.CampaignId == r.Id).Select(g => g.Progress).ToList())).ToList();
    }

    /// <summary>A campaign for the public; null when missing or still a draft (unless <paramref name="includeDraft"/>).</summary>
    public async Task<CampaignDetails?> DetailsAsync(int id, bool includeDraft = false, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var c = await db.Campaigns.AsNoTracking().Include(x => x.Villages).Include(x => x.Goals).ThenInclude(g => g.VillageTargets)
            .AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || (c.State == CampaignState.Draft && !includeDraft)) return null;
        var unit = await db.Units.Where(u => u.Id == c.UnitId).Select(u => u.FullName).SingleAsync(ct);
        var organiser = await db.Agencies.Where(a => a.Id == c.OrganiserAgencyId).Select(a => a.Name).SingleAsync(ct);
        var goals = (await GoalTotalsAsync(db, [id], ct)).Select(g => g.Progress).ToList();
        var villageIds = c.Villages.Select(v => v.VillageId).ToList();
        var names = await db.Units.Where(u => villageIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var perVillage = await (
                from l in db.PledgeLines
                join p in db.Pledges on l.PledgeId equals p.Id
                where p.CampaignId == id && p.State != PledgeState.Cancelled
                group new { l, p } by new { p.VillageId, l.GoalId } into g
                select new
                {
                    g.Key.VillageId, g.Key.GoalId,
                    Pledged = g.Sum(x => x.l.Amount),
                    Fulfilled = g.Sum(x => x.p.State == PledgeState.Fulfilled ? x.l.Fulfilled ?? 0 : 0),
                })
            .ToListAsync(ct);
        var pledgeCounts = await db.Pledges.Where(p => p.CampaignId == id && p.State != PledgeState.Cancelled)
            .GroupBy(p => p.VillageId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var decisions = await DecisionsAsync(db, id, ct);
        var initiatives = await db.VillageInitiatives.Where(i => i.CampaignId == id)
            .Select(i => new { i.VillageId, View = new InitiativeView(i.Id, i.Proposal, i.Households, i.Proposing, i.ProposedOn, i.Reaches, i.ValidUntil,
                i.ExplanationVi, i.ExplanationEn) })
            .ToDictionaryAsync(i => i.VillageId, i => i.View, ct);
        var villages = villageIds.OrderBy(v => names.GetValueOrDefault(v, ""), StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false))
            .Select(v => new VillageProgress(v, names.GetValueOrDefault(v, ""), decisions.GetValueOrDefault(v), pledgeCounts.GetValueOrDefault(v),
                c.Goals.OrderBy(g => g.Id).Select(g =>
                {
                    var t = perVillage.FirstOrDefault(x => x.VillageId == v && x.GoalId == g.Id);
                    return new VillageGoal(g.Id, g.VillageTargets.FirstOrDefault(x => x.VillageId == v)?.Target, t?.Pledged ?? 0, t?.Fulfilled ?? 0);
                }).ToList(), initiatives.GetValueOrDefault(v)))
            .ToList();
        var cover = (await db.AttachmentsOfAsync(CampaignAttachments.CoverKind, [c.Id.ToString()], ct))[c.Id.ToString()].LastOrDefault();
        return new CampaignDetails(c.Id, c.UnitId, unit, c.OrganiserAgencyId, organiser, c.Title, c.DescriptionMarkdown,
            MarkdownRenderer.ToHtml(c.DescriptionMarkdown), c.StartsOn, c.EndsOn, c.State, goals, villages, cover);
    }

    /// <summary>Confirmed and fulfilled pledges, newest first, each shown as its pledger chose.</summary>
    public async Task<HonourPage> HonourBoardAsync(int campaignId, int page, int pageSize = 20, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var query = db.Pledges.Where(p => p.CampaignId == campaignId && (p.State == PledgeState.Confirmed || p.State == PledgeState.Fulfilled));
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(p => p.FulfilledAt ?? p.ConfirmedAt).ThenByDescending(p => p.Id)
            .Skip(Math.Max(0, page) * pageSize).Take(pageSize).Select(p => p.Id).ToListAsync(ct);
        var pledges = await PledgeRowsAsync(db, db.Pledges.Where(p => rows.Contains(p.Id)), ct);
        return new HonourPage(rows.Select(id => pledges.Single(p => p.Id == id)).Select(Honour).ToList(), total);
    }

    /// <summary>The fulfilled contributions of a village, for the ledger posted at the cultural house (privacy as on the honour board).</summary>
    public async Task<List<HonourEntry>> LedgerAsync(int campaignId, int villageId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await PledgeRowsAsync(db, db.Pledges.Where(p => p.CampaignId == campaignId && p.VillageId == villageId && p.State == PledgeState.Fulfilled), ct);
        return rows.Select(Honour).ToList();
    }

    /// <summary>The pledges of a village for its village head or an organiser; refused to anybody else.</summary>
    public async Task<List<PledgeRow>> VillagePledgesAsync(Actor actor, int campaignId, int villageId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var unitId = await db.Campaigns.Where(c => c.Id == campaignId).Select(c => (int?)c.UnitId).SingleOrDefaultAsync(ct)
            ?? throw new DomainRuleException("campaign.not-found");
        if (!await db.MayAsync(actor, StaffAction.ConfirmPledge, villageId, ct)) await db.DemandAsync(actor, StaffAction.ManageCampaign, unitId, ct);
        return await PledgeRowsAsync(db, db.Pledges.Where(p => p.CampaignId == campaignId && p.VillageId == villageId), ct);
    }

    public async Task<List<PledgeRow>> MyPledgesAsync(string userId, int campaignId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await PledgeRowsAsync(db, db.Pledges.Where(p => p.CampaignId == campaignId && p.PledgerId == userId), ct);
    }

    public async Task<List<PostView>> PostsAsync(int campaignId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var posts = await db.CampaignPosts.Where(p => p.CampaignId == campaignId).OrderByDescending(p => p.PostedAt).ThenByDescending(p => p.Id)
            .Take(200).ToListAsync(ct);
        var photos = await db.AttachmentsOfAsync(CampaignAttachments.PostKind, posts.Select(p => p.Id.ToString()), ct);
        return posts.Select(p => new PostView(p.Id, p.Kind, p.Title, MarkdownRenderer.ToHtml(p.BodyMarkdown), p.AuthorName, p.PostedAt,
            photos[p.Id.ToString()].ToList())).ToList();
    }

    /// <summary>A campaign's events with their headcount per village (summed by PostgreSQL) and the viewer's own registration.</summary>
    public async Task<List<EventView>> EventsAsync(int campaignId, string? userId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var events = await db.CampaignEvents.Where(e => e.CampaignId == campaignId).OrderBy(e => e.StartsAt).Take(50).ToListAsync(ct);
        var ids = events.Select(e => e.Id).ToList();
        var counts = await db.EventRegistrations.Where(r => ids.Contains(r.EventId))
            .GroupBy(r => new { r.EventId, r.VillageId })
            .Select(g => new { g.Key.EventId, g.Key.VillageId, Village = db.Units.Where(u => u.Id == g.Key.VillageId).Select(u => u.Name).Single(), Households = g.Count(), People = g.Sum(r => r.People) })
            .ToListAsync(ct);
        var mine = userId is null ? [] : await db.EventRegistrations.Where(r => ids.Contains(r.EventId) && r.UserId == userId).ToListAsync(ct);
        return events.Select(e => new EventView(e.Id, e.Title, e.StartsAt, e.Place,
            counts.Where(c => c.EventId == e.Id).OrderBy(c => c.Village).Select(c => new EventHeadcount(c.VillageId, c.Village, c.Households, c.People)).ToList(),
            mine.FirstOrDefault(m => m.EventId == e.Id)?.People)).ToList();
    }

    public async Task<bool> FollowsAsync(string userId, int campaignId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.CampaignFollowers.AnyAsync(f => f.CampaignId == campaignId && f.UserId == userId, ct);
    }

    /// <summary>What the viewer may do on a campaign: organise it, look after some of its villages, post supervision notes.</summary>
    public async Task<CampaignPowers> PowersAsync(Actor? actor, int campaignId, CancellationToken ct = default)
    {
        if (actor is null) return CampaignPowers.None;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var c = await db.Campaigns.Include(x => x.Villages).AsNoTracking().SingleOrDefaultAsync(x => x.Id == campaignId, ct);
        if (c is null) return CampaignPowers.None;
        var organiser = await db.MayAsync(actor, StaffAction.ManageCampaign, c.UnitId, ct);
        var heads = new List<int>();
        var supervises = await db.MayAsync(actor, StaffAction.SuperviseCampaign, c.UnitId, ct);
        foreach (var v in c.Villages)
        {
            if (organiser || await db.MayAsync(actor, StaffAction.ConfirmPledge, v.VillageId, ct)) heads.Add(v.VillageId);
            if (!supervises) supervises = await db.MayAsync(actor, StaffAction.SuperviseCampaign, v.VillageId, ct);
        }
        var home = await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.HomeUnitId).SingleOrDefaultAsync(ct);
        return new CampaignPowers(organiser, heads, supervises, home);
    }

    /// <summary>Campaigns the actor organises (any state), newest first, for the organiser's page.</summary>
    public async Task<List<CampaignSummary>> OrganisedAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var roots = await db.ScopeRootsAsync(actor, StaffAction.ManageCampaign, ct);
        var paths = db.Units.Where(u => roots.Contains(u.Id)).Select(u => u.Path);
        var rows = await db.Campaigns.Where(c => db.Units.Any(u => u.Id == c.UnitId && paths.Any(p => u.Path.IsDescendantOf(p))))
            .OrderByDescending(c => c.CreatedAt).Take(200)
            .Select(c => new { c.Id, c.Title, Unit = db.Units.Where(u => u.Id == c.UnitId).Select(u => u.FullName).Single(), c.State, c.StartsOn, c.EndsOn, Villages = c.Villages.Count })
            .ToListAsync(ct);
        var goals = await GoalTotalsAsync(db, rows.Select(r => r.Id).ToList(), ct);
        return rows.Select(r => new CampaignSummary(r.Id, r.Title, r.Unit, r.State, r.StartsOn, r.EndsOn, r.Villages,
            goals.Where(g => g.CampaignId == r.Id).Select(g => g.Progress).ToList())).ToList();
    }

    /// <summary>For a locality's feed: campaigns opened and completed, and every update, milestone and supervision note, newest
    /// first, of the campaigns of that unit and those its villages take part in (everywhere when null).</summary>
    public async Task<List<CampaignFeedItem>> FeedAsync(int? unitId, int take = 50, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var campaigns = InUnit(db, db.Campaigns.Where(c => c.State != CampaignState.Draft), unitId);
        var found = await campaigns.OrderByDescending(c => c.OpenedAt).Take(200)
            .Select(c => new { c.Id, c.Title, c.OpenedAt, c.CompletedAt, c.DescriptionMarkdown, Unit = db.Units.Where(u => u.Id == c.UnitId).Select(u => u.FullName).Single() })
            .ToListAsync(ct);
        var ids = found.Select(c => c.Id).ToList();
        var posts = await db.CampaignPosts.Where(p => ids.Contains(p.CampaignId)).OrderByDescending(p => p.PostedAt).Take(take).ToListAsync(ct);
        var items = new List<CampaignFeedItem>();
        foreach (var c in found)
        {
            if (c.OpenedAt is { } opened) items.Add(new CampaignFeedItem(c.Id, null, CampaignFeedEvent.Opened, c.Title, c.Unit, MarkdownRenderer.ToPlainText(c.DescriptionMarkdown), opened));
            if (c.CompletedAt is { } completed) items.Add(new CampaignFeedItem(c.Id, null, CampaignFeedEvent.Completed, c.Title, c.Unit, "", completed));
        }
        foreach (var p in posts)
        {
            var c = found.Single(x => x.Id == p.CampaignId);
            items.Add(new CampaignFeedItem(c.Id, p.Id, p.Kind switch
            {
                CampaignPostKind.Milestone => CampaignFeedEvent.Milestone,
                CampaignPostKind.SupervisionNote => CampaignFeedEvent.SupervisionNote,
                _ => CampaignFeedEvent.Update,
            }, $"{p.Title} ({c.Title})", p.AuthorName, MarkdownRenderer.ToPlainText(p.BodyMarkdown), p.PostedAt));
        }
        return items.OrderByDescending(i => i.At).Take(take).ToList();
    }

    /// <summary>The active villages and residential groups under a unit, for choosing who takes part.</summary>
    public async Task<List<VillageOption>> VillagesUnderAsync(int unitId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var root = db.Units.Where(u => u.Id == unitId).Select(u => u.Path);
        var rows = await db.Units.Where(u => u.Level == Units.UnitLevel.Village && u.IsActive && root.Any(p => u.Path.IsDescendantOf(p)))
            .Select(u => new VillageOption(u.Id, u.Name)).Take(Campaign.MaxVillages).ToListAsync(ct);
        return rows.OrderBy(v => v.Name, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false)).ToList();
    }

    private static HonourEntry Honour(PledgeRow p) => new(p.Id, p.Visibility switch
    {
        PledgeVisibility.Name => p.PledgerName,
        PledgeVisibility.Household => p.HouseholdName,
        _ => null,
    }, p.Visibility == PledgeVisibility.Household, p.VillageName, p.State, p.Lines);

    private sealed record GoalTotal(int CampaignId, GoalProgress Progress);

    private static async Task<List<GoalTotal>> GoalTotalsAsync(PortalDb db, List<int> campaignIds, CancellationToken ct)
    {
        var sums = await (
                from l in db.PledgeLines
                join p in db.Pledges on l.PledgeId equals p.Id
                where campaignIds.Contains(p.CampaignId) && p.State != PledgeState.Cancelled
                group new { l, p } by l.GoalId into g
                select new { GoalId = g.Key, Pledged = g.Sum(x => x.l.Amount), Fulfilled = g.Sum(x => x.p.State == PledgeState.Fulfilled ? x.l.Fulfilled ?? 0 : 0) })
            .ToDictionaryAsync(x => x.GoalId, ct);
        var goals = await db.CampaignGoals.Where(g => campaignIds.Contains(g.CampaignId)).OrderBy(g => g.Id).ToListAsync(ct);
        return goals.Select(g => new GoalTotal(g.CampaignId, new GoalProgress(g.Id, g.Kind, g.Title, g.UnitText, g.Target,
            sums.TryGetValue(g.Id, out var s) ? s.Pledged : 0, s?.Fulfilled ?? 0, g.Achieved))).ToList();
    }

    private static async Task<Dictionary<int, DecisionView>> DecisionsAsync(PortalDb db, int campaignId, CancellationToken ct)
    {
        var decisions = await db.VillageDecisions.Where(d => d.CampaignId == campaignId).ToListAsync(ct);
        var ids = decisions.Select(d => d.Id.ToString()).ToList();
        var deadlines = await db.TrackedDeadlines.Where(t => t.ItemType == "village-decision" && ids.Contains(t.ItemId))
            .ToDictionaryAsync(t => t.ItemId, t => t.Deadline, ct);
        var minutes = await db.AttachmentsOfAsync(CampaignAttachments.MinutesKind, ids, ct);
        return decisions.ToDictionary(d => d.VillageId, d => new DecisionView(d.Id, d.Method, d.Households, d.Agreeing, d.Disagreeing, d.NotVoting,
            d.DecidedOn, d.Passed, d.ExplanationVi, d.ExplanationEn, d.ReportReceivedAt, deadlines.GetValueOrDefault(d.Id.ToString()),
            minutes[d.Id.ToString()].ToList()));
    }

    private static async Task<List<PledgeRow>> PledgeRowsAsync(PortalDb db, IQueryable<Pledge> pledges, CancellationToken ct)
    {
        var rows = await pledges.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).Take(2000)
            .Select(p => new
            {
                p.Id, p.VillageId, Village = db.Units.Where(u => u.Id == p.VillageId).Select(u => u.Name).Single(), p.PledgerName, p.ForHousehold,
                p.HouseholdName, p.Visibility, p.Note, p.State, Recorded = p.RecordedById != null, p.CreatedAt, p.CancelReason,
                Lines = p.Lines.OrderBy(l => l.GoalId).Select(l => new { l.GoalId, l.Amount, l.Fulfilled }).ToList(),
            })
            .AsSplitQuery().ToListAsync(ct);
        var goalIds = rows.SelectMany(r => r.Lines.Select(l => l.GoalId)).Distinct().ToList();
        var goals = await db.CampaignGoals.Where(g => goalIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, ct);
        return rows.Select(r => new PledgeRow(r.Id, r.VillageId, r.Village, r.PledgerName, r.ForHousehold, r.HouseholdName, r.Visibility, r.Note, r.State,
            r.Recorded, r.CreatedAt, r.CancelReason,
            r.Lines.Select(l => new PledgeLineView(l.GoalId, goals[l.GoalId].Kind, goals[l.GoalId].Title, goals[l.GoalId].UnitText, l.Amount, l.Fulfilled)).ToList()))
            .ToList();
    }
}

public sealed record VillageOption(int Id, string Name);

public sealed record EventHeadcount(int VillageId, string VillageName, int Households, int People);

public sealed record EventView(int Id, string Title, DateTimeOffset StartsAt, string Place, IReadOnlyList<EventHeadcount> PerVillage, int? MyPeople)
{
    public int People => PerVillage.Sum(v => v.People);
    public int Households => PerVillage.Sum(v => v.Households);
}

public enum CampaignFeedEvent { Opened = 1, Update = 2, Milestone = 3, SupervisionNote = 4, Completed = 5 }

/// <summary>One entry of the campaigns' Atom feed: <see cref="Author"/> is the unit for a campaign event, the poster for a post.</summary>
public sealed record CampaignFeedItem(int CampaignId, long? PostId, CampaignFeedEvent Event, string Title, string Author, string Summary, DateTimeOffset At);

/// <summary>What a viewer may do on one campaign.</summary>
public sealed record CampaignPowers(bool Organiser, IReadOnlyList<int> VillagesLookedAfter, bool Supervises, int? HomeVillageId)
{
    public static readonly CampaignPowers None = new(false, [], false, null);
}
