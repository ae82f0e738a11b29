namespace Portal.Web.Dialogues.Routing;

/// <summary>Marker for the routing feature's texts (RoutingText.en.resx).</summary>
public sealed class RoutingText;
