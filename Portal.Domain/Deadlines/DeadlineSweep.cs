using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Portal.Domain.Accounts;
using Portal.Domain.Audit;
using Portal.Domain.Data;
using Portal.Domain.Notifications;

namespace Portal.Domain.Deadlines;

public sealed record SweepResult(int Reminded, int MarkedOverdue, int Escalated);

/// <summary>
/// The recurring pass over every tracked deadline: reminders at their scheduled instants, overdue marking, escalation to
/// the leaders of the parent unit. Each step claims its rows with one set-based UPDATE ... RETURNING (the claim is the
/// "done" mark, in the same transaction as the notifications, emails and audit entries it causes), so running the sweep
/// twice, or on two workers at once, sends nothing twice.
/// </summary>
public sealed class DeadlineSweep(IDbContextFactory<PortalDb> dbs, TimeProvider clock)
{
    private const int Batch = 1000;

    private sealed record Claimed(long Id, string Title, string? Link, int UnitId, int? AgencyId, DateTimeOffset DueAt,
        string ExplanationVi, string ExplanationEn, int DaysBefore);

    public async Task<SweepResult> RunAsync(string baseUrl, CancellationToken ct = default)
    {
        int reminded = 0, overdue = 0, escalated = 0, n;
        await SpendPassedRemindersAsync(ct);
        do reminded += n = await StepAsync(RemindSql, NotificationKinds.DeadlineReminder, baseUrl, ct); while (n == Batch);
        do overdue += n = await StepAsync(OverdueSql, NotificationKinds.DeadlineOverdue, baseUrl, ct); while (n == Batch);
        do escalated += n = await StepAsync(EscalateSql, NotificationKinds.DeadlineEscalated, baseUrl, ct); while (n == Batch);
        return new SweepResult(reminded, overdue, escalated);
    }

