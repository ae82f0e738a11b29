namespace Portal.Domain.Campaigns;

public enum CampaignState
{
    Draft = 1,
    /// <summary>Taking pledges (in the villages whose households decided to contribute).</summary>
    Open = 2,
    /// <summary>No new pledges; confirmations and contributions are still recorded.</summary>
    Closed = 3,
    /// <summary>The work is done and the books closed.</summary>
    Completed = 4,
}

/// <summary>What an organiser fills in to create or revise a campaign.</summary>
public sealed record CampaignPlan(int UnitId, int OrganiserAgencyId, string Title, string DescriptionMarkdown,
    DateOnly StartsOn, DateOnly EndsOn, IReadOnlyList<int> VillageIds);

/// <summary>
/// A mobilisation campaign (cuộc vận động) of a commune's Front committee or People's Committee: the villages taking
/// part, its goals, and its life from draft to completed. Pledges come only while it is open.
/// </summary>
public sealed class Campaign
{
    public const int MaxTitle = 200;
    public const int MaxDescription = 20_000;
    public const int MaxVillages = 200;

    private Campaign() { }

    public int Id { get; private set; }
    public int UnitId { get; private set; }
    public int OrganiserAgencyId { get; private set; }
    public string Title { get; private set; } = "";
    public string DescriptionMarkdown { get; private set; } = "";
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public CampaignState State { get; private set; } = CampaignState.Draft;
    public DateTimeOffset CreatedAt { get; private set; }
    public string? CreatedById { get; private set; }
    public DateTimeOffset? OpenedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public List<CampaignVillage> Villages { get; private set; } = [];
    public List<CampaignGoal> Goals { get; private set; } = [];
    public uint Version { get; private set; }

    public static Campaign Create(CampaignPlan plan, string? by, DateTimeOffset at)
    {
        var campaign = new Campaign { UnitId = plan.UnitId, CreatedAt = at, CreatedById = by };
        campaign.Apply(plan);
        return campaign;
    }

    /// <summary>Title, description, period and villages change while drafted or open; a village with pledges stays.</summary>
    public void Revise(CampaignPlan plan, IReadOnlySet<int> villagesWithPledges)
    {
        if (State is not (CampaignState.Draft or CampaignState.Open)) throw new DomainRuleException("campaign.revise.not-open", State);
        if (plan.UnitId != UnitId) throw new DomainRuleException("campaign.unit.fixed");
        if (villagesWithPledges.Except(plan.VillageIds).Any()) throw new DomainRuleException("campaign.village.has-pledges");
        Apply(plan);
    }

    private void Apply(CampaignPlan plan)
    {
        var title = Text.Clean(plan.Title);
        if (title.Length is < 5 or > MaxTitle) throw new DomainRuleException("campaign.title.invalid", MaxTitle);
        var description = Text.Clean(plan.DescriptionMarkdown);
        if (description.Length > MaxDescription) throw new DomainRuleException("campaign.description.too-long", MaxDescription);
        if (plan.EndsOn < plan.StartsOn) throw new DomainRuleException("campaign.period.invalid");
        if (plan.EndsOn > plan.StartsOn.AddYears(5)) throw new DomainRuleException("campaign.period.too-long");
        var villages = plan.VillageIds.Distinct().ToList();
        if (villages.Count == 0) throw new DomainRuleException("campaign.villages.required");
        if (villages.Count > MaxVillages) throw new DomainRuleException("campaign.villages.too-many", MaxVillages);
        Title = title;
        DescriptionMarkdown = description;
        StartsOn = plan.StartsOn;
        EndsOn = plan.EndsOn;
        OrganiserAgencyId = plan.OrganiserAgencyId;
        Villages.RemoveAll(v => !villages.Contains(v.VillageId));
        foreach (var id in villages.Where(id => Villages.All(v => v.VillageId != id)))
            Villages.Add(new CampaignVillage { VillageId = id });
    }

