namespace Portal.Web.Shell;

/// <summary>The locality a visitor last chose, remembered in a cookie so the home page opens on it.</summary>
public sealed class LocalityPreference(IHttpContextAccessor http)
{
    public const string CookieName = "portal.locality";

    /// <summary>Read during the prerender, when the request's cookies are at hand.</summary>
    public int? Remembered =>
        http.HttpContext?.Request.Cookies.TryGetValue(CookieName, out var value) == true && int.TryParse(value, out var id) ? id : null;
}
