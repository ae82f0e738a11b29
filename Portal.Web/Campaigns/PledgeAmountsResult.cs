namespace Portal.Web.Campaigns;

/// <summary>What <see cref="PledgeAmountsDialog"/> returns: an amount per goal, and the reason when one was asked.</summary>
public sealed record PledgeAmountsResult(IReadOnlyDictionary<int, decimal> Amounts, string Reason);
