namespace Portal.Domain.Campaigns;

public enum PledgeState
{
    Pledged = 1,
    /// <summary>The village head (or an organiser) confirmed it with the household.</summary>
    Confirmed = 2,
    /// <summary>Contributed, with the amounts actually given.</summary>
    Fulfilled = 3,
    Cancelled = 4,
}

/// <summary>How the honour board shows a pledger.</summary>
public enum PledgeVisibility
{
    Name = 1,
    Household = 2,
    Anonymous = 3,
}

/// <summary>An amount for one goal, as the form sends it.</summary>
public sealed record PledgeAmount(int GoalId, decimal Amount);

/// <summary>Who pledges: the signed-in resident, or a person a village head records for (no account needed).</summary>
public sealed record PledgerInfo(string Name, bool ForHousehold, string? HouseholdName, PledgeVisibility Visibility, string? Note);

/// <summary>
/// A pledge (đăng ký đóng góp) of a person or household to a campaign: amounts per goal, pledged → confirmed by the
/// village head → fulfilled with what was actually given, or cancelled with a reason. Once confirmed, amounts change
/// only through <see cref="Correct"/>, which the service audits.
/// </summary>
public sealed class Pledge
{
    public const int MaxName = 100;
    public const int MaxNote = 500;

    private Pledge() { }

    public Pledge(int campaignId, int villageId, string? pledgerId, string? recordedById, PledgerInfo who,
        IReadOnlyList<(CampaignGoal Goal, decimal Amount)> amounts, Guid clientRequestId, DateTimeOffset at)
    {
        CampaignId = campaignId;
        VillageId = villageId;
        PledgerId = pledgerId;
        RecordedById = recordedById;
        ClientRequestId = clientRequestId;
        CreatedAt = at;
        SetWho(who);
        SetLines(amounts);
    }

    public long Id { get; private set; }
    public int CampaignId { get; private set; }
    public int VillageId { get; private set; }
    /// <summary>The resident's account; null when a village head recorded it for someone without one.</summary>
    public string? PledgerId { get; private set; }
    public string PledgerName { get; private set; } = "";
    public bool ForHousehold { get; private set; }
    /// <summary>"Hộ ông Lý Văn Pó": how the household is known in the village.</summary>
    public string? HouseholdName { get; private set; }
    /// <summary><see cref="HouseholdName"/> as compared: the same household pledging twice is asked whether to update.</summary>
    public string? HouseholdKey { get; private set; }
    public PledgeVisibility Visibility { get; private set; }
    public string? Note { get; private set; }
    /// <summary>The village head who recorded it on the resident's behalf.</summary>
    public string? RecordedById { get; private set; }
    public Guid ClientRequestId { get; private set; }
    public PledgeState State { get; private set; } = PledgeState.Pledged;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ConfirmedAt { get; private set; }
    public string? ConfirmedById { get; private set; }
    public DateTimeOffset? FulfilledAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public string? CancelReason { get; private set; }
    public List<PledgeLine> Lines { get; private set; } = [];
    public uint Version { get; private set; }

