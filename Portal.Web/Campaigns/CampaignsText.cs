namespace Portal.Web.Campaigns;

/// <summary>Marker for the campaigns' UI text (CampaignsText.en.resx holds the English).</summary>
public sealed class CampaignsText;
