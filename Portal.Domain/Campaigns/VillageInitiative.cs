namespace Portal.Domain.Campaigns;

/// <summary>What is recorded of a residents' initiative in a village taking part in a campaign.</summary>
public sealed record InitiativeRecord(int VillageId, string Proposal, int Households, int Proposing, DateOnly ProposedOn);

/// <summary>
/// A residents' initiative (Art. 16.3): what the households propose for the campaign in their village, with how many of
/// the village's households propose it. It reaches the threshold with at least 10% of them and stands for 3 months. One
/// per village and campaign: recording again (more signatures, a new proposal) replaces it.
/// </summary>
public sealed class VillageInitiative
{
    public const int MaxProposal = 1_000;
    public const int MaxHouseholds = VillageDecision.MaxHouseholds;

    private VillageInitiative() { }

    public VillageInitiative(int campaignId, InitiativeRecord record, string? recordedById, DateTimeOffset at, DateOnly today)
    {
        CampaignId = campaignId;
        VillageId = record.VillageId;
        Apply(record, recordedById, at, today);
    }

    public long Id { get; private set; }
    public int CampaignId { get; private set; }
    public int VillageId { get; private set; }
    public string Proposal { get; private set; } = "";
    public int Households { get; private set; }
    public int Proposing { get; private set; }
    public DateOnly ProposedOn { get; private set; }
    public bool Reaches { get; private set; }
    public DateOnly ValidUntil { get; private set; }
    public string ExplanationVi { get; private set; } = "";
    public string ExplanationEn { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }
    public string? RecordedById { get; private set; }
    public uint Version { get; private set; }

    public void Replace(InitiativeRecord record, string? recordedById, DateTimeOffset at, DateOnly today) => Apply(record, recordedById, at, today);

    private void Apply(InitiativeRecord record, string? recordedById, DateTimeOffset at, DateOnly today)
    {
        var proposal = Text.Clean(record.Proposal);
        if (proposal.Length == 0) throw new DomainRuleException("initiative.proposal.required");
        if (proposal.Length > MaxProposal) throw new DomainRuleException("initiative.proposal.too-long", MaxProposal);
        if (record.Households is <= 0 or > MaxHouseholds) throw new DomainRuleException("initiative.households.invalid", MaxHouseholds);
        if (record.ProposedOn > today) throw new DomainRuleException("initiative.date.future");
        if (record.ProposedOn < today.AddYears(-2)) throw new DomainRuleException("initiative.date.too-old");
        var outcome = InitiativeRule.Evaluate(record.Households, record.Proposing, record.ProposedOn);
        Proposal = proposal;
        Households = record.Households;
        Proposing = record.Proposing;
        ProposedOn = record.ProposedOn;
        Reaches = outcome.Reaches;
        ValidUntil = outcome.ValidUntil;
        ExplanationVi = outcome.ExplanationVi;
        ExplanationEn = outcome.ExplanationEn;
        RecordedAt = at;
        RecordedById = recordedById;
    }
}
