using Portal.Domain.Units;

namespace Portal.Domain.Deadlines;

/// <summary>
/// The register of everything with a deadline, whatever the pillar: a question to acknowledge, a commitment, a
/// criticism document to answer. Each pillar's item creates one row beside itself (same transaction), so the sweep
/// is one set-based pass over one table, and an official's workspace lists all their deadlines in one query.
/// </summary>
public sealed class TrackedDeadline
{
    private TrackedDeadline() { }

    public TrackedDeadline(DeadlineKind kind, string itemType, string itemId, string title, int unitId, int? agencyId, string? link,
        DeadlinePolicy policy, Deadline deadline, DeadlineCalculator calendar)
    {
        Kind = kind;
        ItemType = itemType;
        ItemId = itemId;
        Title = Text.Clean(title).Length > 300 ? Text.Clean(title)[..300] : Text.Clean(title);
        UnitId = unitId;
        AgencyId = agencyId;
        Link = link;
        Length = policy.Length;
        Counting = policy.Counting;
        ReminderDaysBefore = policy.ReminderDaysBefore;
        EscalateAfterDaysOverdue = policy.EscalateAfterDaysOverdue;
        Deadline = deadline;
        Schedule(calendar);
    }

    public long Id { get; private set; }
    public DeadlineKind Kind { get; private set; }
    /// <summary>What the item is ("question", "commitment", ...) and its id, for links back.</summary>
    public string ItemType { get; private set; } = "";
    public string ItemId { get; private set; } = "";
    public string Title { get; private set; } = "";
    public int UnitId { get; private set; }
    public Unit Unit { get; private set; } = null!;
    /// <summary>The agency responsible for meeting it (reminders go to its members).</summary>
    public int? AgencyId { get; private set; }
    public Agency? Agency { get; private set; }
    public string? Link { get; private set; }
    // The policy as it was when the item started: later policy changes apply to new items only.
    public int Length { get; private set; }
    public DayCounting Counting { get; private set; }
    public int[] ReminderDaysBefore { get; private set; } = [];
    public int EscalateAfterDaysOverdue { get; private set; }
    public Deadline Deadline { get; private set; } = null!;
    /// <summary>The due date was set by a person (a leader's commitment), not computed: holidays do not move it.</summary>
    public bool FixedDue { get; private set; }
    public DateTimeOffset? EscalateAt { get; private set; }
    public DateTimeOffset? OverdueMarkedAt { get; private set; }
    public DateTimeOffset? EscalatedAt { get; private set; }
    public List<DeadlineReminder> Reminders { get; private set; } = [];
    public uint Version { get; private set; }

    public bool IsOpen => Deadline.MetAt is null;

    /// <summary>A deadline whose date a person set (a commitment); reminders and escalation still follow the policy.</summary>
    public static TrackedDeadline Fixed(DeadlineKind kind, string itemType, string itemId, string title, int unitId, int? agencyId, string? link,
        DeadlinePolicy policy, DateTimeOffset start, DateTimeOffset due, DeadlineCalculator calendar)
    {
        var day = TimeZoneInfo.ConvertTime(due, DeadlineCalculator.VietnamTime).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var deadline = new Deadline(start, due, $"Hạn do lãnh đạo ấn định khi cam kết → hạn {day}", $"Due date set by the leader with the commitment → due {day}");
        var tracked = new TrackedDeadline(kind, itemType, itemId, title, unitId, agencyId, link, policy, deadline, calendar) { FixedDue = true };
        return tracked;
    }

    /// <summary>The item was done (answered, acknowledged...): no more reminders or escalation.</summary>
    public void Meet(DateTimeOffset at) => Deadline = Deadline.Met(at);

    /// <summary>Another agency becomes responsible (the item was reassigned); reminders go to its members from now on.</summary>
    public void AssignTo(int agencyId) => AgencyId = agencyId;

    /// <summary>Recomputes due date, explanation, reminders and escalation from the calendar (after an admin changed
    /// a holiday). Reminders already sent stay sent.</summary>
    public void Recompute(DeadlineCalculator calendar)
    {
        if (!IsOpen || FixedDue) return;
        var result = calendar.Compute(Deadline.StartedAt, Length, Counting);
        Deadline = Deadline with { DueAt = result.Due, ExplanationVi = result.ExplanationVi, ExplanationEn = result.ExplanationEn };
        Schedule(calendar);
    }

    private void Schedule(DeadlineCalculator calendar)
    {
        var dueDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Deadline.DueAt, DeadlineCalculator.VietnamTime).DateTime);
        foreach (var days in ReminderDaysBefore)
        {
            var at = calendar.StartOfDay(calendar.WorkingDaysBefore(dueDate, days));
            var existing = Reminders.FirstOrDefault(r => r.DaysBefore == days);
            if (existing is null) Reminders.Add(new DeadlineReminder(days, at));
            else existing.Reschedule(at);
        }
        EscalateAt = EscalateAfterDaysOverdue > 0
            ? calendar.StartOfDay(calendar.WorkingDaysAfter(dueDate, EscalateAfterDaysOverdue))
            : null;
        if (OverdueMarkedAt is not null && Deadline.DueAt > OverdueMarkedAt) OverdueMarkedAt = null;
    }
}

/// <summary>One reminder of a tracked deadline, N working days before it is due (sent once).</summary>
public sealed class DeadlineReminder
{
    private DeadlineReminder() { }

    public DeadlineReminder(int daysBefore, DateTimeOffset remindAt)
    {
        DaysBefore = daysBefore;
        RemindAt = remindAt;
    }

    public long Id { get; private set; }
    public long TrackedDeadlineId { get; private set; }
    public int DaysBefore { get; private set; }
    public DateTimeOffset RemindAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }

    public void Reschedule(DateTimeOffset at)
    {
        if (SentAt is null) RemindAt = at;
    }
}
