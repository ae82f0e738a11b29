using System.Globalization;
using System.Security.Claims;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Portal.Domain.Accounts;
using Portal.Domain.Data;
using Portal.Domain.Units;
using Portal.Tests.Infrastructure;
using Portal.Web.Accounts;

namespace Portal.Tests.Units;

/// <summary>A bUnit context for the units pages: MudBlazor, the Domain services on the test class's database,
/// Vietnamese UI, and optionally a signed-in user.</summary>
public static class UnitsUi
{
    public static BunitContext Context(DatabaseFixture db, string? userId = null)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("vi-VN");
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLocalization();
        ctx.Services.AddSingleton<IDbContextFactory<PortalDb>>(db);
        // The fake clock goes to the Domain only: MudBlazor debounces typing with the TimeProvider it finds.
        ctx.Services.AddSingleton(new UnitService(db, db.Clock));
        ctx.Services.AddScoped<CurrentActor>();
        var auth = ctx.AddAuthorization();
        if (userId is not null)
        {
            auth.SetAuthorized("Quản trị viên");
            auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId), new Claim(PortalClaims.Admin, "1"));
        }
        return ctx;
    }

    /// <summary>A user holding the Admin role on the country root (nationwide).</summary>
    public static async Task<string> NationwideAdminAsync(DatabaseFixture db)
    {
        var user = await TestUsers.CreateAsync(db, "Quản trị viên");
        await using var ctx = db.CreateDbContext();
        var country = await ctx.Units.SingleAsync(u => u.Level == UnitLevel.Country);
        await new AccountService(db, TimeProvider.System).GrantAsync(Actor.System, user, country.Id, StaffRole.Admin);
        return user;
    }
}
