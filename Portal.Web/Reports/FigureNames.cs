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
        DraftFigures.Recommendations => T["Kiến nghị phản biện tiếp nhận"], DraftFigures.Accepted => T["Kiến nghị được tiếp thu"],
        DraftFigures.PartlyAccepted => T["Kiến nghị tiếp thu một phần"], DraftFigures.NotAccepted => T["Kiến nghị không tiếp thu"],
        DraftFigures.AcceptedShare => T["Tỷ lệ kiến nghị được tiếp thu (toàn bộ hoặc một phần)"], DraftFigures.DocumentsAnswered => T["Văn bản phản biện đã trả lời"],
        DraftFigures.DocumentsOnTime => T["Văn bản phản biện trả lời đúng hạn"], DraftFigures.OnTimeRate => T["Tỷ lệ trả lời văn bản phản biện đúng hạn"],
        DraftFigures.OverdueNow => T["Văn bản phản biện quá hạn trả lời"],
        _ => code,
    };

    public static string Pillar(string pillar, IStringLocalizer<ReportsText> T) => pillar switch
    {
        "dialogue" => T["Hội nghị đối thoại"],
        "campaigns" => T["Cuộc vận động"],
        "drafts" => T["Phản biện xã hội dự thảo"],
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