    /// <summary>A "due soon" reminder that falls due only after its deadline has passed (the sweep did not run in
    /// between, or the item was recorded late) would tell people "due on 29/11" on 01/12: it is spent without a word,
    /// and the overdue notice of the same pass says what is true.</summary>
    private async Task SpendPassedRemindersAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE deadline_reminders r SET sent_at = {now}
            FROM tracked_deadlines t
            WHERE t.id = r.tracked_deadline_id AND r.sent_at IS NULL AND r.remind_at <= {now} AND t.due_at < {now} AND t.met_at IS NULL
            """, ct);
    }

    private const string Returning = "t.id, t.title, t.link, t.unit_id, t.agency_id, t.due_at, t.explanation_vi, t.explanation_en";

    private static readonly string RemindSql = $"""
        UPDATE deadline_reminders r SET sent_at = @now
        FROM tracked_deadlines t
        WHERE t.id = r.tracked_deadline_id AND r.id IN (
            SELECT r2.id FROM deadline_reminders r2 JOIN tracked_deadlines t2 ON t2.id = r2.tracked_deadline_id
            WHERE r2.sent_at IS NULL AND r2.remind_at <= @now AND t2.met_at IS NULL
            ORDER BY r2.remind_at LIMIT {Batch} FOR UPDATE OF r2 SKIP LOCKED)
        RETURNING {Returning}, r.days_before
        """;

    private static readonly string OverdueSql = $"""
        UPDATE tracked_deadlines t SET overdue_marked_at = @now
        WHERE t.id IN (
            SELECT id FROM tracked_deadlines
            WHERE met_at IS NULL AND overdue_marked_at IS NULL AND due_at < @now
            ORDER BY due_at LIMIT {Batch} FOR UPDATE SKIP LOCKED)
        RETURNING {Returning}, 0
        """;

    private static readonly string EscalateSql = $"""
        UPDATE tracked_deadlines t SET escalated_at = @now
        WHERE t.id IN (
            SELECT id FROM tracked_deadlines
            WHERE met_at IS NULL AND escalated_at IS NULL AND escalate_at <= @now
            ORDER BY escalate_at LIMIT {Batch} FOR UPDATE SKIP LOCKED)
        RETURNING {Returning}, 0
        """;

    private async Task<int> StepAsync(string sql, NotificationKind kind, string baseUrl, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        var claimed = await ClaimAsync(db, sql, now, ct);
        if (claimed.Count == 0) return 0;

        // Who hears about it: the responsible agency's members, or for an escalation the leaders of the parent unit.
        var recipients = kind == NotificationKinds.DeadlineEscalated
            ? await ParentLeadersAsync(db, claimed, ct)
            : await AgencyMembersAsync(db, claimed, ct);
        var userIds = recipients.SelectMany(r => r.Value).Distinct().ToList();
        var people = await db.Users.Where(u => userIds.Contains(u.Id) && u.DeletedAt == null)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.PreferredLanguage }).ToDictionaryAsync(u => u.Id, ct);
        var channels = await db.NotificationPreferences.Where(p => userIds.Contains(p.UserId) && p.Kind == kind.Key)
            .ToDictionaryAsync(p => p.UserId, p => p.Channel, ct);

        foreach (var item in claimed)
        {
            var occasion = kind == NotificationKinds.DeadlineReminder ? $"{kind.Key}:{item.Id}:{item.DaysBefore}" : $"{kind.Key}:{item.Id}";
            var (titleVi, titleEn, bodyVi, bodyEn) = Texts(kind, item);
            foreach (var userId in recipients.GetValueOrDefault(item.Id, []))
            {
                if (!people.TryGetValue(userId, out var person)) continue;
                db.Notifications.Add(new Notification(userId, occasion, kind.Key, titleVi, titleEn, item.Link, now));
                if (channels.GetValueOrDefault(userId, kind.DefaultChannel) != NotificationChannel.EmailNow || person.Email is null) continue;
                var english = person.PreferredLanguage == "en";
                var body = (english ? bodyEn : bodyVi) + (item.Link is null ? "" :
                    $"\n\n[{(english ? "Open in the portal" : "Mở trên cổng")}]({baseUrl.TrimEnd('/')}{item.Link})");
                db.Outbox.Add(new OutboxMessage($"notify:{occasion}:{userId}", kind.Key, person.Email, person.DisplayName,
                    person.PreferredLanguage, english ? titleEn : titleVi, body, now));
            }
            if (kind != NotificationKinds.DeadlineReminder)
                db.AuditEntries.Add(AuditEntry.Of(Actor.System, now, kind == NotificationKinds.DeadlineOverdue ? "deadline.overdue" : "deadline.escalate",
                    "tracked-deadline", item.Id, item.UnitId, null,
                    new { DueAt = item.DueAt, Recipients = recipients.GetValueOrDefault(item.Id, []).Count }));
        }
        await db.SaveChangesAsync(ct);
        await NotificationService.SignalAsync(db, userIds, ct);
        await tx.CommitAsync(ct);
        return claimed.Count;
    }

    private static async Task<List<Claimed>> ClaimAsync(PortalDb db, string sql, DateTimeOffset now, CancellationToken ct)
    {
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var cmd = new NpgsqlCommand(sql, conn, (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction());
        cmd.Parameters.AddWithValue("now", now.ToUniversalTime());
        var claimed = new List<Claimed>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            claimed.Add(new Claimed(reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetInt32(4), reader.GetFieldValue<DateTimeOffset>(5), reader.GetString(6), reader.GetString(7),
                reader.GetInt32(8)));
        return claimed;
    }

    private static async Task<Dictionary<long, List<string>>> AgencyMembersAsync(PortalDb db, List<Claimed> items, CancellationToken ct)
    {
        var agencyIds = items.Where(i => i.AgencyId is not null).Select(i => i.AgencyId!.Value).Distinct().ToList();
        var members = await db.AgencyMembers.Where(m => agencyIds.Contains(m.AgencyId)).Select(m => new { m.AgencyId, m.UserId }).ToListAsync(ct);
        // Several reminders of one deadline can fall due in the same pass: one entry per deadline.
        return items.DistinctBy(i => i.Id).ToDictionary(i => i.Id, i => members.Where(m => m.AgencyId == i.AgencyId).Select(m => m.UserId).ToList());
    }

    private static async Task<Dictionary<long, List<string>>> ParentLeadersAsync(PortalDb db, List<Claimed> items, CancellationToken ct)
    {
        var unitIds = items.Select(i => i.UnitId).Distinct().ToList();
        var parents = await db.Units.Where(u => unitIds.Contains(u.Id) && u.ParentId != null).ToDictionaryAsync(u => u.Id, u => u.ParentId!.Value, ct);
        var parentIds = parents.Values.Distinct().ToList();
        var leaders = await db.UnitRoles.Where(r => r.Role == StaffRole.Leader && parentIds.Contains(r.UnitId))
            .Select(r => new { r.UnitId, r.UserId }).ToListAsync(ct);
        return items.DistinctBy(i => i.Id).ToDictionary(i => i.Id, i => parents.TryGetValue(i.UnitId, out var parent)
            ? leaders.Where(l => l.UnitId == parent).Select(l => l.UserId).Distinct().ToList()
            : []);
    }

    private static (string TitleVi, string TitleEn, string BodyVi, string BodyEn) Texts(NotificationKind kind, Claimed item)
    {
        var due = TimeZoneInfo.ConvertTime(item.DueAt, DeadlineCalculator.VietnamTime).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        if (kind == NotificationKinds.DeadlineReminder)
            return ($"Sắp đến hạn {due}: {item.Title}", $"Due {due}: {item.Title}",
                $"Còn {item.DaysBefore} ngày làm việc đến hạn xử lý **{item.Title}**.\n\n{item.ExplanationVi}",
                $"{item.DaysBefore} working day(s) left to handle **{item.Title}**.\n\n{item.ExplanationEn}");
        if (kind == NotificationKinds.DeadlineOverdue)
            return ($"Quá hạn: {item.Title}", $"Overdue: {item.Title}",
                $"**{item.Title}** đã quá hạn xử lý ({due}).\n\n{item.ExplanationVi}",
                $"**{item.Title}** is overdue (due {due}).\n\n{item.ExplanationEn}");
        return ($"Chuyển cấp trên: {item.Title} quá hạn", $"Escalated: {item.Title} is overdue",
            $"Việc **{item.Title}** của đơn vị cấp dưới đã quá hạn ({due}) và được chuyển đến đồng chí để chỉ đạo xử lý.\n\n{item.ExplanationVi}",
            $"**{item.Title}**, handled by a unit under yours, is overdue (due {due}) and has been escalated to you.\n\n{item.ExplanationEn}");
    }
}
