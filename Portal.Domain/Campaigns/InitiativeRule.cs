using System.Globalization;

namespace Portal.Domain.Campaigns;

/// <summary>Whether a residents' initiative reaches the share it needs, until when it stands, explained in both languages.</summary>
public sealed record InitiativeOutcome(bool Reaches, int Required, decimal ProposingShare, DateOnly ValidUntil, string ExplanationVi, string ExplanationEn);

/// <summary>
/// Pure: a residents' initiative (a matter the village's households propose to discuss and decide) must be proposed by at
/// least 10% of the village's households, and stands for 3 months from the day it was proposed (Law on Grassroots
/// Democracy 2022, Art. 16.3). Counted against every household of the village.
/// </summary>
public static class InitiativeRule
{
    public const string BasisVi = "Luật Thực hiện dân chủ ở cơ sở 2022, Điều 16 khoản 3";
    public const string BasisEn = "Law on Grassroots Democracy 2022, Art. 16.3";
    public const int ValidMonths = 3;

    /// <summary>The fewest proposing households that reach the share: the smallest n with 10n ≥ total.</summary>
    public static int Required(int households) => (households + 9) / 10;

    public static InitiativeOutcome Evaluate(int households, int proposing, DateOnly proposedOn)
    {
        if (households <= 0) throw new DomainRuleException("initiative.households.invalid", VillageInitiative.MaxHouseholds);
        if (proposing <= 0 || proposing > households) throw new DomainRuleException("initiative.proposing.invalid", households);
        var reaches = 10 * proposing >= households;
        var required = Required(households);
        var share = Math.Round(100m * proposing / households, 1);
        var validUntil = proposedOn.AddMonths(ValidMonths);
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        var en = CultureInfo.GetCultureInfo("en-GB");
        var explanationVi = string.Format(vi,
            "{0}: {1}/{2} hộ đề xuất ({3:0.#}%); cần ít nhất 10% số hộ, tức {4} hộ ({5}). {6}",
            reaches ? "Đủ" : "Chưa đủ", proposing, households, share, required, BasisVi,
            reaches ? string.Format(vi, "Sáng kiến có giá trị đến hết ngày {0:dd/MM/yyyy}.", validUntil) : "Chưa đưa ra bàn bạc được.");
        var explanationEn = string.Format(en,
            "{0}: {1} of {2} households propose it ({3:0.#}%); at least 10%, i.e. {4} households, are needed ({5}). {6}",
            reaches ? "Enough" : "Not enough", proposing, households, share, required, BasisEn,
            reaches ? string.Format(en, "The initiative stands until {0:dd/MM/yyyy}.", validUntil) : "It cannot be put to the village yet.");
        return new InitiativeOutcome(reaches, required, share, validUntil, explanationVi, explanationEn);
    }
}
