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
        // Attachments (Portal.Domain/Attachments/AttachmentRules)
        ["attachment.too-many"] = ("Chỉ được đính kèm tối đa {0} tệp.", "At most {0} files can be attached."),
        ["attachment.too-large"] = ("Tệp '{0}' quá {1} MB.", "The file '{0}' is larger than {1} MB."),
        ["attachment.empty"] = ("Tệp '{0}' không có nội dung.", "The file '{0}' is empty."),
        ["attachment.kind.not-image"] = ("Tệp '{0}' không phải ảnh (JPEG, PNG, WebP, GIF).", "The file '{0}' is not an image (JPEG, PNG, WebP, GIF)."),
        ["attachment.kind.not-image-or-pdf"] = ("Tệp '{0}' không phải ảnh hoặc PDF.", "The file '{0}' is not an image or a PDF."),
        ["attachment.kind.not-allowed"] = ("Tệp '{0}' không đúng loại được nhận ({1}).", "The file '{0}' is not of an accepted type ({1})."),
        ["commitment.progress.backwards"] = ("Tiến độ không thể thấp hơn {0}% đã báo cáo.", "Progress cannot go below the {0}% already reported."),
        ["commitment.progress.unchanged"] = ("Tiến độ vẫn là {0}%: hãy nâng tiến độ, ghi việc đã làm hoặc đính kèm ảnh.", "Progress is still {0}%: raise it, say what was done or attach photos."),
        ["commitment.note.too-long"] = ("Ghi chú tiến độ dài tối đa {0} ký tự.", "A progress note has at most {0} characters."),
        ["commitment.due.past"] = ("Hạn thực hiện cam kết phải ở sau hôm nay.", "A commitment's due date must be in the future."),
        ["commitment.progress.done"] = ("Cam kết đã hoàn thành.", "The commitment is already done."),
        ["commitment.progress.invalid"] = ("Tiến độ phải từ 0 đến 100%.", "Progress is 0 to 100%."),
        ["commitment.what.invalid"] = ("Nội dung cam kết phải có từ 5 đến 1.000 ký tự.", "A commitment has 5 to 1,000 characters."),
        ["conference.announce.in-the-past"] = ("Hội nghị đã qua, không thể thông báo.", "The conference is in the past and cannot be announced."),
        ["conference.announce.not-draft"] = ("Hội nghị đã được thông báo.", "The conference was already announced."),
        ["conference.announce.override-reason-required"] = ("Thông báo muộn hơn {0} ngày trước hội nghị cần ghi rõ lý do (ít nhất 10 ký tự).", "Announcing less than {0} days ahead needs a written reason (at least 10 characters)."),
        ["conference.announce.too-late"] = ("Hội nghị đối thoại phải được thông báo ít nhất {0} ngày trước khi tổ chức (Luật Tổ chức chính quyền địa phương, Điều 43). Chỉ quản trị viên mới được thông báo muộn hơn, kèm lý do.", "A dialogue conference must be announced at least {0} days before it is held (Law on Local Government Organisation, Art. 43). Only an administrator may announce it later, with a reason."),
        ["conference.hold.not-closed"] = ("Chỉ ghi nhận đã tổ chức sau khi đóng nhận ý kiến.", "A conference is held only after its question window has closed."),
        ["conference.hold.not-started"] = ("Hội nghị chưa đến giờ tổ chức.", "The conference has not started yet."),
        ["conference.hosts.required"] = ("Vui lòng ghi người chủ trì (tối đa 300 ký tự).", "Name the hosts (at most 300 characters)."),
        ["conference.link.invalid"] = ("Đường dẫn trực tuyến phải bắt đầu bằng http:// hoặc https://.", "The online link must start with http:// or https://."),
        ["conference.moderation.invalid"] = ("Chế độ kiểm duyệt không hợp lệ.", "Unknown moderation mode."),
        ["conference.not-found"] = ("Không tìm thấy hội nghị.", "Conference not found."),
        ["conference.place.required"] = ("Vui lòng ghi địa điểm hoặc đường dẫn trực tuyến.", "Give a place or an online link."),
        ["conference.publish.not-held"] = ("Chỉ công khai kết quả sau khi hội nghị đã tổ chức.", "Results are published only after the conference was held."),
        ["conference.revise.not-draft"] = ("Không sửa được kế hoạch sau khi đã thông báo.", "The plan cannot change after the announcement."),
        ["conference.title.invalid"] = ("Tên hội nghị phải có từ 5 đến 200 ký tự.", "A title has 5 to 200 characters."),
        ["conference.topics.invalid"] = ("Cần từ 1 đến 12 chủ đề, mỗi chủ đề tối đa 80 ký tự.", "Give 1 to 12 topics of at most 80 characters each."),
        ["conference.unit.fixed"] = ("Không đổi được đơn vị của hội nghị.", "A conference's unit cannot change."),
        ["conference.window.invalid"] = ("Thời gian nhận ý kiến phải mở trước khi đóng và đóng trước khi hội nghị bắt đầu.", "The question window must open before it closes, and close before the conference starts."),
        ["notification.channel.invalid"] = ("Cách nhận thông báo không hợp lệ.", "Unknown way of receiving notifications."),
        ["notification.kind.unknown"] = ("Loại thông báo không tồn tại: {0}.", "Unknown kind of notification: {0}."),
        ["outbox.key.invalid"] = ("Khoá thư không hợp lệ.", "Invalid message key."),
        ["outbox.recipient.invalid"] = ("Địa chỉ người nhận không hợp lệ: {0}.", "Invalid recipient address: {0}."),
        ["outbox.subject.required"] = ("Thư cần có tiêu đề.", "An email needs a subject."),
        ["question.accept.not-received"] = ("Chỉ thụ lý ý kiến đang ở trạng thái Đã tiếp nhận.", "Only a received question can be accepted."),
        ["question.agency.out-of-scope"] = ("Cơ quan này không thuộc địa bàn của hội nghị.", "That agency is outside the conference's area."),
        ["question.answer.length"] = ("Câu trả lời phải có từ 10 đến 20.000 ký tự.", "An answer has 10 to 20,000 characters."),
        ["question.answer.not-open"] = ("Ý kiến này không ở trạng thái chờ trả lời.", "This question is not waiting for an answer."),
        ["question.author.required"] = ("Vui lòng đăng nhập để gửi ý kiến.", "Log in to send a question."),
        ["question.merge.not-open"] = ("Không gộp được ý kiến đã đóng.", "A closed question cannot be merged."),
        ["question.merge.other-conference"] = ("Chỉ gộp các ý kiến của cùng một hội nghị.", "Only questions of the same conference can be merged."),
        ["question.merge.self"] = ("Không gộp một ý kiến vào chính nó.", "A question cannot be merged into itself."),
        ["question.merge.target-closed"] = ("Ý kiến được gộp vào đã bị từ chối hoặc đã gộp.", "The target question was refused or merged."),
        ["question.not-found"] = ("Không tìm thấy ý kiến.", "Question not found."),
        ["abuse.report.own"] = ("Bạn không thể báo cáo ý kiến của chính mình.", "You cannot report your own question."),
        ["abuse.reason.too-long"] = ("Lý do báo cáo dài tối đa {0} ký tự.", "The reason can be at most {0} characters."),
        ["question.rate.invalid"] = ("Đánh giá không hợp lệ.", "Invalid rating."),
        ["question.rate.not-answered"] = ("Chỉ đánh giá khi ý kiến đã được trả lời.", "Only an answered question can be rated."),
        ["question.rate.not-author"] = ("Chỉ người gửi ý kiến mới được đánh giá câu trả lời.", "Only the author can rate the answer."),
        ["question.rate.reason-required"] = ("Vui lòng cho biết vì sao bạn chưa hài lòng (10 đến 1.000 ký tự).", "Say why you are not satisfied (10 to 1,000 characters)."),
        ["question.reassign.not-open"] = ("Không chuyển được ý kiến đã trả lời hoặc đã đóng.", "An answered or closed question cannot be reassigned."),
        ["question.redact.invalid"] = ("Nội dung công khai không hợp lệ.", "Invalid public text."),
        ["question.refuse.not-open"] = ("Không từ chối được ý kiến đã trả lời hoặc đã đóng.", "An answered or closed question cannot be refused."),
        ["question.refuse.reason-required"] = ("Vui lòng ghi lý do từ chối (10 đến 1.000 ký tự); người gửi sẽ thấy lý do này.", "Give the reason for refusing (10 to 1,000 characters); the author will see it."),
        ["question.relay.name-required"] = ("Vui lòng ghi họ tên người dân được gửi thay.", "Give the name of the resident you submit for."),
        ["question.relay.phone-too-long"] = ("Số điện thoại dài tối đa {0} ký tự.", "A phone number has at most {0} characters."),
        ["question.support.closed"] = ("Ý kiến này đã đóng, không ủng hộ được nữa.", "This question is closed and cannot be supported."),
        ["question.text.too-long"] = ("Ý kiến dài tối đa {0} ký tự.", "A question has at most {0} characters."),
        ["question.text.too-short"] = ("Ý kiến cần ít nhất {0} ký tự để cơ quan hiểu rõ.", "A question needs at least {0} characters to be understood."),
        ["question.topic.unknown"] = ("Vui lòng chọn một chủ đề của hội nghị.", "Choose one of the conference's topics."),
        ["question.transfer.same-unit"] = ("Cơ quan này thuộc địa bàn của hội nghị: hãy dùng \"Chuyển\" (giao cho cơ quan khác) thay vì chuyển sang đơn vị khác.", "That agency is inside the conference's area: reassign the question instead of transferring it."),
        ["question.transfer.note-too-long"] = ("Ghi chú dài tối đa {0} ký tự.", "A note has at most {0} characters."),
        ["routing.topic.invalid"] = ("Chủ đề phải có từ 1 đến {0} ký tự.", "A topic has 1 to {0} characters."),
        ["routing.rule.not-found"] = ("Không tìm thấy quy tắc định tuyến.", "Routing rule not found."),
        ["question.transfer.not-open"] = ("Không chuyển được ý kiến này.", "This question cannot be transferred."),
        ["question.village.outside"] = ("Thôn, tổ dân phố phải thuộc địa bàn của hội nghị.", "The village must be in the conference's area."),
        ["question.visibility.invalid"] = ("Cách hiển thị tên không hợp lệ.", "Unknown way of showing your name."),
        ["question.window.closed"] = ("Hội nghị hiện không nhận ý kiến (chưa mở hoặc đã đóng).", "The conference is not taking questions now (not open yet, or closed)."),
        ["commitment.not-found"] = ("Không tìm thấy cam kết.", "Commitment not found."),
        ["conference.live.not-now"] = ("Chỉ trả lời trực tiếp sau khi đóng nhận ý kiến, trong buổi hội nghị.", "Live answers come after the question window closes, during the conference."),
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
        if (!Messages.TryGetValue(key, out var text) && !Drafts.DraftErrorText.Messages.TryGetValue(key, out text)
            && !Campaigns.CampaignErrors.Messages.TryGetValue(key, out text))
            return english ? $"The action was refused ({key})." : $"Thao tác bị từ chối ({key}).";
        return string.Format(CultureInfo.CurrentCulture, english ? text.En : text.Vi, args);
    }

    public static IEnumerable<string> Keys => Messages.Keys.Concat(Campaigns.CampaignErrors.Messages.Keys);
}
