namespace Portal.Web.OpenData;

/// <summary>Marker for the open data, API and privacy pages' text (OpenDataText.en.resx holds the English).</summary>
public sealed class OpenDataText;
