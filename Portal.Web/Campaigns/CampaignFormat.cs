using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Domain.Campaigns;

namespace Portal.Web.Campaigns;

/// <summary>Amounts as people read them: 1.234.567 ₫, 12,5 ngày công, 2,5 tấn xi măng, 120 m².</summary>
public static class CampaignFormat
{
    public static string Number(decimal amount) => amount.ToString("#,##0.###", CultureInfo.CurrentCulture);

    public static string Amount(GoalKind kind, string unitText, decimal amount, IStringLocalizer<CampaignsText> t) => kind switch
    {
        GoalKind.Money => amount.ToString("#,##0", CultureInfo.CurrentCulture) + " ₫",
        GoalKind.LabourDays => $"{Number(amount)} {t["ngày công"]}",
        _ => $"{Number(amount)} {unitText}",
    };

    public static string Amount(GoalProgress goal, decimal amount, IStringLocalizer<CampaignsText> t) => Amount(goal.Kind, goal.UnitText, amount, t);

    public static string Amount(PledgeLineView line, decimal amount, IStringLocalizer<CampaignsText> t) => Amount(line.Kind, line.UnitText, amount, t);

    /// <summary>Share of the target reached, 0–100 for the bar (the text may say more than 100 %).</summary>
    public static double Percent(decimal done, decimal target) => target <= 0 ? 0 : (double)Math.Min(100m, Math.Round(100m * done / target, 1));

    public static string PercentText(decimal done, decimal target) =>
        target <= 0 ? "" : Math.Round(100m * done / target, 1).ToString("0.#", CultureInfo.CurrentCulture) + "%";

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string KindName(GoalKind kind, IStringLocalizer<CampaignsText> t) => kind switch
    {
        GoalKind.Money => t["Tiền"],
        GoalKind.LabourDays => t["Ngày công lao động"],
        GoalKind.Materials => t["Vật liệu"],
        GoalKind.Land => t["Hiến đất"],
        _ => t["Số km đường"],
    };

    public static string StateName(CampaignState state, IStringLocalizer<CampaignsText> t) => state switch
    {
        CampaignState.Draft => t["Bản nháp"],
        CampaignState.Open => t["Đang nhận đăng ký"],
        CampaignState.Closed => t["Đã kết thúc nhận đăng ký"],
        _ => t["Đã hoàn thành"],
    };

    public static string PledgeStateName(PledgeState state, IStringLocalizer<CampaignsText> t) => state switch
    {
        PledgeState.Pledged => t["Chờ xác nhận"],
        PledgeState.Confirmed => t["Đã xác nhận"],
        PledgeState.Fulfilled => t["Đã đóng góp"],
        _ => t["Đã huỷ"],
    };

    /// <summary>How a pledger appears on the honour board and the ledger.</summary>
    public static string Shown(HonourEntry entry, IStringLocalizer<CampaignsText> t) =>
        entry.ShownName ?? t["Một hộ gia đình không nêu tên"];
}
