namespace Portal.Web.Search;

/// <summary>Marker for the search UI text (SearchText.en.resx holds the English).</summary>
public sealed class SearchText;
