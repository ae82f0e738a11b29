using System.Globalization;

namespace Portal.Domain.Campaigns;

/// <summary>The outcome of a village's household decision, with the rule explained in both languages.</summary>
public sealed record DecisionOutcome(bool Passed, int Required, decimal AgreeingShare, string ExplanationVi, string ExplanationEn);

/// <summary>
/// Pure: does a village's decision to contribute money, assets or labour to infrastructure pass? It needs at least two
/// thirds of the household representatives of the village agreeing (Law on Grassroots Democracy 2022, Art. 21.1),
/// counted against every household of the village, not only those who voted.
/// </summary>
public static class HouseholdDecisionRule
{
    public const string BasisVi = "Luật Thực hiện dân chủ ở cơ sở 2022, Điều 21 khoản 1";
    public const string BasisEn = "Law on Grassroots Democracy 2022, Art. 21.1";

    /// <summary>The fewest agreeing households that pass: the smallest n with 3n ≥ 2 × total.</summary>
    public static int Required(int households) => (2 * households + 2) / 3;

    public static DecisionOutcome Evaluate(int households, int agreeing)
    {
        if (households <= 0) throw new DomainRuleException("decision.households.invalid");
        if (agreeing < 0 || agreeing > households) throw new DomainRuleException("decision.counts.invalid", households);
        var passed = 3 * agreeing >= 2 * households;
        var required = Required(households);
        var share = Math.Round(100m * agreeing / households, 1);
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        var en = CultureInfo.GetCultureInfo("en-GB");
        var explanationVi = string.Format(vi,
            "{0}: {1}/{2} hộ đồng ý ({3:0.#}%); cần ít nhất 2/3 số hộ, tức {4} hộ ({5}).",
            passed ? "Đạt" : "Không đạt", agreeing, households, share, required, BasisVi);
        var explanationEn = string.Format(en,
            "{0}: {1} of {2} households agree ({3:0.#}%); at least two thirds, i.e. {4} households, are needed ({5}).",
            passed ? "Passed" : "Not passed", agreeing, households, share, required, BasisEn);
        return new DecisionOutcome(passed, required, share, explanationVi, explanationEn);
    }
}
