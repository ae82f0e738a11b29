using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Data;

namespace Portal.Web.Accounts;

/// <summary>"May this user do <see cref="Action"/> on something of the unit given as the resource?"</summary>
public sealed record UnitScopeRequirement(StaffAction Action) : IAuthorizationRequirement;

/// <summary>The resource of a <see cref="UnitScopeRequirement"/>: the unit the item belongs to.</summary>
public sealed record UnitResource(int UnitId);

public sealed class UnitScopeHandler(IDbContextFactory<PortalDb> dbs) : AuthorizationHandler<UnitScopeRequirement, UnitResource>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, UnitScopeRequirement requirement, UnitResource resource)
    {
        var actor = CurrentActor.From(context.User);
        if (actor is null) return;
        await using var db = await dbs.CreateDbContextAsync();
        if (await db.MayAsync(actor, requirement.Action, resource.UnitId)) context.Succeed(requirement);
    }
}
