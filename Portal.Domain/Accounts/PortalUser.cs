using Microsoft.AspNetCore.Identity;
using Portal.Domain.Units;

namespace Portal.Domain.Accounts;

/// <summary>An account: a resident, or staff holding roles on units.</summary>
public sealed class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public int? HomeUnitId { get; set; }
    public Unit? HomeUnit { get; set; }
    /// <summary>"vi" or "en": the language of the UI and of emails.</summary>
    public string PreferredLanguage { get; set; } = "vi";
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Set when the person deleted their account: the row stays so their content keeps an (anonymous) author.</summary>
    public DateTimeOffset? DeletedAt { get; set; }
    public List<UnitRole> UnitRoles { get; set; } = [];
    /// <summary>Random token in the digest's unsubscribe link (no sign-in needed to stop digests).</summary>
    public string? UnsubscribeToken { get; set; }
}
