namespace Portal.Domain.Campaigns;

public enum DecisionMethod
{
    /// <summary>Hội nghị cộng đồng dân cư.</summary>
    Meeting = 1,
    /// <summary>Phát phiếu lấy ý kiến hộ gia đình.</summary>
    HouseholdBallot = 2,
}

/// <summary>What is recorded of a village's decision.</summary>
public sealed record DecisionRecord(int VillageId, DecisionMethod Method, int Households, int Agreeing, int Disagreeing, int NotVoting, DateOnly DecidedOn);

/// <summary>
/// A village's household decision (dân bàn) on contributing to a campaign: taken at a community meeting or by household
/// ballot (Art. 17), passed with at least two thirds of households agreeing (Art. 21.1). Contributions open in the
/// village only when it passed. A decision that did not pass may be replaced by a new meeting's.
/// </summary>
public sealed class VillageDecision
{
    public const int MaxHouseholds = 20_000;

    private VillageDecision() { }

    public VillageDecision(int campaignId, DecisionRecord record, string? recordedById, DateTimeOffset at, DateOnly today)
    {
        CampaignId = campaignId;
        VillageId = record.VillageId;
        Apply(record, recordedById, at, today);
    }

    public int Id { get; private set; }
    public int CampaignId { get; private set; }
    public int VillageId { get; private set; }
    public DecisionMethod Method { get; private set; }
    public int Households { get; private set; }
    public int Agreeing { get; private set; }
    public int Disagreeing { get; private set; }
    public int NotVoting { get; private set; }
    public DateOnly DecidedOn { get; private set; }
    public bool Passed { get; private set; }
    public string ExplanationVi { get; private set; } = "";
    public string ExplanationEn { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }
    public string? RecordedById { get; private set; }
    /// <summary>When the commune acknowledged the village's report (Art. 20.3: within 5 working days).</summary>
    public DateTimeOffset? ReportReceivedAt { get; private set; }
    public uint Version { get; private set; }

    /// <summary>A new meeting's result replaces one that did not pass; a passed decision stands.</summary>
    public void Replace(DecisionRecord record, string? recordedById, DateTimeOffset at, DateOnly today)
    {
        if (Passed) throw new DomainRuleException("decision.already-passed");
        Apply(record, recordedById, at, today);
        ReportReceivedAt = null;
    }

    public void AcknowledgeReport(DateTimeOffset at)
    {
        if (ReportReceivedAt is not null) throw new DomainRuleException("decision.report.already-received");
        ReportReceivedAt = at;
    }

    private void Apply(DecisionRecord record, string? recordedById, DateTimeOffset at, DateOnly today)
    {
        if (!Enum.IsDefined(record.Method)) throw new DomainRuleException("decision.method.invalid");
        if (record.Households is <= 0 or > MaxHouseholds) throw new DomainRuleException("decision.households.invalid", MaxHouseholds);
        if (record.Agreeing < 0 || record.Disagreeing < 0 || record.NotVoting < 0
            || record.Agreeing + record.Disagreeing + record.NotVoting != record.Households)
            throw new DomainRuleException("decision.counts.invalid", record.Households);
        if (record.DecidedOn > today) throw new DomainRuleException("decision.date.future");
        if (record.DecidedOn < today.AddYears(-2)) throw new DomainRuleException("decision.date.too-old");
        var outcome = HouseholdDecisionRule.Evaluate(record.Households, record.Agreeing);
        Method = record.Method;
        Households = record.Households;
        Agreeing = record.Agreeing;
        Disagreeing = record.Disagreeing;
        NotVoting = record.NotVoting;
        DecidedOn = record.DecidedOn;
        Passed = outcome.Passed;
        ExplanationVi = outcome.ExplanationVi;
        ExplanationEn = outcome.ExplanationEn;
        RecordedAt = at;
        RecordedById = recordedById;
    }
}
