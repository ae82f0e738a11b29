using Microsoft.Extensions.Localization;
using Portal.Domain.Deadlines;

namespace Portal.Web.Deadlines;

/// <summary>How a policy reads in the UI.</summary>
public static class PolicyText
{
    public static string Kind(IStringLocalizer<DeadlinesText> t, DeadlineKind kind) => kind switch
    {
        DeadlineKind.Acknowledge => t["Thông báo thụ lý ý kiến, kiến nghị"],
        DeadlineKind.Transfer => t["Chuyển đến cơ quan có thẩm quyền"],
        DeadlineKind.AnswerQuestion => t["Trả lời ý kiến đã chuyển"],
        DeadlineKind.AnnounceConference => t["Thông báo hội nghị đối thoại trước"],
        DeadlineKind.PublishResults => t["Công khai kết quả hội nghị"],
        DeadlineKind.DraftCommentWindow => t["Thời gian lấy ý kiến người dân về dự thảo (tối thiểu)"],
        DeadlineKind.AnswerCriticism => t["Cơ quan trả lời văn bản phản biện xã hội"],
        DeadlineKind.ReportVillageDecision => t["Thôn báo cáo kết quả bàn bạc của hộ gia đình lên xã"],
        _ => t["Thực hiện cam kết (hạn do lãnh đạo ấn định)"],
    };

    public static string Length(IStringLocalizer<DeadlinesText> t, int length, DayCounting counting) =>
        counting == DayCounting.WorkingDays ? t["{0} ngày làm việc", length] : t["{0} ngày", length];
}