    public CampaignGoal AddGoal(GoalKind kind, string title, string? unitText, decimal target)
    {
        if (State is not (CampaignState.Draft or CampaignState.Open)) throw new DomainRuleException("campaign.revise.not-open", State);
        if (Goals.Count >= 12) throw new DomainRuleException("goal.too-many", 12);
        var goal = new CampaignGoal(kind, title, unitText, target);
        Goals.Add(goal);
        return goal;
    }

    /// <summary>Opens for pledges: it needs at least one goal residents can pledge to.</summary>
    public void Open(DateTimeOffset at)
    {
        if (State != CampaignState.Draft) throw new DomainRuleException("campaign.open.not-draft", State);
        if (!Goals.Any(g => g.Kind != GoalKind.Length)) throw new DomainRuleException("campaign.open.no-goals");
        State = CampaignState.Open;
        OpenedAt = at;
    }

    public void Close(DateTimeOffset at)
    {
        if (State != CampaignState.Open) throw new DomainRuleException("campaign.close.not-open", State);
        State = CampaignState.Closed;
        ClosedAt = at;
    }

    /// <summary>Completed once closed; nothing changes any more except updates and supervision notes.</summary>
    public void Complete(DateTimeOffset at)
    {
        if (State != CampaignState.Closed) throw new DomainRuleException("campaign.complete.not-closed", State);
        State = CampaignState.Completed;
        CompletedAt = at;
    }

    public bool TakesPledges => State == CampaignState.Open;

    /// <summary>Pledges already made can still be confirmed, fulfilled or cancelled until the campaign is completed.</summary>
    public bool RecordsContributions => State is CampaignState.Open or CampaignState.Closed;
}

/// <summary>A village taking part in a campaign.</summary>
public sealed class CampaignVillage
{
    public int CampaignId { get; set; }
    public int VillageId { get; set; }
}

/// <summary>One thing a campaign counts (money, labour days, a material, land, km built) with its overall target and,
/// optionally, a target per village.</summary>
public sealed class CampaignGoal
{
    public const int MaxTitle = 120;

    private CampaignGoal() { }

    internal CampaignGoal(GoalKind kind, string title, string? unitText, decimal target)
    {
        if (!Enum.IsDefined(kind)) throw new DomainRuleException("goal.kind.invalid");
        Kind = kind;
        Revise(title, unitText, target);
    }

    public int Id { get; private set; }
    public int CampaignId { get; private set; }
    public GoalKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    /// <summary>The unit of a material ("tấn xi măng"); the kind's own unit otherwise.</summary>
    public string UnitText { get; private set; } = "";
    public decimal Target { get; private set; }
    /// <summary>For km built: what the organisers have recorded as done.</summary>
    public decimal Achieved { get; private set; }
    public List<GoalVillageTarget> VillageTargets { get; private set; } = [];

    public void Revise(string title, string? unitText, decimal target)
    {
        var cleanTitle = Text.Clean(title);
        if (cleanTitle.Length is < 2 or > MaxTitle) throw new DomainRuleException("goal.title.invalid", MaxTitle);
        var unit = Kind == GoalKind.Materials ? Text.Clean(unitText) : GoalAmounts.DefaultUnit(Kind);
        if (unit.Length is 0 or > 40) throw new DomainRuleException("goal.unit.required");
        Target = GoalAmounts.CheckTarget(Kind, target);
        Title = cleanTitle;
        UnitText = unit;
    }

    public void SetVillageTarget(int villageId, decimal? target)
    {
        VillageTargets.RemoveAll(t => t.VillageId == villageId);
        if (target is decimal value) VillageTargets.Add(new GoalVillageTarget { VillageId = villageId, Target = GoalAmounts.CheckTarget(Kind, value) });
    }

    /// <summary>The organisers record how many km are built so far (a length goal only).</summary>
    public void RecordAchieved(decimal achieved)
    {
        if (Kind != GoalKind.Length) throw new DomainRuleException("goal.achieved.not-length");
        Achieved = achieved == 0 ? 0 : GoalAmounts.CheckPledge(Kind, achieved);
    }
}

public sealed class GoalVillageTarget
{
    public int GoalId { get; set; }
    public int VillageId { get; set; }
    public decimal Target { get; set; }
}
