using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Portal.Domain.Accounts;

namespace Portal.Web.Accounts;

/// <summary>The signed-in person as the Domain services see them.</summary>
public sealed class CurrentActor(AuthenticationStateProvider auth)
{
    public async Task<Actor?> GetAsync()
    {
        var user = (await auth.GetAuthenticationStateAsync()).User;
        return From(user);
    }

    public static Actor? From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return null;
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null) return null;
        return new Actor(id, user.FindFirstValue(PortalClaims.DisplayName) ?? user.Identity.Name ?? id);
    }
}
