namespace Portal.Web.Reports;

/// <summary>Marker for the dashboard's text (ReportsText.en.resx holds the English).</summary>
public sealed class ReportsText;
