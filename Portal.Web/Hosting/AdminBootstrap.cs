using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Data;
using Portal.Domain.Units;

namespace Portal.Web.Hosting;

/// <summary>Creates the first administrator from configuration (Admin:Email, Admin:Password) when the portal has
/// none. There is deliberately no default password.</summary>
public sealed class AdminBootstrap(IDbContextFactory<PortalDb> dbs, UserManager<PortalUser> users, AccountService accounts,
    IConfiguration configuration, TimeProvider clock, ILogger<AdminBootstrap> log)
{
    public async Task EnsureAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var country = await db.Units.SingleAsync(u => u.Level == UnitLevel.Country, ct);
        if (await db.UnitRoles.AnyAsync(r => r.Role == StaffRole.Admin && r.UnitId == country.Id, ct)) return;
        var email = configuration["Admin:Email"];
        var password = configuration["Admin:Password"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            log.LogWarning("No administrator exists. Set Admin:Email and Admin:Password (e.g. environment variables Admin__Email, Admin__Password) and restart to create one.");
            return;
        }
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = configuration["Admin:Name"] ?? "Quản trị", CreatedAt = clock.GetUtcNow() };
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
                throw new InvalidOperationException("Admin account not created: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
        await accounts.GrantAsync(Actor.System, user.Id, country.Id, StaffRole.Admin, ct);
        log.LogInformation("Administrator {Email} created; two-factor sign-in will be required on first login.", email);
    }
}
