using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authentication;
using Portal.Web.Accounts;

namespace Portal.Web.Hosting;

/// <summary>The Hangfire dashboard at /jobs, for nationwide administrators only: anonymous visitors are sent to log in,
/// anyone else signed in (a commune's administrator included) gets 403.</summary>
public static class JobsDashboard
{
    public const string Path = "/jobs";

    public static void UseJobsDashboard(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Path), branch => branch.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated != true)
            {
                await context.ChallengeAsync();
                return;
            }
            if (!context.User.HasClaim(c => c.Type == PortalClaims.NationalAdmin))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }
            await next(context);
        }));
        app.UseHangfireDashboard(Path, new DashboardOptions
        {
            Authorization = [new AdminOnly()],
            DashboardTitle = "Portal · Hangfire",
            AppPath = "/",
        });
    }

    private sealed class AdminOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) =>
            context.GetHttpContext().User.HasClaim(c => c.Type == PortalClaims.NationalAdmin);
    }
}
