using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Domain.Accounts;
using Portal.Domain.Data;

namespace Portal.Web.Accounts;

public static class PortalClaims
{
    public const string DisplayName = "portal:name";
    public const string Staff = "portal:staff";
    public const string Admin = "portal:admin";
    /// <summary>Administrator on the country root: system-wide tools (job dashboard, outbox, holidays, policies).</summary>
    public const string NationalAdmin = "portal:national-admin";
    public const string TwoFactor = "portal:2fa";
}

public static class Policies
{
    public const string Staff = "staff";
    public const string Admin = "admin";
    public const string NationalAdmin = "national-admin";
}

/// <summary>Puts the display name and "holds a staff role" into the cookie, so the layout and the two-factor gate
/// need no query per request. Role changes take effect at the next sign-in or security-stamp revalidation.</summary>
public sealed class PortalClaimsFactory(UserManager<PortalUser> users, IOptions<IdentityOptions> options, IDbContextFactory<PortalDb> dbs)
    : UserClaimsPrincipalFactory<PortalUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.DisplayName, user.DisplayName));
        await using var db = await dbs.CreateDbContextAsync();
        var roles = await db.UnitRoles.Where(r => r.UserId == user.Id)
            .Select(r => new { r.Role, National = r.Unit.Level == Portal.Domain.Units.UnitLevel.Country }).Distinct().ToListAsync();
        if (roles.Count > 0) identity.AddClaim(new Claim(PortalClaims.Staff, "1"));
        if (roles.Any(r => r.Role == StaffRole.Admin)) identity.AddClaim(new Claim(PortalClaims.Admin, "1"));
        if (roles.Any(r => r.Role == StaffRole.Admin && r.National)) identity.AddClaim(new Claim(PortalClaims.NationalAdmin, "1"));
        if (user.TwoFactorEnabled) identity.AddClaim(new Claim(PortalClaims.TwoFactor, "1"));
        return identity;
    }
}
