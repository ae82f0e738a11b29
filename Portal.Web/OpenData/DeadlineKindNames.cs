using Microsoft.Extensions.Localization;
using Portal.Domain.Deadlines;

namespace Portal.Web.OpenData;

/// <summary>What each kind of tracked deadline is called (the CSV export, the workspace's filter). A pillar adding a
/// <see cref="DeadlineKind"/> names it here.</summary>
public static class DeadlineKindNames
{
    public static string Name(DeadlineKind kind, IStringLocalizer<OpenDataText> T) => kind switch
    {
        DeadlineKind.Acknowledge => T["Tiếp nhận ý kiến"],
        DeadlineKind.Transfer => T["Chuyển cơ quan có thẩm quyền"],
        DeadlineKind.AnswerQuestion => T["Trả lời ý kiến"],
        DeadlineKind.AnnounceConference => T["Thông báo hội nghị"],
        DeadlineKind.PublishResults => T["Công khai kết quả hội nghị"],
        DeadlineKind.DraftCommentWindow => T["Lấy ý kiến dự thảo"],
        DeadlineKind.AnswerCriticism => T["Trả lời văn bản phản biện"],
        DeadlineKind.Commitment => T["Cam kết"],
        _ => kind.ToString(),
    };
}
