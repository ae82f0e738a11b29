namespace Portal.Web.Deadlines;

/// <summary>Marker for the deadlines feature's UI text (DeadlinesText.en.resx holds the English).</summary>
public sealed class DeadlinesText;
