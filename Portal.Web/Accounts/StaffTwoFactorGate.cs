namespace Portal.Web.Accounts;

/// <summary>Staff must turn on two-factor sign-in before doing anything else (Auth:RequireStaffTwoFactor, on by
/// default, off in Development so a newcomer can try every demo role at once).</summary>
public sealed class StaffTwoFactorGate(RequestDelegate next, IConfiguration configuration)
{
    private const string Setup = "/Account/Manage/EnableAuthenticator";

    public Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        if (configuration.GetValue("Auth:RequireStaffTwoFactor", true)
            && user.Identity?.IsAuthenticated == true
            && user.HasClaim(c => c.Type == PortalClaims.Staff)
            && !user.HasClaim(c => c.Type == PortalClaims.TwoFactor)
            && HttpMethods.IsGet(context.Request.Method)
            && !IsAllowed(context.Request.Path))
        {
            context.Response.Redirect(Setup + "?required=1");
            return Task.CompletedTask;
        }
        return next(context);
    }

    private static bool IsAllowed(PathString path) =>
        path.StartsWithSegments("/Account") || path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_content")
        || path.StartsWithSegments("/_blazor") || path.StartsWithSegments("/health") || path.StartsWithSegments("/culture")
        || StaticFile.IsMatch(path.Value ?? "");

    // Files of the web root only: an endpoint that happens to end in an extension (audit.csv) is not let through.
    private static readonly System.Text.RegularExpressions.Regex StaticFile =
        new(@"\.(css|js|svg|png|jpg|ico|woff2?|txt)$", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
}
