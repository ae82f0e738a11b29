using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Portal.Domain.Accounts;

namespace Microsoft.AspNetCore.Routing;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    // Endpoints the static account pages post to (they are not pages: they sign out or return a file).
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var accountGroup = endpoints.MapGroup("/Account");

        accountGroup.MapPost("/Logout", async (
            [FromServices] SignInManager<PortalUser> signInManager,
            [FromForm] string returnUrl) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect($"~/{returnUrl}");
        });

        var manageGroup = accountGroup.MapGroup("/Manage").RequireAuthorization();

        var downloadLogger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("DownloadPersonalData");

        // "Download my data": everything AccountService knows about the person, as JSON.
        manageGroup.MapPost("/DownloadPersonalData", async (
            HttpContext context,
            [FromServices] UserManager<PortalUser> userManager,
            [FromServices] AccountService accounts,
            CancellationToken ct) =>
        {
            var userId = userManager.GetUserId(context.User);
            if (userId is null || await userManager.FindByIdAsync(userId) is not { DeletedAt: null })
                return Results.NotFound();

            downloadLogger.LogInformation("User with ID '{UserId}' asked for their personal data.", userId);
            var json = await accounts.ExportPersonalDataAsync(userId, ct);
            return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(json), "application/json", "du-lieu-ca-nhan.json");
        });

        return accountGroup;
    }
}
