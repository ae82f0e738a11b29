namespace Portal.Web.Drafts;

/// <summary>Marker for the drafts pillar's UI text (DraftsText.en.resx holds the English).</summary>
public sealed class DraftsText;
