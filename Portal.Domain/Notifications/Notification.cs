namespace Portal.Domain.Notifications;

/// <summary>An in-app notification for one person (the bell). <see cref="Key"/> makes the same occasion notify once.</summary>
public sealed class Notification
{
    private Notification() { }

    public Notification(string userId, string key, string kind, string titleVi, string titleEn, string? link, DateTimeOffset createdAt)
    {
        UserId = userId;
        Key = key;
        Kind = kind;
        TitleVi = Text.Clean(titleVi);
        TitleEn = Text.Clean(titleEn);
        Link = link;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }
    public string UserId { get; private set; } = "";
    public string Key { get; private set; } = "";
    public string Kind { get; private set; } = "";
    public string TitleVi { get; private set; } = "";
    public string TitleEn { get; private set; } = "";
    public string? Link { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }
    /// <summary>Set when a daily digest carried it, so no digest repeats it.</summary>
    public DateTimeOffset? DigestedAt { get; private set; }

    public string Title(string language) => language == "en" ? TitleEn : TitleVi;

    public void MarkRead(DateTimeOffset at) => ReadAt ??= at;

    /// <summary>A daily digest carried it; a later digest leaves it out.</summary>
    public void MarkDigested(DateTimeOffset at) => DigestedAt ??= at;
}

/// <summary>How a person wants to hear about one kind of notification.</summary>
public enum NotificationChannel
{
    /// <summary>An email at once (and the bell).</summary>
    EmailNow = 1,
    /// <summary>In the daily digest email at 07:00 (and the bell).</summary>
    Digest = 2,
    /// <summary>Only the bell.</summary>
    InAppOnly = 3,
}

public sealed class NotificationPreference
{
    private NotificationPreference() { }

    public NotificationPreference(string userId, string kind, NotificationChannel channel)
    {
        UserId = userId;
        Kind = kind;
        Channel = channel;
    }

    public string UserId { get; private set; } = "";
    public string Kind { get; private set; } = "";
    public NotificationChannel Channel { get; set; }
}
