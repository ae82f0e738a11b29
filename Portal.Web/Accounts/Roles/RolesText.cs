namespace Portal.Web.Accounts.Roles;

/// <summary>Marker for the roles pages' English text (RolesText.en.resx); the Vietnamese text is the key.</summary>
public sealed class RolesText;
