using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;

namespace Portal.Domain.Notifications;

public sealed record NotificationRow(long Id, string Kind, string Title, string? Link, DateTimeOffset CreatedAt, bool IsRead);

public sealed record NotificationPage(IReadOnlyList<NotificationRow> Items, int Total, int Unread);

/// <summary>In-app notifications (the bell), and the only place that decides whether a notification also becomes an email.</summary>
public sealed class NotificationService(IDbContextFactory<PortalDb> dbs, TimeProvider clock)
{
    public const string Channel = "portal_notifications";

    /// <summary>
    /// Adds one notification per person (once per <paramref name="key"/>) to <paramref name="db"/>, and queues an email
    /// for those who want this kind by email at once, all in the caller's transaction. Returns how many were new.
    /// </summary>
    public static async Task<int> NotifyAsync(PortalDb db, IReadOnlyCollection<string> userIds, NotificationKind kind, string key,
        string titleVi, string titleEn, string? link, string bodyVi, string bodyEn, string baseUrl, DateTimeOffset now, CancellationToken ct = default)
    {
        if (userIds.Count == 0) return 0;
        var ids = userIds.Distinct().ToList();
        var already = await db.Notifications.Where(n => ids.Contains(n.UserId) && n.Key == key).Select(n => n.UserId).ToListAsync(ct);
        var recipients = await db.Users.Where(u => ids.Contains(u.Id) && !already.Contains(u.Id) && u.DeletedAt == null)
            .Select(u => new
            {
                u.Id, u.Email, u.DisplayName, u.PreferredLanguage,
                Channel = db.NotificationPreferences.Where(p => p.UserId == u.Id && p.Kind == kind.Key).Select(p => (NotificationChannel?)p.Channel).FirstOrDefault(),
            })
            .ToListAsync(ct);
        foreach (var user in recipients)
        {
            db.Notifications.Add(new Notification(user.Id, key, kind.Key, titleVi, titleEn, link, now));
            if ((user.Channel ?? kind.DefaultChannel) != NotificationChannel.EmailNow || user.Email is null) continue;
            var english = user.PreferredLanguage == "en";
            var body = (english ? bodyEn : bodyVi) + (link is null ? "" : $"\n\n[{(english ? "Open in the portal" : "Mở trên cổng")}]({baseUrl.TrimEnd('/')}{link})");
            await db.EnqueueAsync(new OutboxMessage($"notify:{key}:{user.Id}", kind.Key, user.Email, user.DisplayName, user.PreferredLanguage,
                english ? titleEn : titleVi, body, now), ct);
        }
        return recipients.Count;
    }

    public async Task<int> UnreadCountAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);
    }

    public async Task<NotificationPage> ListAsync(string userId, string language, int page, int pageSize = 20, bool unreadOnly = false, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var mine = db.Notifications.Where(n => n.UserId == userId);
        var shown = unreadOnly ? mine.Where(n => n.ReadAt == null) : mine;
        var items = await shown.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip(Math.Max(0, page) * pageSize).Take(pageSize)
            .Select(n => new NotificationRow(n.Id, n.Kind, language == "en" ? n.TitleEn : n.TitleVi, n.Link, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(ct);
        return new NotificationPage(items, await shown.CountAsync(ct), await mine.CountAsync(n => n.ReadAt == null, ct));
    }

    public async Task MarkReadAsync(string userId, long id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        await db.Notifications.Where(n => n.Id == id && n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        await SignalAsync(db, [userId], ct);
    }

    public async Task MarkAllReadAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        await SignalAsync(db, [userId], ct);
    }

    public async Task<Dictionary<string, NotificationChannel>> PreferencesAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var chosen = await db.NotificationPreferences.Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Kind, p => p.Channel, ct);
        return NotificationKinds.All.ToDictionary(k => k.Key, k => chosen.GetValueOrDefault(k.Key, k.DefaultChannel));
    }

    public async Task SetPreferenceAsync(string userId, string kind, NotificationChannel channel, CancellationToken ct = default)
    {
        if (NotificationKinds.Find(kind) is null) throw new DomainRuleException("notification.kind.unknown", kind);
        if (!Enum.IsDefined(channel)) throw new DomainRuleException("notification.channel.invalid");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var preference = await db.NotificationPreferences.SingleOrDefaultAsync(p => p.UserId == userId && p.Kind == kind, ct);
        if (preference is null) db.NotificationPreferences.Add(new NotificationPreference(userId, kind, channel));
        else preference.Channel = channel;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Tells every web node (PostgreSQL NOTIFY) that these people's bells changed. Inside a transaction the
    /// signal leaves at commit, so a listener never counts before the rows are visible.</summary>
    public static async Task SignalAsync(PortalDb db, IEnumerable<string> userIds, CancellationToken ct = default)
    {
        foreach (var id in userIds.Distinct())
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {id})", ct);
    }
}
