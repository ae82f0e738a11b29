using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain;
using Portal.Domain.Accounts;

namespace Portal.Web.Shell;

/// <summary>What a person is told when the domain refuses an action: the rule's message key, in their language.</summary>
public static class ErrorText
{
    private static readonly Dictionary<string, (string Vi, string En)> Messages = new()
    {
        ["access.denied"] = ("Bạn không có quyền thực hiện việc này tại đơn vị này.", "You may not do this for this unit."),
        ["concurrency"] = ("Dữ liệu vừa được người khác thay đổi. Vui lòng tải lại và thử lại.", "Someone else changed this meanwhile. Reload and try again."),
        ["unit.code.invalid"] = ("Mã đơn vị chỉ gồm chữ và số, tối đa 20 ký tự: {0}.", "A unit code has letters and digits only, at most 20: {0}."),
        ["unit.name.required"] = ("Vui lòng nhập tên đơn vị.", "Enter the unit's name."),
        ["unit.name.too-long"] = ("Tên đơn vị dài tối đa {0} ký tự.", "A unit name has at most {0} characters."),
        ["unit.name.duplicate"] = ("Đã có đơn vị tên \"{0}\" ở cùng cấp trên.", "There is already a unit named \"{0}\" under the same parent."),
        ["unit.parent.required"] = ("Đơn vị cấp {0} phải có đơn vị cấp trên.", "A unit of level {0} needs a parent."),
        ["unit.parent.wrong-level"] = ("Đơn vị cấp {0} không thể trực thuộc đơn vị cấp {1}.", "A unit of level {0} cannot sit under one of level {1}."),
        ["unit.parent.cycle"] = ("Không thể chuyển một đơn vị vào bên trong chính nó.", "A unit cannot be moved inside itself."),
        ["unit.not-found"] = ("Không tìm thấy đơn vị.", "Unit not found."),
        ["unit.retired"] = ("Đơn vị {0} đã ngừng hoạt động.", "{0} is retired."),
        ["unit.retire.has-active-children"] = ("Hãy cho các đơn vị trực thuộc ngừng hoạt động trước.", "Retire the units under it first."),
        ["unit.reactivate.parent-retired"] = ("Đơn vị cấp trên đang ngừng hoạt động; hãy kích hoạt lại nó trước.", "Its parent is retired; reactivate the parent first."),
        ["agency.name.required"] = ("Vui lòng nhập tên cơ quan.", "Enter the agency's name."),
        ["agency.name.too-long"] = ("Tên cơ quan dài tối đa {0} ký tự.", "An agency name has at most {0} characters."),
        ["agency.name.duplicate"] = ("Đơn vị này đã có cơ quan tên \"{0}\".", "This unit already has an agency named \"{0}\"."),
        ["agency.kind.invalid"] = ("Loại cơ quan không hợp lệ.", "Unknown kind of agency."),
        ["agency.email.invalid"] = ("Email không hợp lệ: {0}.", "Not a valid email address: {0}."),
        ["agency.not-found"] = ("Không tìm thấy cơ quan.", "Agency not found."),
        ["role.invalid"] = ("Vai trò không hợp lệ.", "Unknown role."),
        ["role.revoke.last-admin"] = ("Không thể thu hồi quyền quản trị toàn quốc cuối cùng.", "The last nationwide administrator cannot be removed."),
        ["user.not-found"] = ("Không tìm thấy tài khoản.", "Account not found."),
        ["holiday.name.invalid"] = ("Tên ngày nghỉ phải có từ 1 đến 120 ký tự.", "A holiday's name has 1 to 120 characters."),
        ["holiday.date.out-of-range"] = ("Ngày {0} nằm ngoài khoảng cho phép (2000–2100).", "The date {0} is outside the allowed range (2000–2100)."),
        ["holiday.date.duplicate"] = ("Ngày {0} đã có trong lịch nghỉ.", "{0} is already in the calendar."),
        ["holiday.kind.invalid"] = ("Loại ngày không hợp lệ.", "Unknown kind of day."),
        ["holiday.working-saturday.not-saturday"] = ("Ngày làm bù phải là thứ Bảy ({0} không phải thứ Bảy).", "A working Saturday must be a Saturday ({0} is not)."),
        ["holiday.not-found"] = ("Không tìm thấy ngày nghỉ.", "Holiday not found."),
        ["deadline.length.not-positive"] = ("Thời hạn phải lớn hơn 0 ngày (đã nhập {0}).", "A deadline must be longer than 0 days (got {0})."),
        ["deadline.length.too-long"] = ("Thời hạn tối đa là 3.660 ngày (đã nhập {0}).", "A deadline is at most 3,660 days (got {0})."),
        ["deadline.counting.invalid"] = ("Cách tính ngày không hợp lệ.", "Unknown way of counting days."),
        ["deadline.reminders.invalid"] = ("Ngày nhắc phải lớn hơn 0 và không vượt quá thời hạn.", "Reminder days must be positive and within the deadline."),
        ["deadline.escalation.invalid"] = ("Số ngày trước khi chuyển cấp trên không được âm.", "Escalation days cannot be negative."),
        ["deadline.basis.required"] = ("Vui lòng ghi căn cứ (điều luật hoặc quy định của địa phương), tối đa 300 ký tự.", "Give the basis (a law article or local policy), at most 300 characters."),
        ["deadline.policy.not-found"] = ("Không tìm thấy quy định thời hạn.", "Deadline policy not found."),
        ["outbox.not-found"] = ("Không tìm thấy email này.", "Email not found."),
        ["outbox.retry.already-sent"] = ("Email này đã được gửi; không gửi lại.", "This email was already sent; it is not sent again."),
        ["user.name.invalid"] = ("Họ tên phải có từ 1 đến 100 ký tự.", "A name has 1 to 100 characters."),
    };

    /// <summary>The message for a refusal; null for exceptions that are not refusals (let those surface as errors).</summary>
    public static string? For(Exception error)
    {
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var (key, args) = error switch
        {
            DomainRuleException rule => (rule.Key, rule.Args),
            AccessDeniedException => ("access.denied", Array.Empty<object?>()),
            DbUpdateConcurrencyException => ("concurrency", Array.Empty<object?>()),
            _ => (null, Array.Empty<object?>()),
        };
        if (key is null) return null;
        if (!Messages.TryGetValue(key, out var text))
            return english ? $"The action was refused ({key})." : $"Thao tác bị từ chối ({key}).";
        return string.Format(CultureInfo.CurrentCulture, english ? text.En : text.Vi, args);
    }

    public static IEnumerable<string> Keys => Messages.Keys;
}
