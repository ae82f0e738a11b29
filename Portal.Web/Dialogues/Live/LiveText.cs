namespace Portal.Web.Dialogues.Live;

/// <summary>Marker for the live conference screens' UI text (LiveText.en.resx holds the English).</summary>
public sealed class LiveText;
