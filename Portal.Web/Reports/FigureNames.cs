using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Domain.Reports;

namespace Portal.Web.Reports;

/// <summary>The dashboard figures' names and how their values read. Each pillar adds its codes here (and the English
/// in ReportsText.en.resx).</summary>
public static class FigureNames
{
    public static string Name(string code, IStringLocalizer<ReportsText> T) => code switch
    {
        DialogueFigures.Received => T["Ý kiến tiếp nhận"],
        DialogueFigures.Answered => T["Đã trả lời"],
        DialogueFigures.AnsweredOnTime => T["Trả lời đúng hạn"],
        DialogueFigures.OnTimeRate => T["Tỷ lệ trả lời đúng hạn"],
        DialogueFigures.OverdueNow => T["Đang quá hạn"],
        DialogueFigures.MedianDays => T["Số ngày trả lời (trung vị)"],
        DialogueFigures.SatisfiedShare => T["Tỷ lệ hài lòng"],
        DialogueFigures.Satisfied => T["Hài lòng"],
        DialogueFigures.CommitmentsDone => T["Cam kết đã hoàn thành"],
        DialogueFigures.CommitmentsOverdueNow => T["Cam kết quá hạn"],
        CampaignFigures.Goals => T["Mục tiêu vận động"],
        CampaignFigures.GoalsReached => T["Mục tiêu đã đạt"],
        CampaignFigures.ReachedShare => T["Tỷ lệ mục tiêu đạt (cuộc vận động đã hoàn thành)"],
        CampaignFigures.Pledges => T["Lượt đăng ký đóng góp"],
        CampaignFigures.PledgesConfirmed => T["Đăng ký đã xác nhận"],
        CampaignFigures.PledgesFulfilled => T["Đăng ký đã đóng góp"],
        CampaignFigures.DecisionsPassed => T["Thôn đã biểu quyết đồng ý"],
        CampaignFigures.ReportsOverdueNow => T["Thôn chậm báo cáo kết quả biểu quyết"],
        _ => code,
    };

    public static string Pillar(string pillar, IStringLocalizer<ReportsText> T) => pillar switch
    {
        "dialogue" => T["Hội nghị đối thoại"],
        "campaigns" => T["Cuộc vận động"],
        _ => pillar,
    };

    public static string Value(DashboardFigure figure, IStringLocalizer<ReportsText> T) => figure.Value is not double value
        ? "—"
        : figure.Format switch
        {
            FigureFormat.Percent => value.ToString("P0", CultureInfo.CurrentCulture),
            FigureFormat.Days => T["{0} ngày", value.ToString("0.#", CultureInfo.CurrentCulture)],
            _ => value.ToString("N0", CultureInfo.CurrentCulture),
        };
}
