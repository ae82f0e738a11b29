namespace Portal.Web.Units.Agencies;

/// <summary>Marker for the agencies pages' English text (AgenciesText.en.resx); the Vietnamese text is the key.</summary>
public sealed class AgenciesText;
