namespace Portal.Web.Dialogues;

/// <summary>Marker for the dialogue conferences' public UI text (DialoguesText.en.resx holds the English).</summary>
public sealed class DialoguesText;
