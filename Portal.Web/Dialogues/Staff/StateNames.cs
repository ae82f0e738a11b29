using Microsoft.Extensions.Localization;
using MudBlazor;
using Portal.Domain.Dialogues;

namespace Portal.Web.Dialogues.Staff;

/// <summary>The states of conferences and questions in the words of DOMAIN.md, with the colour staff see them in.</summary>
public static class StateNames
{
    public static string Of(ConferenceState state, IStringLocalizer<StaffDialoguesText> T) => state switch
    {
        ConferenceState.Draft => T["Bản nháp"],
        ConferenceState.Announced => T["Đã thông báo"],
        ConferenceState.OpenForQuestions => T["Đang nhận ý kiến"],
        ConferenceState.QuestionsClosed => T["Đã đóng nhận ý kiến"],
        ConferenceState.Held => T["Đã tổ chức"],
        _ => T["Đã công khai kết quả"],
    };

    public static string Of(QuestionState state, IStringLocalizer<StaffDialoguesText> T) => state switch
    {
        QuestionState.Received => T["Đã tiếp nhận"],
        QuestionState.Accepted => T["Đã thụ lý"],
        QuestionState.Transferred => T["Đã chuyển"],
        QuestionState.Refused => T["Từ chối"],
        QuestionState.Merged => T["Đã gộp"],
        QuestionState.Answered => T["Đã trả lời"],
        _ => T["Đã công khai"],
    };

    public static Color ColourOf(ConferenceState state) => state switch
    {
        ConferenceState.Draft => Color.Default,
        ConferenceState.OpenForQuestions => Color.Success,
        ConferenceState.Announced => Color.Info,
        _ => Color.Secondary,
    };

    public static Color ColourOf(QuestionState state) => state switch
    {
        QuestionState.Received => Color.Warning,
        QuestionState.Accepted or QuestionState.Transferred => Color.Info,
        QuestionState.Answered or QuestionState.Published => Color.Success,
        _ => Color.Default,
    };
}
