namespace Portal.Domain.Notifications;

/// <summary>
/// An email waiting to be sent, written in the same transaction as the change that caused it. <see cref="Key"/>
/// (kind + item + occasion) is unique, so the same reminder is never queued twice. The dispatcher sends it, retries
/// with backoff, and dead-letters it after the last attempt for an administrator to look at.
/// </summary>
public sealed class OutboxMessage
{
    public const int MaxAttempts = 8;

    private OutboxMessage() { }

    public OutboxMessage(string key, string kind, string toEmail, string? toName, string language, string subject, string bodyMarkdown,
        DateTimeOffset createdAt, string? unsubscribeUrl = null)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > 200) throw new DomainRuleException("outbox.key.invalid");
        if (!Accounts.EmailAddress.IsValid(toEmail)) throw new DomainRuleException("outbox.recipient.invalid", toEmail);
        if (string.IsNullOrWhiteSpace(subject)) throw new DomainRuleException("outbox.subject.required");
        Key = key;
        Kind = kind;
        ToEmail = toEmail;
        ToName = toName;
        Language = language == "en" ? "en" : "vi";
        Subject = Text.Clean(subject);
        BodyMarkdown = Text.Clean(bodyMarkdown);
        UnsubscribeUrl = unsubscribeUrl;
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
    }

    public long Id { get; private set; }
    public string Key { get; private set; } = "";
    public string Kind { get; private set; } = "";
    public string ToEmail { get; private set; } = "";
    public string? ToName { get; private set; }
    public string Language { get; private set; } = "vi";
    public string Subject { get; private set; } = "";
    public string BodyMarkdown { get; private set; } = "";
    /// <summary>For digests: shown in the footer and sent as List-Unsubscribe.</summary>
    public string? UnsubscribeUrl { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    /// <summary>A worker holds the message until then; after a crash another may take it over.</summary>
    public DateTimeOffset? ClaimedUntil { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public string? ProviderMessageId { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset? DeadAt { get; private set; }

    public bool IsPending => SentAt is null && DeadAt is null;

    public void MarkSent(string providerMessageId, DateTimeOffset at)
    {
        if (SentAt is not null) return;
        SentAt = at;
        ProviderMessageId = providerMessageId;
        ClaimedUntil = null;
        LastError = null;
    }

    /// <summary>Records a failed attempt: waits 1, 2, 4 ... minutes (at most 6 hours, or what the provider asked for),
    /// and dead-letters the message after <see cref="MaxAttempts"/>.</summary>
    public void AttemptFailed(string error, DateTimeOffset at, TimeSpan? retryAfter)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        ClaimedUntil = null;
        if (Attempts >= MaxAttempts)
        {
            DeadAt = at;
            return;
        }
        var backoff = TimeSpan.FromMinutes(Math.Min(360, Math.Pow(2, Attempts - 1)));
        NextAttemptAt = at + (retryAfter is TimeSpan asked && asked > backoff ? asked : backoff);
    }

    /// <summary>An administrator sends a dead-lettered message again.</summary>
    public void Revive(DateTimeOffset at)
    {
        if (SentAt is not null || DeadAt is null) return;
        DeadAt = null;
        Attempts = 0;
        NextAttemptAt = at;
    }
}