    /// <summary>The key that says "the same household" within a village: its name, case and spacing aside.</summary>
    public static string? KeyOf(string? householdName) =>
        Text.CleanOrNull(householdName) is string name ? string.Join(' ', name.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)) : null;

    /// <summary>The pledger changes their own pledge before it is confirmed.</summary>
    public void Amend(PledgerInfo who, IReadOnlyList<(CampaignGoal Goal, decimal Amount)> amounts)
    {
        if (State != PledgeState.Pledged) throw new DomainRuleException("pledge.amend.not-pledged", State);
        SetWho(who);
        SetLines(amounts);
    }

    /// <summary>The village head or an organiser corrects a confirmed pledge's amounts (audited with the reason).</summary>
    public void Correct(IReadOnlyList<(CampaignGoal Goal, decimal Amount)> amounts, string reason)
    {
        if (State != PledgeState.Confirmed) throw new DomainRuleException("pledge.correct.not-confirmed", State);
        RequireReason(reason);
        SetLines(amounts);
    }

    public void Confirm(string? by, DateTimeOffset at)
    {
        if (State != PledgeState.Pledged) throw new DomainRuleException("pledge.confirm.not-pledged", State);
        State = PledgeState.Confirmed;
        ConfirmedAt = at;
        ConfirmedById = by;
    }

    /// <summary>Records what was actually contributed for each goal (may differ from the pledge; zero when nothing came).</summary>
    public void Fulfil(IReadOnlyDictionary<int, decimal> actual, IReadOnlyDictionary<int, GoalKind> kinds, DateTimeOffset at)
    {
        if (State != PledgeState.Confirmed) throw new DomainRuleException("pledge.fulfil.not-confirmed", State);
        foreach (var line in Lines)
        {
            var amount = actual.TryGetValue(line.GoalId, out var given) ? given : line.Amount;
            line.Fulfilled = GoalAmounts.CheckFulfilled(kinds[line.GoalId], amount);
        }
        if (Lines.All(l => l.Fulfilled == 0)) throw new DomainRuleException("pledge.fulfil.nothing");
        State = PledgeState.Fulfilled;
        FulfilledAt = at;
    }

    public void Cancel(string reason, DateTimeOffset at)
    {
        if (State is PledgeState.Fulfilled or PledgeState.Cancelled) throw new DomainRuleException("pledge.cancel.closed", State);
        CancelReason = RequireReason(reason);
        State = PledgeState.Cancelled;
        CancelledAt = at;
    }

    public bool IsActive => State is PledgeState.Pledged or PledgeState.Confirmed or PledgeState.Fulfilled;

    private static string RequireReason(string reason)
    {
        var clean = Text.Clean(reason);
        if (clean.Length is < 5 or > MaxNote) throw new DomainRuleException("pledge.reason.invalid", MaxNote);
        return clean;
    }

    private void SetWho(PledgerInfo who)
    {
        var name = Text.Clean(who.Name);
        if (name.Length is 0 or > MaxName) throw new DomainRuleException("pledge.name.invalid", MaxName);
        var household = Text.CleanOrNull(who.HouseholdName);
        if (who.ForHousehold && household is null) throw new DomainRuleException("pledge.household.required");
        if (household?.Length > MaxName) throw new DomainRuleException("pledge.household.too-long", MaxName);
        if (!Enum.IsDefined(who.Visibility)) throw new DomainRuleException("pledge.visibility.invalid");
        if (who.Visibility == PledgeVisibility.Household && !who.ForHousehold) throw new DomainRuleException("pledge.visibility.no-household");
        var note = Text.CleanOrNull(who.Note);
        if (note?.Length > MaxNote) throw new DomainRuleException("pledge.note.too-long", MaxNote);
        PledgerName = name;
        ForHousehold = who.ForHousehold;
        HouseholdName = who.ForHousehold ? household : null;
        HouseholdKey = KeyOf(HouseholdName);
        Visibility = who.Visibility;
        Note = note;
    }

    private void SetLines(IReadOnlyList<(CampaignGoal Goal, decimal Amount)> amounts)
    {
        var given = amounts.Where(a => a.Amount != 0).ToList();
        if (given.Count == 0) throw new DomainRuleException("pledge.amounts.required");
        if (given.Select(a => a.Goal.Id).Distinct().Count() != given.Count) throw new DomainRuleException("pledge.goal.repeated");
        foreach (var (goal, amount) in given)
        {
            if (goal.Kind == GoalKind.Length) throw new DomainRuleException("pledge.goal.not-pledgeable");
            GoalAmounts.CheckPledge(goal.Kind, amount);
        }
        Lines.RemoveAll(l => given.All(g => g.Goal.Id != l.GoalId));
        foreach (var (goal, amount) in given)
        {
            var line = Lines.FirstOrDefault(l => l.GoalId == goal.Id);
            if (line is null) Lines.Add(new PledgeLine { GoalId = goal.Id, Amount = amount });
            else line.Amount = amount;
        }
    }
}

/// <summary>The amount a pledge gives to one goal, and what was actually contributed once fulfilled.</summary>
public sealed class PledgeLine
{
    public long Id { get; set; }
    public long PledgeId { get; set; }
    public int GoalId { get; set; }
    public decimal Amount { get; set; }
    public decimal? Fulfilled { get; set; }
}
