namespace Portal.Domain.Data;

/// <summary>
/// One ASP.NET Core Data Protection key as XML (the key ring that protects sign-in cookies, antiforgery tokens and
/// account-email links). Kept in the portal's database so that every web node reads the same ring; Portal.Web's
/// <c>DatabaseKeyRing</c> is the only reader and writer. Plain EF Core here: the Domain stays free of ASP.NET.
/// </summary>
public sealed class KeyRingEntry
{
    private KeyRingEntry() { }

    public KeyRingEntry(string? friendlyName, string xml)
    {
        FriendlyName = friendlyName;
        Xml = xml;
    }

    public int Id { get; private set; }
    public string? FriendlyName { get; private set; }
    public string Xml { get; private set; } = "";
}
