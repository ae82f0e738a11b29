namespace Portal.Web.Attachments;

/// <summary>Marker for the attachment components' UI text (AttachmentsText.en.resx holds the English).</summary>
public sealed class AttachmentsText;
