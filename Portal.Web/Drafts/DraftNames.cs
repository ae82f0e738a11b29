using Microsoft.Extensions.Localization;
using MudBlazor;
using Portal.Domain.Drafts;

namespace Portal.Web.Drafts;

/// <summary>The drafts' states, kinds, stances and decisions in the reader's language.</summary>
public static class DraftNames
{
    public static string State(DraftState state, IStringLocalizer<DraftsText> T) => state switch
    {
        DraftState.Preparing => T["Đang chuẩn bị"],
        DraftState.Open => T["Đang lấy ý kiến"],
        DraftState.Closed => T["Đã hết hạn góp ý"],
        DraftState.ReportInPreparation => T["Đang tổng hợp văn bản phản biện"],
        DraftState.ReportSent => T["Chờ cơ quan trả lời"],
        _ => T["Đã trả lời"],
    };

    public static Color Colour(DraftState state) => state switch
    {
        DraftState.Open => Color.Success,
        DraftState.ReportSent => Color.Warning,
        DraftState.Answered => Color.Primary,
        _ => Color.Default,
    };

    public static string Kind(DraftKind kind, IStringLocalizer<DraftsText> T) => kind switch
    {
        DraftKind.Policy => T["Dự thảo chính sách"],
        DraftKind.Plan => T["Dự thảo kế hoạch"],
        DraftKind.Project => T["Dự thảo đề án, dự án"],
        _ => T["Dự thảo quy định"],
    };

    public static string Audience(DraftAudience audience, IStringLocalizer<DraftsText> T) => audience switch
    {
        DraftAudience.Residents => T["Người dân trên địa bàn"],
        DraftAudience.Invited => T["Tổ chức, chuyên gia được mời"],
        _ => T["Người dân trên địa bàn và tổ chức, chuyên gia được mời"],
    };

    public static string Stance(Stance stance, IStringLocalizer<DraftsText> T) => stance switch
    {
        Portal.Domain.Drafts.Stance.Agree => T["Đồng ý"],
        Portal.Domain.Drafts.Stance.Disagree => T["Không đồng ý"],
        _ => T["Đề xuất sửa đổi"],
    };

    public static Color StanceColour(Stance stance) => stance switch
    {
        Portal.Domain.Drafts.Stance.Agree => Color.Success,
        Portal.Domain.Drafts.Stance.Disagree => Color.Error,
        _ => Color.Info,
    };

    public static string Decision(Decision? decision, IStringLocalizer<DraftsText> T) => decision switch
    {
        Portal.Domain.Drafts.Decision.Accepted => T["Tiếp thu"],
        Portal.Domain.Drafts.Decision.PartlyAccepted => T["Tiếp thu một phần"],
        Portal.Domain.Drafts.Decision.NotAccepted => T["Không tiếp thu"],
        _ => T["Chưa trả lời"],
    };
}
