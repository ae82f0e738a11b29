namespace Portal.Web.Dialogues.Results;

/// <summary>Marker for the printable results and agenda pages' UI text (ResultsText.en.resx holds the English).</summary>
public sealed class ResultsText;
