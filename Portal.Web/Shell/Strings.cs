namespace Portal.Web.Shell;

/// <summary>Marker for the UI text resources: Strings.resx (Vietnamese, the default) and Strings.en.resx.</summary>
public sealed class Strings;
