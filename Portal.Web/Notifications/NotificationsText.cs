namespace Portal.Web.Notifications;

/// <summary>Marker for the notifications feature's UI text (NotificationsText.en.resx holds the English).</summary>
public sealed class NotificationsText;
