using Portal.Domain.Units;

namespace Portal.Domain.Deadlines;

/// <summary>What a deadline is about. Each pillar's deadline-bearing items name one of these.</summary>
public enum DeadlineKind
{
    /// <summary>Acknowledge a question or recommendation (Citizen Reception Law Art. 28).</summary>
    Acknowledge = 1,
    /// <summary>Transfer to the competent agency (Decree 20/2008 Art. 9).</summary>
    Transfer = 2,
    /// <summary>Answer a routed question (local policy).</summary>
    AnswerQuestion = 3,
    /// <summary>Announce a dialogue conference at least N days before it (LGO Law Art. 43).</summary>
    AnnounceConference = 4,
    /// <summary>Publish a conference's results within N days (LGO Law Art. 43).</summary>
    PublishResults = 5,
    /// <summary>Minimum comment window of a draft open to residents (Grassroots Democracy Law Art. 28).</summary>
    DraftCommentWindow = 6,
    /// <summary>The drafting agency answers a criticism document (local policy; the law sets none).</summary>
    AnswerCriticism = 7,
    /// <summary>A commitment made in an answer: its due date is set by the leader; the policy gives reminders and escalation.</summary>
    Commitment = 8,
    /// <summary>A village reports its household decision on a campaign to the commune (Grassroots Democracy Law Art. 20.3).</summary>
    ReportVillageDecision = 9,
}

/// <summary>
/// A deadline rule as data, editable by administrators: how long, in which days, when to remind, when to escalate,
/// and on what basis (a law article, or local policy). A change applies to items created afterwards.
/// </summary>
public sealed class DeadlinePolicy
{
    private DeadlinePolicy() { }

    public DeadlinePolicy(DeadlineKind kind, UnitLevel? level, int length, DayCounting counting, int[] reminderDaysBefore,
        int escalateAfterDaysOverdue, string basis, bool isLaw)
    {
        Kind = kind;
        Level = level;
        Update(length, counting, reminderDaysBefore, escalateAfterDaysOverdue, basis, isLaw);
    }

    public int Id { get; private set; }
    public DeadlineKind Kind { get; private set; }
    /// <summary>The unit level it applies to; null for every level (a level-specific policy wins).</summary>
    public UnitLevel? Level { get; private set; }
    public int Length { get; private set; }
    public DayCounting Counting { get; private set; }
    /// <summary>Working days before the due date on which reminders go out (e.g. 3 and 1).</summary>
    public int[] ReminderDaysBefore { get; private set; } = [];
    /// <summary>Working days overdue after which the item escalates to the parent unit's leaders.</summary>
    public int EscalateAfterDaysOverdue { get; private set; }
    /// <summary>The legal basis ("Luật Tiếp công dân 2013, Điều 28") or a description of the local policy.</summary>
    public string Basis { get; private set; } = "";
    /// <summary>True when set by law; false when it is the portal's local policy (the UI says so).</summary>
    public bool IsLaw { get; private set; }
    public uint Version { get; private set; }

    public void Update(int length, DayCounting counting, int[] reminderDaysBefore, int escalateAfterDaysOverdue, string basis, bool isLaw)
    {
        if (length <= 0) throw new DomainRuleException("deadline.length.not-positive", length);
        if (length > 3660) throw new DomainRuleException("deadline.length.too-long", length);
        if (!Enum.IsDefined(counting)) throw new DomainRuleException("deadline.counting.invalid");
        if (reminderDaysBefore.Any(d => d <= 0 || d >= length + 1)) throw new DomainRuleException("deadline.reminders.invalid");
        if (escalateAfterDaysOverdue < 0) throw new DomainRuleException("deadline.escalation.invalid");
        basis = Text.Clean(basis);
        if (basis.Length is 0 or > 300) throw new DomainRuleException("deadline.basis.required");
        Length = length;
        Counting = counting;
        ReminderDaysBefore = reminderDaysBefore.Distinct().OrderDescending().ToArray();
        EscalateAfterDaysOverdue = escalateAfterDaysOverdue;
        Basis = basis;
        IsLaw = isLaw;
    }

    /// <summary>The defaults of DOMAIN.md ("Default deadline policies").</summary>
    public static IReadOnlyList<DeadlinePolicy> Defaults() =>
    [
        new(DeadlineKind.Acknowledge, null, 10, DayCounting.WorkingDays, [3, 1], 2, "Luật Tiếp công dân 2013, Điều 28", isLaw: true),
        new(DeadlineKind.Transfer, null, 5, DayCounting.WorkingDays, [1], 2, "Nghị định 20/2008/NĐ-CP, Điều 9", isLaw: true),
        new(DeadlineKind.AnswerQuestion, null, 15, DayCounting.WorkingDays, [3, 1], 3, "Quy định của địa phương", isLaw: false),
        new(DeadlineKind.AnnounceConference, null, 7, DayCounting.CalendarDays, [], 0, "Luật Tổ chức chính quyền địa phương 2025, Điều 43", isLaw: true),
        new(DeadlineKind.PublishResults, null, 10, DayCounting.CalendarDays, [3, 1], 2, "Luật Tổ chức chính quyền địa phương 2025, Điều 43", isLaw: true),
        new(DeadlineKind.DraftCommentWindow, null, 20, DayCounting.CalendarDays, [], 0, "Luật Thực hiện dân chủ ở cơ sở 2022, Điều 28", isLaw: true),
        new(DeadlineKind.AnswerCriticism, null, 30, DayCounting.CalendarDays, [3, 1], 5, "Quy định của địa phương (luật không quy định số ngày)", isLaw: false),
        new(DeadlineKind.Commitment, null, 30, DayCounting.CalendarDays, [3, 1], 5, "Hạn do lãnh đạo ấn định khi cam kết; nhắc và chuyển cấp trên theo quy định của địa phương", isLaw: false),
        new(DeadlineKind.ReportVillageDecision, null, 5, DayCounting.WorkingDays, [1], 2, "Luật Thực hiện dân chủ ở cơ sở 2022, Điều 20 khoản 3", isLaw: true),
    ];
}
