namespace Portal.Domain.Notifications;

/// <summary>A kind of notification a person can choose how to receive.</summary>
public sealed record NotificationKind(string Key, string NameVi, string NameEn, NotificationChannel DefaultChannel);

/// <summary>The catalogue of notification kinds; pillars add theirs here.</summary>
public static class NotificationKinds
{
    public static readonly NotificationKind DeadlineReminder = new("deadline.reminder", "Nhắc hạn xử lý", "Deadline reminders", NotificationChannel.EmailNow);
    public static readonly NotificationKind DeadlineOverdue = new("deadline.overdue", "Việc quá hạn", "Overdue items", NotificationChannel.EmailNow);
    public static readonly NotificationKind DeadlineEscalated = new("deadline.escalated", "Việc quá hạn chuyển lên cấp trên", "Overdue items escalated to you", NotificationChannel.EmailNow);

    public static readonly NotificationKind QuestionUpdate = new("question.update", "Ý kiến tôi gửi hoặc theo dõi có cập nhật", "Updates on questions I asked or follow", NotificationChannel.EmailNow);
    public static readonly NotificationKind QuestionDissatisfied = new("question.dissatisfied", "Người dân chưa hài lòng với câu trả lời", "A resident is not satisfied with an answer", NotificationChannel.EmailNow);

    public static readonly NotificationKind DraftUpdate = new("draft.update", "Dự thảo tôi góp ý hoặc phụ trách có cập nhật", "Updates on drafts I commented on or handle", NotificationChannel.EmailNow);
    public static readonly NotificationKind PledgeUpdate = new("pledge.update", "Đăng ký đóng góp của tôi có thay đổi", "Changes to my pledges", NotificationChannel.EmailNow);
    public static readonly NotificationKind CampaignUpdate = new("campaign.update", "Tin mới của cuộc vận động tôi theo dõi", "News of campaigns I follow", NotificationChannel.Digest);

    public static readonly IReadOnlyList<NotificationKind> All = [DeadlineReminder, DeadlineOverdue, DeadlineEscalated, QuestionUpdate, QuestionDissatisfied,
        DraftUpdate, PledgeUpdate, CampaignUpdate];

    public static NotificationKind? Find(string key) => All.FirstOrDefault(k => k.Key == key);
}
