using Portal.Domain.Campaigns;

namespace Portal.Web.Campaigns.Staff;

/// <summary>What <see cref="GoalDialog"/> returns: the goal and each village's target (null: none).</summary>
public sealed record GoalEdit(GoalPlan Plan, IReadOnlyDictionary<int, decimal?> VillageTargets);
