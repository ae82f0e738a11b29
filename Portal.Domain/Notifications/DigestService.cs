using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Data;
using Portal.Domain.Deadlines;

namespace Portal.Domain.Notifications;

/// <summary>
/// The daily digest: one email per person and Vietnam date listing their unread notifications of the kinds they chose to
/// receive as a digest, and the token link that stops digests without signing in.
/// </summary>
public sealed class DigestService(IDbContextFactory<PortalDb> dbs)
{
    public const string Kind = "digest";
    /// <summary>At most this many notifications are listed in one email; the rest are counted, with a link to the page.</summary>
    public const int MaxListed = 30;
    // Arbitrary, but fixed: runs on several hosts (web and worker) take turns instead of racing.
    private const long RunLock = 7_100_2026;

    public static string KeyFor(string userId, DateOnly vietnamDate) => $"digest:{userId}:{vietnamDate:yyyy-MM-dd}";

    /// <summary>
    /// Queues today's digests in one transaction and marks the notifications they carry as digested. Reentrant: a second
    /// run the same day finds nothing new to send (and a notification arriving in between waits for tomorrow's).
    /// </summary>
    /// <returns>How many digests were queued.</returns>
    public async Task<int> RunAsync(DateTimeOffset now, string baseUrl, CancellationToken ct = default)
    {
        var root = baseUrl.TrimEnd('/');
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, DeadlineCalculator.VietnamTime).DateTime);
        var digestByDefault = NotificationKinds.All.Where(k => k.DefaultChannel == NotificationChannel.Digest).Select(k => k.Key).ToList();

        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({RunLock})", ct);

        var due = await db.Notifications
            .Where(n => n.ReadAt == null && n.DigestedAt == null)
            .Where(n => db.NotificationPreferences.Any(p => p.UserId == n.UserId && p.Kind == n.Kind && p.Channel == NotificationChannel.Digest)
                || (digestByDefault.Contains(n.Kind) && !db.NotificationPreferences.Any(p => p.UserId == n.UserId && p.Kind == n.Kind)))
            .Where(n => db.Users.Any(u => u.Id == n.UserId && u.DeletedAt == null && u.Email != null))
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .ToListAsync(ct);
        if (due.Count == 0) return 0;

        var byUser = due.GroupBy(n => n.UserId).ToDictionary(g => g.Key, g => g.ToList());
        var userIds = byUser.Keys.ToList();
        var users = await db.Users.Where(u => userIds.Contains(u.Id)).ToListAsync(ct);
        var keys = users.Select(u => KeyFor(u.Id, today)).ToList();
        var alreadyQueued = (await db.Outbox.Where(m => keys.Contains(m.Key)).Select(m => m.Key).ToListAsync(ct)).ToHashSet();

        var queued = 0;
        foreach (var user in users)
        {
            var key = KeyFor(user.Id, today);
            if (alreadyQueued.Contains(key) || !EmailAddress.IsValid(user.Email)) continue;
            user.UnsubscribeToken ??= NewToken();
            var unsubscribeUrl = $"{root}/notifications/unsubscribe?token={user.UnsubscribeToken}";
            var notifications = byUser[user.Id];
            var (subject, body) = DigestEmail.Compose(user.DisplayName, user.PreferredLanguage, today, notifications, root);
            db.Outbox.Add(new OutboxMessage(key, Kind, user.Email!, user.DisplayName, user.PreferredLanguage, subject, body, now, unsubscribeUrl));
            foreach (var notification in notifications) notification.MarkDigested(now);
            queued++;
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return queued;
    }

    /// <summary>Whether an unsubscribe link is one the portal handed out.</summary>
    public async Task<bool> IsKnownTokenAsync(string? token, CancellationToken ct = default)
    {
        if (!LooksLikeToken(token)) return false;
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Users.AnyAsync(u => u.UnsubscribeToken == token, ct);
    }

    /// <summary>The digest's unsubscribe link: every kind this person receives as a digest becomes in-app only.
    /// Idempotent. Returns false for an unknown token.</summary>
    public async Task<bool> UnsubscribeAsync(string? token, CancellationToken ct = default)
    {
        if (!LooksLikeToken(token)) return false;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var userId = await db.Users.Where(u => u.UnsubscribeToken == token).Select(u => u.Id).FirstOrDefaultAsync(ct);
        if (userId is null) return false;
        var chosen = await db.NotificationPreferences.Where(p => p.UserId == userId).ToListAsync(ct);
        foreach (var preference in chosen.Where(p => p.Channel == NotificationChannel.Digest))
            preference.Channel = NotificationChannel.InAppOnly;
        foreach (var kind in NotificationKinds.All.Where(k => k.DefaultChannel == NotificationChannel.Digest && chosen.All(p => p.Kind != k.Key)))
            db.NotificationPreferences.Add(new NotificationPreference(userId, kind.Key, NotificationChannel.InAppOnly));
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>32 random bytes, base64url: safe in a URL as it is.</summary>
    private static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    private static bool LooksLikeToken(string? token) => token is { Length: > 0 and <= 100 };
}

/// <summary>Pure: the digest's subject and Markdown body in the recipient's language.</summary>
public static class DigestEmail
{
    private static readonly CultureInfo English = new("en-US");

    public static (string Subject, string Body) Compose(string name, string language, DateOnly date, IReadOnlyList<Notification> notifications, string root)
    {
        var en = language == "en";
        var subject = en
            ? $"Your notifications for {date.ToString("d MMMM yyyy", English)}"
            : $"Tổng hợp thông báo ngày {date:dd/MM/yyyy}";
        var body = new StringBuilder();
        body.Append(en ? "Hello " : "Chào ").Append(Escape(name)).Append(",\n\n");
        body.Append(en
            ? $"You have {notifications.Count} unread notification{(notifications.Count == 1 ? "" : "s")} on the Dialogue Portal:\n\n"
            : $"Bạn có {notifications.Count} thông báo chưa đọc trên Cổng đối thoại:\n\n");
        foreach (var n in notifications.Take(DigestService.MaxListed))
        {
            var at = TimeZoneInfo.ConvertTime(n.CreatedAt, DeadlineCalculator.VietnamTime);
            body.Append($"- [{Escape(n.Title(en ? "en" : "vi"))}]({Absolute(n.Link, root)}) ({at:dd/MM/yyyy HH:mm})\n");
        }
        var more = notifications.Count - DigestService.MaxListed;
        if (more > 0) body.Append(en ? $"- … and {more} more\n" : $"- … và {more} thông báo khác\n");
        body.Append('\n').Append(en ? $"[See all notifications]({root}/notifications)" : $"[Xem tất cả thông báo]({root}/notifications)");
        body.Append("\n\n").Append(en
            ? $"You receive this email each morning because you chose a daily digest. [Change how you are notified]({root}/notifications/settings)"
            : $"Bạn nhận thư này mỗi sáng vì đã chọn gộp thông báo vào thư tổng hợp hằng ngày. [Đổi cách nhận thông báo]({root}/notifications/settings)");
        return (subject, body.ToString());
    }

    private static string Absolute(string? link, string root) => link switch
    {
        null or "" => $"{root}/notifications",
        _ when Uri.IsWellFormedUriString(link, UriKind.Absolute) => link,
        _ => root + (link.StartsWith('/') ? link : "/" + link),
    };

    /// <summary>Text shown as itself, never as Markdown.</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '[' or ']' or '*' or '_' or '`' or '<' or '>' or '#' or '!' or '(' or ')' or '~' or '|') escaped.Append('\\');
            escaped.Append(c is '\r' or '\n' ? ' ' : c);
        }
        return escaped.ToString();
    }
}
