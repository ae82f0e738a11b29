namespace Portal.Web.Accounts;

/// <summary>Marker for the account pages' texts: Vietnamese keys, English in AccountsText.en.resx.</summary>
public sealed class AccountsText;
