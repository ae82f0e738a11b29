using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Domain.Accounts;
using Portal.Domain.Attachments;
using Portal.Domain.Audit;
using Portal.Domain.Data;
using Portal.Domain.Deadlines;
using Portal.Domain.Notifications;
using Portal.Domain.Units;

namespace Portal.Domain.Campaigns;

/// <summary>A goal as an organiser defines it.</summary>
public sealed record GoalPlan(GoalKind Kind, string Title, string? UnitText, decimal Target);

/// <summary>The pledge made (or the existing one updated) and whether it was an update.</summary>
public sealed record PledgeResult(long PledgeId, bool Updated);

/// <summary>The same household (or person) already pledged to one of these goals: the form asks whether to update it.</summary>
public sealed class DuplicatePledgeException(long existingId, PledgeState state)
    : Exception($"pledge {existingId} already covers these goals")
{
    public long ExistingId { get; } = existingId;
    public PledgeState State { get; } = state;
}

/// <summary>
/// The only writer of campaigns, their goals, village decisions, pledges and posts. Organisers (Front committee or
/// leader on the campaign's unit) edit the campaign; the village head of a village or an organiser records decisions and
/// confirms, fulfils and cancels the village's pledges. Every change is audited and saved once, with its notifications.
/// </summary>
public sealed class CampaignService(IDbContextFactory<PortalDb> dbs, TimeProvider clock, PortalLinks links)
{
    public async Task<int> CreateAsync(Actor actor, CampaignPlan plan, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await db.DemandAsync(actor, StaffAction.ManageCampaign, plan.UnitId, ct);
        await CheckPlanAsync(db, plan, ct);
        var now = clock.GetUtcNow();
        var campaign = Campaign.Create(plan, actor.UserId, now);
        db.Campaigns.Add(campaign);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        db.AuditEntries.Add(AuditEntry.Of(actor, now, "campaign.create", "campaign", campaign.Id, plan.UnitId, null,
            new { campaign.Title, Villages = plan.VillageIds.Count }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return campaign.Id;
    }

    public async Task ReviseAsync(Actor actor, int campaignId, CampaignPlan plan, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var campaign = await LoadAsync(db, campaignId, ct);
        await db.DemandAsync(actor, StaffAction.ManageCampaign, campaign.UnitId, ct);
        await CheckPlanAsync(db, plan, ct);
        var withPledges = (await db.Pledges.Where(p => p.CampaignId == campaignId).Select(p => p.VillageId).Distinct().ToListAsync(ct)).ToHashSet();
        var before = new { campaign.Title, campaign.StartsOn, campaign.EndsOn, Villages = campaign.Villages.Select(v => v.VillageId).ToList() };
        campaign.Revise(plan, withPledges);
        db.AuditEntries.Add(AuditEntry.Of(actor, clock.GetUtcNow(), "campaign.revise", "campaign", campaignId, campaign.UnitId, before,
            new { campaign.Title, campaign.StartsOn, campaign.EndsOn, Villages = campaign.Villages.Select(v => v.VillageId).ToList() }));
        await db.SaveChangesAsync(ct);
    }

    public async Task<int> AddGoalAsync(Actor actor, int campaignId, GoalPlan plan, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var campaign = await LoadAsync(db, campaignId, ct);
        await db.DemandAsync(actor, StaffAction.ManageCampaign, campaign.UnitId, ct);
        var goal = campaign.AddGoal(plan.Kind, plan.Title, plan.UnitText, plan.Target);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        db.AuditEntries.Add(AuditEntry.Of(actor, clock.GetUtcNow(), "campaign.goal.add", "campaign", campaignId, campaign.UnitId, null,
            new { goal.Id, Kind = goal.Kind.ToString(), goal.Title, goal.UnitText, goal.Target }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return goal.Id;
    }

    public async Task ReviseGoalAsync(Actor actor, int goalId, GoalPlan plan, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var (campaign, goal) = await LoadGoalAsync(db, goalId, ct);
        await db.DemandAsync(actor, StaffAction.ManageCampaign, campaign.UnitId, ct);
        if (campaign.State is not (CampaignState.Draft or CampaignState.Open)) throw new DomainRuleException("campaign.revise.not-open", campaign.State);
        if (plan.Kind != goal.Kind) throw new DomainRuleException("goal.kind.fixed");
        var before = new { goal.Title, goal.UnitText, goal.Target };
        goal.Revise(plan.Title, plan.UnitText, plan.Target);
        db.AuditEntries.Add(AuditEntry.Of(actor, clock.GetUtcNow(), "campaign.goal.revise", "campaign", campaign.Id, campaign.UnitId, before,
            new { goal.Title, goal.UnitText, goal.Target }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A village's own target for a goal (null removes it).</summary>
    public async Task SetVillageTargetAsync(Actor actor, int goalId, int villageId, decimal? target, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var (campaign, goal) = await LoadGoalAsync(db, goalId, ct);
        await db.DemandAsync(actor, StaffAction.ManageCampaign, campaign.UnitId, ct);
        if (campaign.Villages.All(v => v.VillageId != villageId)) throw new DomainRuleException("campaign.village.not-taking-part");
        var before = goal.VillageTargets.FirstOrDefault(t => t.VillageId == villageId)?.Target;
        goal.SetVillageTarget(villageId, target);
        db.AuditEntries.Add(AuditEntry.Of(actor, clock.GetUtcNow(), "campaign.goal.village-target", "campaign", campaign.Id, villageId,
            new { GoalId = goalId, Target = before }, new { GoalId = goalId, Target = target }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A goal nobody pledged to yet can be removed.</summary>
    public async Task RemoveGoalAsync(Actor actor, int goalId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var (campaign, goal) = await LoadGoalAsync(db, goalId, ct);
        await db.DemandAsync(actor, StaffAction.ManageCampaign, campaign.UnitId, ct);
        if (campaign.State is not (CampaignState.Draft or CampaignState.Open)) throw new DomainRuleException("campaign.revise.not-open", campaign.State);
        if (await db.PledgeLines.AnyAsync(l => l.GoalId == goalId, ct)) throw new DomainRuleException("goal.remove.has-pledges");
        campaign.Goals.Remove(goal);
        db.AuditEntries.Add(AuditEntry.Of(actor, clock.GetUtcNow(), "campaign.goal.remove", "campaign", campaign.Id, campaign.UnitId,
            new { goal.Id, goal.Title, goal.Target }, null));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The organisers record the km built so far on a length goal.</summary>
    public async Task RecordAchievedAsync(Actor actor, int goalId, decimal achieved, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var (campaign, goal) = await LoadGoalAsync(db, goalId, ct);
        await db.DemandAsync(actor, StaffAction.ManageCampaign, campaign.UnitId, ct);
        if (campaign.State == CampaignState.Draft) throw new DomainRuleException("goal.achieved.draft");
        var before = goal.Achieved;
        goal.RecordAchieved(achieved);
        db.AuditEntries.Add(AuditEntry.Of(actor, clock.GetUtcNow(), "campaign.goal.achieved", "campaign", campaign.Id, campaign.UnitId,
            new { GoalId = goalId, Achieved = before }, new { GoalId = goalId, goal.Achieved }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The campaign's cover photo: the new one replaces the old.</summary>
    public async Task SetCoverAsync(Actor actor, int campaignId, IncomingFile photo, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var campaign = await LoadAsync(db, campaignId, ct);
        await db.DemandAsync(actor, StaffAction.ManageCampaign, campaign.UnitId, ct);
        var owner = CampaignAttachments.OfCover(campaignId);
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var old = await db.Attachments.Where(a => a.OwnerKind == owner.Kind && a.OwnerId == owner.Id).ToListAsync(ct);
        db.Attachments.RemoveRange(old);
        await db.SaveChangesAsync(ct);
        var added = await db.AttachAsync(owner, [photo], CampaignAttachments.Cover, actor, now, ct);
        db.AuditEntries.Add(AuditEntry.Of(actor, now, "campaign.cover", "campaign", campaignId, campaign.UnitId,
            old.Count == 0 ? null : new { old[0].FileName }, new { added[0].FileName }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    public Task OpenAsync(Actor actor, int campaignId, CancellationToken ct = default) =>
        ChangeStateAsync(actor, campaignId, "campaign.open", (c, now) => c.Open(now), ct);

    public Task CloseAsync(Actor actor, int campaignId, CancellationToken ct = default) =>
        ChangeStateAsync(actor, campaignId, "campaign.close", (c, now) => c.Close(now), ct);

    public Task CompleteAsync(Actor actor, int campaignId, CancellationToken ct = default) =>
        ChangeStateAsync(actor, campaignId, "campaign.complete", (c, now) => c.Complete(now), ct);

    private async Task ChangeStateAsync(Actor actor, int campaignId, string action, Action<Campaign, DateTimeOffset> change, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var campaign = await LoadAsync(db, campaignId, ct);
        await db.DemandAsync(actor, StaffAction.ManageCampaign, campaign.UnitId, ct);
        var before = campaign.State;
        var now = clock.GetUtcNow();
        change(campaign, now);
        db.AuditEntries.Add(AuditEntry.Of(actor, now, action, "campaign", campaignId, campaign.UnitId,
            new { State = before.ToString() }, new { State = campaign.State.ToString() }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Records a village's household decision (village head of the village or an organiser). Its report to the commune is
    /// due within 5 working days of the meeting (Art. 20.3): tracked for the organising agency, met when it acknowledges
    /// the report, at once when an organiser recorded it. A decision that did not pass is replaced by a new meeting's.
    /// </summary>
    public async Task<long> RecordDecisionAsync(Actor actor, int campaignId, DecisionRecord record, IReadOnlyList<IncomingFile>? minutes = null,
        CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var campaign = await LoadAsync(db, campaignId, ct);
        if (campaign.Villages.All(v => v.VillageId != record.VillageId)) throw new DomainRuleException("campaign.village.not-taking-part");
        var organiser = await db.MayAsync(actor, StaffAction.ManageCampaign, campaign.UnitId, ct);
        if (!organiser) await db.DemandAsync(actor, StaffAction.ConfirmPledge, record.VillageId, ct);
        if (campaign.State == CampaignState.Completed) throw new DomainRuleException("campaign.completed");
        var now = clock.GetUtcNow();
        var today = VietnamDate(now);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var decision = await db.VillageDecisions.SingleOrDefaultAsync(d => d.CampaignId == campaignId && d.VillageId == record.VillageId, ct);
        object? before = null;
        if (decision is null)
        {
            decision = new VillageDecision(campaignId, record, actor.UserId, now, today);
            db.VillageDecisions.Add(decision);
        }
        else
        {
            before = new { decision.Households, decision.Agreeing, decision.Disagreeing, decision.NotVoting, decision.DecidedOn, decision.Passed };
            decision.Replace(record, actor.UserId, now, today);
            await db.TrackedDeadlines.Where(t => t.ItemType == "village-decision" && t.ItemId == decision.Id.ToString()).ExecuteDeleteAsync(ct);
        }
        await db.SaveChangesAsync(ct);
        var village = await db.Units.Where(u => u.Id == record.VillageId).Select(u => u.Name).SingleAsync(ct);
        var meeting = new DateTimeOffset(record.DecidedOn.ToDateTime(new TimeOnly(17, 0)), TimeSpan.FromHours(7));
        var tracked = await DeadlineService.TrackAsync(db, DeadlineKind.ReportVillageDecision, "village-decision", decision.Id.ToString(),
            Text.Shorten($"Báo cáo kết quả bàn bạc của {village}: {campaign.Title}"), record.VillageId, campaign.OrganiserAgencyId,
            links.Campaign(campaignId), meeting, ct);
        await db.AttachAsync(CampaignAttachments.OfDecision(decision.Id), minutes ?? [], CampaignAttachments.Minutes, actor, now, ct);
        if (organiser)
        {
            decision.AcknowledgeReport(now);
            tracked.Meet(now);
        }
        db.AuditEntries.Add(AuditEntry.Of(actor, now, before is null ? "village-decision.record" : "village-decision.replace", "village-decision", decision.Id,
            record.VillageId, before, new { decision.Households, decision.Agreeing, decision.Disagreeing, decision.NotVoting, decision.DecidedOn, decision.Passed }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return decision.Id;
    }

    /// <summary>
    /// Records a residents' initiative in a village (Art. 16.3), by the village head of the village or an organiser; the
    /// 10% rule and its 3 months are worked out by <see cref="InitiativeRule"/>. Recording again replaces it.
    /// </summary>
    public async Task<long> RecordInitiativeAsync(Actor actor, int campaignId, InitiativeRecord record, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var campaign = await LoadAsync(db, campaignId, ct);
        if (campaign.Villages.All(v => v.VillageId != record.VillageId)) throw new DomainRuleException("campaign.village.not-taking-part");
        if (!await db.MayAsync(actor, StaffAction.ManageCampaign, campaign.UnitId, ct))
            await db.DemandAsync(actor, StaffAction.ConfirmPledge, record.VillageId, ct);
        if (campaign.State == CampaignState.Completed) throw new DomainRuleException("campaign.completed");
        var now = clock.GetUtcNow();
        var today = VietnamDate(now);
        var initiative = await db.VillageInitiatives.SingleOrDefaultAsync(i => i.CampaignId == campaignId && i.VillageId == record.VillageId, ct);
        object? before = null;
        if (initiative is null)
        {
            initiative = new VillageInitiative(campaignId, record, actor.UserId, now, today);
            db.VillageInitiatives.Add(initiative);
        }
        else
        {
            before = new { initiative.Proposal, initiative.Households, initiative.Proposing, initiative.ProposedOn, initiative.Reaches };
            initiative.Replace(record, actor.UserId, now, today);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        db.AuditEntries.Add(AuditEntry.Of(actor, now, before is null ? "village-initiative.record" : "village-initiative.replace", "village-initiative",
            initiative.Id, record.VillageId, before,
            new { initiative.Proposal, initiative.Households, initiative.Proposing, initiative.ProposedOn, initiative.Reaches, initiative.ValidUntil }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return initiative.Id;
    }

    /// <summary>The commune (an organiser) acknowledges the village's report of its decision: the deadline is met.</summary>
    public async Task AcknowledgeDecisionAsync(Actor actor, long decisionId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var decision = await db.VillageDecisions.SingleOrDefaultAsync(d => d.Id == decisionId, ct) ?? throw new DomainRuleException("decision.not-found");
        var campaign = await LoadAsync(db, decision.CampaignId, ct);
        await db.DemandAsync(actor, StaffAction.ManageCampaign, campaign.UnitId, ct);
        var now = clock.GetUtcNow();
        decision.AcknowledgeReport(now);
        await DeadlineService.MeetAsync(db, DeadlineKind.ReportVillageDecision, "village-decision", decisionId.ToString(), now, ct);
        db.AuditEntries.Add(AuditEntry.Of(actor, now, "village-decision.acknowledge", "village-decision", decisionId, decision.VillageId, null, new { ReceivedAt = now }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A resident pledges for themselves or their household.</summary>
    public Task<PledgeResult> PledgeAsync(Actor actor, int campaignId, int villageId, PledgerInfo who, IReadOnlyList<PledgeAmount> amounts,
        Guid clientRequestId, bool updateExisting = false, CancellationToken ct = default)
    {
        if (actor.IsSystem) throw new DomainRuleException("pledge.author.required");
        return SubmitAsync(actor, campaignId, villageId, who, amounts, clientRequestId, updateExisting, recorded: false, ct);
    }

    /// <summary>A village head (or an organiser) records the pledge of a resident without internet.</summary>
    public async Task<PledgeResult> RecordPledgeAsync(Actor actor, int campaignId, int villageId, PledgerInfo who, IReadOnlyList<PledgeAmount> amounts,
        Guid clientRequestId, bool updateExisting = false, CancellationToken ct = default)
    {
        await using (var db = await dbs.CreateDbContextAsync(ct))
            await DemandVillageAsync(db, actor, await LoadAsync(db, campaignId, ct), villageId, ct);
        return await SubmitAsync(actor, campaignId, villageId, who, amounts, clientRequestId, updateExisting, recorded: true, ct);
    }

    private async Task<PledgeResult> SubmitAsync(Actor actor, int campaignId, int villageId, PledgerInfo who, IReadOnlyList<PledgeAmount> amounts,
        Guid clientRequestId, bool updateExisting, bool recorded, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var same = await SameRequestAsync(db, clientRequestId, ct);
        if (same is not null) return same;
        var campaign = await LoadAsync(db, campaignId, ct);
        if (!campaign.TakesPledges) throw new DomainRuleException("pledge.campaign.not-open");
        if (campaign.Villages.All(v => v.VillageId != villageId)) throw new DomainRuleException("campaign.village.not-taking-part");
        if (!await db.VillageDecisions.AnyAsync(d => d.CampaignId == campaignId && d.VillageId == villageId && d.Passed, ct))
            throw new DomainRuleException("pledge.village.not-decided");
        var lines = Lines(campaign, amounts);
        var pledgerId = recorded ? null : actor.UserId;
        var key = who.ForHousehold ? Pledge.KeyOf(who.HouseholdName) : null;
        var goalIds = lines.Select(l => l.Goal.Id).ToList();
        var existing = await db.Pledges.Include(p => p.Lines)
            .Where(p => p.CampaignId == campaignId && (p.State == PledgeState.Pledged || p.State == PledgeState.Confirmed)
                && ((pledgerId != null && p.PledgerId == pledgerId) || (key != null && p.VillageId == villageId && p.HouseholdKey == key))
                && p.Lines.Any(l => goalIds.Contains(l.GoalId)))
            .OrderBy(p => p.Id).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow();
        if (existing?.ClientRequestId == clientRequestId) return new PledgeResult(existing.Id, false); // the same form, committed meanwhile
        if (existing is not null)
        {
            if (!updateExisting || existing.State != PledgeState.Pledged) throw new DuplicatePledgeException(existing.Id, existing.State);
            var before = Snapshot(existing);
            var merged = existing.Lines.Where(l => !goalIds.Contains(l.GoalId))
                .Select(l => (campaign.Goals.Single(g => g.Id == l.GoalId), l.Amount)).Concat(lines).ToList();
            existing.Amend(who, merged);
            db.AuditEntries.Add(AuditEntry.Of(actor, now, "pledge.amend", "pledge", existing.Id, existing.VillageId, before, Snapshot(existing)));
            await db.SaveChangesAsync(ct);
            return new PledgeResult(existing.Id, true);
        }

        var pledge = new Pledge(campaignId, villageId, pledgerId, recorded ? actor.UserId : null, who, lines, clientRequestId, now);
        db.Pledges.Add(pledge);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            await tx.RollbackAsync(ct);
            await using var fresh = await dbs.CreateDbContextAsync(ct);
            return await SameRequestAsync(fresh, clientRequestId, ct) ?? throw new DomainRuleException("pledge.duplicate-request");
        }
        if (pledgerId is not null)
            await db.Database.ExecuteSqlAsync($"INSERT INTO campaign_followers (campaign_id, user_id) VALUES ({campaignId}, {pledgerId}) ON CONFLICT DO NOTHING", ct);
        db.AuditEntries.Add(AuditEntry.Of(actor, now, recorded ? "pledge.record" : "pledge.create", "pledge", pledge.Id, villageId, null, Snapshot(pledge)));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new PledgeResult(pledge.Id, false);
    }

    public async Task ConfirmAsync(Actor actor, long pledgeId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var (pledge, campaign) = await LoadPledgeAsync(db, pledgeId, ct);
        await DemandVillageAsync(db, actor, campaign, pledge.VillageId, ct);
        if (!campaign.RecordsContributions) throw new DomainRuleException("campaign.completed");
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        pledge.Confirm(actor.UserId, now);
        db.AuditEntries.Add(AuditEntry.Of(actor, now, "pledge.confirm", "pledge", pledgeId, pledge.VillageId, new { State = "Pledged" }, new { State = "Confirmed" }));
        await NotifyPledgerAsync(db, pledge, campaign, "confirmed", "Đăng ký đóng góp của bạn đã được xác nhận", "Your pledge was confirmed",
            "Trưởng thôn đã xác nhận đăng ký đóng góp của bạn.", "The village head confirmed your pledge.", now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Records what was actually contributed per goal; goals left out count as given in full.</summary>
    public async Task FulfilAsync(Actor actor, long pledgeId, IReadOnlyDictionary<int, decimal> actual, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var (pledge, campaign) = await LoadPledgeAsync(db, pledgeId, ct);
        await DemandVillageAsync(db, actor, campaign, pledge.VillageId, ct);
        if (!campaign.RecordsContributions) throw new DomainRuleException("campaign.completed");
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        pledge.Fulfil(actual, campaign.Goals.ToDictionary(g => g.Id, g => g.Kind), now);
        db.AuditEntries.Add(AuditEntry.Of(actor, now, "pledge.fulfil", "pledge", pledgeId, pledge.VillageId, new { State = "Confirmed" },
            new { State = "Fulfilled", Lines = pledge.Lines.Select(l => new { l.GoalId, l.Amount, l.Fulfilled }).ToList() }));
        await NotifyPledgerAsync(db, pledge, campaign, "fulfilled", "Đóng góp của bạn đã được ghi nhận", "Your contribution was recorded",
            "Cảm ơn bạn: đóng góp thực tế của bạn đã được ghi vào sổ đóng góp của thôn.", "Thank you: what you contributed is now in the village's ledger.", now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The pledger withdraws a pledge not yet confirmed; the village head or an organiser cancels any pledge not
    /// yet fulfilled. Always with a reason.</summary>
    public async Task CancelAsync(Actor actor, long pledgeId, string reason, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var (pledge, campaign) = await LoadPledgeAsync(db, pledgeId, ct);
        var own = pledge.PledgerId is not null && pledge.PledgerId == actor.UserId && pledge.State == PledgeState.Pledged;
        if (!own) await DemandVillageAsync(db, actor, campaign, pledge.VillageId, ct);
        var now = clock.GetUtcNow();
        var before = pledge.State;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        pledge.Cancel(reason, now);
        db.AuditEntries.Add(AuditEntry.Of(actor, now, "pledge.cancel", "pledge", pledgeId, pledge.VillageId, new { State = before.ToString() },
            new { State = "Cancelled" }, pledge.CancelReason));
        if (!own)
            await NotifyPledgerAsync(db, pledge, campaign, "cancelled", "Đăng ký đóng góp của bạn đã bị huỷ", "Your pledge was cancelled",
                $"Lý do: {pledge.CancelReason}", $"Reason: {pledge.CancelReason}", now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>A confirmed pledge's amounts change only here: a new audited change with its reason, the pledger told.</summary>
    public async Task CorrectAsync(Actor actor, long pledgeId, IReadOnlyList<PledgeAmount> amounts, string reason, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var (pledge, campaign) = await LoadPledgeAsync(db, pledgeId, ct);
        await DemandVillageAsync(db, actor, campaign, pledge.VillageId, ct);
        var now = clock.GetUtcNow();
        var before = Snapshot(pledge);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        pledge.Correct(Lines(campaign, amounts), reason);
        var audit = AuditEntry.Of(actor, now, "pledge.correct", "pledge", pledgeId, pledge.VillageId, before, Snapshot(pledge), Text.Clean(reason));
        db.AuditEntries.Add(audit);
        await db.SaveChangesAsync(ct);
        await NotifyPledgerAsync(db, pledge, campaign, $"corrected:{audit.Id}", "Đăng ký đóng góp của bạn đã được điều chỉnh", "Your pledge was corrected",
            $"Lý do điều chỉnh: {Text.Clean(reason)}", $"Reason for the correction: {Text.Clean(reason)}", now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Organisers post updates and milestones; the community investment supervision board of the commune or of
    /// a taking-part village posts supervision notes. Followers hear of each.</summary>
    public async Task<long> PostAsync(Actor actor, int campaignId, CampaignPostKind kind, string title, string bodyMarkdown,
        IReadOnlyList<IncomingFile>? photos = null, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var campaign = await LoadAsync(db, campaignId, ct);
        if (kind == CampaignPostKind.SupervisionNote)
        {
            var units = campaign.Villages.Select(v => v.VillageId).Append(campaign.UnitId).ToList();
            var allowed = false;
            foreach (var unit in units)
                if (allowed = await db.MayAsync(actor, StaffAction.SuperviseCampaign, unit, ct)) break;
            if (!allowed) throw new AccessDeniedException(StaffAction.SuperviseCampaign, campaign.UnitId);
        }
        else await db.DemandAsync(actor, StaffAction.ManageCampaign, campaign.UnitId, ct);
        if (campaign.State == CampaignState.Draft) throw new DomainRuleException("post.campaign.draft");
        var now = clock.GetUtcNow();
        var post = new CampaignPost(campaignId, kind, title, bodyMarkdown, actor.UserId, actor.Name, now);
        db.CampaignPosts.Add(post);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await db.AttachAsync(CampaignAttachments.OfPost(post.Id), photos ?? [], CampaignAttachments.PostPhotos, actor, now, ct);
        db.AuditEntries.Add(AuditEntry.Of(actor, now, "campaign.post", "campaign", campaignId, campaign.UnitId, null, new { post.Id, Kind = kind.ToString(), post.Title }));
        var followers = await db.CampaignFollowers.Where(f => f.CampaignId == campaignId && f.UserId != actor.UserId).Select(f => f.UserId).ToListAsync(ct);
        var (labelVi, labelEn) = kind switch
        {
            CampaignPostKind.Milestone => ("Cột mốc", "Milestone"),
            CampaignPostKind.SupervisionNote => ("Ghi nhận của Ban Giám sát", "Supervision note"),
            _ => ("Tin mới", "Update"),
        };
        await NotificationService.NotifyAsync(db, followers, NotificationKinds.CampaignUpdate, $"campaign:{campaignId}:post:{post.Id}",
            $"{labelVi}: {Text.Shorten(post.Title, 80)} ({Text.Shorten(campaign.Title, 60)})", $"{labelEn}: {Text.Shorten(post.Title, 80)} ({Text.Shorten(campaign.Title, 60)})",
            $"{links.Campaign(campaignId)}#tin-{post.Id}", post.BodyMarkdown, post.BodyMarkdown, links.BaseUrl, now, ct);
        await db.SaveChangesAsync(ct);
        await NotificationService.SignalAsync(db, followers, ct);
        await tx.CommitAsync(ct);
        return post.Id;
    }

    /// <summary>An organiser announces an event of the campaign; followers hear of it.</summary>
    public async Task<int> AddEventAsync(Actor actor, int campaignId, string title, DateTimeOffset startsAt, string place, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var campaign = await LoadAsync(db, campaignId, ct);
        await db.DemandAsync(actor, StaffAction.ManageCampaign, campaign.UnitId, ct);
        if (campaign.State == CampaignState.Completed) throw new DomainRuleException("campaign.completed");
        var now = clock.GetUtcNow();
        var e = new CampaignEvent(campaignId, title, startsAt, place, now);
        db.CampaignEvents.Add(e);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        db.AuditEntries.Add(AuditEntry.Of(actor, now, "campaign.event", "campaign", campaignId, campaign.UnitId, null, new { e.Id, e.Title, e.StartsAt, e.Place }));
        var followers = await db.CampaignFollowers.Where(f => f.CampaignId == campaignId && f.UserId != actor.UserId).Select(f => f.UserId).ToListAsync(ct);
        await NotificationService.NotifyAsync(db, followers, NotificationKinds.CampaignUpdate, $"campaign:{campaignId}:event:{e.Id}",
            $"Sự kiện: {Text.Shorten(e.Title, 80)}", $"Event: {Text.Shorten(e.Title, 80)}", $"{links.Campaign(campaignId)}#su-kien-{e.Id}",
            $"{e.Title}, {e.Place}.", $"{e.Title}, {e.Place}.", links.BaseUrl, now, ct);
        await db.SaveChangesAsync(ct);
        await NotificationService.SignalAsync(db, followers, ct);
        await tx.CommitAsync(ct);
        return e.Id;
    }

    /// <summary>A resident registers how many people of their household come (again: the number changes; 0 withdraws).</summary>
    public async Task RegisterForEventAsync(Actor actor, int eventId, int villageId, int people, CancellationToken ct = default)
    {
        if (actor.IsSystem) throw new DomainRuleException("pledge.author.required");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var e = await db.CampaignEvents.SingleOrDefaultAsync(x => x.Id == eventId, ct) ?? throw new DomainRuleException("event.not-found");
        var campaign = await LoadAsync(db, e.CampaignId, ct);
        var now = clock.GetUtcNow();
        if (e.StartsAt <= now) throw new DomainRuleException("event.registration.closed");
        if (people == 0)
        {
            await db.EventRegistrations.Where(r => r.EventId == eventId && r.UserId == actor.UserId).ExecuteDeleteAsync(ct);
            return;
        }
        EventRegistration.CheckPeople(people);
        if (campaign.Villages.All(v => v.VillageId != villageId)) throw new DomainRuleException("campaign.village.not-taking-part");
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO event_registrations (event_id, user_id, village_id, people, at) VALUES ({eventId}, {actor.UserId}, {villageId}, {people}, {now})
            ON CONFLICT (event_id, user_id) DO UPDATE SET village_id = excluded.village_id, people = excluded.people, at = excluded.at
            """, ct);
    }

    public async Task FollowAsync(Actor actor, int campaignId, bool follow, CancellationToken ct = default)
    {
        if (actor.IsSystem) throw new DomainRuleException("pledge.author.required");
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!await db.Campaigns.AnyAsync(c => c.Id == campaignId && c.State != CampaignState.Draft, ct)) throw new DomainRuleException("campaign.not-found");
        if (follow)
            await db.Database.ExecuteSqlAsync($"INSERT INTO campaign_followers (campaign_id, user_id) VALUES ({campaignId}, {actor.UserId}) ON CONFLICT DO NOTHING", ct);
        else
            await db.CampaignFollowers.Where(f => f.CampaignId == campaignId && f.UserId == actor.UserId).ExecuteDeleteAsync(ct);
    }

    /// <summary>Vietnam's calendar date of an instant.</summary>
    public static DateOnly VietnamDate(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(TimeSpan.FromHours(7)).DateTime);

    private static async Task<PledgeResult?> SameRequestAsync(PortalDb db, Guid clientRequestId, CancellationToken ct)
    {
        var id = await db.Pledges.Where(p => p.ClientRequestId == clientRequestId).Select(p => (long?)p.Id).FirstOrDefaultAsync(ct);
        return id is long found ? new PledgeResult(found, false) : null;
    }

    private static List<(CampaignGoal Goal, decimal Amount)> Lines(Campaign campaign, IReadOnlyList<PledgeAmount> amounts) =>
        amounts.Where(a => a.Amount != 0).Select(a =>
            (campaign.Goals.FirstOrDefault(g => g.Id == a.GoalId) ?? throw new DomainRuleException("goal.not-found"), a.Amount)).ToList();

    private static object Snapshot(Pledge pledge) => new
    {
        State = pledge.State.ToString(), pledge.PledgerName, pledge.HouseholdName, Visibility = pledge.Visibility.ToString(),
        Lines = pledge.Lines.Select(l => new { l.GoalId, l.Amount }).ToList(),
    };

    /// <summary>The village head of the pledge's village, or an organiser of the campaign.</summary>
    private static async Task DemandVillageAsync(PortalDb db, Actor actor, Campaign campaign, int villageId, CancellationToken ct)
    {
        if (await db.MayAsync(actor, StaffAction.ConfirmPledge, villageId, ct)) return;
        await db.DemandAsync(actor, StaffAction.ManageCampaign, campaign.UnitId, ct);
    }

    private async Task NotifyPledgerAsync(PortalDb db, Pledge pledge, Campaign campaign, string occasion, string titleVi, string titleEn,
        string bodyVi, string bodyEn, DateTimeOffset now, CancellationToken ct)
    {
        if (pledge.PledgerId is null) return;
        await NotificationService.NotifyAsync(db, [pledge.PledgerId], NotificationKinds.PledgeUpdate, $"pledge:{pledge.Id}:{occasion}",
            titleVi, titleEn, links.Campaign(campaign.Id), $"{bodyVi}\n\n**{campaign.Title}**", $"{bodyEn}\n\n**{campaign.Title}**", links.BaseUrl, now, ct);
        await NotificationService.SignalAsync(db, [pledge.PledgerId], ct);
    }

    /// <summary>The organising agency belongs to the unit or above it; the villages are active villages under the unit.</summary>
    private static async Task CheckPlanAsync(PortalDb db, CampaignPlan plan, CancellationToken ct)
    {
        var unit = db.Units.Where(u => u.Id == plan.UnitId).Select(u => u.Path);
        if (!await db.Agencies.AnyAsync(a => a.Id == plan.OrganiserAgencyId && a.IsActive && unit.Any(p => a.Unit.Path.IsAncestorOf(p)), ct))
            throw new DomainRuleException("campaign.agency.out-of-scope");
        var ids = plan.VillageIds.Distinct().ToList();
        var inside = await db.Units.CountAsync(u => ids.Contains(u.Id) && u.Level == UnitLevel.Village && u.IsActive
            && unit.Any(p => u.Path.IsDescendantOf(p)), ct);
        if (inside != ids.Count) throw new DomainRuleException("campaign.village.outside");
    }

    private static async Task<Campaign> LoadAsync(PortalDb db, int id, CancellationToken ct) =>
        await db.Campaigns.Include(c => c.Villages).Include(c => c.Goals).ThenInclude(g => g.VillageTargets)
            .AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new DomainRuleException("campaign.not-found");

    private static async Task<(Campaign, CampaignGoal)> LoadGoalAsync(PortalDb db, int goalId, CancellationToken ct)
    {
        var campaignId = await db.CampaignGoals.Where(g => g.Id == goalId).Select(g => (int?)g.CampaignId).SingleOrDefaultAsync(ct)
            ?? throw new DomainRuleException("goal.not-found");
        var campaign = await LoadAsync(db, campaignId, ct);
        return (campaign, campaign.Goals.Single(g => g.Id == goalId));
    }

    private static async Task<(Pledge, Campaign)> LoadPledgeAsync(PortalDb db, long id, CancellationToken ct)
    {
        var pledge = await db.Pledges.Include(p => p.Lines).SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new DomainRuleException("pledge.not-found");
        return (pledge, await LoadAsync(db, pledge.CampaignId, ct));
    }
}
