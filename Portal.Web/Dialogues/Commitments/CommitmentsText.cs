namespace Portal.Web.Dialogues.Commitments;

/// <summary>Marker for the commitments page's UI text (CommitmentsText.en.resx holds the English).</summary>
public sealed class CommitmentsText;
