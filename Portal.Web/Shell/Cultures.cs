using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Portal.Web.Shell;

/// <summary>Vietnamese first (dd/MM/yyyy, 1.234.567 ₫), English second; the choice lives in a cookie.</summary>
public static class Cultures
{
    public static readonly CultureInfo Vietnamese = new("vi-VN");
    public static readonly CultureInfo English = new("en-US");
    public static readonly TimeZoneInfo Local = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static RequestLocalizationOptions Options
    {
        get
        {
            var options = new RequestLocalizationOptions
            {
                DefaultRequestCulture = new RequestCulture(Vietnamese),
                SupportedCultures = [Vietnamese, English],
                SupportedUICultures = [Vietnamese, English],
            };
            // Only the cookie (and ?culture= for links): a browser in English still gets the Vietnamese portal first.
            options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
            return options;
        }
    }

    /// <summary>An instant shown in Vietnam's time, whatever the server's zone.</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Local);

    public static void MapCultureEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/culture", (HttpContext context, string? lang, string? returnUrl) =>
        {
            var culture = lang == "en" ? English : Vietnamese;
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = false });
            var target = string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//") ? "/" : returnUrl;
            return Results.LocalRedirect(target);
        });
}
