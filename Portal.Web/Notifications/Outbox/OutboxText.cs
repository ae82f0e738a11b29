namespace Portal.Web.Notifications.Outbox;

/// <summary>Marker for the admin outbox page's English text (OutboxText.en.resx); the Vietnamese text is the key.</summary>
public sealed class OutboxText;
